-- How each user signs in (SPEC §11, docs/RULES.md#accounts): LOCAL with a password stored here,
-- LDAP through the company directory (module ldap), OIDC through single sign-on (later). Accounts
-- that sign in elsewhere have no local password: password_hash is NULL for them, never for a
-- LOCAL account.
ALTER TABLE users ADD COLUMN sign_in_source VARCHAR(10) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE users ADD CONSTRAINT ck_users_sign_in_source CHECK (sign_in_source IN ('LOCAL', 'LDAP', 'OIDC'));
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT ck_users_local_password CHECK (sign_in_source <> 'LOCAL' OR password_hash IS NOT NULL);
-- The name the user signs in with at that source when it is not the email (LDAP: the directory
-- login name such as jdoe, lower-case), so that wrong passwords typed with it count toward the
-- account's lock. Not unique: the sign-in clears it from an account that no longer holds it.
ALTER TABLE users ADD COLUMN external_id VARCHAR(254);
CREATE INDEX ix_users_external_id ON users (external_id, sign_in_source);
