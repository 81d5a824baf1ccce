-- Issue 5: what the bot last read of each member's group nickname in a customer group, and what it did about it.
-- The nickname and the household are personal data: encrypted (v1:...).

CREATE TABLE nickname_record (
    chat_id        VARCHAR(128) NOT NULL,
    member         VARCHAR(128) NOT NULL,
    nickname       TEXT,                  -- encrypted; NULL: no group nickname set
    compliant      BOOLEAN      NOT NULL,
    household      TEXT,                  -- encrypted household key (3-2-1202); NULL: none named
    since_at       BIGINT       NOT NULL, -- when the nickname or its compliance last changed
    reminders      INT          NOT NULL,
    last_reminded  BIGINT,
    flagged        BOOLEAN      NOT NULL, -- the administrators were told about this nickname
    first_seen     BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, member)
);
-- a member talking to the bot: their records in every group
CREATE INDEX ix_nickname_member ON nickname_record (member);

-- Per group: when the last group-send draft reminding members of the nickname rules was made (WeCom lets a customer
-- group receive about one group-send a day: the bot never uses more than one a remind-interval).
CREATE TABLE nickname_group (
    chat_id      VARCHAR(128) NOT NULL,
    last_draft   BIGINT       NOT NULL,
    PRIMARY KEY (chat_id)
);
