package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 12: the title and description of the new-ticket and edit forms refuse control
 * characters (line breaks and tabs stay in the description) and text that shows nothing,
 * next to the field, and nothing reaches the service.
 */
class TicketTextControllerTest extends TicketControllerSlice {

	static final String SINGLE_LINE = "This field must not contain control characters (such as NUL), tabs or line breaks.";

	static final String MULTILINE = "This field must not contain control characters (such as NUL); line breaks and tabs are fine.";

	static final String INVISIBLE = "Please fill in this field: it holds only invisible characters.";

	@Test
	void aNulOrBellInTheTitleIsAFieldError() throws Exception {
		for (String title : new String[] { "t\0itle", "bell\u0007", "two\nlines", "a\ttab" }) {
			create(title, "Description").andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("form", "title", "CleanText"))
				.andExpect(content().string(containsString("id=\"title-error\"")))
				.andExpect(content().string(containsString(SINGLE_LINE)));
		}
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void aNulInTheDescriptionIsAFieldError() throws Exception {
		create("Title", "d\0esc").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "CleanText"))
			.andExpect(content().string(containsString(MULTILINE)));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void aTitleThatShowsNothingIsRefusedLikeAnEmptyOne() throws Exception {
		create("\u200B\uFEFF", "Description").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "CleanText"))
			.andExpect(content().string(containsString(INVISIBLE)));
		create("Title", "\u200B \uFEFF\n").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "CleanText"));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void aTitleThatTurnsTheWritingDirectionIsRefused() throws Exception {
		create("invoice\u202Efdp.exe", "Description").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "CleanText"))
			.andExpect(content().string(containsString("change the writing direction")));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void lineBreaksAndTabsStayInTheDescription() throws Exception {
		Ticket created = new Ticket("Title", "x", TicketSliceData.client(5, "Client A"),
				TicketSliceData.area(7, "Billing"), null, null, TicketSliceData.NOW);
		ReflectionTestUtils.setField(created, "id", 78L);
		given(tickets.create(any(), any(), eq(admin))).willReturn(created);

		create("Title", "Steps:\n\t1. open\r\n\t2. \u05E9\u05DC\u05D5\u05DD \u2067abc\u2069")
			.andExpect(redirectedUrl("/tickets/78"));

		ArgumentCaptor<TicketForm> form = ArgumentCaptor.forClass(TicketForm.class);
		verify(tickets).create(form.capture(), any(), eq(admin));
		assertThat(form.getValue().description())
			.isEqualTo("Steps:\n\t1. open\n\t2. \u05E9\u05DC\u05D5\u05DD \u2067abc\u2069");
	}

	@Test
	void theEditFormRefusesThemToo() throws Exception {
		mvc.perform(post("/tickets/9/edit").with(user(admin))
			.with(csrf())
			.param("title", "t\0itle")
			.param("description", "d\u0007esc")
			.param("productAreaId", "8")
			.param("version", "4"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "CleanText"))
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "CleanText"))
			.andExpect(content().string(containsString(SINGLE_LINE)))
			.andExpect(content().string(containsString(MULTILINE)));
		verify(tickets, never()).update(anyLong(), any(), any());
	}

	private ResultActions create(String title, String description) throws Exception {
		return mvc.perform(post("/tickets/new").with(user(admin))
			.with(csrf())
			.param("title", title)
			.param("description", description)
			.param("clientId", "5")
			.param("productAreaId", "7"));
	}

}
