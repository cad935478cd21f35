package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * What the plan tests of both database servers ({@link QueryPlanTest} on PostgreSQL,
 * {@link MariaDbQueryPlanTest} on MariaDB) do alike: request a page as a user and record
 * the statements it sends ({@link SqlPlans}), and follow a list's next-page link. Each
 * reads the plans in its database's own way.
 */
abstract class PlanTestCase {

	private static final Pattern NEXT = Pattern.compile("href=\"([^\"]*[?&](?:amp;)?after=[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	record Response(String body, List<SqlPlans.Captured> captured) {
	}

	/** The page as the user sees it (it must answer 200), with the statements it sent. */
	Response request(String email, String url) throws Exception {
		UserDetails principal = accounts.loadUserByUsername(email);
		SqlPlans.record();
		MvcResult result;
		List<SqlPlans.Captured> captured;
		try {
			result = mvc.perform(get(url).with(user(principal))).andReturn();
		}
		finally {
			captured = SqlPlans.stop();
		}
		assertThat(result.getResponse().getStatus()).as("status of " + url + " as " + email).isEqualTo(200);
		return new Response(result.getResponse().getContentAsString(), captured);
	}

	int statements(String user, String url) throws Exception {
		return request(user, url).captured().size();
	}

	/** The list's link to its next page (a cursor), which must be there. */
	String nextPageLink(String user, String url) throws Exception {
		Matcher next = NEXT.matcher(request(user, url).body());
		assertThat(next.find()).as("a next-page link on " + url).isTrue();
		return HtmlUtils.htmlUnescape(next.group(1));
	}

}
