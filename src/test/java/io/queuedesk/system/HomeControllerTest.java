package io.queuedesk.system;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

@WebMvcTest(HomeController.class)
@Import(SliceSecurity.class)
class HomeControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void adminsGoToTheDashboard() throws Exception {
		mvc.perform(get("/").with(user(TestUsers.signedIn(1, "a@test.example", "A", Role.ADMIN))))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void adminWhoIsAlsoDeveloperGoesToTheDashboard() throws Exception {
		mvc.perform(get("/").with(user(TestUsers.signedIn(1, "a@test.example", "A", Role.DEVELOPER, Role.ADMIN))))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void developersAndSubmittersGoToTheirTickets() throws Exception {
		mvc.perform(get("/").with(user(TestUsers.signedIn(2, "d@test.example", "D", Role.DEVELOPER))))
			.andExpect(redirectedUrl("/my/tickets"));
		mvc.perform(get("/").with(user(TestUsers.signedIn(3, "s@test.example", "S", Role.SUBMITTER))))
			.andExpect(redirectedUrl("/my/tickets"));
	}

	@Test
	void anonymousVisitorsMustSignIn() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

}
