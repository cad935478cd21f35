package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The new-ticket form (docs/RULES.md#pages-and-routes): field names, validation next to
 * the fields, redirect on success.
 */
class NewTicketControllerTest extends TicketControllerSlice {

	@Test
	void formHasTheSpecifiedFields() throws Exception {
		mvc.perform(get("/tickets/new").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/new"))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("name=\"title\"")))
			.andExpect(content().string(containsString("name=\"description\"")))
			.andExpect(content().string(containsString("name=\"clientId\"")))
			.andExpect(content().string(containsString("name=\"productAreaId\"")))
			.andExpect(content().string(containsString("name=\"targetDate\"")))
			.andExpect(content().string(containsString("name=\"assigneeId\"")))
			.andExpect(content().string(containsString("name=\"topOfQueue\"")))
			.andExpect(content().string(containsString(">Client B</option>")))
			.andExpect(content().string(containsString(">Dev One</option>")));
	}

	@Test
	void submitterSeesNeitherAssigneeNorTopOfQueue() throws Exception {
		SignedInUser submitter = TestUsers.signedIn(3, "sam@test.example", "Sam", Role.SUBMITTER);
		willAnswer(call -> {
			Model model = call.getArgument(0, Model.class);
			TicketSliceData.formOptions(model);
			model.addAttribute("assignees", List.of());
			model.addAttribute("canChooseTop", false);
			return null;
		}).given(options).forForm(any(), eq(submitter));

		mvc.perform(get("/tickets/new").with(user(submitter)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"clientId\"")))
			.andExpect(content().string(not(containsString("name=\"assigneeId\""))))
			.andExpect(content().string(not(containsString("name=\"topOfQueue\""))));
	}

	@Test
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/tickets/new").with(user(admin))
			.param("title", "T")
			.param("description", "D")
			.param("clientId", "5")
			.param("productAreaId", "7")).andExpect(status().isForbidden());
		verifyNoInteractions(tickets);
	}

	@Test
	void blankTitleIsShownNextToTheFieldAndNothingIsCreated() throws Exception {
		mvc.perform(form("title", "   "))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "NotBlank"))
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString("Please fill in this field.")));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void nonNumericClientIsAFieldErrorNotAServerError() throws Exception {
		mvc.perform(form("clientId", "abc"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "clientId", "typeMismatch"))
			.andExpect(content().string(containsString("Choose a client from the list.")));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void malformedTargetDateIsAFieldErrorNotAServerError() throws Exception {
		mvc.perform(form("targetDate", "31/12/2030"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "targetDate", "typeMismatch"))
			.andExpect(content().string(containsString("Enter the date as yyyy-MM-dd")));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void aTopOfQueueFlagThatIsNoBooleanIsAFieldError() throws Exception {
		mvc.perform(form("topOfQueue", "abc"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "topOfQueue", "typeMismatch"))
			.andExpect(content().string(containsString("value=\"My title\"")));
		verify(tickets, never()).create(any(), any(), any());
	}

	@Test
	void ruleBrokenInTheServiceIsShownNextToItsField() throws Exception {
		given(tickets.create(any(), any(), any()))
			.willThrow(new TicketFieldException("targetDate", "ticket.targetDate.past"));

		mvc.perform(form("targetDate", "2020-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "targetDate", "ticket.targetDate.past"))
			.andExpect(content().string(
					matchesPattern("(?s).*id=\"targetDate-error\"[^>]*>The target date cannot be in the past\\.<.*")))
			.andExpect(content().string(containsString("value=\"My title\"")));
	}

	@Test
	void successRedirectsToTheNewTicketWithAFlashMessage() throws Exception {
		Ticket created = new Ticket("My title", "My description", TicketSliceData.client(5, "Client A"),
				TicketSliceData.area(7, "Billing"), null, null, TicketSliceData.NOW);
		ReflectionTestUtils.setField(created, "id", 77L);
		given(tickets.create(any(), any(), eq(admin))).willReturn(created);

		mvc.perform(form("targetDate", "2030-12-31", "assigneeId", "11", "topOfQueue", "true"))
			.andExpect(redirectedUrl("/tickets/77"))
			.andExpect(flash().attribute("flashSuccess", "Ticket #77 has been created."));

		ArgumentCaptor<TicketForm> form = ArgumentCaptor.forClass(TicketForm.class);
		verify(tickets).create(form.capture(), any(), eq(admin));
		assertThat(form.getValue())
			.isEqualTo(new TicketForm("My title", "My description", 5L, 7L, LocalDate.of(2030, 12, 31), 11L, true));
	}

	/**
	 * A valid form, posted with the token; pairs of name and value replace or add fields.
	 */
	private MockHttpServletRequestBuilder form(String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>(
				Map.of("title", "My title", "description", "My description", "clientId", "5", "productAreaId", "7"));
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/tickets/new").with(user(admin)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

}
