package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.system.SliceSecurity;

/**
 * POST /account/color-mode: stores the mode, remembers it in the session, returns to the
 * page it came from (local paths only), answers the script's post with 204; CSRF, sign-in
 * and a known mode required.
 */
@WebMvcTest(ColorModeController.class)
@Import(SliceSecurity.class)
class ColorModeControllerTest {

	final SignedInUser sam = TestUsers.signedIn(7, "sam@test.example", "Sam", Role.SUBMITTER);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ColorModes colorModes;

	@Test
	void storesTheModeAndReturnsToThePage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/color-mode").with(user(sam))
			.with(csrf())
			.session(session)
			.param("colorMode", "DARK")
			.param("returnTo", "/tickets?status=OPEN&q={x}"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/tickets?status=OPEN&q={x}"));

		verify(colorModes).change(7, ColorMode.DARK);
		assertThat(session.getAttribute(ColorModeSession.class.getName() + ".7")).isEqualTo(ColorMode.DARK);
	}

	@Test
	void withoutAPageToReturnToGoesToTheStartPage() throws Exception {
		mvc.perform(post("/account/color-mode").with(user(sam)).with(csrf()).param("colorMode", "AUTO"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));

		verify(colorModes).change(7, ColorMode.AUTO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/path", "/\\evil.example", "\\\\evil.example",
			"javascript:alert(1)", "tickets", "/tickets\r\nSet-Cookie: x=1", "http:/evil.example", " /tickets",
			"/tickets?q=café", "/tickets?q=a b" })
	void returnsOnlyToLocalPaths(String returnTo) throws Exception {
		mvc.perform(post("/account/color-mode").with(user(sam))
			.with(csrf())
			.param("colorMode", "LIGHT")
			.param("returnTo", returnTo)).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
	}

	@Test
	void theScriptsPostIsAnsweredWithNoContent() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/color-mode").with(user(sam))
			.with(csrf())
			.session(session)
			.header("X-Requested-With", "fetch")
			.param("colorMode", "LIGHT")
			.param("returnTo", "/tickets")).andExpect(status().isNoContent());

		verify(colorModes).change(7, ColorMode.LIGHT);
		assertThat(session.getAttribute(ColorModeSession.class.getName() + ".7")).isEqualTo(ColorMode.LIGHT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PURPLE", "dark ", "" })
	void anUnknownModeIsABadRequest(String mode) throws Exception {
		mvc.perform(post("/account/color-mode").with(user(sam)).with(csrf()).param("colorMode", mode))
			.andExpect(status().isBadRequest());

		verifyNoInteractions(colorModes);
	}

	@Test
	void aMissingModeIsABadRequest() throws Exception {
		mvc.perform(post("/account/color-mode").with(user(sam)).with(csrf()).param("returnTo", "/"))
			.andExpect(status().isBadRequest());

		verifyNoInteractions(colorModes);
	}

	@Test
	void needsTheCsrfToken() throws Exception {
		mvc.perform(post("/account/color-mode").with(user(sam)).param("colorMode", "DARK"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(colorModes);
	}

	@Test
	void aVisitorIsSentToSignIn() throws Exception {
		mvc.perform(post("/account/color-mode").with(csrf()).param("colorMode", "DARK"))
			.andExpect(status().isFound())
			.andExpect(request().sessionAttributeDoesNotExist(ColorModeSession.class.getName() + ".7"));

		verify(colorModes, org.mockito.Mockito.never()).change(anyLong(), org.mockito.ArgumentMatchers.any());
	}

	@Test
	void localPathKeepsPathAndQuery() {
		assertThat(ColorModeController.localPath("/admin/users/7?tab=roles")).isEqualTo("/admin/users/7?tab=roles");
		assertThat(ColorModeController.localPath(null)).isEqualTo("/");
		assertThat(ColorModeController.localPath("/tickets?q=" + "x".repeat(3000))).isEqualTo("/");
	}

}
