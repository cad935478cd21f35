package io.queuedesk.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** /admin/clients against the real database: create, rename, deactivate and delete clients. */
@SpringBootTest
@AutoConfigureMockMvc
class ClientAdminPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void createRenameAndRefuseADuplicateInAnotherCase() throws Exception {
		String name = unique("Acme");
		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", "  " + name + " "))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", "Client " + name + " was added."));
		long id = idOf(name);
		assertThat(page()).contains(name).contains("New name for " + name);

		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", name.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "client.name.taken"));
		assertThat(count("select count(*) from clients where lower(name) = ?", name.toLowerCase())).isEqualTo(1);

		String renamed = unique("Renamed");
		mvc.perform(post("/admin/clients/{id}/rename", id).with(admin()).with(csrf()).param("name", renamed))
			.andExpect(redirectedUrl("/admin/clients"));
		assertThat(jdbc.sql("select name from clients where id = ?").param(id).query(String.class).single())
			.isEqualTo(renamed);

		// Another client may not take that name in any case; the same client may change its case.
		String other = unique("Other");
		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", other));
		mvc.perform(post("/admin/clients/{id}/rename", idOf(other)).with(admin()).with(csrf())
			.param("name", renamed.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "client.name.taken"));
		assertThat(count("select count(*) from clients where id = ? and name = ?", idOf(other), other)).isEqualTo(1);
		mvc.perform(post("/admin/clients/{id}/rename", id).with(admin()).with(csrf())
			.param("name", renamed.toUpperCase())).andExpect(redirectedUrl("/admin/clients"));
	}

	@Test
	void aDeactivatedClientCannotBeChosenButKeepsItsTickets() throws Exception {
		String name = unique("Dormant");
		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", name));
		long id = idOf(name);
		long ticket = raiseTicket(id);
		assertThat(clientChoices()).contains(id);

		mvc.perform(post("/admin/clients/{id}/active", id).with(admin()).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", Matchers.containsString("deactivated")));

		assertThat(clientChoices()).doesNotContain(id);
		assertThat(count("select count(*) from tickets where client_id = ?", id)).isEqualTo(1);
		mvc.perform(get("/tickets/{id}", ticket).with(admin())).andExpect(status().isOk());
		mvc.perform(get("/queues/{id}", id).with(admin())).andExpect(status().isOk());
		assertThat(page()).contains("Inactive");

		mvc.perform(post("/admin/clients/{id}/active", id).with(admin()).with(csrf()).param("active", "true"))
			.andExpect(redirectedUrl("/admin/clients"));
		assertThat(clientChoices()).contains(id);
	}

	@Test
	void onlyAClientWithoutTicketsCanBeDeleted() throws Exception {
		String busy = unique("Busy");
		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", busy));
		long busyId = idOf(busy);
		raiseTicket(busyId);
		mvc.perform(post("/admin/clients/{id}/delete", busyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashError",
					"Client " + busy + " can't be deleted: it has tickets (1). Deactivate it instead."));
		assertThat(count("select count(*) from clients where id = ?", busyId)).isEqualTo(1);

		String empty = unique("Empty");
		mvc.perform(post("/admin/clients").with(admin()).with(csrf()).param("name", empty));
		long emptyId = idOf(empty);
		mvc.perform(post("/admin/clients/{id}/delete", emptyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/clients"))
			.andExpect(flash().attribute("flashSuccess", "Client " + empty + " was deleted."));
		assertThat(count("select count(*) from clients where id = ?", emptyId)).isZero();

		mvc.perform(post("/admin/clients/{id}/delete", emptyId).with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsGetIn() throws Exception {
		mvc.perform(get("/admin/clients").with(user(accounts.loadUserByUsername("developer1@example.com"))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/clients").with(user(accounts.loadUserByUsername("user@example.com"))).with(csrf())
			.param("name", unique("Sneaky"))).andExpect(status().isForbidden());
	}

	private long raiseTicket(long clientId) throws Exception {
		String areaName = unique("Area for client test");
		jdbc.sql("insert into product_areas (name, active, created_at, version) values (?, true, ?, 0)")
			.params(areaName, java.sql.Timestamp.from(java.time.Instant.now()))
			.update();
		long area = jdbc.sql("select id from product_areas where name = ?").param(areaName).query(Long.class).single();
		String location = mvc
			.perform(post("/tickets/new").with(admin()).with(csrf())
				.param("title", "Client admin test")
				.param("description", "A ticket for " + clientId)
				.param("clientId", String.valueOf(clientId))
				.param("productAreaId", String.valueOf(area)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@SuppressWarnings("unchecked")
	private List<Long> clientChoices() throws Exception {
		List<Client> clients = (List<Client>) mvc.perform(get("/tickets/new").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("clients");
		return clients.stream().map(Client::getId).toList();
	}

	private String page() throws Exception {
		return mvc.perform(get("/admin/clients").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long idOf(String name) {
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private RequestPostProcessor admin() {
		UserDetails admin = accounts.loadUserByUsername("admin@example.com");
		return user(admin);
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
