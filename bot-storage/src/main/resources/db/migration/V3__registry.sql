-- Issue 3: the registry people manage with commands. Runs on MySQL 8 / MariaDB 10.11 and on H2 in MySQL mode.

-- A group's own rules text (NULL: the text of its type) and when the registration last changed.
ALTER TABLE bot_group ADD COLUMN rules_text TEXT;
ALTER TABLE bot_group ADD COLUMN updated_at BIGINT;

-- What WeCom showed about a member in a group (customer groups only): encrypted, because a nickname such as
-- "3栋1202-自住" is an address. member_kind: STAFF, EXTERNAL or UNKNOWN.
ALTER TABLE group_member ADD COLUMN display_name TEXT;   -- encrypted
ALTER TABLE group_member ADD COLUMN group_nickname TEXT; -- encrypted
ALTER TABLE group_member ADD COLUMN member_kind VARCHAR(12);
CREATE INDEX ix_member_user ON group_member (user_id);

-- The group a staff member acts on from a private chat (/切换).
CREATE TABLE private_context (
    user_id   VARCHAR(128) NOT NULL,
    chat_id   VARCHAR(128) NOT NULL,
    chosen_at BIGINT       NOT NULL,
    PRIMARY KEY (user_id)
);

-- Every privileged command, done or refused. chat_id '' = not about one group.
CREATE TABLE audit_log (
    id      BIGINT       NOT NULL AUTO_INCREMENT,
    at      BIGINT       NOT NULL,
    actor   VARCHAR(128) NOT NULL,
    action  VARCHAR(64)  NOT NULL,
    chat_id VARCHAR(128) NOT NULL DEFAULT '',
    result  VARCHAR(12)  NOT NULL,
    detail  TEXT         NOT NULL, -- encrypted
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_chat ON audit_log (chat_id, id);
