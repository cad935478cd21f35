package io.queuedesk.account;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * /account/password: signed-in users only, the current password proves it, rules as field
 * errors.
 */
@WebMvcTest(ChangePasswordController.class)
@Import({ SliceSecurity.class, Flash.class })
class ChangePasswordControllerTest {

	static final String SESSION_ID = "the-session-that-changes-it";

	final SignedInUser me = TestUsers.signedIn(7, "me@test.example", "Me", Role.SUBMITTER);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@Test
	void theFormHasLabelledFieldsAndTheNavLink() throws Exception {
		mvc.perform(get("/account/password").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("for=\"currentPassword\"")))
			.andExpect(content().string(containsString("for=\"password\"")))
			.andExpect(content().string(containsString("for=\"confirmPassword\"")))
			.andExpect(content().string(containsString("href=\"/account/password\"")));
	}

	@Test
	void visitorsAreSentToTheLogin() throws Exception {
		mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/account/password").with(csrf()).param("currentPassword", "x"))
			.andExpect(redirectedUrl("/login"));
		verifyNoInteractions(accounts);
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/account/password").with(user(me)).param("currentPassword", "x"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(accounts);
	}

	@Test
	void aWrongCurrentPasswordIsAFieldError() throws Exception {
		willThrow(new WrongPasswordException()).given(accounts)
			.changePassword(me, "Wrong-pass-1", "Right-pass-2", SESSION_ID);
		mvc.perform(change("Wrong-pass-1", "Right-pass-2", "Right-pass-2"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.current.wrong"))
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")))
			.andExpect(content().string(containsString("The current password is wrong.")));
	}

	@Test
	void passwordRulesAreFieldErrors() throws Exception {
		mvc.perform(change("", "short", "short"))
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.length"));
		mvc.perform(change("Old-pass-1", "Right-pass-2", "Right-pass-3"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"));
		verify(accounts, never()).changePassword(any(), any(), any(), any());
	}

	@Test
	void aChangeRedirectsHomeWithAFlash() throws Exception {
		mvc.perform(change("Old-pass-1", "Right-pass-2", "Right-pass-2"))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flashSuccess", "Your password has been changed."));
		// The session that changed it is the one that stays signed in (issue 12).
		verify(accounts).changePassword(me, "Old-pass-1", "Right-pass-2", SESSION_ID);
	}

	private MockHttpServletRequestBuilder change(String current, String password, String confirm) {
		return post("/account/password").with(user(me))
			.with(csrf())
			.session(new MockHttpSession(null, SESSION_ID))
			.param("currentPassword", current)
			.param("password", password)
			.param("confirmPassword", confirm);
	}

}
