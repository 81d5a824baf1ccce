-- Issue 4: rule breaches recorded against members, per group (only ids and the rule: never the message); the
-- coalescing of escalation messages per member.

CREATE TABLE rule_breach (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    chat_id  VARCHAR(128) NOT NULL,
    member   VARCHAR(128) NOT NULL,
    rule_code VARCHAR(32) NOT NULL,
    at       BIGINT       NOT NULL,
    acted    BOOLEAN      NOT NULL, -- something was done (not a repeat inside the quiet period)
    warned   BOOLEAN      NOT NULL, -- counts as a warning
    PRIMARY KEY (id)
);
CREATE INDEX ix_breach_member ON rule_breach (chat_id, member, at);

-- Coalescing escalation messages per member (WeCom: 30 messages a minute to one person): a card sent at once opens a
-- window; what comes within it is held and sent together at its end. version guards against two decisions at once.
CREATE TABLE escalation_pager (
    member      VARCHAR(128) NOT NULL,
    quiet_until BIGINT       NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (member)
);

CREATE TABLE escalation_notice (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member      VARCHAR(128) NOT NULL,
    escalation  BIGINT       NOT NULL,
    held_at     BIGINT       NOT NULL,
    released_at BIGINT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_notice_member ON escalation_notice (member, released_at);
