-- Attachments, as db/standard/V11 on MariaDB and MySQL. A chunk is 256 KiB: MEDIUMBLOB (a BLOB
-- holds 64 KiB), far below the server's default max_allowed_packet (16 MiB).
CREATE TABLE attachments (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id    BIGINT       NOT NULL,
    comment_id   BIGINT,
    internal     BOOLEAN      NOT NULL DEFAULT FALSE,
    uploader_id  BIGINT,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    thumbnail    MEDIUMBLOB,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_attachments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
    CONSTRAINT fk_attachments_comment FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE CASCADE,
    CONSTRAINT fk_attachments_uploader FOREIGN KEY (uploader_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX ix_attachments_ticket (ticket_id, id),
    INDEX ix_attachments_comment (comment_id),
    INDEX ix_attachments_uploader (uploader_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE attachment_chunks (
    attachment_id BIGINT     NOT NULL,
    seq           INTEGER    NOT NULL,
    data          MEDIUMBLOB NOT NULL,
    PRIMARY KEY (attachment_id, seq),
    CONSTRAINT fk_attachment_chunks_attachment FOREIGN KEY (attachment_id) REFERENCES attachments (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
