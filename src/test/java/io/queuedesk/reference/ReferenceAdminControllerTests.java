package io.queuedesk.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.reference.ReferenceAdminService.ReferenceRow;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The admin page of a kind of reference data, the same for every kind: fields, validation
 * next to the fields, flash messages, admins only. Subclasses name the kind's path and
 * words and hand over the mocked admin service.
 */
@Import({ SliceSecurity.class, Flash.class })
abstract class ReferenceAdminControllerTests<T extends ReferenceItem> {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	final SignedInUser developer = TestUsers.signedIn(2, "dev@test.example", "Dev", Role.DEVELOPER);

	@Autowired
	MockMvc mvc;

	final ReferenceKind kind;

	final String path;

	final String messages;

	/** How the flash messages name the kind: "Client", "Product area". */
	final String label;

	/** The field error for a taken name. */
	final String takenText;

	/** The flash error for deleting "Client A" with 1234 tickets. */
	final String inUseText;

	ReferenceAdminControllerTests(ReferenceKind kind, String path, String label, String takenText, String inUseText) {
		this.kind = kind;
		this.path = path;
		this.messages = kind.messages;
		this.label = label;
		this.takenText = takenText;
		this.inUseText = inUseText;
	}

	/** The kind's admin service, a mock. */
	abstract ReferenceAdminService<T> service();

	/** A new entry of the kind. */
	abstract T entry(String name);

	@BeforeEach
	void rows() {
		given(service().overview())
			.willReturn(List.of(new ReferenceRow(1, "Client A", true, 3), new ReferenceRow(2, "Client B", false, 0)));
	}

	@Test
	void listShowsStateAsTextTicketCountsAndLabelledForms() throws Exception {
		mvc.perform(get(path).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("reference/list"))
			.andExpect(content().string(containsString("Client A")))
			.andExpect(content().string(containsString(">Active<")))
			.andExpect(content().string(containsString(">Inactive<")))
			.andExpect(content().string(containsString("scope=\"col\"")))
			.andExpect(content().string(containsString("New name for Client A")))
			.andExpect(content().string(containsString("for=\"rename-1\"")))
			.andExpect(content().string(containsString("action=\"" + path + "/1/rename\"")))
			.andExpect(content().string(containsString("action=\"" + path + "/2/delete\"")))
			.andExpect(content().string(containsString("for=\"name\"")));
	}

	@Test
	void developersAreForbidden() throws Exception {
		mvc.perform(get(path).with(user(developer))).andExpect(status().isForbidden());
		mvc.perform(post(path).with(user(developer)).with(csrf()).param("name", "X")).andExpect(status().isForbidden());
		mvc.perform(post(path + "/1/delete").with(user(developer)).with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(service());
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post(path).with(user(admin)).param("name", "X")).andExpect(status().isForbidden());
		mvc.perform(post(path + "/1/rename").with(user(admin)).param("name", "X")).andExpect(status().isForbidden());
		mvc.perform(post(path + "/1/active").with(user(admin)).param("active", "false"))
			.andExpect(status().isForbidden());
		mvc.perform(post(path + "/1/delete").with(user(admin))).andExpect(status().isForbidden());
		verifyNoInteractions(service());
	}

	@Test
	void blankAndTooLongNamesAreFieldErrors() throws Exception {
		mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "  "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(content().string(containsString("Please fill in this field.")));
		mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "x".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "Size"))
			.andExpect(content().string(containsString("The name must be 1 to 100 characters long.")));
		mvc.perform(post(path + "/1/rename").with(user(admin)).with(csrf()).param("name", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "NotBlank"))
			.andExpect(content().string(containsString("id=\"rename-1-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		verify(service(), never()).create(anyString());
		verify(service(), never()).rename(anyLong(), anyString());
	}

	@Test
	void duplicateNamesAreFieldErrors() throws Exception {
		given(service().create("client a")).willThrow(new NameTakenException(kind, "client a"));
		mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "client a"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", messages + ".name.taken"))
			.andExpect(content().string(containsString(takenText)));

		// Lost a race: the unique constraint answered instead of the check, and the
		// service turned
		// that unique-key violation (only that: ReferenceAdminServiceTest) into the same
		// exception.
		given(service().rename(2, "Client A")).willThrow(new NameTakenException(kind, "Client A"));
		mvc.perform(post(path + "/2/rename").with(user(admin)).with(csrf()).param("name", "Client A"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", messages + ".name.taken"))
			.andExpect(content().string(containsString(takenText)));
	}

	@Test
	void controlCharactersInANameAreAFieldErrorNotATakenName() throws Exception {
		// Issue 12: "cl\0ient" once answered "A client with this name exists".
		mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "cl\0ient"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "CleanText"))
			.andExpect(content().string(containsString("must not contain control characters")))
			.andExpect(content().string(not(containsString(takenText))));
		mvc.perform(post(path + "/2/rename").with(user(admin)).with(csrf()).param("name", "\u200B"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "CleanText"))
			.andExpect(content().string(containsString("it holds only invisible characters")));
		verify(service(), never()).create(anyString());
		verify(service(), never()).rename(anyLong(), anyString());
	}

	@Test
	void otherDatabaseRefusalsAreNotMistakenForATakenName() {
		// Issue 12: PostgreSQL's "invalid byte sequence" (NUL) is a
		// DataIntegrityViolationException
		// too; only the service's NameTakenException (a unique-key violation) means
		// "exists".
		given(service().create("Client D")).willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		assertThatThrownBy(() -> mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "Client D")))
			.hasRootCauseInstanceOf(DataIntegrityViolationException.class);
		given(service().rename(2, "Client D")).willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		assertThatThrownBy(
				() -> mvc.perform(post(path + "/2/rename").with(user(admin)).with(csrf()).param("name", "Client D")))
			.hasRootCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void successRedirectsWithAFlash() throws Exception {
		given(service().create("Client C")).willReturn(entry("Client C"));
		mvc.perform(post(path).with(user(admin)).with(csrf()).param("name", "Client C"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", label + " Client C was added."));

		given(service().rename(1, "Client Z")).willReturn(entry("Client Z"));
		mvc.perform(post(path + "/1/rename").with(user(admin)).with(csrf()).param("name", "Client Z"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", label + " renamed to Client Z."));

		given(service().setActive(1, false)).willReturn(entry("Client A"));
		mvc.perform(post(path + "/1/active").with(user(admin)).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", containsString(label + " Client A is deactivated")));

		given(service().delete(2)).willReturn("Client B");
		mvc.perform(post(path + "/2/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", label + " Client B was deleted."));
	}

	@Test
	void deletingAnEntryWithTicketsIsRefusedWithAMessage() throws Exception {
		given(service().delete(1)).willThrow(new InUseException(kind, "Client A", 1234));
		mvc.perform(post(path + "/1/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashError", inUseText));
	}

}
