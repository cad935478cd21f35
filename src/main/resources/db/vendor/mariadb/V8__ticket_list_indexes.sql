-- Indexes of the ticket lists on MariaDB and MySQL, which have no partial or expression indexes
-- (see db/vendor/postgresql/V8). Each serves one filter together with the order it is read in.
-- The new ones come first: InnoDB keeps an index on each foreign key's columns.
CREATE INDEX ix_tickets_created ON tickets (created_at, id);
CREATE INDEX ix_tickets_submitter_created ON tickets (submitter_id, created_at, id);
CREATE INDEX ix_tickets_status_queue ON tickets (status, client_id, queue_rank);
CREATE INDEX ix_tickets_assignee_queue ON tickets (assignee_id, client_id, queue_rank);
CREATE INDEX ix_tickets_target ON tickets (target_date, id);
CREATE INDEX ix_tickets_completed ON tickets (completed_at, id);
-- Search: the words of title and description (InnoDB full-text, MATCH … AGAINST).
CREATE FULLTEXT INDEX ix_tickets_search ON tickets (title, description);

DROP INDEX ix_tickets_status ON tickets;
DROP INDEX ix_tickets_assignee ON tickets;
DROP INDEX ix_tickets_submitter ON tickets;
DROP INDEX ix_tickets_target_date ON tickets;
DROP INDEX ix_tickets_created_at ON tickets;
DROP INDEX ix_tickets_completed_at ON tickets;
