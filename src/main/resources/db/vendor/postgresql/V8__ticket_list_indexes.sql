-- Indexes of the ticket lists on PostgreSQL (the embedded H2 has its own V8: it has no partial,
-- expression or GIN indexes). Each serves one filter together with the order it is read in, so a
-- page is a short index range from its cursor on (see ticket/ListOrder and TicketConditions).
-- Queued and completed tickets are indexed apart: "queue_rank IS [NOT] NULL" is the predicate of
-- the partial indexes and every list query states it literally. A quarter of the tickets are
-- queued at most, so the queued indexes stay small and an order over them never walks past
-- hundreds of thousands of completed tickets.

DROP INDEX ix_tickets_status;
DROP INDEX ix_tickets_assignee;
DROP INDEX ix_tickets_submitter;
DROP INDEX ix_tickets_target_date;
DROP INDEX ix_tickets_created_at;
DROP INDEX ix_tickets_completed_at;

-- Newest first (both kinds), and what one user raised (also the submitter foreign key's index).
CREATE INDEX ix_tickets_created ON tickets (created_at, id);
CREATE INDEX ix_tickets_submitter_created ON tickets (submitter_id, created_at, id);

-- Queued: all of them in queue order (the unique key holds the completed ones too, four times as
-- many), and each filter followed by the queue order (client, rank).
CREATE INDEX ix_tickets_queued ON tickets (client_id, queue_rank) WHERE queue_rank IS NOT NULL;
CREATE INDEX ix_tickets_queued_status ON tickets (status, client_id, queue_rank) WHERE queue_rank IS NOT NULL;
CREATE INDEX ix_tickets_queued_assignee ON tickets (assignee_id, client_id, queue_rank) WHERE queue_rank IS NOT NULL;
CREATE INDEX ix_tickets_queued_unassigned ON tickets (client_id, queue_rank)
    WHERE queue_rank IS NOT NULL AND assignee_id IS NULL;
CREATE INDEX ix_tickets_queued_submitter ON tickets (submitter_id, client_id, queue_rank) WHERE queue_rank IS NOT NULL;
CREATE INDEX ix_tickets_queued_area ON tickets (product_area_id, client_id, queue_rank) WHERE queue_rank IS NOT NULL;
-- By target date, none last; also the overdue filter.
CREATE INDEX ix_tickets_queued_target ON tickets ((COALESCE(target_date, DATE '9999-12-31')), id)
    WHERE queue_rank IS NOT NULL;

-- Completed (the archive): most recently completed first, alone or per client or assignee.
CREATE INDEX ix_tickets_completed ON tickets (completed_at, id) WHERE queue_rank IS NULL;
CREATE INDEX ix_tickets_completed_client ON tickets (client_id, completed_at, id) WHERE queue_rank IS NULL;
CREATE INDEX ix_tickets_completed_assignee ON tickets (assignee_id, completed_at, id) WHERE queue_rank IS NULL;

-- Search: the words of title and description (no stemming, any language), queued and completed
-- apart like the lists. Queries use exactly this expression.
CREATE INDEX ix_tickets_queued_search ON tickets USING gin (to_tsvector('simple', title || ' ' || description))
    WHERE queue_rank IS NOT NULL;
CREATE INDEX ix_tickets_completed_search ON tickets USING gin (to_tsvector('simple', title || ' ' || description))
    WHERE queue_rank IS NULL;
