package io.queuedesk.ticket;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.queuedesk.reference.Client;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.user.User;

/**
 * A support or feature request. Its client is written only on insert and its queue rank
 * never by this entity: the queue service alone places tickets, with SQL under the
 * client's lock, so a flush of a stale entity can never break the queue (invariant Q).
 * Its position in the queue ("priority") is derived by the queue service, not stored.
 */
@Entity
@Table(name = "tickets")
class Ticket {

	public static final int MAX_TITLE = 200;

	public static final int MAX_DESCRIPTION = 20_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = MAX_TITLE)
	private String title;

	@Column(nullable = false, length = MAX_DESCRIPTION)
	private String description;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "client_id", nullable = false, updatable = false)
	private Client client;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "product_area_id", nullable = false)
	private ProductArea productArea;

	/** Sort key in the client's queue (sparse; see QueueService); null once completed. */
	@Column(name = "queue_rank", insertable = false, updatable = false)
	private Long queueRank;

	@Column(name = "target_date")
	private LocalDate targetDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TicketStatus status = TicketStatus.OPEN;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "assignee_id")
	private User assignee;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "submitter_id", nullable = false, updatable = false)
	private User submitter;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Version
	private long version;

	protected Ticket() {
	}

	public Ticket(String title, String description, Client client, ProductArea productArea, LocalDate targetDate,
			User submitter, Instant now) {
		this.title = title;
		this.description = description;
		this.client = client;
		this.productArea = productArea;
		this.targetDate = targetDate;
		this.submitter = submitter;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Changes what the edit form may change; client and priority are not among them. */
	void edit(String title, String description, ProductArea productArea, LocalDate targetDate, Instant now) {
		this.title = title;
		this.description = description;
		this.productArea = productArea;
		this.targetDate = targetDate;
		this.updatedAt = now;
	}

	/**
	 * Takes one workflow step; only the steps {@link TicketStatus#next()} allows.
	 * Completing stamps the completion time, reopening clears it.
	 */
	void moveTo(TicketStatus target, Instant now) {
		if (!status.canMoveTo(target)) {
			throw new IllegalStateException("No workflow step from " + status + " to " + target);
		}
		this.status = target;
		this.completedAt = target == TicketStatus.COMPLETED ? now : null;
		this.updatedAt = now;
	}

	/**
	 * A reassigned ticket starts over: the new assignee accepts it
	 * (docs/RULES.md#workflow).
	 */
	void restartForNewAssignee(Instant now) {
		if (status != TicketStatus.COMPLETED) {
			this.status = TicketStatus.OPEN;
			this.updatedAt = now;
		}
	}

	void assignTo(User assignee, Instant now) {
		this.assignee = assignee;
		this.updatedAt = now;
	}

	/** Overdue: a target date before today on a ticket that is not completed. */
	public boolean isOverdueOn(LocalDate today) {
		return targetDate != null && targetDate.isBefore(today) && status != TicketStatus.COMPLETED;
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public Client getClient() {
		return client;
	}

	public ProductArea getProductArea() {
		return productArea;
	}

	public LocalDate getTargetDate() {
		return targetDate;
	}

	public TicketStatus getStatus() {
		return status;
	}

	public User getAssignee() {
		return assignee;
	}

	public User getSubmitter() {
		return submitter;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

	public long getVersion() {
		return version;
	}

}
