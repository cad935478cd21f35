package io.queuedesk.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * {@link IdNeverBound} applies to every controller's forms: a posted {@code id=999} is
 * not bound, the other fields are. (The probe controller stands for any form with an
 * {@code id} property.)
 */
@WebMvcTest(IdNeverBoundTest.ProbeController.class)
@Import({ SliceSecurity.class, IdNeverBoundTest.ProbeController.class })
class IdNeverBoundTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aPostedIdIsNotBound() throws Exception {
		mvc.perform(post("/id-probe").param("id", "999")
			.param("name", "x")
			.with(csrf())
			.with(user(TestUsers.signedIn(1, "a@test.example", "A", Role.ADMIN))))
			.andExpect(content().string("id=null name=x"));
	}

	@RestController
	static class ProbeController {

		@PostMapping("/id-probe")
		@ResponseBody
		String probe(@ModelAttribute Probe probe) {
			return "id=" + probe.getId() + " name=" + probe.getName();
		}

	}

	public static class Probe {

		private Long id;

		private String name;

		public Long getId() {
			return id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
