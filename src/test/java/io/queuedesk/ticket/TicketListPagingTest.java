package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages of the ticket list: next links keep the filters; bad filter values warn instead
 * of failing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketListPagingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void nextLinksKeepTheFiltersAndPagesDoNotOverlap() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long client = data.client("Paging");
		long first = data.ticket(client, "One " + data.tag);
		long second = data.ticket(client, "Two " + data.tag);
		long third = data.ticket(client, "Three " + data.tag);
		data.ticket(data.client("Elsewhere"), "Four " + data.tag);

		String page1 = html("/tickets?client=" + client + "&q=" + data.tag + "&size=2");
		assertThat(TicketHtml.ids(page1)).containsExactly(first, second);
		assertThat(page1).contains("Page 1 of 2");

		String next = TicketHtml.nextLink(page1);
		assertThat(next).startsWith("/tickets?");
		var params = UriComponentsBuilder.fromUriString(next).build().getQueryParams();
		assertThat(params.getFirst("client")).isEqualTo(String.valueOf(client));
		assertThat(params.getFirst("q")).isEqualTo(data.tag);
		assertThat(params.getFirst("size")).isEqualTo("2");
		assertThat(params.getFirst("page")).isEqualTo("1");

		String page2 = html(next);
		assertThat(TicketHtml.ids(page2)).containsExactly(third);
		assertThat(page2).contains("Page 2 of 2").contains("rel=\"prev\"");
		assertThat(TicketHtml.nextLink(page2)).isNull();
	}

	@Test
	void badFilterValuesAreReportedNotAServerError() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long client = data.client("Bad filters");
		long ticket = data.ticket(client, "Still listed " + data.tag);

		String badClient = html("/tickets?client=abc&q=" + data.tag);
		assertThat(badClient).contains("alert-warning").contains("The client filter was not valid and was ignored.");
		assertThat(TicketHtml.ids(badClient)).containsExactly(ticket);

		String badStatus = html("/tickets?status=NOPE&client=" + client);
		assertThat(badStatus).contains("alert-warning").contains("The status filter was not valid and was ignored.");
		assertThat(TicketHtml.ids(badStatus)).containsExactly(ticket);

		assertThat(html("/tickets?page=x&size=-5&overdue=maybe&client=" + client)).contains("alert-warning")
			.contains("Still listed " + data.tag);
	}

	private String html(String uri) throws Exception {
		return mvc.perform(get(URI.create(uri)).with(user(new TicketTestData(jdbc, accounts).user(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
