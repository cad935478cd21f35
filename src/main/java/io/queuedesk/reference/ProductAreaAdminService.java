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
 * /admin/product-areas: create, rename, (de)activate and delete product areas. Reference data, so
 * nothing is written to the activity log (SPEC §3). Ticket counts come from one grouped query.
 */
@Service
@Transactional(readOnly = true)
@AdminOnly
class ProductAreaAdminService {

	private final ProductAreaRepository areas;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProductAreaAdminService(ProductAreaRepository areas, JdbcClient jdbc, Clock clock) {
		this.areas = areas;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every product area, by name, with its number of tickets (all statuses). */
	public List<ProductAreaRow> overview() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select product_area_id, count(*) from tickets group by product_area_id")
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return areas.findAllByOrderByNameAsc()
			.stream()
			.map(c -> new ProductAreaRow(c.getId(), c.getName(), c.isActive(), counts.getOrDefault(c.getId(), 0L)))
			.toList();
	}

	@Transactional
	public ProductArea create(String name) {
		String wanted = name.strip();
		if (areas.existsByNameIgnoreCase(wanted)) {
			throw new ProductAreaNameTakenException(wanted);
		}
		try {
			return areas.saveAndFlush(new ProductArea(wanted, clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			if (!UniqueKeyViolation.is(ex)) {
				throw ex; // not a taken name: a value the database refuses (too long, NUL on PostgreSQL, …)
			}
			throw new ProductAreaNameTakenException(wanted);
		}
	}

	@Transactional
	public ProductArea rename(long id, String name) {
		ProductArea area = get(id);
		String wanted = name.strip();
		if (areas.existsByNameIgnoreCaseAndIdNot(wanted, id)) {
			throw new ProductAreaNameTakenException(wanted);
		}
		area.rename(wanted);
		try {
			areas.flush();
		}
		catch (DataIntegrityViolationException ex) {
			if (!UniqueKeyViolation.is(ex)) {
				throw ex; // not a taken name: a value the database refuses (too long, NUL on PostgreSQL, …)
			}
			throw new ProductAreaNameTakenException(wanted);
		}
		return area;
	}

	/** A deactivated area keeps its tickets but cannot be chosen for new ones. */
	@Transactional
	public ProductArea setActive(long id, boolean active) {
		ProductArea area = get(id);
		area.setActive(active);
		areas.flush();
		return area;
	}

	/**
	 * Deletes an area no ticket uses. Its row is locked first, so that a ticket raised meanwhile
	 * waits (PostgreSQL) or the foreign key refuses the delete (answered by the controller).
	 */
	@Transactional
	public String delete(long id) {
		ProductArea area = get(id);
		jdbc.sql("select id from product_areas where id = ? for update").param(id).query(Long.class).single();
		long tickets = jdbc.sql("select count(*) from tickets where product_area_id = ?").param(id).query(Long.class).single();
		if (tickets > 0) {
			throw new ProductAreaInUseException(area.getName(), tickets);
		}
		String name = area.getName();
		areas.delete(area);
		areas.flush();
		return name;
	}

	private ProductArea get(long id) {
		return areas.findById(id).orElseThrow(() -> new NotFoundException("product area", id));
	}

	/** One row of the list. */
	public record ProductAreaRow(long id, String name, boolean active, long tickets) {
	}

}
