-- The audit trail (/admin/activity) is read newest first, (occurred_at desc, id desc), from a
-- cursor, with at most one of these filters leading: every index ends in the order's columns, so
-- a page is a short range of one index from the cursor on and a capped count reads at most
-- 10,001 entries of it (activity/ActivityQuery, ActivityTrail). The id makes the order total
-- (several entries share a timestamp) and the keyset condition an index condition.
-- Replaces the indexes of V1 and V6 that ended at occurred_at.
DROP INDEX ix_activity_occurred;
DROP INDEX ix_activity_ticket;
DROP INDEX ix_activity_action;
DROP INDEX ix_activity_actor_email;
DROP INDEX ix_activity_target_user_email;
CREATE INDEX ix_activity_occurred ON activity_log (occurred_at, id);
-- Also the ticket page's history (oldest first).
CREATE INDEX ix_activity_ticket ON activity_log (ticket_id, occurred_at, id);
CREATE INDEX ix_activity_action ON activity_log (action, occurred_at, id);
-- The "user" filter: the actor's or the affected user's email (stored lower-case), one index each.
CREATE INDEX ix_activity_actor_email ON activity_log (actor_email, occurred_at, id);
CREATE INDEX ix_activity_target_user_email ON activity_log (target_user_email, occurred_at, id);
