-- Admin pages on PostgreSQL (the embedded H2 needs none of this: it holds a small desk).

-- The dashboard (ticket/TicketStatistics): not-completed tickets counted per assignee and status,
-- with the overdue ones, and per client for a date range, all read from this one partial index
-- (index-only; a quarter of the tickets at most), by created_at when a range is chosen.
CREATE INDEX ix_tickets_queued_created ON tickets (created_at, assignee_id, status, target_date, client_id)
    WHERE queue_rank IS NOT NULL;

-- The admin user list's search (user/UserAdminService): any part of the email or display name.
-- Trigram GIN indexes serve LIKE '%…%' for three characters and more. pg_trgm ships with
-- PostgreSQL and is a trusted extension: the owner of the database may create it.
-- The extension may already be installed in another schema than the app's (e.g. public, while the
-- app has a schema of its own): its operator class is named with the schema it lives in.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                         WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE format('CREATE INDEX ix_users_email_trgm ON users USING gin (email %I.gin_trgm_ops)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_users_display_name_trgm ON users USING gin (lower(display_name) %I.gin_trgm_ops)',
                   trgm_schema);
END
$$;
