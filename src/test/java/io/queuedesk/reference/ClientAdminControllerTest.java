package io.queuedesk.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
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

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.reference.ClientAdminService.ClientRow;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/** /admin/clients: fields, validation next to the fields, flash messages, admins only. */
@WebMvcTest(ClientAdminController.class)
@Import({ SliceSecurity.class, Flash.class })
class ClientAdminControllerTest {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	final SignedInUser developer = TestUsers.signedIn(2, "dev@test.example", "Dev", Role.DEVELOPER);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientAdminService clients;

	@BeforeEach
	void rows() {
		given(clients.overview()).willReturn(
				List.of(new ClientRow(1, "Client A", true, 3), new ClientRow(2, "Client B", false, 0)));
	}

	@Test
	void listShowsStateAsTextTicketCountsAndLabelledForms() throws Exception {
		mvc.perform(get("/admin/clients").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("clients/list"))
			.andExpect(content().string(containsString("Client A")))
			.andExpect(content().string(containsString(">Active<")))
			.andExpect(content().string(containsString(">Inactive<")))
			.andExpect(content().string(containsString("scope=\"col\"")))
			.andExpect(content().string(containsString("New name for Client A")))
			.andExpect(content().string(containsString("for=\"rename-1\"")))
			.andExpect(content().string(containsString("action=\"/admin/clients/1/rename\"")))
			.andExpect(content().string(containsString("action=\"/admin/clients/2/delete\"")))
			.andExpect(content().string(containsString("for=\"name\"")));
	}

	@Test
	void developersAreForbidden() throws Exception {
		mvc.perform(get("/admin/clients").with(user(developer))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients").with(user(developer)).with(csrf()).param("name", "X"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients/1/delete").with(user(developer)).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(clients);
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/admin/clients").with(user(admin)).param("name", "X")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients/1/rename").with(user(admin)).param("name", "X"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients/1/active").with(user(admin)).param("active", "false"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients/1/delete").with(user(admin))).andExpect(status().isForbidden());
		verifyNoInteractions(clients);
	}

	@Test
	void blankAndTooLongNamesAreFieldErrors() throws Exception {
		mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "  "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(content().string(containsString("Please fill in this field.")));
		mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "x".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "Size"))
			.andExpect(content().string(containsString("The name must be 1 to 100 characters long.")));
		mvc.perform(post("/admin/clients/1/rename").with(user(admin)).with(csrf()).param("name", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "NotBlank"))
			.andExpect(content().string(containsString("id=\"rename-1-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		verify(clients, org.mockito.Mockito.never()).create(anyString());
		verify(clients, org.mockito.Mockito.never()).rename(anyLong(), anyString());
	}

	@Test
	void duplicateNamesAreFieldErrors() throws Exception {
		given(clients.create("client a")).willThrow(new ClientNameTakenException("client a"));
		mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "client a"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "client.name.taken"))
			.andExpect(content().string(containsString("A client with this name exists")));

		given(clients.rename(2, "Client A")).willThrow(new ClientNameTakenException("Client A"));
		mvc.perform(post("/admin/clients/2/rename").with(user(admin)).with(csrf()).param("name", "Client A"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "client.name.taken"))
			.andExpect(content().string(containsString("A client with this name exists")));
	}

	@Test
	void controlCharactersInANameAreAFieldErrorNotATakenName() throws Exception {
		// Issue 12: "cl\0ient" once answered "A client with this name exists".
		mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "cl\0ient"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "CleanText"))
			.andExpect(content().string(containsString("must not contain control characters")))
			.andExpect(content().string(not(containsString("A client with this name exists"))));
		mvc.perform(post("/admin/clients/2/rename").with(user(admin)).with(csrf()).param("name", "\u200B"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "CleanText"))
			.andExpect(content().string(containsString("it holds only invisible characters")));
		verify(clients, org.mockito.Mockito.never()).create(anyString());
		verify(clients, org.mockito.Mockito.never()).rename(anyLong(), anyString());
	}

	@Test
	void otherDatabaseRefusalsAreNotMistakenForATakenName() {
		// Issue 12: PostgreSQL's "invalid byte sequence" (NUL) is a DataIntegrityViolationException
		// too; only the service's NameTakenException (a unique-key violation) means "exists".
		given(clients.create("Client D")).willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		assertThatThrownBy(() -> mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "Client D")))
			.hasRootCauseInstanceOf(DataIntegrityViolationException.class);
		given(clients.rename(2, "Client D")).willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		assertThatThrownBy(() -> mvc.perform(post("/admin/clients/2/rename").with(user(admin)).with(csrf()).param("name", "Client D")))
			.hasRootCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void successRedirectsWithAFlash() throws Exception {
		given(clients.create("Client C")).willReturn(new Client("Client C", Instant.now()));
		mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("name", "Client C"))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", "Client Client C was added."));

		given(clients.rename(1, "Client Z")).willReturn(new Client("Client Z", Instant.now()));
		mvc.perform(post("/admin/clients/1/rename").with(user(admin)).with(csrf()).param("name", "Client Z"))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", "Client renamed to Client Z."));

		given(clients.setActive(1, false)).willReturn(new Client("Client A", Instant.now()));
		mvc.perform(post("/admin/clients/1/active").with(user(admin)).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", containsString("Client A is deactivated")));

		given(clients.delete(2)).willReturn("Client B");
		mvc.perform(post("/admin/clients/2/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", "Client Client B was deleted."));
	}

	@Test
	void deletingAClientWithTicketsIsRefusedWithAMessage() throws Exception {
		given(clients.delete(1)).willThrow(new ClientInUseException("Client A", 1234));
		mvc.perform(post("/admin/clients/1/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashError",
					"Client Client A can't be deleted: it has tickets (1234). Deactivate it instead."));
	}

}
