-- The audit trail's "user" filter (/admin/activity) matches the actor's or the affected user's
-- email exactly; both are stored lower-case, so plain indexes serve it, newest first.
CREATE INDEX ix_activity_actor_email ON activity_log (actor_email, occurred_at);
CREATE INDEX ix_activity_target_user_email ON activity_log (target_user_email, occurred_at);
