package io.queuedesk.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * What every ticket change leaves behind, in the change's transaction: its activity entry
 * and, where other features react (system comments, mail), its domain event. A
 * rolled-back change leaves neither.
 */
@Component
class TicketJournal {

	private final ActivityService activity;

	private final ApplicationEventPublisher events;

	TicketJournal(ActivityService activity, ApplicationEventPublisher events) {
		this.activity = activity;
		this.events = events;
	}

	/** The activity entry of a change that no other feature reacts to. */
	void record(SignedInUser me, ActivityAction action, Ticket ticket, String details) {
		activity.record(UserService.actor(me), action, ActivitySubject.ticket(ticket.getId(), ticket.getTitle()),
				details);
	}

	/** The activity entry, then the event for the features that react to the change. */
	void record(SignedInUser me, ActivityAction action, Ticket ticket, String details, Object event) {
		record(me, action, ticket, details);
		events.publishEvent(event);
	}

	/** A user as events carry them; null for nobody. */
	static Person person(User user) {
		return user == null ? null : new Person(user.getId(), user.getDisplayName());
	}

	/** The signed-in user who makes the change, as events carry them. */
	static Person actor(SignedInUser me) {
		return new Person(me.getId(), me.getDisplayName());
	}

}
