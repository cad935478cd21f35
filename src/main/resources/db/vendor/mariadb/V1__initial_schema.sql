-- Queuedesk schema on MariaDB and MySQL: the tables of db/standard/V1 (H2, PostgreSQL) in their
-- SQL. Every table is InnoDB (transactions, row locks, foreign keys) in utf8mb4 (all of Unicode,
-- emoji included) with a binary collation: strings compare and sort by code point, as in
-- PostgreSQL's C collation, so equality, uniqueness and order mean the same on every database
-- (emails are stored lower-case; names are compared ignoring case by the services).
-- Timestamps are DATETIME(6) holding UTC (system/MariaDbSettings sets the session's zone):
-- TIMESTAMP ends in 2038. Texts longer than a row may hold are MEDIUMTEXT. Foreign keys are
-- table constraints: MySQL ignores REFERENCES on a column.

CREATE TABLE roles (
    name VARCHAR(20) PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO roles (name) VALUES ('ADMIN'), ('DEVELOPER'), ('SUBMITTER');

CREATE TABLE users (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email                 VARCHAR(254) NOT NULL,
    display_name          VARCHAR(100) NOT NULL,
    password_hash         VARCHAR(255) NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    confirmed             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_login_count    INTEGER      NOT NULL DEFAULT 0,
    first_failed_login_at DATETIME(6),
    locked_until          DATETIME(6),
    created_at            DATETIME(6)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_email_lower CHECK (email = LOWER(email))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_roles (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role) REFERENCES roles (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_user_roles_role ON user_roles (role);

CREATE TABLE clients (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_clients_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE product_areas (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_product_areas_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tickets (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    -- Up to 20,000 characters: more bytes than a row may hold as VARCHAR in utf8mb4.
    description     MEDIUMTEXT   NOT NULL,
    client_id       BIGINT       NOT NULL,
    product_area_id BIGINT       NOT NULL,
    -- Rank in the client's queue (1 = top); NULL once completed.
    priority        INTEGER,
    target_date     DATE,
    status          VARCHAR(20)  NOT NULL,
    assignee_id     BIGINT,
    submitter_id    BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6),
    version         BIGINT       NOT NULL DEFAULT 0,
    -- Invariant Q, part one: no two queued tickets of a client share a rank (NULLs do not clash).
    CONSTRAINT uq_tickets_client_priority UNIQUE (client_id, priority),
    CONSTRAINT ck_tickets_status CHECK (status IN ('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED')),
    CONSTRAINT fk_tickets_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_tickets_product_area FOREIGN KEY (product_area_id) REFERENCES product_areas (id),
    CONSTRAINT fk_tickets_assignee FOREIGN KEY (assignee_id) REFERENCES users (id),
    CONSTRAINT fk_tickets_submitter FOREIGN KEY (submitter_id) REFERENCES users (id),
    INDEX ix_tickets_status (status),
    INDEX ix_tickets_assignee (assignee_id, status),
    INDEX ix_tickets_submitter (submitter_id, status),
    INDEX ix_tickets_product_area (product_area_id),
    INDEX ix_tickets_target_date (target_date),
    INDEX ix_tickets_created_at (created_at),
    INDEX ix_tickets_completed_at (completed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE comments (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id      BIGINT         NOT NULL,
    author_id      BIGINT,
    body           VARCHAR(10000) NOT NULL,
    internal       BOOLEAN        NOT NULL DEFAULT FALSE,
    system_comment BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)    NOT NULL,
    CONSTRAINT fk_comments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
    CONSTRAINT fk_comments_author FOREIGN KEY (author_id) REFERENCES users (id),
    INDEX ix_comments_ticket (ticket_id, created_at),
    INDEX ix_comments_author (author_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Append-only audit trail. No foreign keys on purpose: entries keep their snapshots after the
-- ticket or user they describe is deleted.
CREATE TABLE activity_log (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at       DATETIME(6)  NOT NULL,
    actor_id          BIGINT,
    actor_email       VARCHAR(254) NOT NULL,
    action            VARCHAR(40)  NOT NULL,
    ticket_id         BIGINT,
    ticket_title      VARCHAR(200),
    target_user_id    BIGINT,
    target_user_email VARCHAR(254),
    details           MEDIUMTEXT,
    INDEX ix_activity_occurred (occurred_at),
    INDEX ix_activity_actor (actor_id, occurred_at),
    INDEX ix_activity_ticket (ticket_id, occurred_at),
    INDEX ix_activity_action (action, occurred_at),
    INDEX ix_activity_target_user (target_user_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
