-- The audit trail's keyset indexes, as db/standard/V9 on MariaDB and MySQL.
DROP INDEX ix_activity_occurred ON activity_log;
DROP INDEX ix_activity_ticket ON activity_log;
DROP INDEX ix_activity_action ON activity_log;
DROP INDEX ix_activity_actor_email ON activity_log;
DROP INDEX ix_activity_target_user_email ON activity_log;
CREATE INDEX ix_activity_occurred ON activity_log (occurred_at, id);
CREATE INDEX ix_activity_ticket ON activity_log (ticket_id, occurred_at, id);
CREATE INDEX ix_activity_action ON activity_log (action, occurred_at, id);
CREATE INDEX ix_activity_actor_email ON activity_log (actor_email, occurred_at, id);
CREATE INDEX ix_activity_target_user_email ON activity_log (target_user_email, occurred_at, id);
