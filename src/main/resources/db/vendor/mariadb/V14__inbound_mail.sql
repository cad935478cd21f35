-- Inbound mail log, as db/standard/V14 on MariaDB and MySQL. A Message-ID is ASCII (RFC 5322;
-- mail/inbound/InboundMessage makes one up for any other): in ASCII its 998 characters fit an
-- InnoDB index key (3072 bytes), where utf8mb4 would need four times as many bytes. Compared
-- byte for byte, as on PostgreSQL.
CREATE TABLE inbound_mail (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id  VARCHAR(998) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source      VARCHAR(10)  NOT NULL,
    sender      VARCHAR(254),
    subject     VARCHAR(500),
    received_at DATETIME(6)  NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    reason      VARCHAR(60),
    ticket_id   BIGINT,
    comment_id  BIGINT,
    finished_at DATETIME(6),
    CONSTRAINT uq_inbound_mail_message_id UNIQUE (message_id),
    CONSTRAINT ck_inbound_mail_source CHECK (source IN ('IMAP', 'API')),
    CONSTRAINT ck_inbound_mail_status CHECK (status IN ('PROCESSING', 'ACCEPTED', 'REFUSED')),
    INDEX ix_inbound_mail_received (received_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
