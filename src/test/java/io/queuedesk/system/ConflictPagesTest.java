package io.queuedesk.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Issue 12, point 2, the safety net: a change that lost a race and that no feature
 * answered itself is a 409 (the error page says "Someone else changed this in the
 * meantime"), a JSON 409 problem under /api — never a 500.
 */
@WebMvcTest(controllers = { ConflictPagesTest.RacingPage.class, ConflictPagesTest.RacingApi.class })
@Import({ SliceSecurity.class, ConflictPagesTest.RacingPage.class, ConflictPagesTest.RacingApi.class })
class ConflictPagesTest {

	@Controller
	static class RacingPage {

		@PostMapping("/test-races/page")
		String save() {
			throw new ObjectOptimisticLockingFailureException("Something", 1L);
		}

	}

	@RestController
	static class RacingApi {

		@GetMapping("/api/test-races")
		String read() {
			throw new CannotAcquireLockException("lock timeout");
		}

	}

	@Autowired
	MockMvc mvc;

	@Test
	void aPageIsAConflict() throws Exception {
		mvc.perform(post("/test-races/page").with(user(TestUsers.signedIn(1, "a@test.example", "A", Role.ADMIN)))
			.with(csrf())).andExpect(status().isConflict());
	}

	@Test
	void theApiAnswersAJsonProblem() throws Exception {
		mvc.perform(get("/api/test-races").with(user(TestUsers.signedIn(1, "a@test.example", "A", Role.ADMIN))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail")
				.value("Changed by someone else meanwhile; nothing was saved. Reload and try again."));
	}

}
