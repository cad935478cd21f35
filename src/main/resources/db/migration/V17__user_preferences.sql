-- Per-user display preferences (issue 18). NULL means "follow the browser": the language from
-- Accept-Language, the colour mode from prefers-color-scheme. Portable SQL (H2, PostgreSQL,
-- MariaDB), so one file for all.
-- language: a BCP 47 tag the app offers (en, de).
ALTER TABLE users ADD COLUMN language VARCHAR(16);
-- color_mode: LIGHT or DARK.
ALTER TABLE users ADD COLUMN color_mode VARCHAR(8);
ALTER TABLE users ADD CONSTRAINT ck_users_color_mode CHECK (color_mode IS NULL OR color_mode IN ('LIGHT', 'DARK'));
