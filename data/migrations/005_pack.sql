-- The agenda pack and the chair's briefing.

-- What the secretary adds to an item: the diarienummer, who presents it
-- (föredragande), and the title a closed item carries in the public version
-- (empty: "Ärende enligt sekretess").
ALTER TABLE agenda_item ADD COLUMN diarienummer TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN presenter TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN public_title TEXT NOT NULL DEFAULT '';

-- An external PDF attached as a document; its pages go into the PDF pack as
-- they are.
ALTER TABLE agenda_document ADD COLUMN pdf BLOB;

-- The briefing belongs to a meeting as well as a period, and its items have
-- the director's order and proposed action.
ALTER TABLE briefing_note ADD COLUMN meeting_date TEXT;
ALTER TABLE briefing_note ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE briefing_note ADD COLUMN action TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX briefing_note_ref ON briefing_note(meeting_date, period, ref_kind, ref);

-- Decisions taken under delegation, counted per day, decision-maker, legal
-- ground and kind of matter: no personal data.
CREATE TABLE delegation_decision (
    id             INTEGER PRIMARY KEY,
    date           TEXT NOT NULL,                -- YYYY-MM-DD
    period         TEXT NOT NULL,                -- YYYY-MM, from date
    beslutsfattare TEXT NOT NULL,
    lagrum         TEXT NOT NULL,
    arendetyp      TEXT NOT NULL,
    antal          INTEGER NOT NULL CHECK (antal >= 0),
    UNIQUE (date, beslutsfattare, lagrum, arendetyp)
);
CREATE INDEX delegation_decision_period ON delegation_decision(period);
