package io.queuedesk.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.UniqueKeyViolation;

/**
 * /admin/clients and /admin/product-areas: create, rename, (de)activate and delete the
 * entries of one kind of reference data (one instance per kind, {@link ReferenceAdmins}).
 * Reference data, so nothing is written to the activity log (docs/RULES.md#activity-log).
 * Ticket counts come straight from the tickets table with one grouped query, so this
 * module does not depend on the ticket module (which depends on it).
 */
@Transactional(readOnly = true)
@AdminOnly
class ReferenceAdminService<T extends ReferenceItem> {

	private final ReferenceKind kind;

	private final ReferenceRepository<T> items;

	private final BiFunction<String, Instant, T> factory;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReferenceAdminService(ReferenceKind kind, ReferenceRepository<T> items, BiFunction<String, Instant, T> factory,
			JdbcClient jdbc, Clock clock) {
		this.kind = kind;
		this.items = items;
		this.factory = factory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every entry, by name, with its number of tickets (all statuses). */
	public List<ReferenceRow> overview() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select " + kind.ticketColumn + ", count(*) from tickets group by " + kind.ticketColumn)
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return items.findAllByOrderByNameAsc()
			.stream()
			.map(c -> new ReferenceRow(c.getId(), c.getName(), c.isActive(), counts.getOrDefault(c.getId(), 0L)))
			.toList();
	}

	@Transactional
	public T create(String name) {
		String wanted = name.strip();
		if (items.existsByNameIgnoreCase(wanted)) {
			throw new NameTakenException(kind, wanted);
		}
		try {
			return items.saveAndFlush(factory.apply(wanted, clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw takenOrRethrow(ex, wanted);
		}
	}

	@Transactional
	public T rename(long id, String name) {
		T item = get(id);
		String wanted = name.strip();
		if (items.existsByNameIgnoreCaseAndIdNot(wanted, id)) {
			throw new NameTakenException(kind, wanted);
		}
		item.rename(wanted);
		try {
			items.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw takenOrRethrow(ex, wanted);
		}
		return item;
	}

	/**
	 * A deactivated entry keeps its tickets (and a client its queue) but cannot be chosen
	 * for new tickets.
	 */
	@Transactional
	public T setActive(long id, boolean active) {
		T item = get(id);
		item.setActive(active);
		items.flush();
		return item;
	}

	/**
	 * Deletes an entry no ticket uses. Its row is locked first (as every queue change
	 * locks its client's row), so that a ticket raised meanwhile cannot slip in between
	 * the count and the delete: it waits, or the foreign key refuses the delete (answered
	 * by the controller). On MariaDB a ticket's insert share-locks the row for its
	 * foreign key, and so does a queue change: this exclusive lock waits for both, and
	 * they for it; nothing here upgrades a lock it holds.
	 */
	@Transactional
	public String delete(long id) {
		T item = get(id);
		jdbc.sql("select id from " + kind.table + " where id = ? for update").param(id).query(Long.class).single();
		long tickets = jdbc.sql("select count(*) from tickets where " + kind.ticketColumn + " = ?")
			.param(id)
			.query(Long.class)
			.single();
		if (tickets > 0) {
			throw new InUseException(kind, item.getName(), tickets);
		}
		String name = item.getName();
		items.delete(item);
		items.flush();
		return name;
	}

	private T get(long id) {
		return items.findById(id).orElseThrow(() -> new NotFoundException(kind.label, id));
	}

	/** Only a unique-key violation means the name is taken. */
	private RuntimeException takenOrRethrow(DataIntegrityViolationException ex, String wanted) {
		if (!UniqueKeyViolation.is(ex)) {
			return ex; // not a taken name: a value the database refuses (too long, NUL on
						// PostgreSQL, …)
		}
		return new NameTakenException(kind, wanted);
	}

	/** One row of the list. */
	public record ReferenceRow(long id, String name, boolean active, long tickets) {
	}

}
