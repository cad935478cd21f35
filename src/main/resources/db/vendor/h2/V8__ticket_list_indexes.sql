-- Indexes of the ticket lists on the embedded H2 (PostgreSQL has its own V8 with partial, expression
-- and full-text indexes, which H2 lacks). The embedded database holds a small desk's tickets; these
-- plain indexes cover the filters and orders of ticket/ListOrder and TicketConditions.

DROP INDEX ix_tickets_status;
DROP INDEX ix_tickets_assignee;
DROP INDEX ix_tickets_submitter;
DROP INDEX ix_tickets_target_date;
DROP INDEX ix_tickets_created_at;
DROP INDEX ix_tickets_completed_at;

CREATE INDEX ix_tickets_created ON tickets (created_at, id);
CREATE INDEX ix_tickets_submitter_created ON tickets (submitter_id, created_at, id);
CREATE INDEX ix_tickets_status_queue ON tickets (status, client_id, queue_rank);
CREATE INDEX ix_tickets_assignee_queue ON tickets (assignee_id, client_id, queue_rank);
CREATE INDEX ix_tickets_target ON tickets (target_date, id);
CREATE INDEX ix_tickets_completed ON tickets (completed_at, id);
