-- Admin pages on MariaDB and MySQL (db/vendor/postgresql/V10 on PostgreSQL).

-- The dashboard (ticket/TicketStatistics): not-completed tickets counted per assignee and status,
-- with the overdue ones, and per client for a date range; and the completed ones counted. All read
-- from this one index without the table: "queue_rank IS NOT NULL" is the range of the queued
-- tickets' entries (a quarter at most), "IS NULL" that of the completed ones (PostgreSQL reads a
-- partial index for each).
CREATE INDEX ix_tickets_queued_load ON tickets (queue_rank, created_at, assignee_id, status, target_date, client_id);

-- The admin user list (user/UserAdminService), in display name order, as db/standard/V5. Its
-- search ("contains", of email or name) has no index here (PostgreSQL's trigrams): it reads the
-- users, a few milliseconds for tens of thousands.
CREATE INDEX ix_users_display_name ON users (display_name, id);
CREATE INDEX ix_users_active ON users (active, display_name);
