package io.queuedesk.account;

import static io.queuedesk.system.FieldErrorCodes.anyFieldErrorCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
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

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;

/**
 * /register and /register/confirm: open to visitors, labelled fields, errors next to
 * them, CSRF.
 */
@WebMvcTest(RegistrationController.class)
@Import({ SliceSecurity.class, Flash.class })
class RegistrationControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@Test
	void theFormIsOpenToVisitorsWithLabelledFields() throws Exception {
		mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(content().string(containsString("for=\"email\"")))
			.andExpect(content().string(containsString("for=\"displayName\"")))
			.andExpect(content().string(containsString("for=\"password\"")))
			.andExpect(content().string(containsString("for=\"confirmPassword\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void badFieldsAreShownNextToTheFieldsAndNothingIsRegistered() throws Exception {
		mvc.perform(form("not-an-email", " ", "short", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.length"))
			.andExpect(content().string(containsString("Enter a valid email address")))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(form("", "Name", "Right-pass-1", "Other-pass-1"))
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"))
			.andExpect(content().string(containsString("The two passwords do not match.")));
		mvc.perform(form("me@example.com", "Name", "ME@example.com", "ME@example.com"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.sameAsEmail"));
		verify(accounts, never()).register(anyString(), anyString(), anyString());
	}

	@Test
	void controlCharactersInTheNameOrEmailAreFieldErrorsNotAnInboxPage() throws Exception {
		// Issue 12: "r\0eg" once answered "Check your inbox" while nothing was made.
		mvc.perform(form("new@example.com", "r\0eg", "Right-pass-1", "Right-pass-1"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "CleanText"))
			.andExpect(content().string(containsString("must not contain control characters")))
			.andExpect(content().string(not(containsString("Check your inbox"))));
		mvc.perform(form("n\0ew@example.com", "\u200B", "Right-pass-1", "Right-pass-1"))
			.andExpect(anyFieldErrorCode("form", "email", "CleanText"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "CleanText"))
			.andExpect(content().string(containsString("it holds only invisible characters")));
		verify(accounts, never()).register(anyString(), anyString(), anyString());
	}

	@Test
	void aValidFormRegistersAndShowsTheInboxPage() throws Exception {
		mvc.perform(form("new@example.com", "New Person", "Right-pass-1", "Right-pass-1"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/check-inbox"))
			.andExpect(content().string(containsString("Check your inbox")));
		verify(accounts).register("new@example.com", "New Person", "Right-pass-1");
	}

	@Test
	void aRegistrationThatLostARaceAnswersTheSame() throws Exception {
		willThrow(new DataIntegrityViolationException("uq_users_email", new SQLException("duplicate key", "23505")))
			.given(accounts)
			.register(anyString(), anyString(), anyString());
		mvc.perform(form("new@example.com", "New Person", "Right-pass-1", "Right-pass-1"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/check-inbox"));
	}

	@Test
	void aRegistrationTheDatabaseRefusedIsNeverAnsweredWithCheckYourInbox() {
		// Issue 12: no account and no mail were made, so "Check your inbox" would be a
		// lie.
		willThrow(new DataIntegrityViolationException("invalid byte sequence")).given(accounts)
			.register(anyString(), anyString(), anyString());
		assertThatThrownBy(() -> mvc.perform(form("new@example.com", "New Person", "Right-pass-1", "Right-pass-1")))
			.hasRootCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/register").param("email", "a@example.com")).andExpect(status().isForbidden());
		mvc.perform(post("/register/confirm").param("token", "t")).andExpect(status().isForbidden());
		verifyNoInteractions(accounts);
	}

	@Test
	void theLinkShowsAButtonThatPostsTheToken() throws Exception {
		given(accounts.isConfirmationLive("live")).willReturn(true);
		mvc.perform(get("/register/confirm").param("token", "live"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/register/confirm\"")))
			.andExpect(content().string(containsString("name=\"token\" value=\"live\"")));
		verify(accounts, never()).confirmEmail(any());
	}

	@Test
	void confirmingRedirectsToTheLoginWithAFlash() throws Exception {
		given(accounts.confirmEmail("live")).willReturn(true);
		mvc.perform(post("/register/confirm").with(csrf()).param("token", "live"))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flashSuccess", "Your email address is confirmed. You can sign in now."));
	}

	@Test
	void aDeadLinkGetsTheClearPage() throws Exception {
		mvc.perform(get("/register/confirm").param("token", "dead"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("account/link-invalid"))
			.andExpect(content().string(containsString("This link no longer works")));
		mvc.perform(post("/register/confirm").with(csrf()).param("token", "dead"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("account/link-invalid"));
	}

	private MockHttpServletRequestBuilder form(String email, String name, String password, String confirm) {
		return post("/register").with(csrf())
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.param("confirmPassword", confirm);
	}

}
