package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The edit form: no client or priority, the version travels along, a stale save is
 * refused visibly.
 */
class EditTicketControllerTest extends TicketControllerSlice {

	@Test
	void formHasTheEditableFieldsAndTheVersionButNoClient() throws Exception {
		given(queries.editForm(9, admin))
			.willReturn(new TicketEditForm("Old title", "Old description", 8L, LocalDate.of(2030, 1, 2), 3L));

		mvc.perform(get("/tickets/9/edit").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/edit"))
			.andExpect(content().string(containsString("action=\"/tickets/9/edit\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"3\"")))
			.andExpect(content().string(containsString("value=\"Old title\"")))
			.andExpect(content().string(containsString("name=\"description\"")))
			.andExpect(content().string(containsString("name=\"productAreaId\"")))
			.andExpect(content().string(containsString("value=\"2030-01-02\"")))
			.andExpect(content().string(not(containsString("name=\"clientId\""))))
			.andExpect(content().string(not(containsString("name=\"assigneeId\""))))
			.andExpect(content().string(not(containsString("name=\"topOfQueue\""))));
	}

	@Test
	void formOfATicketThatCanNoLongerBeEditedSendsBackWithAMessage() throws Exception {
		given(queries.editForm(9, admin)).willThrow(new TicketActionException("ticket.edit.notAllowed"));

		mvc.perform(get("/tickets/9/edit").with(user(admin)))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", "You can no longer edit or withdraw this ticket."));
	}

	@Test
	void savePassesTheFormWithItsVersionAndRedirects() throws Exception {
		mvc.perform(form("New title", "4"))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashSuccess", "Ticket #9 has been saved."));

		ArgumentCaptor<TicketEditForm> form = ArgumentCaptor.forClass(TicketEditForm.class);
		verify(tickets).update(eq(9L), form.capture(), eq(admin));
		assertThat(form.getValue())
			.isEqualTo(new TicketEditForm("New title", "New description", 8L, LocalDate.of(2031, 5, 6), 4L));
	}

	@Test
	void staleSaveShowsTheMessageAndTheCurrentValuesAndKeepsWhatWasTyped() throws Exception {
		willThrow(new StaleTicketException(
				new TicketEditForm("Saved meanwhile title", "Saved meanwhile text", 7L, null, 5L)))
			.given(tickets)
			.update(anyLong(), any(), any());

		mvc.perform(form("My new title", "4"))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/edit"))
			.andExpect(content().string(containsString("changed by someone else")))
			.andExpect(content().string(containsString("Saved meanwhile title")))
			.andExpect(content().string(containsString("Saved meanwhile text")))
			.andExpect(content().string(containsString("value=\"My new title\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"5\"")));
	}

	@Test
	void blankTitleIsAFieldErrorAndKeepsTheVersion() throws Exception {
		mvc.perform(form(" ", "4"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "NotBlank"))
			.andExpect(content().string(containsString("Please fill in this field.")))
			.andExpect(content().string(containsString("name=\"version\" value=\"4\"")));
		verify(tickets, never()).update(anyLong(), any(), any());
	}

	@Test
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/tickets/9/edit").with(user(admin)).param("title", "T").param("version", "1"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(tickets);
	}

	private MockHttpServletRequestBuilder form(String title, String version) {
		return post("/tickets/9/edit").with(user(admin))
			.with(csrf())
			.param("title", title)
			.param("description", "New description")
			.param("productAreaId", "8")
			.param("targetDate", "2031-05-06")
			.param("version", version);
	}

}
