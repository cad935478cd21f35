-- Threading of outgoing mail (docs/RULES.md#email): each outbox row keeps the Message-ID it is
-- sent with, so that every retry of one mail sends the same id, and the ticket a notification is
-- about (NULL for account mails and the digest), for its In-Reply-To and References. No foreign
-- key on ticket_id, like activity_log: a mail outlives its ticket.
-- Rows written before this migration get their Message-ID when the worker claims them.
ALTER TABLE mail_outbox ADD COLUMN message_id VARCHAR(255);
ALTER TABLE mail_outbox ADD COLUMN ticket_id BIGINT;
ALTER TABLE mail_outbox ADD CONSTRAINT uq_mail_outbox_message_id UNIQUE (message_id);
