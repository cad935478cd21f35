-- The data set of the MariaDB plan tests (MariaDbQueryPlanTest): plan-data.sql (PostgreSQL) in
-- MariaDB's SQL, the same shape and the same words, so the same pages and search words apply.
-- Numbers come from MariaDB's sequence engine (seq_1_to_N); ${tickets} and ${hash} are replaced
-- and every statement (ending with ';' at a line's end) runs in order.

CREATE TEMPORARY TABLE plan_words (n INT PRIMARY KEY, word VARCHAR(40) NOT NULL);
INSERT INTO plan_words (n, word)
SELECT o - 1, w FROM JSON_TABLE('["report", "export", "invoice", "claim", "policy", "premium", "broker", "renewal", "letter", "mandate", "address", "attachment", "upload", "photo", "scheduler", "duplicate", "quarter", "total", "column", "page", "form", "date", "february", "cancel", "term", "billing", "list", "slow", "entry", "customer", "account", "payment", "refund", "email", "login", "screen", "button", "search", "filter", "print", "layout", "font", "logo", "mobile", "tablet", "browser", "timeout", "error", "crash", "freeze", "delay", "sync", "import", "csv", "excel", "template", "signature", "approval", "workflow", "reminder", "notification", "calendar", "holiday", "rate", "tax", "discount", "contract", "document", "archive", "backup", "restore", "password", "reset", "profile", "setting", "language", "currency", "branch", "office", "agent", "manager", "team", "role", "access", "audit", "history", "status", "label", "field", "value", "number", "code", "reference", "vendor", "supplier", "shipment", "delivery", "warehouse", "stock", "order", "quote", "estimate", "meeting", "minutes", "memo", "draft", "review", "summary"]', '$[*]' COLUMNS (o FOR ORDINALITY, w VARCHAR(40) PATH '$')) jt;

CREATE TEMPORARY TABLE plan_sentences (n INT PRIMARY KEY, sentence VARCHAR(200) NOT NULL);
INSERT INTO plan_sentences (n, sentence)
SELECT o - 1, s FROM JSON_TABLE('["The customer reports that the screen stays blank after pressing the button.", "Steps: open the page, choose a date in the form and save the entry again.", "Expected the total to match the quarterly report sent to the broker last week.", "Actual behaviour: the export stops halfway and the file cannot be opened.", "It happens on the mobile browser and on the tablet, not on the office desktop.", "Several agents of the branch office have seen the same error since Monday.", "A workaround is to print the document and type the values in by hand.", "Please check the audit history of the account for changes made by the manager.", "The notification email arrives twice and the second one has the wrong currency.", "Attached a screenshot of the error code and the reference number of the claim.", "The policy renewal letter still shows the premium of the previous term.", "After the password reset the profile settings are back to the default language.", "The scheduler sends the reminder on holidays although the calendar says otherwise.", "Approval of the contract takes a long time when the discount field is filled in.", "Restore from the backup worked but the archive of last year is missing.", "The tax rate on the invoice is rounded differently from the payment screen."]', '$[*]' COLUMNS (o FOR ORDINALITY, s VARCHAR(200) PATH '$')) jt;

INSERT INTO users (email, display_name, password_hash, active, confirmed, failed_login_count, created_at, version)
SELECT CONCAT(CASE WHEN seq <= 20 THEN CONCAT('plan-admin-', seq) WHEN seq <= 220 THEN CONCAT('plan-dev-', seq - 20)
                   ELSE CONCAT('plan-user-', seq - 220) END, '@plans.example'),
       CONCAT('Plan Person ', seq), '${hash}', true, true, 0, UTC_TIMESTAMP(6) - INTERVAL 3 YEAR, 0
FROM seq_1_to_4220;

CREATE TEMPORARY TABLE plan_users (n INT PRIMARY KEY, id BIGINT NOT NULL, email VARCHAR(254) NOT NULL)
SELECT row_number() OVER (ORDER BY id) AS n, id, email FROM users WHERE email LIKE 'plan-%@plans.example';

INSERT INTO user_roles (user_id, role)
SELECT id, CASE WHEN n <= 20 THEN 'ADMIN' WHEN n <= 220 THEN 'DEVELOPER' ELSE 'SUBMITTER' END FROM plan_users;

-- The big client sorts in the middle of the client names, like any other.
INSERT INTO clients (name, active, created_at, version)
SELECT CASE WHEN seq = 150 THEN 'Plan Client 150 (big)' ELSE CONCAT('Plan Client ', LPAD(seq, 3, '0')) END,
       true, UTC_TIMESTAMP(6) - INTERVAL 3 YEAR, 0
FROM seq_1_to_300;

CREATE TEMPORARY TABLE plan_clients (n INT PRIMARY KEY, id BIGINT NOT NULL)
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM clients WHERE name LIKE 'Plan Client %';

INSERT INTO product_areas (name, active, created_at, version)
SELECT CONCAT('Plan Area ', seq), true, UTC_TIMESTAMP(6) - INTERVAL 3 YEAR, 0 FROM seq_1_to_12;

CREATE TEMPORARY TABLE plan_areas (n INT PRIMARY KEY, id BIGINT NOT NULL)
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM product_areas WHERE name LIKE 'Plan Area %';

-- One row per ticket: g is its number (1 = oldest); h a well-mixed hash of it.
CREATE TEMPORARY TABLE plan_tickets (g INT PRIMARY KEY, h BIGINT NOT NULL, queued BOOLEAN NOT NULL,
                                     client_n INT NOT NULL, created_at DATETIME(6) NOT NULL)
SELECT g, h, g % 4 = 0 AS queued,
       CASE WHEN (g % 4 = 0 AND (g DIV 4) % 5 = 0) OR g % 97 = 1 THEN 149
            ELSE FLOOR(299 * POWER((h % 100003) / 100003.0, 2))
                 + CASE WHEN FLOOR(299 * POWER((h % 100003) / 100003.0, 2)) >= 149 THEN 1 ELSE 0 END
       END AS client_n,
       UTC_TIMESTAMP(6) - INTERVAL ((${tickets} - g) * 1095 * 86400 DIV ${tickets}) SECOND - INTERVAL 1 HOUR AS created_at
FROM (SELECT seq AS g, (seq * 2654435761) % 4294967291 AS h FROM seq_1_to_${tickets}) s;

INSERT INTO tickets (title, description, client_id, product_area_id, queue_rank, target_date, status, assignee_id,
                     submitter_id, created_at, updated_at, completed_at, version)
SELECT CONCAT(UPPER(LEFT(w1.word, 1)), SUBSTRING(w1.word, 2), ' ', w2.word, ' ', w3.word, ' ', w4.word, ' ', w5.word,
              CASE WHEN p.g % 59 = 0 THEN ' ledger' ELSE '' END,
              CASE WHEN p.g % 4001 = 0 THEN ' zephyrine' ELSE '' END),
       CONCAT(s1.sentence, ' ', s2.sentence, ' ', s3.sentence, ' ', s4.sentence, ' ', s5.sentence),
       c.id, a.id,
       CASE WHEN p.queued THEN (row_number() OVER (PARTITION BY p.queued, p.client_n ORDER BY p.g)) * 4294967296 END,
       CASE WHEN p.queued AND p.h % 5 < 3 THEN CURRENT_DATE + INTERVAL (p.h % 120) - 40 DAY END,
       CASE WHEN NOT p.queued THEN 'COMPLETED'
            ELSE ELT(1 + (p.h DIV 7) % 10, 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'ACCEPTED', 'ACCEPTED', 'IN_PROGRESS',
                     'IN_PROGRESS', 'IN_PROGRESS', 'ON_HOLD') END,
       CASE WHEN p.queued AND (p.h DIV 7) % 10 < 2 THEN NULL ELSE dev.id END,
       sub.id, p.created_at, p.created_at + INTERVAL 1 HOUR,
       CASE WHEN NOT p.queued THEN p.created_at + INTERVAL (p.h % 40) DAY END,
       0
FROM plan_tickets p
JOIN plan_words w1 ON w1.n = p.h % 100
JOIN plan_words w2 ON w2.n = (p.h DIV 100) % 100
JOIN plan_words w3 ON w3.n = (p.h DIV 10000) % 100
JOIN plan_words w4 ON w4.n = (p.h DIV 1000000) % 100
JOIN plan_words w5 ON w5.n = (p.g * 7) % 100
JOIN plan_sentences s1 ON s1.n = p.h % 16
JOIN plan_sentences s2 ON s2.n = (p.h DIV 16) % 16
JOIN plan_sentences s3 ON s3.n = (p.h DIV 256) % 16
JOIN plan_sentences s4 ON s4.n = (p.h DIV 4096) % 16
JOIN plan_sentences s5 ON s5.n = (p.g * 3) % 16
JOIN plan_clients c ON c.n = p.client_n
JOIN plan_areas a ON a.n = (p.h DIV 13) % 12
JOIN plan_users dev ON dev.n = 21 + (p.h DIV 17) % 200
JOIN plan_users sub ON sub.n = 221 + (p.h DIV 19) % 4000
ORDER BY p.g;

-- Two comments per ticket, one of them by a developer; a few internal notes.
INSERT INTO comments (ticket_id, author_id, body, internal, system_comment, created_at)
SELECT t.id, CASE WHEN k.seq = 1 THEN t.submitter_id ELSE COALESCE(t.assignee_id, t.submitter_id) END,
       CONCAT('Comment ', k.seq, ' on ticket ', t.id, ': the customer confirmed the steps and sent more details.'),
       k.seq = 2 AND t.id % 10 = 0, false, t.created_at + INTERVAL (k.seq * 10) MINUTE
FROM tickets t CROSS JOIN seq_1_to_2 k;

-- Three audit entries per ticket: created, status changed, comment added.
INSERT INTO activity_log (occurred_at, actor_id, actor_email, action, ticket_id, ticket_title, details, internal)
SELECT t.created_at + INTERVAL (k.seq * 10) MINUTE, u.id, u.email,
       ELT(k.seq, 'TICKET_CREATED', 'STATUS_CHANGED', 'COMMENT_ADDED'), t.id, t.title,
       CASE WHEN k.seq = 2 THEN CONCAT('OPEN -> ', t.status) END, false
FROM tickets t CROSS JOIN seq_1_to_3 k
JOIN users u ON u.id = CASE WHEN k.seq = 1 THEN t.submitter_id ELSE COALESCE(t.assignee_id, t.submitter_id) END;

-- One ticket of the big client with a long conversation (the ticket page with 30 comments).
INSERT INTO comments (ticket_id, author_id, body, internal, system_comment, created_at)
SELECT t.id, t.submitter_id, CONCAT('Reply ', k.seq, ' in a long conversation.'), false, false,
       t.created_at + INTERVAL k.seq HOUR
FROM (SELECT id, submitter_id, created_at FROM tickets
      WHERE client_id = (SELECT id FROM plan_clients WHERE n = 149) AND queue_rank IS NOT NULL
      ORDER BY id LIMIT 1) t
CROSS JOIN seq_1_to_28 k;

-- Files: a log file on every second ticket, and 20 screenshots (with thumbnails) on the ticket
-- with the long conversation, half of them on its comments; each file's bytes in one chunk.
INSERT INTO attachments (ticket_id, comment_id, internal, uploader_id, file_name, content_type, size_bytes,
                         sha256, thumbnail, created_at)
SELECT t.id, NULL, false, t.submitter_id, CONCAT('log-', t.id, '.txt'), 'text/plain', 16, REPEAT('0', 64), NULL,
       t.created_at + INTERVAL 5 MINUTE
FROM tickets t WHERE t.id % 2 = 0;
CREATE TEMPORARY TABLE plan_conversation (n INT PRIMARY KEY, comment_id BIGINT NOT NULL, ticket_id BIGINT NOT NULL,
                                          submitter_id BIGINT NOT NULL, created_at DATETIME(6) NOT NULL)
SELECT row_number() OVER (ORDER BY c.id) - 1 AS n, c.id AS comment_id, c.ticket_id, t.submitter_id, t.created_at
FROM comments c JOIN tickets t ON t.id = c.ticket_id
WHERE c.ticket_id = (SELECT ticket_id FROM comments GROUP BY ticket_id ORDER BY COUNT(*) DESC, ticket_id LIMIT 1);
INSERT INTO attachments (ticket_id, comment_id, internal, uploader_id, file_name, content_type, size_bytes,
                         sha256, thumbnail, created_at)
SELECT p.ticket_id, CASE WHEN k.seq % 2 = 0 THEN p.comment_id END, false, p.submitter_id,
       CONCAT('screenshot-', k.seq, '.png'), 'image/png', 16, REPEAT('0', 64), X'ffd8ffe000104a464946',
       p.created_at + INTERVAL k.seq MINUTE
FROM seq_1_to_20 k JOIN plan_conversation p ON p.n = k.seq;
INSERT INTO attachment_chunks (attachment_id, seq, data)
SELECT id, 0, X'0123456789abcdef0123456789abcdef' FROM attachments;
