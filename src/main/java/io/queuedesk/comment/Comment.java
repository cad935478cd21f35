package io.queuedesk.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.queuedesk.user.User;

/**
 * A comment on a ticket: plain text, never edited. Internal notes are hidden from
 * submitters; system comments record workflow changes. Deleted with their ticket (ON
 * DELETE CASCADE).
 */
@Entity
@Table(name = "comments")
public class Comment {

	public static final int MAX_BODY = 10_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ticket_id", nullable = false, updatable = false)
	private Long ticketId;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author_id", updatable = false)
	private User author;

	@Column(nullable = false, length = MAX_BODY, updatable = false)
	private String body;

	@Column(nullable = false, updatable = false)
	private boolean internal;

	@Column(name = "system_comment", nullable = false, updatable = false)
	private boolean systemComment;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Comment() {
	}

	public Comment(Long ticketId, User author, String body, boolean internal, boolean systemComment,
			Instant createdAt) {
		this.ticketId = ticketId;
		this.author = author;
		this.body = body;
		this.internal = internal;
		this.systemComment = systemComment;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public User getAuthor() {
		return author;
	}

	public String getBody() {
		return body;
	}

	public boolean isInternal() {
		return internal;
	}

	public boolean isSystemComment() {
		return systemComment;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
