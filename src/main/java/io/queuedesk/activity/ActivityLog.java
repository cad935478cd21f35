package io.queuedesk.activity;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One entry of the append-only audit trail. It holds snapshots (ids, email, title) rather
 * than foreign keys, so it survives the deletion of the ticket or user it talks about.
 * Hibernate treats it as immutable: the application never updates or deletes an entry.
 * <p>
 * Internal to the module: other modules write entries through {@link ActivityService} and
 * read them as {@link ActivityEntry} records.
 */
@Entity
@Immutable
@Table(name = "activity_log")
class ActivityLog {

	/**
	 * Longest details text kept; a 20,000-char description diff is cut rather than
	 * refused.
	 */
	static final int MAX_DETAILS = 50_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "actor_id")
	private Long actorId;

	@Column(name = "actor_email", nullable = false)
	private String actorEmail;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ActivityAction action;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "ticket_title")
	private String ticketTitle;

	@Column(name = "target_user_id")
	private Long targetUserId;

	@Column(name = "target_user_email")
	private String targetUserEmail;

	@Column(length = MAX_DETAILS)
	private String details;

	/** About an internal note: left out of the history submitters see. */
	@Column(nullable = false)
	private boolean internal;

	protected ActivityLog() {
	}

	ActivityLog(Instant occurredAt, Actor actor, ActivityAction action, ActivitySubject subject, String details,
			boolean internal) {
		this.internal = internal;
		this.occurredAt = occurredAt;
		this.actorId = actor.userId();
		// Lower-case, as users' emails are stored: the audit trail's user filter matches
		// exactly.
		this.actorEmail = lower(actor.email());
		this.action = action;
		this.ticketId = subject.ticketId();
		this.ticketTitle = subject.ticketTitle();
		this.targetUserId = subject.userId();
		this.targetUserEmail = lower(subject.userEmail());
		this.details = details == null || details.length() <= MAX_DETAILS ? details
				: details.substring(0, MAX_DETAILS - 1) + "…";
	}

	private static String lower(String email) {
		return email == null ? null : email.toLowerCase(Locale.ROOT);
	}

	/** The entry as the pages and other modules see it. */
	ActivityEntry toEntry() {
		return new ActivityEntry(id, occurredAt, actorEmail, action, ticketId, ticketTitle, targetUserEmail, details);
	}

}
