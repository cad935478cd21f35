package io.queuedesk.activity;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete methods exist on purpose. */
interface ActivityLogRepository extends Repository<ActivityLog, Long> {

	ActivityLog save(ActivityLog entry);

	List<ActivityLog> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);

	List<ActivityLog> findByTicketIdAndInternalFalseOrderByOccurredAtAscIdAsc(Long ticketId);

	Page<ActivityLog> findByTargetUserId(Long userId, Pageable pageable);

	long count();

}
