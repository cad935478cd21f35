package io.queuedesk.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.UserAccounts;

/**
 * /account/preferences (issue 18): the language of pages and mails, or the browser's; a
 * choice applies to this session at once, beats the browser's Accept-Language, and only a
 * language the app offers is taken.
 */
@WebMvcTest(PreferencesController.class)
@Import({ SliceSecurity.class, Flash.class })
class PreferencesControllerTest {

	final SignedInUser me = TestUsers.signedIn(7, "me@test.example", "Me", Role.SUBMITTER);

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@MockitoBean
	UserAccounts accounts;

	String text(String code, Locale locale) {
		return HtmlUtils.htmlEscape(messages.getMessage(code, null, locale));
	}

	@Test
	void theFormOffersTheBrowsersChoiceAndEachLanguageNamedInItself() throws Exception {
		mvc.perform(get("/account/preferences").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString("for=\"language\"")))
			.andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">"
					+ text("preferences.language.browser", Locale.ENGLISH) + "</option>")))
			.andExpect(content().string(containsString("<option value=\"en\" lang=\"en\">English</option>")))
			.andExpect(content().string(containsString("<option value=\"de\" lang=\"de\">Deutsch</option>")))
			// the navbar links the page
			.andExpect(content().string(containsString("href=\"/account/preferences\"")));
	}

	@Test
	void theBrowsersLanguageIsUsedWhenTheUserChoseNone() throws Exception {
		mvc.perform(get("/account/preferences").with(user(me)).header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
			.andExpect(content().string(containsString("<html lang=\"de\"")))
			.andExpect(content().string(containsString(text("preferences.heading", Locale.GERMAN))));
		// A language the app does not offer: English.
		mvc.perform(get("/account/preferences").with(user(me)).header("Accept-Language", "fr-FR,fr;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString(text("preferences.heading", Locale.ENGLISH))));
	}

	@Test
	void aChoiceIsStoredAndAppliesToTheSessionAtOnceWhateverTheBrowserSays() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/preferences").with(user(me))
			.with(csrf())
			.session(session)
			.header("Accept-Language", "en")
			.param("language", "de"))
			.andExpect(redirectedUrl("/account/preferences"))
			// the flash is already in the new language
			.andExpect(
					flash().attribute("flashSuccess", messages.getMessage("preferences.saved", null, Locale.GERMAN)));
		verify(accounts).setLanguage(7, "de");

		mvc.perform(get("/account/preferences").with(user(me)).session(session).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("<html lang=\"de\"")))
			.andExpect(content().string(containsString(text("preferences.heading", Locale.GERMAN))))
			.andExpect(content().string(containsString("<option value=\"de\" lang=\"de\" selected=\"selected\">")));

		// Back to the browser's choice: stored as null, the browser decides again.
		mvc.perform(post("/account/preferences").with(user(me)).with(csrf()).session(session).param("language", ""))
			.andExpect(redirectedUrl("/account/preferences"));
		verify(accounts).setLanguage(7, null);
		mvc.perform(get("/account/preferences").with(user(me)).session(session).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
	}

	@Test
	void theLanguageChosenBeforeThisSessionIsTheFormsValueAndBeatsTheBrowser() throws Exception {
		// The principal carries the stored choice; at a real sign-in LanguageOnSignIn
		// puts
		// it into the session (LanguagesTest), here the session has none yet.
		SignedInUser german = TestUsers.signedIn("de", 8, "de@test.example", "De", Role.SUBMITTER);
		mvc.perform(get("/account/preferences").with(user(german)))
			.andExpect(content().string(containsString("<option value=\"de\" lang=\"de\" selected=\"selected\">")));
	}

	@Test
	void onlyALanguageTheAppOffersIsTaken() throws Exception {
		mvc.perform(post("/account/preferences").with(user(me)).with(csrf()).param("language", "fr"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "language", "preferences.language.invalid"))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString(text("preferences.language.invalid", Locale.ENGLISH))));
		mvc.perform(post("/account/preferences").with(user(me)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "language"));
		verify(accounts, never()).setLanguage(anyLong(), any());
	}

	@Test
	void postsNeedTheCsrfTokenAndASignedInUser() throws Exception {
		mvc.perform(post("/account/preferences").with(user(me)).param("language", "de"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/account/preferences")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/account/preferences").with(csrf()).param("language", "de"))
			.andExpect(redirectedUrl("/login"));
		verify(accounts, never()).setLanguage(anyLong(), any());
	}

	@Test
	void anIdIsNeverBound() throws Exception {
		mvc.perform(post("/account/preferences").with(user(me)).with(csrf()).param("language", "en").param("id", "9"))
			.andExpect(redirectedUrl("/account/preferences"))
			.andExpect(content().string(not(containsString("9"))));
		verify(accounts).setLanguage(7, "en");
	}

}
