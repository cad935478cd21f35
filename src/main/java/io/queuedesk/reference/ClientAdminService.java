package io.queuedesk.reference;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.UniqueKeyViolation;

/**
 * /admin/clients: create, rename, (de)activate and delete clients. Reference data, so nothing is
 * written to the activity log (SPEC §3). Ticket counts come straight from the tickets table with
 * one query, so this module does not depend on the ticket module (which depends on it).
 */
@Service
@Transactional(readOnly = true)
@AdminOnly
class ClientAdminService {

	private final ClientRepository clients;

	private final JdbcClient jdbc;

	private final Clock clock;

	ClientAdminService(ClientRepository clients, JdbcClient jdbc, Clock clock) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every client, by name, with its number of tickets (all statuses). */
	public List<ClientRow> overview() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select client_id, count(*) from tickets group by client_id")
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return clients.findAllByOrderByNameAsc()
			.stream()
			.map(c -> new ClientRow(c.getId(), c.getName(), c.isActive(), counts.getOrDefault(c.getId(), 0L)))
			.toList();
	}

	@Transactional
	public Client create(String name) {
		String wanted = name.strip();
		if (clients.existsByNameIgnoreCase(wanted)) {
			throw new ClientNameTakenException(wanted);
		}
		try {
			return clients.saveAndFlush(new Client(wanted, clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			if (!UniqueKeyViolation.is(ex)) {
				throw ex; // not a taken name: a value the database refuses (too long, NUL on PostgreSQL, …)
			}
			throw new ClientNameTakenException(wanted);
		}
	}

	@Transactional
	public Client rename(long id, String name) {
		Client client = get(id);
		String wanted = name.strip();
		if (clients.existsByNameIgnoreCaseAndIdNot(wanted, id)) {
			throw new ClientNameTakenException(wanted);
		}
		client.rename(wanted);
		try {
			clients.flush();
		}
		catch (DataIntegrityViolationException ex) {
			if (!UniqueKeyViolation.is(ex)) {
				throw ex; // not a taken name: a value the database refuses (too long, NUL on PostgreSQL, …)
			}
			throw new ClientNameTakenException(wanted);
		}
		return client;
	}

	/** A deactivated client keeps its tickets and queue but cannot be chosen for new tickets. */
	@Transactional
	public Client setActive(long id, boolean active) {
		Client client = get(id);
		client.setActive(active);
		clients.flush();
		return client;
	}

	/**
	 * Deletes a client that has no tickets. The client's row is locked first, as every queue
	 * change does, so a ticket raised meanwhile cannot slip in between the count and the delete.
	 */
	@Transactional
	public String delete(long id) {
		Client client = get(id);
		jdbc.sql("select id from clients where id = ? for update").param(id).query(Long.class).single();
		long tickets = jdbc.sql("select count(*) from tickets where client_id = ?").param(id).query(Long.class).single();
		if (tickets > 0) {
			throw new ClientInUseException(client.getName(), tickets);
		}
		String name = client.getName();
		clients.delete(client);
		clients.flush();
		return name;
	}

	private Client get(long id) {
		return clients.findById(id).orElseThrow(() -> new NotFoundException("client", id));
	}

	/** One row of the list. */
	public record ClientRow(long id, String name, boolean active, long tickets) {
	}

}
