package io.queuedesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityService;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.PagedSearch;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * Read-only views of tickets. Every query applies the viewer's visibility
 * (docs/RULES.md#roles-and-visibility).
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

	private final TicketRepository tickets;

	private final TicketListing listing;

	private final QueueService queues;

	private final ActivityService activity;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TicketLocks locks;

	TicketQueries(TicketRepository tickets, TicketListing listing, QueueService queues, ActivityService activity,
			Clock clock, JdbcClient jdbc, TicketLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.tickets = tickets;
		this.listing = listing;
		this.activity = activity;
		this.queues = queues;
		this.clock = clock;
	}

	/**
	 * One page of the tickets the viewer may see that match the filter: three statements.
	 */
	@SignedIn
	TicketSlice list(TicketFilter filter, SignedInUser viewer) {
		return listing.page(filter, viewer, today());
	}

	/**
	 * The ticket page; 404 when the ticket does not exist or the viewer may not see it.
	 */
	@SignedIn
	TicketDetails details(long id, SignedInUser viewer) {
		Ticket ticket = tickets.findVisible(id, viewer);
		Integer position = queues.positionOf(id).orElse(null);
		int queueSize = position == null ? 0 : queues.size(ticket.getClient().getId());
		List<TicketStatus> nextSteps = ticket.getStatus()
			.next()
			.stream()
			.filter(target -> TicketAccess.canTransition(ticket, target, viewer))
			.toList();
		boolean canEdit = TicketAccess.canEdit(ticket, viewer);
		return new TicketDetails(TicketRow.of(ticket, position, today()), ticket.getDescription(), queueSize,
				ticket.getUpdatedAt(), ticket.getVersion(), canEdit, canEdit, TicketAccess.canManageQueues(viewer),
				TicketAccess.canAssign(viewer), TicketAccess.canPickUp(ticket, viewer), nextSteps,
				activity.historyOfTicket(ticket.getId(), TicketAccess.seesInternal(viewer)),
				accessInfo(ticket, viewer));
	}

	/**
	 * What another feature (comments) needs to decide what the viewer may do with the
	 * ticket; 404 when the viewer may not see it.
	 */
	@SignedIn
	public TicketAccessInfo access(long id, SignedInUser viewer) {
		return accessInfo(tickets.findVisible(id, viewer), viewer);
	}

	/**
	 * {@link #access} for adding or deleting a comment in the caller's transaction: the
	 * ticket is first locked against a concurrent delete until that transaction ends, so
	 * a comment is never inserted for a ticket that is being deleted (a foreign key
	 * failure), and a ticket deleted meanwhile answers 404.
	 */
	@SignedIn
	@Transactional(propagation = Propagation.MANDATORY)
	public TicketAccessInfo accessForComment(long id, SignedInUser viewer) {
		locks.againstDelete(id);
		return access(id, viewer);
	}

	private static TicketAccessInfo accessInfo(Ticket ticket, SignedInUser viewer) {
		return new TicketAccessInfo(ticket.getId(), ticket.getTitle(), ticket.getStatus(),
				ticket.getSubmitter().getId(), ticket.getAssignee() == null ? null : ticket.getAssignee().getId(),
				TicketAccess.canComment(ticket, viewer), TicketAccess.canWriteInternal(ticket, viewer),
				viewer.hasRole(Role.ADMIN), TicketAccess.seesInternal(viewer));
	}

	/** The edit form's values; 404 unless visible. */
	@SignedIn
	TicketEditForm editForm(long id, SignedInUser viewer) {
		Ticket ticket = tickets.findVisible(id, viewer);
		if (!TicketAccess.canEdit(ticket, viewer)) {
			throw new TicketActionException("ticket.edit.notAllowed");
		}
		return TicketEditForm.of(ticket);
	}

	/** The client whose queue holds the ticket now; 404 unless visible. */
	@SignedIn
	public Long clientOf(long id, SignedInUser viewer) {
		return tickets.findVisible(id, viewer).getClient().getId();
	}

	/**
	 * Where the ticket stands now (its client and queue position), to send the viewer
	 * back to the queue or board that shows it; 404 unless visible.
	 */
	@SignedIn
	public ReturnTo.Place placeOf(long id, SignedInUser viewer) {
		Ticket ticket = tickets.findVisible(id, viewer);
		return new ReturnTo.Place(ticket.getClient().getId(), queues.positionOf(id).orElse(null));
	}

	/**
	 * A page of the viewer's own board (docs/RULES.md#the-board): the queued tickets
	 * assigned to them, by client name and rank, as in "Assigned to me". For people who
	 * work tickets only.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'DEVELOPER')")
	TicketSlice myBoard(SignedInUser viewer, int size, String after, String before, int page) {
		return assignedTo(viewer, size, after, before, page);
	}

	/**
	 * One page of a client's queue in order (admins): the page starting at position
	 * {@code page × size + 1}, found through the queue's segments, so a page deep in a
	 * long queue costs what the first one does.
	 */
	@AdminOnly
	public Page<TicketRow> queue(long clientId, int page, int size) {
		int number = PagedSearch.boundedPage(page);
		int first = number * size + 1;
		List<TicketRow> rows = queues.rankAt(clientId, first)
			.stream()
			.mapToObj(rank -> listing.queueFrom(clientId, rank, size, first, today()))
			.findFirst()
			.orElse(List.of());
		return new PageImpl<>(rows, PageRequest.of(number, size), queues.size(clientId));
	}

	/** Queued tickets assigned to the viewer, by client and rank. */
	@SignedIn
	TicketSlice assignedTo(SignedInUser viewer, int size) {
		return assignedTo(viewer, size, null, null, 0);
	}

	/**
	 * A page of the viewer's queued tickets in queue order (by client name, then rank),
	 * from a cursor.
	 */
	@SignedIn
	TicketSlice assignedTo(SignedInUser viewer, int size, String after, String before, int page) {
		TicketFilter filter = new TicketFilter();
		filter.setAssignee(String.valueOf(viewer.getId()));
		return list(paged(filter, size, after, before, page), viewer);
	}

	/**
	 * A page of the unassigned queued tickets in queue order, for a developer to pick up.
	 */
	@SignedIn
	TicketSlice unassigned(SignedInUser viewer, int size, String after, String before, int page) {
		TicketFilter filter = new TicketFilter();
		filter.setAssignee("none");
		return list(paged(filter, size, after, before, page), viewer);
	}

	private static TicketFilter paged(TicketFilter filter, int size, String after, String before, int page) {
		filter.setSize(size);
		filter.setAfter(after);
		filter.setBefore(before);
		filter.setPage(page);
		return filter;
	}

	/** Tickets the viewer raised, newest first: the first page. */
	@SignedIn
	TicketSlice raisedBy(SignedInUser viewer, int page, int size) {
		return raisedBy(viewer, null, null, page, size);
	}

	/**
	 * Tickets the viewer raised (queued and completed), newest first, in four statements
	 * whatever the page: a capped count and the page's ids, both read from the index
	 * (submitter_id, created_at, id) from the cursor on; the tickets with their names;
	 * their queue positions.
	 */
	@SignedIn
	TicketSlice raisedBy(SignedInUser viewer, String after, String before, int page, int size) {
		LocalDate today = today();
		long me = viewer.getId();
		long total = jdbc
			.sql("select count(*) from (select 1 from tickets t where t.submitter_id = :me"
					+ " order by t.created_at desc, t.id desc limit " + (TicketListing.COUNT_CAP + 1) + ") raised")
			.param("me", me)
			.query(Long.class)
			.single();
		ListCursor afterCursor = raisedCursor(after);
		ListCursor beforeCursor = afterCursor == null ? raisedCursor(before) : null;
		boolean forward = beforeCursor == null;
		ListCursor cursor = forward ? afterCursor : beforeCursor;
		int number = PagedSearch.boundedPage(page);
		long offset = cursor == null ? (long) number * size : 0;
		if (offset >= TicketListing.MAX_OFFSET) {
			return TicketSlice.tooDeep(number, size, total);
		}
		String direction = forward ? " desc" : "";
		StringBuilder sql = new StringBuilder("select t.id, t.created_at from tickets t where t.submitter_id = :me");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("me", me);
		if (cursor != null) {
			Object[] key = ListOrder.CREATED.parameters(cursor);
			sql.append(" and (t.created_at, t.id) ").append(forward ? "<" : ">").append(" (:key0, :key1)");
			params.put("key0", key[0]);
			params.put("key1", key[1]);
		}
		sql.append(" order by t.created_at")
			.append(direction)
			.append(", t.id")
			.append(direction)
			.append(" limit ")
			.append(size + 1);
		if (offset > 0) {
			sql.append(" offset ").append(offset);
		}
		List<ListCursor> keys = new ArrayList<>(
				jdbc.sql(sql.toString()).params(params).query((rs, n) -> ListOrder.CREATED.cursorOf(rs)).list());
		boolean more = keys.size() > size;
		if (more) {
			keys.remove(size);
		}
		if (!forward) {
			Collections.reverse(keys);
		}
		List<Long> ids = keys.stream().map(key -> key.values()[1]).toList();
		Map<Long, Ticket> loaded = new HashMap<>();
		if (!ids.isEmpty()) {
			tickets.findDetailedIn(ids).forEach(ticket -> loaded.put(ticket.getId(), ticket));
		}
		Map<Long, Integer> positions = queues.positionsOf(ids);
		List<TicketRow> rows = ids.stream()
			.map(loaded::get)
			.filter(Objects::nonNull)
			.map(t -> TicketRow.of(t, positions.get(t.getId()), today))
			.toList();
		ListCursor first = keys.isEmpty() ? null : keys.get(0);
		ListCursor last = keys.isEmpty() ? null : keys.get(keys.size() - 1);
		boolean hasPrevious = forward ? cursor != null || number > 0 : more;
		boolean hasNext = forward ? more : true;
		return new TicketSlice(rows, number, size, total, total > TicketListing.COUNT_CAP, hasPrevious ? first : null,
				hasNext ? last : null);
	}

	private static ListCursor raisedCursor(String text) {
		try {
			return ListCursor.parse(text).filter(ListOrder.CREATED::accepts).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Every overdue ticket, ordered by client name and rank, for system jobs (the daily
	 * digest mailed to admins); no method security because no user is signed in there.
	 */
	public List<TicketRow> overdue() {
		LocalDate today = today();
		List<Ticket> overdue = tickets.findOverdue(today);
		Map<Long, Integer> positions = queues.positionsOf(overdue.stream().map(Ticket::getId).toList());
		return overdue.stream().map(t -> TicketRow.of(t, positions.get(t.getId()), today)).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
