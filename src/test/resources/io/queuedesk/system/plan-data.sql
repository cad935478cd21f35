-- The data set of the plan tests (QueryPlanTest), shaped like docs/RULES.md#scale at a smaller size:
-- ${tickets} tickets, three quarters completed, 2 comments and 3 activity entries per ticket,
-- 20 admins, 200 developers, 4,000 submitters, 300 clients with a skewed spread and one big client
-- with a fifth of all queued tickets. Set-based, PostgreSQL only; QueryPlanTest replaces
-- ${tickets} and ${hash} and runs every statement (ending with ';' at a line's end) in order.
-- A temporary stand-in until `generate-data` (branch perf-gen) is on main.

CREATE TEMP TABLE plan_words (n INT PRIMARY KEY, word TEXT NOT NULL);
INSERT INTO plan_words (n, word)
SELECT o - 1, w FROM unnest(string_to_array(
  'report export invoice claim policy premium broker renewal letter mandate address attachment upload '
  'photo scheduler duplicate quarter total column page form date february cancel term billing list '
  'slow entry customer account payment refund email login screen button search filter print layout '
  'font logo mobile tablet browser timeout error crash freeze delay sync import csv excel template '
  'signature approval workflow reminder notification calendar holiday rate tax discount contract '
  'document archive backup restore password reset profile setting language currency branch office '
  'agent manager team role access audit history status label field value number code reference '
  'vendor supplier shipment delivery warehouse stock order quote estimate '
  'meeting minutes memo draft review summary',
  ' ')) WITH ORDINALITY AS t(w, o);

CREATE TEMP TABLE plan_sentences (n INT PRIMARY KEY, sentence TEXT NOT NULL);
INSERT INTO plan_sentences (n, sentence)
SELECT o - 1, s FROM unnest(string_to_array(
  'The customer reports that the screen stays blank after pressing the button.|'
  'Steps: open the page, choose a date in the form and save the entry again.|'
  'Expected the total to match the quarterly report sent to the broker last week.|'
  'Actual behaviour: the export stops halfway and the file cannot be opened.|'
  'It happens on the mobile browser and on the tablet, not on the office desktop.|'
  'Several agents of the branch office have seen the same error since Monday.|'
  'A workaround is to print the document and type the values in by hand.|'
  'Please check the audit history of the account for changes made by the manager.|'
  'The notification email arrives twice and the second one has the wrong currency.|'
  'Attached a screenshot of the error code and the reference number of the claim.|'
  'The policy renewal letter still shows the premium of the previous term.|'
  'After the password reset the profile settings are back to the default language.|'
  'The scheduler sends the reminder on holidays although the calendar says otherwise.|'
  'Approval of the contract takes a long time when the discount field is filled in.|'
  'Restore from the backup worked but the archive of last year is missing.|'
  'The tax rate on the invoice is rounded differently from the payment screen.',
  '|')) WITH ORDINALITY AS t(s, o);

INSERT INTO users (email, display_name, password_hash, active, confirmed, failed_login_count, created_at, version)
SELECT CASE WHEN g <= 20 THEN 'plan-admin-' || g WHEN g <= 220 THEN 'plan-dev-' || (g - 20)
            ELSE 'plan-user-' || (g - 220) END || '@plans.example',
       'Plan Person ' || g, '${hash}', true, true, 0, now() - interval '3 years', 0
FROM generate_series(1, 4220) g;

CREATE TEMP TABLE plan_users AS
SELECT id, row_number() OVER (ORDER BY id) AS n, email FROM users WHERE email LIKE 'plan-%@plans.example';
CREATE INDEX ON plan_users (n);

INSERT INTO user_roles (user_id, role)
SELECT id, CASE WHEN n <= 20 THEN 'ADMIN' WHEN n <= 220 THEN 'DEVELOPER' ELSE 'SUBMITTER' END FROM plan_users;

-- The big client sorts in the middle of the client names, like any other.
INSERT INTO clients (name, active, created_at, version)
SELECT CASE WHEN g = 150 THEN 'Plan Client 150 (big)' ELSE 'Plan Client ' || lpad(g::text, 3, '0') END,
       true, now() - interval '3 years', 0
FROM generate_series(1, 300) g;

CREATE TEMP TABLE plan_clients AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM clients WHERE name LIKE 'Plan Client %';

INSERT INTO product_areas (name, active, created_at, version)
SELECT 'Plan Area ' || g, true, now() - interval '3 years', 0 FROM generate_series(1, 12) g;

CREATE TEMP TABLE plan_areas AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM product_areas WHERE name LIKE 'Plan Area %';

-- One row per ticket: g is its number (1 = oldest); h a well-mixed hash of it.
CREATE TEMP TABLE plan_tickets AS
SELECT g, h,
       g % 4 = 0 AS queued,
       CASE WHEN (g % 4 = 0 AND (g / 4) % 5 = 0) OR g % 97 = 1 THEN 149
            ELSE (floor(299 * power((h % 100003) / 100003.0, 2)))::int + CASE WHEN floor(299 * power((h % 100003) / 100003.0, 2)) >= 149 THEN 1 ELSE 0 END
       END AS client_n,
       now() - (${tickets} - g) * (interval '1095 days' / ${tickets}) - interval '1 hour' AS created_at
FROM (SELECT g, (g * 2654435761::bigint) % 4294967291 AS h FROM generate_series(1, ${tickets}) g) s;

INSERT INTO tickets (title, description, client_id, product_area_id, queue_rank, target_date, status, assignee_id,
                     submitter_id, created_at, updated_at, completed_at, version)
SELECT initcap(w1.word) || ' ' || w2.word || ' ' || w3.word || ' ' || w4.word || ' ' || w5.word
         || CASE WHEN p.g % 59 = 0 THEN ' ledger' ELSE '' END
         || CASE WHEN p.g % 4001 = 0 THEN ' zephyrine' ELSE '' END,
       s1.sentence || ' ' || s2.sentence || ' ' || s3.sentence || ' ' || s4.sentence || ' ' || s5.sentence,
       c.id, a.id,
       CASE WHEN p.queued THEN (row_number() OVER (PARTITION BY p.queued, p.client_n ORDER BY p.g)) * 4294967296 END,
       CASE WHEN p.queued AND p.h % 5 < 3 THEN current_date + (p.h % 120)::int - 40 END,
       CASE WHEN NOT p.queued THEN 'COMPLETED'
            ELSE (ARRAY['OPEN', 'OPEN', 'OPEN', 'OPEN', 'ACCEPTED', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS',
                        'IN_PROGRESS', 'ON_HOLD'])[1 + (p.h / 7) % 10] END,
       CASE WHEN p.queued AND (p.h / 7) % 10 < 2 THEN NULL ELSE dev.id END,
       sub.id, p.created_at, p.created_at + interval '1 hour',
       CASE WHEN NOT p.queued THEN p.created_at + ((p.h % 40) || ' days')::interval END,
       0
FROM plan_tickets p
JOIN plan_words w1 ON w1.n = p.h % 100
JOIN plan_words w2 ON w2.n = (p.h / 100) % 100
JOIN plan_words w3 ON w3.n = (p.h / 10000) % 100
JOIN plan_words w4 ON w4.n = (p.h / 1000000) % 100
JOIN plan_words w5 ON w5.n = (p.g * 7) % 100
JOIN plan_sentences s1 ON s1.n = p.h % 16
JOIN plan_sentences s2 ON s2.n = (p.h / 16) % 16
JOIN plan_sentences s3 ON s3.n = (p.h / 256) % 16
JOIN plan_sentences s4 ON s4.n = (p.h / 4096) % 16
JOIN plan_sentences s5 ON s5.n = (p.g * 3) % 16
JOIN plan_clients c ON c.n = p.client_n
JOIN plan_areas a ON a.n = (p.h / 13) % 12
JOIN plan_users dev ON dev.n = 21 + (p.h / 17) % 200
JOIN plan_users sub ON sub.n = 221 + (p.h / 19) % 4000
ORDER BY p.g;

-- Two comments per ticket, one of them by a developer; a few internal notes.
INSERT INTO comments (ticket_id, author_id, body, internal, system_comment, created_at)
SELECT t.id, CASE WHEN k = 1 THEN t.submitter_id ELSE coalesce(t.assignee_id, t.submitter_id) END,
       'Comment ' || k || ' on ticket ' || t.id || ': the customer confirmed the steps and sent more details.',
       k = 2 AND t.id % 10 = 0, false, t.created_at + k * interval '10 minutes'
FROM tickets t CROSS JOIN generate_series(1, 2) k;

-- Three audit entries per ticket: created, status changed, comment added.
INSERT INTO activity_log (occurred_at, actor_id, actor_email, action, ticket_id, ticket_title, details, internal)
SELECT t.created_at + k * interval '10 minutes', u.id, u.email,
       (ARRAY['TICKET_CREATED', 'STATUS_CHANGED', 'COMMENT_ADDED'])[k], t.id, t.title,
       CASE WHEN k = 2 THEN 'OPEN -> ' || t.status END, false
FROM tickets t CROSS JOIN generate_series(1, 3) k
JOIN users u ON u.id = CASE WHEN k = 1 THEN t.submitter_id ELSE coalesce(t.assignee_id, t.submitter_id) END;

-- One ticket of the big client with a long conversation (the ticket page with 30 comments).
INSERT INTO comments (ticket_id, author_id, body, internal, system_comment, created_at)
SELECT t.id, t.submitter_id, 'Reply ' || k || ' in a long conversation.', false, false,
       t.created_at + k * interval '1 hour'
FROM (SELECT id, submitter_id, created_at FROM tickets
      WHERE client_id = (SELECT id FROM plan_clients WHERE n = 149) AND queue_rank IS NOT NULL
      ORDER BY id LIMIT 1) t
CROSS JOIN generate_series(1, 28) k;

-- Files (issue 14): a log file on every second ticket, and 20 screenshots (with thumbnails) on the
-- ticket with the long conversation, half of them on its comments; each file's bytes in one chunk.
INSERT INTO attachments (ticket_id, comment_id, internal, uploader_id, file_name, content_type, size_bytes,
                         sha256, thumbnail, created_at)
SELECT t.id, NULL, false, t.submitter_id, 'log-' || t.id || '.txt', 'text/plain', 16, repeat('0', 64), NULL,
       t.created_at + interval '5 minutes'
FROM tickets t WHERE t.id % 2 = 0;
INSERT INTO attachments (ticket_id, comment_id, internal, uploader_id, file_name, content_type, size_bytes,
                         sha256, thumbnail, created_at)
SELECT t.id, CASE WHEN k % 2 = 0 THEN (SELECT c.id FROM comments c WHERE c.ticket_id = t.id ORDER BY c.id OFFSET k LIMIT 1) END,
       false,
       t.submitter_id, 'screenshot-' || k || '.png', 'image/png', 16, repeat('0', 64), '\xffd8ffe000104a464946'::bytea,
       t.created_at + k * interval '1 minute'
FROM (SELECT ticket_id AS id, min(author_id) AS submitter_id, min(created_at) AS created_at FROM comments
      GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1) t
CROSS JOIN generate_series(1, 20) k;
INSERT INTO attachment_chunks (attachment_id, seq, data)
SELECT id, 0, '\x0123456789abcdef0123456789abcdef'::bytea FROM attachments;
