package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.system.NotFoundException;
import io.queuedesk.user.SignedInUser;

/**
 * Editing a ticket: recorded field by field, refused on a stale form, only for its owner
 * while OPEN, or admins.
 */
@SpringBootTest
class TicketUpdateTest {

	@Autowired
	TicketService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	TicketTestData data;

	long client;

	long ticket;

	String title;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Update");
		title = "Original " + data.tag;
		ticket = data.ticket(client, title, "Old description", "Billing", null, "OPEN", TicketTestData.SUBMITTER, null);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void changesTheFieldsAndRecordsOldAndNewValues() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		LocalDate target = LocalDate.now(clock).plusDays(3);

		service.update(ticket,
				new TicketEditForm("Renamed " + data.tag, "Old description", data.area("Claims"), target, 0L), admin);

		Map<String, Object> row = row();
		assertThat(row.get("title")).isEqualTo("Renamed " + data.tag);
		assertThat(((Number) row.get("product_area_id")).longValue()).isEqualTo(data.area("Claims"));
		assertThat(row.get("target_date").toString()).isEqualTo(target.toString());
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
		assertThat(data.activity(ticket)).singleElement()
			.asString()
			.startsWith("TICKET_UPDATED|")
			.contains("title: \"" + title + "\" → \"Renamed " + data.tag + "\"")
			.contains("productArea: \"Billing\" → \"Claims\"")
			.contains("targetDate: — → \"" + target + "\"")
			.doesNotContain("description:");
	}

	@Test
	void staleVersionIsRefusedWithTheCurrentValuesAndChangesNothing() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		data.sql("update tickets set title = ?, version = 1 where id = ?", "Changed meanwhile " + data.tag, ticket);

		assertThatThrownBy(() -> service.update(ticket,
				new TicketEditForm("Mine " + data.tag, "My description", data.area("Billing"), null, 0L), admin))
			.isInstanceOfSatisfying(StaleTicketException.class, ex -> {
				assertThat(ex.current().title()).isEqualTo("Changed meanwhile " + data.tag);
				assertThat(ex.current().description()).isEqualTo("Old description");
				assertThat(ex.current().version()).isEqualTo(1L);
			});

		assertThat(row().get("title")).isEqualTo("Changed meanwhile " + data.tag);
		assertThat(row().get("description")).isEqualTo("Old description");
		assertThat(data.actions(ticket)).isEmpty();
	}

	@Test
	void submitterMayEditTheirOwnTicketOnlyWhileOpen() {
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		service.update(ticket, edit("Edited by owner", 0L), submitter);
		assertThat(row().get("title")).isEqualTo("Edited by owner " + data.tag);

		data.sql("update tickets set status = 'ACCEPTED' where id = ?", ticket);
		assertThatThrownBy(() -> service.update(ticket, edit("Too late", 1L), submitter))
			.isInstanceOf(TicketActionException.class);
		assertThat(row().get("title")).isEqualTo("Edited by owner " + data.tag);
	}

	@Test
	void submitterCannotEditSomeoneElsesTicket() {
		long adminsTicket = data.ticket(client, "Admin's " + data.tag, "d", "Billing", null, "OPEN",
				TicketTestData.ADMIN, null);
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		assertThatThrownBy(() -> service.update(adminsTicket, edit("Hijacked", 0L), submitter))
			.isInstanceOf(NotFoundException.class);
		assertThat(data.actions(adminsTicket)).isEmpty();
	}

	@Test
	void developerMayNotEditEvenAnAssignedTicket() {
		data.sql("update tickets set assignee_id = ? where id = ?", data.userId(TicketTestData.DEV_ONE), ticket);
		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);

		assertThatThrownBy(() -> service.update(ticket, edit("By developer", 0L), developer))
			.isInstanceOf(TicketActionException.class);
		assertThat(row().get("title")).isEqualTo(title);
	}

	@Test
	void anAlreadyPastTargetDateMayBeKeptButNotChangedToAnotherPastDate() {
		LocalDate past = LocalDate.now(clock).minusDays(5);
		data.sql("update tickets set target_date = ? where id = ?", Date.valueOf(past), ticket);
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		service.update(ticket,
				new TicketEditForm("Kept date " + data.tag, "Old description", data.area("Billing"), past, 0L), admin);
		assertThat(row().get("title")).isEqualTo("Kept date " + data.tag);

		assertThatThrownBy(() -> service.update(ticket,
				new TicketEditForm("Other date " + data.tag, "Old description", data.area("Billing"), past.minusDays(1),
						1L),
				admin))
			.isInstanceOfSatisfying(TicketFieldException.class, ex -> assertThat(ex.field()).isEqualTo("targetDate"));
		assertThat(row().get("title")).isEqualTo("Kept date " + data.tag);
	}

	@Test
	void inactiveProductAreaIsAFieldError() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		assertThatThrownBy(() -> service.update(ticket,
				new TicketEditForm(title, "Old description", data.inactiveArea(), null, 0L), admin))
			.isInstanceOfSatisfying(TicketFieldException.class,
					ex -> assertThat(ex.field()).isEqualTo("productAreaId"));
		assertThat(((Number) row().get("product_area_id")).longValue()).isEqualTo(data.area("Billing"));
	}

	private TicketEditForm edit(String newTitle, long version) {
		return new TicketEditForm(newTitle + " " + data.tag, "Old description", data.area("Billing"), null, version);
	}

	private Map<String, Object> row() {
		return jdbc.sql("select * from tickets where id = ?").param(ticket).query().singleRow();
	}

}
