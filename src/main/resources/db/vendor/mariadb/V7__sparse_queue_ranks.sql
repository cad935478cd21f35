-- Sparse queue ranks and queue_segments, as db/standard/V7 on MariaDB and MySQL. The new unique
-- key comes before the old one goes: InnoDB keeps an index on client_id for its foreign key.
ALTER TABLE tickets ADD COLUMN queue_rank BIGINT;
UPDATE tickets SET queue_rank = CAST(priority AS SIGNED) * 4294967296 WHERE priority IS NOT NULL;
ALTER TABLE tickets ADD CONSTRAINT uq_tickets_client_rank UNIQUE (client_id, queue_rank);
ALTER TABLE tickets DROP INDEX uq_tickets_client_priority;
ALTER TABLE tickets DROP COLUMN priority;

CREATE TABLE queue_segments (
    client_id    BIGINT  NOT NULL,
    start_rank   BIGINT  NOT NULL,
    ticket_count INTEGER NOT NULL,
    PRIMARY KEY (client_id, start_rank),
    CONSTRAINT ck_queue_segments_count CHECK (ticket_count >= 0),
    CONSTRAINT fk_queue_segments_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO queue_segments (client_id, start_rank, ticket_count)
SELECT c.id, -9223372036854775807 - 1, LEAST(COALESCE(q.total, 0), 127)
FROM clients c
LEFT JOIN (SELECT client_id, COUNT(*) AS total FROM tickets WHERE queue_rank IS NOT NULL GROUP BY client_id) q
  ON q.client_id = c.id;

INSERT INTO queue_segments (client_id, start_rank, ticket_count)
SELECT client_id, queue_rank, LEAST(128, total - n + 1) FROM (
    SELECT client_id, queue_rank, ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY queue_rank) AS n,
           COUNT(*) OVER (PARTITION BY client_id) AS total
    FROM tickets WHERE queue_rank IS NOT NULL) numbered
WHERE MOD(n, 128) = 0;
