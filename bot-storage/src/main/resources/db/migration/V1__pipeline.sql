-- The pipeline and the registry. Runs unchanged on MySQL 8 / MariaDB 10.11 and on H2 in MySQL mode.
-- Times are epoch milliseconds (BIGINT): no time-zone conversions between databases and drivers.
-- Columns marked "encrypted" hold AES-GCM ciphertext made with bot.storage.data-key (personal data at rest).

CREATE TABLE inbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    dedup_key    VARCHAR(191) NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    ordering_key VARCHAR(191) NOT NULL,
    part         INT          NOT NULL,
    payload      MEDIUMTEXT   NOT NULL, -- encrypted
    status       VARCHAR(12)  NOT NULL, -- NEW, DONE, FAILED
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(255),
    received_at  BIGINT       NOT NULL,
    done_at      BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_inbox_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_inbox_work ON inbox (status, part, id);

CREATE TABLE dispatch_lease (
    part        INT         NOT NULL,
    owner       VARCHAR(64),
    lease_until BIGINT      NOT NULL,
    PRIMARY KEY (part)
);

CREATE TABLE dispatch_node (
    node    VARCHAR(64) NOT NULL,
    seen_at BIGINT      NOT NULL,
    PRIMARY KEY (node)
);

CREATE TABLE outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    inbox_id        BIGINT       NOT NULL,
    seq             INT          NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    target          TEXT         NOT NULL, -- encrypted
    body            MEDIUMTEXT   NOT NULL, -- encrypted
    status          VARCHAR(12)  NOT NULL, -- PENDING, SENDING, SENT, FAILED
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    claim_token     VARCHAR(64),
    lease_until     BIGINT,
    last_error      VARCHAR(255),
    platform_id     VARCHAR(128),
    created_at      BIGINT       NOT NULL,
    sent_at         BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_outbox_origin UNIQUE (inbox_id, seq)
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_claim ON outbox (claim_token);

CREATE TABLE bot_group (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    chat_id    VARCHAR(128) NOT NULL,
    name       VARCHAR(128) NOT NULL,
    type_code  VARCHAR(64)  NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_group_chat UNIQUE (chat_id)
);

CREATE TABLE group_member (
    chat_id       VARCHAR(128) NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    first_seen_at BIGINT       NOT NULL,
    last_seen_at  BIGINT       NOT NULL,
    left_at       BIGINT,
    PRIMARY KEY (chat_id, user_id)
);

CREATE TABLE role_grant (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    VARCHAR(128) NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    chat_id    VARCHAR(128) NOT NULL DEFAULT '', -- '' = everywhere
    granted_by VARCHAR(128) NOT NULL,
    granted_at BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_role_grant UNIQUE (user_id, role, chat_id)
);
