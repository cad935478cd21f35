package io.queuedesk.account;

import static io.queuedesk.system.FieldErrorCodes.anyFieldErrorCode;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.account.AccountService.PasswordLink;

/**
 * /password/forgot and /password/reset: open to visitors, one answer for every email,
 * rules as field errors.
 */
@WebMvcTest(PasswordResetController.class)
@Import({ SliceSecurity.class, Flash.class })
class PasswordResetControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@Test
	void theForgotFormIsOpenToVisitors() throws Exception {
		mvc.perform(get("/password/forgot"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("for=\"email\"")))
			.andExpect(content().string(containsString("action=\"/password/forgot\"")));
	}

	@Test
	void aForgotRequestAsksTheServiceAndShowsTheInboxPage() throws Exception {
		mvc.perform(post("/password/forgot").with(csrf()).param("email", "someone@example.com"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/check-inbox"));
		verify(accounts).requestPasswordReset("someone@example.com");
	}

	@Test
	void aBadEmailIsAFieldError() throws Exception {
		mvc.perform(post("/password/forgot").with(csrf()).param("email", "nope"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andExpect(content().string(containsString("id=\"email-error\"")));
		verify(accounts, never()).requestPasswordReset(anyString());
	}

	@Test
	void aControlCharacterInTheEmailIsAFieldError() throws Exception {
		mvc.perform(post("/password/forgot").with(csrf()).param("email", "some\0one@example.com"))
			.andExpect(status().isOk())
			.andExpect(anyFieldErrorCode("form", "email", "CleanText"))
			.andExpect(content().string(containsString("must not contain control characters")));
		verify(accounts, never()).requestPasswordReset(anyString());
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/password/forgot").param("email", "a@example.com")).andExpect(status().isForbidden());
		mvc.perform(post("/password/reset").param("token", "t")).andExpect(status().isForbidden());
		verifyNoInteractions(accounts);
	}

	@Test
	void theResetFormCarriesTheTokenAndItsHeading() throws Exception {
		given(accounts.passwordLink("reset")).willReturn(Optional.of(new PasswordLink("me@example.com", false)));
		given(accounts.passwordLink("first")).willReturn(Optional.of(new PasswordLink("me@example.com", true)));
		mvc.perform(get("/password/reset").param("token", "reset"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a new password")))
			.andExpect(content().string(containsString("type=\"hidden\"")))
			.andExpect(content().string(containsString("value=\"reset\"")))
			.andExpect(content().string(containsString("for=\"confirmPassword\"")));
		mvc.perform(get("/password/reset").param("token", "first"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose your password")));
	}

	@Test
	void ruleFailuresAreFieldErrorsThatKeepTheToken() throws Exception {
		given(accounts.passwordLink("reset")).willReturn(Optional.of(new PasswordLink("me@example.com", false)));
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", "reset")
			.param("password", "me@example.com")
			.param("confirmPassword", "me@example.com"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.sameAsEmail"))
			.andExpect(content().string(containsString("value=\"reset\"")))
			.andExpect(content().string(containsString("The password must not be your email address.")));
		verify(accounts, never()).resetPassword(any(), any());
	}

	@Test
	void aResetRedirectsToTheLoginWithAFlash() throws Exception {
		given(accounts.passwordLink("first")).willReturn(Optional.of(new PasswordLink("me@example.com", true)));
		given(accounts.resetPassword("first", "Right-pass-1")).willReturn(true);
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", "first")
			.param("password", "Right-pass-1")
			.param("confirmPassword", "Right-pass-1"))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flashSuccess", "Your password is set. You can sign in now."));
	}

	@Test
	void aDeadOrRacedLinkGetsTheClearPage() throws Exception {
		mvc.perform(get("/password/reset"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("account/link-invalid"));
		given(accounts.passwordLink("raced")).willReturn(Optional.of(new PasswordLink("me@example.com", false)));
		given(accounts.resetPassword("raced", "Right-pass-1")).willReturn(false);
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", "raced")
			.param("password", "Right-pass-1")
			.param("confirmPassword", "Right-pass-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link no longer works")));
	}

}
