-- Two-factor authentication, as db/standard/V15 on MariaDB and MySQL.
CREATE TABLE user_two_factor (
    user_id        BIGINT       NOT NULL PRIMARY KEY,
    secret         VARCHAR(200) NOT NULL,
    enabled_at     DATETIME(6),
    last_used_step BIGINT,
    CONSTRAINT fk_user_two_factor_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE recovery_codes (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT      NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at   DATETIME(6),
    CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT uq_recovery_codes_user_hash UNIQUE (user_id, code_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
