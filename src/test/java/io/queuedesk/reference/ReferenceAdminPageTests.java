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

import java.sql.Timestamp;
import java.time.Instant;
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

/**
 * The admin page of a kind of reference data against the real database, the same for
 * every kind: create, rename, deactivate and delete. Subclasses name the kind's path and
 * words and raise a ticket that uses an entry.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ReferenceAdminPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	final ReferenceKind kind;

	final String path;

	/** How the flash messages name the kind: "Client", "Product area". */
	final String label;

	/** The model attribute of /tickets/new that offers the kind's entries. */
	final String choicesAttribute;

	ReferenceAdminPageTests(ReferenceKind kind, String path, String label, String choicesAttribute) {
		this.kind = kind;
		this.path = path;
		this.label = label;
		this.choicesAttribute = choicesAttribute;
	}

	/**
	 * The flash error for deleting the entry {@code name} that {@code tickets} tickets
	 * use.
	 */
	abstract String inUseText(String name, long tickets);

	/**
	 * Raises a ticket with the entry {@code id} (and a new entry of the other kind);
	 * answers its id.
	 */
	abstract long raiseTicket(long id) throws Exception;

	/** What else a deactivated entry keeps (a client its queue page). */
	void stillUsable(long id) throws Exception {
	}

	@Test
	void createRenameAndRefuseADuplicateInAnotherCase() throws Exception {
		String name = unique("Acme");
		mvc.perform(post(path).with(admin()).with(csrf()).param("name", "  " + name + " "))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", label + " " + name + " was added."));
		long id = idOf(name);
		assertThat(page()).contains(name).contains("New name for " + name);

		mvc.perform(post(path).with(admin()).with(csrf()).param("name", name.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", kind.messages + ".name.taken"));
		assertThat(count("select count(*) from " + kind.table + " where lower(name) = ?", name.toLowerCase()))
			.isEqualTo(1);

		String renamed = unique("Renamed");
		mvc.perform(post(path + "/{id}/rename", id).with(admin()).with(csrf()).param("name", renamed))
			.andExpect(redirectedUrl(path));
		assertThat(jdbc.sql("select name from " + kind.table + " where id = ?").param(id).query(String.class).single())
			.isEqualTo(renamed);

		// Another entry may not take that name in any case; the same entry may change its
		// case.
		String other = unique("Other");
		mvc.perform(post(path).with(admin()).with(csrf()).param("name", other));
		mvc.perform(post(path + "/{id}/rename", idOf(other)).with(admin())
			.with(csrf())
			.param("name", renamed.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("renameForm", "name", kind.messages + ".name.taken"));
		assertThat(count("select count(*) from " + kind.table + " where id = ? and name = ?", idOf(other), other))
			.isEqualTo(1);
		mvc.perform(post(path + "/{id}/rename", id).with(admin()).with(csrf()).param("name", renamed.toUpperCase()))
			.andExpect(redirectedUrl(path));
	}

	@Test
	void aDeactivatedEntryCannotBeChosenButKeepsItsTickets() throws Exception {
		String name = unique("Dormant");
		mvc.perform(post(path).with(admin()).with(csrf()).param("name", name));
		long id = idOf(name);
		long ticket = raiseTicket(id);
		assertThat(choices()).contains(id);

		mvc.perform(post(path + "/{id}/active", id).with(admin()).with(csrf()).param("active", "false"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", Matchers.containsString("deactivated")));

		assertThat(choices()).doesNotContain(id);
		assertThat(count("select count(*) from tickets where " + kind.ticketColumn + " = ?", id)).isEqualTo(1);
		mvc.perform(get("/tickets/{id}", ticket).with(admin())).andExpect(status().isOk());
		stillUsable(id);
		assertThat(page()).contains("Inactive");

		mvc.perform(post(path + "/{id}/active", id).with(admin()).with(csrf()).param("active", "true"))
			.andExpect(redirectedUrl(path));
		assertThat(choices()).contains(id);
	}

	@Test
	void onlyAnEntryWithoutTicketsCanBeDeleted() throws Exception {
		String busy = unique("Busy");
		mvc.perform(post(path).with(admin()).with(csrf()).param("name", busy));
		long busyId = idOf(busy);
		raiseTicket(busyId);
		mvc.perform(post(path + "/{id}/delete", busyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashError", inUseText(busy, 1)));
		assertThat(count("select count(*) from " + kind.table + " where id = ?", busyId)).isEqualTo(1);

		String empty = unique("Empty");
		mvc.perform(post(path).with(admin()).with(csrf()).param("name", empty));
		long emptyId = idOf(empty);
		mvc.perform(post(path + "/{id}/delete", emptyId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flashSuccess", label + " " + empty + " was deleted."));
		assertThat(count("select count(*) from " + kind.table + " where id = ?", emptyId)).isZero();

		mvc.perform(post(path + "/{id}/delete", emptyId).with(admin()).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsGetIn() throws Exception {
		mvc.perform(get(path).with(user(accounts.loadUserByUsername("developer1@example.com"))))
			.andExpect(status().isForbidden());
		mvc.perform(post(path).with(user(accounts.loadUserByUsername("user@example.com")))
			.with(csrf())
			.param("name", unique("Sneaky"))).andExpect(status().isForbidden());
	}

	/** Raises a ticket through the form, as an admin. */
	long raiseTicket(long clientId, long areaId) throws Exception {
		String location = mvc
			.perform(post("/tickets/new").with(admin())
				.with(csrf())
				.param("title", label + " admin test")
				.param("description", "A ticket for " + clientId + " and " + areaId)
				.param("clientId", String.valueOf(clientId))
				.param("productAreaId", String.valueOf(areaId)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** A new active entry, by SQL, in {@code table} (clients or product_areas). */
	long insert(String table, String prefix) {
		String name = unique(prefix);
		jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private List<Long> choices() throws Exception {
		List<ReferenceItem> items = (List<ReferenceItem>) mvc.perform(get("/tickets/new").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get(choicesAttribute);
		return items.stream().map(ReferenceItem::getId).toList();
	}

	private String page() throws Exception {
		return mvc.perform(get(path).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long idOf(String name) {
		return jdbc.sql("select id from " + kind.table + " where name = ?").param(name).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	RequestPostProcessor admin() {
		UserDetails admin = accounts.loadUserByUsername("admin@example.com");
		return user(admin);
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
