-- Queue positions are derived, no longer stored (see queue/QueueService): a ticket keeps a sparse
-- rank whose order is the queue's order, and queue_segments counts the queued tickets per rank
-- range, so a position is a sum over a few segments plus a short count. A placement anywhere in
-- a queue then writes a constant number of rows instead of renumbering every ticket below it.

ALTER TABLE tickets ADD COLUMN queue_rank BIGINT;
-- Dense priorities 1..N become ranks 2^32 apart, in the same order.
UPDATE tickets SET queue_rank = CAST(priority AS BIGINT) * 4294967296 WHERE priority IS NOT NULL;
ALTER TABLE tickets DROP CONSTRAINT uq_tickets_client_priority;
ALTER TABLE tickets DROP COLUMN priority;
-- Invariant Q at the database: no two queued tickets of a client share a place (NULLs do not clash).
ALTER TABLE tickets ADD CONSTRAINT uq_tickets_client_rank UNIQUE (client_id, queue_rank);

-- A segment covers the ranks from start_rank up to the next segment's start_rank of its client;
-- every client's first segment starts at the lowest BIGINT.
CREATE TABLE queue_segments (
    client_id    BIGINT  NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    start_rank   BIGINT  NOT NULL,
    ticket_count INTEGER NOT NULL,
    CONSTRAINT pk_queue_segments PRIMARY KEY (client_id, start_rank),
    CONSTRAINT ck_queue_segments_count CHECK (ticket_count >= 0)
);

-- Existing queues: the first segment holds a client's first 127 tickets, then a segment starts at
-- every 128th (half the size at which a segment splits). Counts come from the row numbers, in one
-- pass (no recount per segment).
INSERT INTO queue_segments (client_id, start_rank, ticket_count)
SELECT c.id, CAST(-9223372036854775807 AS BIGINT) - 1, LEAST(COALESCE(q.total, 0), 127)
FROM clients c
LEFT JOIN (SELECT client_id, COUNT(*) AS total FROM tickets WHERE queue_rank IS NOT NULL GROUP BY client_id) q
  ON q.client_id = c.id;

INSERT INTO queue_segments (client_id, start_rank, ticket_count)
SELECT client_id, queue_rank, LEAST(128, total - n + 1) FROM (
    SELECT client_id, queue_rank, ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY queue_rank) AS n,
           COUNT(*) OVER (PARTITION BY client_id) AS total
    FROM tickets WHERE queue_rank IS NOT NULL) numbered
WHERE MOD(n, 128) = 0;
