package io.queuedesk.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.PagedSearch;

/**
 * Writes audit entries inside the caller's transaction, so a change and its entry commit
 * together, and reads a ticket's or a user's history back as {@link ActivityEntry}
 * records.
 */
@Service
public class ActivityService {

	private final ActivityLogRepository entries;

	private final Clock clock;

	ActivityService(ActivityLogRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** Must run inside the transaction of the change it records. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, ActivityAction action, ActivitySubject subject, String details) {
		entries.save(new ActivityLog(Instant.now(clock), actor, action, subject, details, false));
	}

	/**
	 * An entry about an internal note, which submitters do not see in the ticket's
	 * history.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordInternal(Actor actor, ActivityAction action, ActivitySubject subject, String details) {
		entries.save(new ActivityLog(Instant.now(clock), actor, action, subject, details, true));
	}

	/**
	 * The ticket's history, oldest first; without entries about internal notes unless
	 * asked for.
	 */
	@Transactional(readOnly = true)
	public List<ActivityEntry> historyOfTicket(Long ticketId, boolean includeInternal) {
		List<ActivityLog> history = includeInternal ? entries.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId)
				: entries.findByTicketIdAndInternalFalseOrderByOccurredAtAscIdAsc(ticketId);
		return history.stream().map(ActivityLog::toEntry).toList();
	}

	/** One page of what happened to a user (as the subject), newest first. */
	@Transactional(readOnly = true)
	public Page<ActivityEntry> recentHistoryOfUser(Long userId, int page, int size) {
		Sort newestFirst = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
		return entries.findByTargetUserId(userId, PageRequest.of(PagedSearch.boundedPage(page), size, newestFirst))
			.map(ActivityLog::toEntry);
	}

}
