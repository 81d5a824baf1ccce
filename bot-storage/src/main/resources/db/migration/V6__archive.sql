-- Issue 4: the chat-archive feed (会话内容存档). MySQL 8 / MariaDB 10.11 and H2 in MySQL mode.

-- How far the archive has been read: the last seq handed to the inbox, per archive (one per corp: 'wecom'). Only ever
-- moved forward (UPDATE … WHERE seq < new), so several instances reading at once never move it back; a record read
-- twice is refused by the inbox's unique key (archive:<msgid>).
CREATE TABLE archive_cursor (
    name       VARCHAR(64) NOT NULL,
    seq        BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (name)
);
