-- Issue 4: escalations, their timelines, stored timers. MySQL 8 / MariaDB 10.11 and H2 in MySQL mode.

-- One row per escalation, updated as it moves; id is the number people type (/接手 12).
CREATE TABLE escalation (
    id         BIGINT       NOT NULL,
    chat_id    VARCHAR(128) NOT NULL DEFAULT '', -- '' = a private chat without a group
    subject    VARCHAR(128) NOT NULL,
    category   VARCHAR(32)  NOT NULL,
    severity   INT          NOT NULL,
    excerpt    TEXT         NOT NULL, -- encrypted: the resident's words
    state      VARCHAR(16)  NOT NULL, -- OPEN, ACKNOWLEDGED, RESOLVED, UNACKNOWLEDGED
    chain_level INT         NOT NULL,
    chain_round INT         NOT NULL,
    owner      VARCHAR(128),
    opened_at  BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_escalation_state ON escalation (state, opened_at);
CREATE INDEX ix_escalation_subject ON escalation (subject, chat_id, state);

-- Every step of every escalation, in order: opened, notified, escalated, acknowledged, handed over, resolved.
CREATE TABLE escalation_step (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    escalation BIGINT      NOT NULL,
    at        BIGINT       NOT NULL,
    actor     VARCHAR(128),
    kind      VARCHAR(32)  NOT NULL,
    detail    TEXT         NOT NULL, -- encrypted
    PRIMARY KEY (id)
);
CREATE INDEX ix_step_escalation ON escalation_step (escalation, id);

-- Numbers handed out once, across instances (UPDATE then SELECT in one transaction).
CREATE TABLE sequence_counter (
    name       VARCHAR(64) NOT NULL,
    next_value BIGINT      NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO sequence_counter (name, next_value) VALUES ('escalation', 0);

-- Stored timers, written in the transaction of the decision that set them. A due timer is fed into the inbox under
-- the dedup key timer:<id>, so it is decided exactly once however many instances see it due.
CREATE TABLE timer (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    timer      VARCHAR(64)  NOT NULL,
    subject    VARCHAR(160) NOT NULL,
    due_at     BIGINT       NOT NULL,
    status     VARCHAR(12)  NOT NULL, -- PENDING, FIRED
    created_at BIGINT       NOT NULL,
    fired_at   BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_timer UNIQUE (timer, subject)
);
CREATE INDEX ix_timer_due ON timer (status, due_at);
