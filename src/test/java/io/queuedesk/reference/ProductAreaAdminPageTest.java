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

/** /admin/product-areas against the real database: create, rename, deactivate and delete areas. */
@SpringBootTest
@AutoConfigureMockMvc
class ProductAreaAdminPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void createRenameAndRefuseADuplicateInAnotherCase() throws Exception {
		String name = unique("Policies");
		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", "  " + name + " "))
			.andExpect(redirectedUrl("/admin/product-areas"))
			.andExpect(flash().attribute("flashSuccess", "Product area " + name + " was added."));
		long id = idOf(name);
		assertThat(page()).contains(name).contains("New name for " + name);

		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", name.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "productArea.name.taken"));
		assertThat(count("select count(*) from product_areas where lower(name) = ?", name.toLowerCase())).isEqualTo(1);

		String renamed = unique("Renamed");
		mvc.perform(post("/admin/product-areas/{id}/rename", id).with(admin()).with(csrf()).param("name", renamed))
			.andExpect(redirectedUrl("/admin/product-areas"));
		assertThat(jdbc.sql("select name from product_areas where id = ?").param(id).query(String.class).single())
			.isEqualTo(renamed);

		// Another area may not take that name in any case; the same area may change its case.
		String other = unique("Other");
		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", other));
		mvc.perform(post("/admin/product-areas/{id}/rename", idOf(other)).with(admin()).with(csrf())
			.param("name", renamed.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", "productArea.name.taken"));
		assertThat(count("select count(*) from product_areas where id = ? and name = ?", idOf(other), other)).isEqualTo(1);
		mvc.perform(post("/admin/product-areas/{id}/rename", id).with(admin()).with(csrf())
			.param("name", renamed.toUpperCase())).andExpect(redirectedUrl("/admin/product-areas"));
	}

	@Test
	void aDeactivatedAreaCannotBeChosenButKeepsItsTickets() throws Exception {
		String name = unique("Legacy");
		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", name));
		long id = idOf(name);
		long ticket = raiseTicket(id);
		assertThat(areaChoices()).contains(id);

		mvc.perform(post("/admin/product-areas/{id}/active", id).with(admin()).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl("/admin/product-areas"))
			.andExpect(flash().attribute("flashSuccess", Matchers.containsString("deactivated")));

		assertThat(areaChoices()).doesNotContain(id);
		assertThat(count("select count(*) from tickets where product_area_id = ?", id)).isEqualTo(1);
		mvc.perform(get("/tickets/{id}", ticket).with(admin())).andExpect(status().isOk());
		assertThat(page()).contains("Inactive");

		mvc.perform(post("/admin/product-areas/{id}/active", id).with(admin()).with(csrf()).param("active", "true"))
			.andExpect(redirectedUrl("/admin/product-areas"));
		assertThat(areaChoices()).contains(id);
	}

	@Test
	void onlyAnAreaWithoutTicketsCanBeDeleted() throws Exception {
		String busy = unique("Busy");
		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", busy));
		long busyId = idOf(busy);
		raiseTicket(busyId);
		mvc.perform(post("/admin/product-areas/{id}/delete", busyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/product-areas"))
			.andExpect(flash().attribute("flashError",
					"Product area " + busy + " can't be deleted: tickets use it (1). Deactivate it instead."));
		assertThat(count("select count(*) from product_areas where id = ?", busyId)).isEqualTo(1);

		String empty = unique("Empty");
		mvc.perform(post("/admin/product-areas").with(admin()).with(csrf()).param("name", empty));
		long emptyId = idOf(empty);
		mvc.perform(post("/admin/product-areas/{id}/delete", emptyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/product-areas"))
			.andExpect(flash().attribute("flashSuccess", "Product area " + empty + " was deleted."));
		assertThat(count("select count(*) from product_areas where id = ?", emptyId)).isZero();

		mvc.perform(post("/admin/product-areas/{id}/delete", emptyId).with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsGetIn() throws Exception {
		mvc.perform(get("/admin/product-areas").with(user(accounts.loadUserByUsername("developer1@example.com"))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/product-areas").with(user(accounts.loadUserByUsername("user@example.com"))).with(csrf())
			.param("name", unique("Sneaky"))).andExpect(status().isForbidden());
	}

	private long raiseTicket(long areaId) throws Exception {
		String clientName = unique("Client for area test");
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(clientName, java.sql.Timestamp.from(java.time.Instant.now()))
			.update();
		long clientId = jdbc.sql("select id from clients where name = ?").param(clientName).query(Long.class).single();
		long area = areaId;
		String location = mvc
			.perform(post("/tickets/new").with(admin()).with(csrf())
				.param("title", "Product area admin test")
				.param("description", "A ticket for " + areaId)
				.param("clientId", String.valueOf(clientId))
				.param("productAreaId", String.valueOf(area)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@SuppressWarnings("unchecked")
	private List<Long> areaChoices() throws Exception {
		List<ProductArea> areas = (List<ProductArea>) mvc.perform(get("/tickets/new").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("productAreas");
		return areas.stream().map(ProductArea::getId).toList();
	}

	private String page() throws Exception {
		return mvc.perform(get("/admin/product-areas").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long idOf(String name) {
		return jdbc.sql("select id from product_areas where name = ?").param(name).query(Long.class).single();
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
