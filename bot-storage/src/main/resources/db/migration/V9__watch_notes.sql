-- Two urgencies (紧急 and 留意): an escalation keeps why the detector raised it (a short Chinese reason such as
-- 中风征象：口角歪斜＋言语不清; no personal data, so not encrypted); state WATCH is a 留意 note. Only 留意 notes are
-- coalesced per member now: the window counts how many went out at once in it.
ALTER TABLE escalation ADD COLUMN basis VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE escalation_pager ADD COLUMN sent_in_window INT NOT NULL DEFAULT 0;
