-- How each user signs in, as db/standard/V16 on MariaDB and MySQL.
ALTER TABLE users ADD COLUMN sign_in_source VARCHAR(10) NOT NULL DEFAULT 'LOCAL';
ALTER TABLE users ADD CONSTRAINT ck_users_sign_in_source CHECK (sign_in_source IN ('LOCAL', 'LDAP', 'OIDC'));
ALTER TABLE users MODIFY password_hash VARCHAR(255) NULL;
ALTER TABLE users ADD CONSTRAINT ck_users_local_password CHECK (sign_in_source <> 'LOCAL' OR password_hash IS NOT NULL);
ALTER TABLE users ADD COLUMN external_id VARCHAR(254);
CREATE INDEX ix_users_external_id ON users (external_id, sign_in_source);
