-- Indexes of the ticket lists on MariaDB and MySQL (db/vendor/postgresql/V8 on PostgreSQL). Each
-- serves one filter together with the order it is read in (ticket/ListOrder, TicketConditions), so
-- a page is a short index range from its cursor on. There are no partial or expression indexes:
-- - queued tickets ("queue_rank IS NOT NULL") are read as the range of the indexes that end in
--   (client_id, queue_rank) after the filter's column (NULL ranks are not in the range);
-- - the target date order (none last, queued only) is the virtual column queued_target, which is
--   NULL for completed tickets, so its index holds the queued ones in that order first;
-- - the archive's orders (completed_at) meet the queued tickets' NULLs at their other end.
-- New indexes come before the ones they replace: InnoDB keeps an index on each foreign key.

-- Search (InnoDB full-text, MATCH … AGAINST): titles and descriptions compare ignoring case, so
-- that the index's words are lower-cased as PostgreSQL's 'simple' configuration does. Nothing
-- compares or sorts these two columns otherwise. (utf8mb4_unicode_ci ignores accents too: "cafe"
-- finds "café"; MariaDB 10.x and MySQL both have it.)
ALTER TABLE tickets
    MODIFY title VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    MODIFY description MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL;

-- The key of the target date order, for queued tickets only (see ListOrder's TARGET_KEY).
ALTER TABLE tickets ADD COLUMN queued_target DATE
    AS (CASE WHEN queue_rank IS NOT NULL THEN COALESCE(target_date, DATE '9999-12-31') END) VIRTUAL;

-- Newest first (both kinds), and what one user raised.
CREATE INDEX ix_tickets_created ON tickets (created_at, id);
CREATE INDEX ix_tickets_submitter_created ON tickets (submitter_id, created_at, id);
-- Queued: all of them in queue order is the unique key (client_id, queue_rank); each filter
-- followed by the queue order (unassigned is assignee_id IS NULL in the assignee's index).
CREATE INDEX ix_tickets_status_queue ON tickets (status, client_id, queue_rank);
CREATE INDEX ix_tickets_assignee_queue ON tickets (assignee_id, client_id, queue_rank);
CREATE INDEX ix_tickets_submitter_queue ON tickets (submitter_id, client_id, queue_rank);
CREATE INDEX ix_tickets_area_queue ON tickets (product_area_id, client_id, queue_rank);
-- By target date, none last; also the overdue filter. queue_rank and client_id are in it so that
-- the queued condition every list states, and the overdue tickets across all queues (sorted by
-- client name), are read from the index: an overdue count of 10,000 entries took 700 ms, and the
-- overdue page of 1,000,000 tickets 3.3 s, with a row lookup each.
CREATE INDEX ix_tickets_queued_target ON tickets (queued_target, id, queue_rank, client_id);
-- Completed (the archive): most recently completed first, alone or per client or assignee.
CREATE INDEX ix_tickets_completed ON tickets (completed_at, id);
CREATE INDEX ix_tickets_client_completed ON tickets (client_id, completed_at, id);
CREATE INDEX ix_tickets_assignee_completed ON tickets (assignee_id, completed_at, id);

-- Search: the words of title and description. Built without a stopword list (the session setting
-- is read when the index is built, and by any later rebuild: system/MariaDbSettings sets it on
-- every connection), so every word of three characters and more can be searched.
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE FULLTEXT INDEX ix_tickets_search ON tickets (title, description);

DROP INDEX ix_tickets_status ON tickets;
DROP INDEX ix_tickets_assignee ON tickets;
DROP INDEX ix_tickets_submitter ON tickets;
DROP INDEX ix_tickets_product_area ON tickets;
DROP INDEX ix_tickets_target_date ON tickets;
DROP INDEX ix_tickets_created_at ON tickets;
DROP INDEX ix_tickets_completed_at ON tickets;
