-- Issue 4: rule breaches recorded against members, per group. Only ids and the rule: never the message.

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
