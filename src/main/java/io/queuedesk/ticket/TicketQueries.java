package io.queuedesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityService;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.SignedInUser;

/** Read-only views of tickets. Every query applies the viewer's visibility (SPEC §1). */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

	private final TicketRepository tickets;

	private final TicketListing listing;

	private final QueueService queues;

	private final ActivityService activity;

	private final Clock clock;

	TicketQueries(TicketRepository tickets, TicketListing listing, QueueService queues, ActivityService activity,
			Clock clock) {
		this.tickets = tickets;
		this.listing = listing;
		this.activity = activity;
		this.queues = queues;
		this.clock = clock;
	}

	/** One page of the tickets the viewer may see that match the filter: three statements. */
	@SignedIn
	public TicketSlice list(TicketFilter filter, SignedInUser viewer) {
		return listing.page(filter, viewer, today());
	}

	/** The ticket page; 404 when the ticket does not exist or the viewer may not see it. */
	@SignedIn
	public TicketDetails details(long id, SignedInUser viewer) {
		Ticket ticket = visible(tickets, id, viewer);
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
				activity.historyOfTicket(ticket.getId(), TicketAccess.seesInternal(viewer)), accessInfo(ticket, viewer));
	}

	/**
	 * What another feature (comments) needs to decide what the viewer may do with the ticket;
	 * 404 when the viewer may not see it.
	 */
	@SignedIn
	public TicketAccessInfo access(long id, SignedInUser viewer) {
		return accessInfo(visible(tickets, id, viewer), viewer);
	}

	private static TicketAccessInfo accessInfo(Ticket ticket, SignedInUser viewer) {
		return new TicketAccessInfo(ticket.getId(), ticket.getTitle(), ticket.getStatus(), ticket.getSubmitter().getId(),
				ticket.getAssignee() == null ? null : ticket.getAssignee().getId(), TicketAccess.canComment(ticket, viewer),
				TicketAccess.canWriteInternal(ticket, viewer), viewer.hasRole(io.queuedesk.user.Role.ADMIN),
				TicketAccess.seesInternal(viewer));
	}

	/** The edit form's values; 404 unless visible. */
	@SignedIn
	public TicketEditForm editForm(long id, SignedInUser viewer) {
		Ticket ticket = visible(tickets, id, viewer);
		if (!TicketAccess.canEdit(ticket, viewer)) {
			throw new TicketActionException("ticket.edit.notAllowed");
		}
		return TicketEditForm.of(ticket);
	}

	/** The client whose queue holds the ticket now; 404 unless visible. */
	@SignedIn
	public Long clientOf(long id, SignedInUser viewer) {
		return visible(tickets, id, viewer).getClient().getId();
	}

	/**
	 * One page of a client's queue in order (admins): the page starting at position
	 * {@code page × size + 1}, found through the queue's segments, so a page deep in a long
	 * queue costs what the first one does.
	 */
	@AdminOnly
	public Page<TicketRow> queue(long clientId, int page, int size) {
		int number = Math.max(0, page);
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
	public TicketSlice assignedTo(SignedInUser viewer, int size) {
		TicketFilter filter = new TicketFilter();
		filter.setAssignee(String.valueOf(viewer.getId()));
		filter.setSize(size);
		return list(filter, viewer);
	}

	/** Tickets the viewer raised, newest first. */
	@SignedIn
	public Page<TicketRow> raisedBy(SignedInUser viewer, int page, int size) {
		LocalDate today = today();
		Page<Ticket> raised = tickets.findRaisedBy(viewer.getId(), PageRequest.of(Math.max(0, page), size));
		Map<Long, Integer> positions = queues.positionsOf(raised.map(Ticket::getId).getContent());
		return raised.map(t -> TicketRow.of(t, positions.get(t.getId()), today));
	}

	/**
	 * Every overdue ticket, ordered by client name and rank, for system jobs (the daily digest
	 * mailed to admins); no method security because no user is signed in there.
	 */
	public List<TicketRow> overdue() {
		LocalDate today = today();
		List<Ticket> overdue = tickets.findOverdue(today);
		Map<Long, Integer> positions = queues.positionsOf(overdue.stream().map(Ticket::getId).toList());
		return overdue.stream().map(t -> TicketRow.of(t, positions.get(t.getId()), today)).toList();
	}

	/** Shared with the write service: load with associations, or 404 if not visible. */
	static Ticket visible(TicketRepository tickets, long id, SignedInUser viewer) {
		return tickets.findDetailed(id)
			.filter(ticket -> TicketAccess.canView(ticket, viewer))
			.orElseThrow(() -> new NotFoundException("Ticket", id));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
