-- 有用 / 误报 on escalation cards and notes, by the people who received them: kept with the words the detector read and
-- their normalised form (both encrypted: a resident's words), and what the detector said about them, so that detection
-- can be measured against what people said. One row per person and escalation; a later verdict replaces the earlier.
CREATE TABLE escalation_feedback (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    escalation BIGINT       NOT NULL,
    member     VARCHAR(128) NOT NULL,
    verdict    VARCHAR(16)  NOT NULL, -- USEFUL, FALSE_ALARM
    at         BIGINT       NOT NULL,
    text       TEXT         NOT NULL, -- encrypted
    normalised TEXT         NOT NULL, -- encrypted
    category   VARCHAR(32)  NOT NULL,
    severity   INT          NOT NULL,
    basis      VARCHAR(200) NOT NULL,
    urgent     BOOLEAN      NOT NULL, -- 紧急 when judged (false: a 留意 note)
    PRIMARY KEY (id),
    CONSTRAINT uk_feedback UNIQUE (escalation, member)
);
CREATE INDEX ix_feedback_at ON escalation_feedback (at, id);
