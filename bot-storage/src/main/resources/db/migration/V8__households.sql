-- Issue 5, item 5: the household roster (户数名册) of a group, imported from CSV, in import order.
-- One encrypted household key (3-2-1202, 3--1202) per row rather than building, unit and room apart: an address is
-- personal data, and the report reads a group's whole roster anyway, so nothing needs to be filtered in SQL.

CREATE TABLE household_roster (
    chat_id      VARCHAR(128) NOT NULL,
    row_no       INT          NOT NULL, -- the household's place in the import, from 0
    household    TEXT         NOT NULL, -- encrypted household key
    imported_at  BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, row_no)
);
