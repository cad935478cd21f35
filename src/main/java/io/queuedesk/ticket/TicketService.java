package io.queuedesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueChangedException;
import io.queuedesk.queue.QueueService;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.reference.ProductAreaRepository;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * Creates, edits, withdraws, moves and transfers tickets. Each method is one transaction: the
 * ticket, its queue and its activity entry change together or not at all. Ownership rules are
 * checked here, not only in the pages; a ticket the user may not see is answered as not found.
 * Every change of an existing ticket first locks it ({@link TicketLocks}), so two changes of one
 * ticket run one after the other and the second sees what the first saved.
 */
@Service
public class TicketService {

	private final TicketRepository tickets;

	private final ProductAreaRepository productAreas;

	private final ClientService clients;

	private final UserService users;

	private final QueueService queues;

	private final ActivityService activity;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TicketLocks locks;

	TicketService(TicketRepository tickets, ProductAreaRepository productAreas, ClientService clients,
			UserService users, QueueService queues, ActivityService activity, EntityManager entityManager,
			ApplicationEventPublisher events, Clock clock, TicketLocks locks) {
		this.locks = locks;
		this.events = events;
		this.tickets = tickets;
		this.productAreas = productAreas;
		this.clients = clients;
		this.users = users;
		this.queues = queues;
		this.activity = activity;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** Raises a ticket at the bottom of the client's queue, or at the top when an admin asks. */
	@SignedIn
	@Transactional
	public Ticket create(TicketForm form, SignedInUser me) {
		Client client = clients.find(form.clientId())
			.filter(Client::isActive)
			.orElseThrow(() -> new TicketFieldException("clientId", "ticket.clientId.unknown"));
		ProductArea area = activeProductArea(form.productAreaId());
		requireNotPast(form.targetDate(), null);
		User assignee = assigneeFor(form.assigneeId(), me);
		boolean top = form.wantsTop() && me.hasRole(Role.ADMIN);

		Instant now = Instant.now(clock);
		Ticket ticket = new Ticket(form.title().strip(), form.description().strip(), client, area, form.targetDate(),
				entityManager.getReference(User.class, me.getId()), now);
		if (assignee != null) {
			ticket.assignTo(assignee, now);
		}
		// Inserted at once (identity key), then placed in the queue under the client's lock.
		tickets.save(ticket);
		int position = queues.enter(client.getId(), ticket.getId(), top);
		record(me, ActivityAction.TICKET_CREATED, ticket,
				"client: " + client.getName() + ", position #" + position + (top ? " (top of queue)" : ""));
		TicketEvents.Person assigned = TicketWorkflow.person(assignee);
		if (assignee != null) {
			record(me, ActivityAction.TICKET_ASSIGNED, ticket, "assignee: — → " + assignee.getDisplayName());
		}
		TicketEvents.Person actor = TicketWorkflow.actor(me);
		events.publishEvent(new TicketEvents.TicketCreated(ticket.getId(), ticket.getTitle(), actor, assigned, actor));
		if (assigned != null) {
			events.publishEvent(new TicketEvents.TicketAssigned(ticket.getId(), ticket.getTitle(), null, assigned, actor));
		}
		return ticket;
	}

	/**
	 * Saves the edit form. Refused with {@link StaleTicketException} when the form's version is
	 * not the current one, so nobody overwrites a change they have not seen.
	 */
	@SignedIn
	@Transactional
	public void update(long id, TicketEditForm form, SignedInUser me) {
		locks.forChange(id);
		Ticket ticket = editable(id, me);
		if (!Objects.equals(form.version(), ticket.getVersion())) {
			throw new StaleTicketException(TicketEditForm.of(ticket));
		}
		ProductArea area = ticket.getProductArea().getId().equals(form.productAreaId()) ? ticket.getProductArea()
				: activeProductArea(form.productAreaId());
		requireNotPast(form.targetDate(), ticket.getTargetDate());

		List<String> changes = new ArrayList<>();
		String title = form.title().strip();
		String description = form.description().strip();
		diff(changes, "title", ticket.getTitle(), title);
		diff(changes, "description", ticket.getDescription(), description);
		diff(changes, "productArea", ticket.getProductArea().getName(), area.getName());
		diff(changes, "targetDate", ticket.getTargetDate(), form.targetDate());
		if (changes.isEmpty()) {
			return;
		}
		ticket.edit(title, description, area, form.targetDate(), Instant.now(clock));
		record(me, ActivityAction.TICKET_UPDATED, ticket, String.join("\n", changes));
	}

	/** Withdraws a ticket: its place in the queue closes, its comments go, its history stays. */
	@SignedIn
	@Transactional
	public void delete(long id, SignedInUser me) {
		locks.forDelete(id);
		Ticket ticket = editable(id, me);
		Integer rank = inQueue(() -> queues.leave(ticket.getClient().getId(), id)).orElse(null);
		tickets.delete(ticket);
		record(me, ActivityAction.TICKET_DELETED, ticket,
				"client: " + ticket.getClient().getName() + (rank == null ? "" : ", was #" + rank));
	}

	/** Moves a queued ticket within its client's queue (admins). */
	@SignedIn
	@Transactional
	public QueueService.Move move(long id, MoveTarget target, SignedInUser me) {
		locks.forChange(id);
		Ticket ticket = queueManaged(id, me);
		if (!ticket.getStatus().isQueued()) {
			throw new TicketActionException("ticket.move.notQueued");
		}
		QueueService.Move move = inQueue(() -> queues.move(ticket.getClient().getId(), id, target));
		if (move.changed()) {
			record(me, ActivityAction.TICKET_MOVED, ticket, "moved from #" + move.from() + " to #" + move.to());
		}
		return move;
	}

	/** Moves a queued ticket to the bottom of another client's queue (admins). */
	@SignedIn
	@Transactional
	public QueueService.Move transfer(long id, Long clientId, SignedInUser me) {
		locks.forChange(id);
		Ticket ticket = queueManaged(id, me);
		Client target = clients.find(clientId)
			.filter(Client::isActive)
			.orElseThrow(() -> new TicketActionException("ticket.transfer.unknownClient"));
		Client source = ticket.getClient();
		if (source.getId().equals(target.getId())) {
			throw new TicketActionException("ticket.transfer.sameClient", source.getName());
		}
		if (!ticket.getStatus().isQueued()) {
			throw new TicketActionException("ticket.transfer.notQueued");
		}
		QueueService.Move move = inQueue(() -> queues.transfer(source.getId(), target.getId(), id));
		record(me, ActivityAction.TICKET_TRANSFERRED, ticket, "from " + source.getName() + " #" + move.from()
				+ " to " + target.getName() + " #" + move.to());
		return move;
	}

	/** Not found for those who may not see the ticket (ids do not leak), forbidden for other non-admins. */
	private Ticket queueManaged(long id, SignedInUser me) {
		Ticket ticket = TicketQueries.visible(tickets, id, me);
		if (!TicketAccess.canManageQueues(me)) {
			throw new AccessDeniedException("Only admins move tickets between and within queues");
		}
		return ticket;
	}

	private Ticket editable(long id, SignedInUser me) {
		Ticket ticket = TicketQueries.visible(tickets, id, me);
		if (!TicketAccess.canEdit(ticket, me)) {
			throw new TicketActionException("ticket.edit.notAllowed");
		}
		return ticket;
	}

	/** A queue change that lost a race with another one is refused cleanly, as "changed meanwhile". */
	private static <T> T inQueue(Supplier<T> queueChange) {
		try {
			return queueChange.get();
		}
		catch (QueueChangedException ex) {
			throw new TicketActionException("ticket.changedMeanwhile");
		}
	}

	private ProductArea activeProductArea(Long id) {
		return (id == null ? java.util.Optional.<ProductArea>empty() : productAreas.findById(id))
			.filter(ProductArea::isActive)
			.orElseThrow(() -> new TicketFieldException("productAreaId", "ticket.productAreaId.unknown"));
	}

	/** A target date may not lie in the past, unless it is the date the ticket already has. */
	private void requireNotPast(LocalDate date, LocalDate unchanged) {
		if (date != null && date.isBefore(LocalDate.now(clock)) && !date.equals(unchanged)) {
			throw new TicketFieldException("targetDate", "ticket.targetDate.past");
		}
	}

	/**
	 * Admins may assign anyone who works tickets; developers only themselves; for submitters the
	 * field is ignored, as they cannot assign.
	 */
	private User assigneeFor(Long assigneeId, SignedInUser me) {
		if (assigneeId == null || !(me.hasRole(Role.ADMIN) || me.hasRole(Role.DEVELOPER))) {
			return null;
		}
		if (!me.hasRole(Role.ADMIN) && !assigneeId.equals(me.getId())) {
			throw new TicketFieldException("assigneeId", "ticket.assigneeId.onlySelf");
		}
		return users.findAssignable(assigneeId)
			.orElseThrow(() -> new TicketFieldException("assigneeId", "ticket.assigneeId.unknown"));
	}

	private void record(SignedInUser me, ActivityAction action, Ticket ticket, String details) {
		activity.record(UserService.actor(me), action, ActivitySubject.ticket(ticket.getId(), ticket.getTitle()),
				details);
	}

	private static void diff(List<String> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(field + ": " + show(before) + " → " + show(after));
		}
	}

	private static String show(Object value) {
		return value == null ? "—" : "\"" + value + "\"";
	}

}
