package io.queuedesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.attachment.AttachmentTarget;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.attachment.Upload;
import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.reference.ProductAreaService;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * Creates, edits and withdraws tickets (moves and transfers: {@link QueueMoves}). Each
 * method is one transaction: the ticket, its queue and its activity entry change together
 * or not at all. Ownership rules are checked here, not only in the pages; a ticket the
 * user may not see is answered as not found. Every change of an existing ticket first
 * locks it ({@link TicketLocks}), so two changes of one ticket run one after the other
 * and the second sees what the first saved.
 */
@Service
class TicketService {

	private final TicketRepository tickets;

	private final TicketLocks locks;

	private final TicketQueue queue;

	private final TicketJournal journal;

	private final ProductAreaService productAreas;

	private final ClientService clients;

	private final UserService users;

	private final EntityManager entityManager;

	private final Attachments attachments;

	private final Clock clock;

	TicketService(TicketRepository tickets, TicketLocks locks, TicketQueue queue, TicketJournal journal,
			ProductAreaService productAreas, ClientService clients, UserService users, Attachments attachments,
			EntityManager entityManager, Clock clock) {
		this.attachments = attachments;
		this.tickets = tickets;
		this.locks = locks;
		this.queue = queue;
		this.journal = journal;
		this.productAreas = productAreas;
		this.clients = clients;
		this.users = users;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** {@link #create(TicketForm, List, SignedInUser)} without files. */
	@SignedIn
	@Transactional
	public Ticket create(TicketForm form, SignedInUser me) {
		return create(form, List.of(), me);
	}

	/**
	 * Raises a ticket at the bottom of the client's queue, or at the top when an admin
	 * asks, with the files sent along (the upload is refused as a whole, before anything
	 * is written, when it is over a limit).
	 */
	@SignedIn
	@Transactional
	public Ticket create(TicketForm form, List<Upload> files, SignedInUser me) {
		return create(form, files, null, me);
	}

	/**
	 * {@link #create(TicketForm, List, SignedInUser)}, noting in the activity entry how
	 * the ticket came in when not by the form ({@code channel}, e.g. "created by mail").
	 */
	@SignedIn
	@Transactional
	public Ticket create(TicketForm form, List<Upload> files, String channel, SignedInUser me) {
		attachments.check(files);
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
		// Inserted at once (identity key), then placed in the queue under the client's
		// lock.
		tickets.save(ticket);
		int position = queue.enter(client.getId(), ticket.getId(), top);
		journal.record(me, ActivityAction.TICKET_CREATED, ticket, "client: " + client.getName() + ", position #"
				+ position + (top ? " (top of queue)" : "") + (channel == null ? "" : ", " + channel));
		if (assignee != null) {
			journal.record(me, ActivityAction.TICKET_ASSIGNED, ticket, "assignee: — → " + assignee.getDisplayName(),
					new TicketEvents.TicketAssigned(ticket.getId(), ticket.getTitle(), null,
							TicketJournal.person(assignee), TicketJournal.actor(me)));
		}
		attachments.store(AttachmentTarget.ticket(ticket.getId(), ticket.getTitle()), files, me);
		return ticket;
	}

	/**
	 * Saves the edit form. Refused with {@link StaleTicketException} when the form's
	 * version is not the current one, so nobody overwrites a change they have not seen.
	 */
	@SignedIn
	@Transactional
	public void update(long id, TicketEditForm form, SignedInUser me) {
		Ticket ticket = editable(locks.forChange(id, me), me);
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
		journal.record(me, ActivityAction.TICKET_UPDATED, ticket, String.join("\n", changes));
	}

	/**
	 * Withdraws a ticket: its place in the queue closes, its comments go, its history
	 * stays.
	 */
	@SignedIn
	@Transactional
	public void delete(long id, SignedInUser me) {
		Ticket ticket = editable(locks.forDelete(id, me), me);
		Integer rank = queue.leave(ticket.getClient().getId(), id).orElse(null);
		tickets.delete(ticket);
		journal.record(me, ActivityAction.TICKET_DELETED, ticket,
				"client: " + ticket.getClient().getName() + (rank == null ? "" : ", was #" + rank));
	}

	private static Ticket editable(Ticket ticket, SignedInUser me) {
		if (!TicketAccess.canEdit(ticket, me)) {
			throw new TicketActionException("ticket.edit.notAllowed");
		}
		return ticket;
	}

	private ProductArea activeProductArea(Long id) {
		return productAreas.find(id)
			.filter(ProductArea::isActive)
			.orElseThrow(() -> new TicketFieldException("productAreaId", "ticket.productAreaId.unknown"));
	}

	/**
	 * A target date may not lie in the past, unless it is the date the ticket already
	 * has.
	 */
	private void requireNotPast(LocalDate date, LocalDate unchanged) {
		if (date != null && date.isBefore(LocalDate.now(clock)) && !date.equals(unchanged)) {
			throw new TicketFieldException("targetDate", "ticket.targetDate.past");
		}
	}

	/**
	 * Admins may assign anyone who works tickets; developers only themselves; for
	 * submitters the field is ignored, as they cannot assign.
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

	private static void diff(List<String> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(field + ": " + show(before) + " → " + show(after));
		}
	}

	private static String show(Object value) {
		return value == null ? "—" : "\"" + value + "\"";
	}

}
