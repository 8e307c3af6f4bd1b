-- Children looked after, from SSDA903 returns: one row per child, one per episode (a period in a
-- placement under a legal status). Years are merged; an episode re-reported in a later year
-- replaces the earlier report of it. Identifiers are the council's own child ids, never shown.

CREATE TABLE sufficiency.child (
    child_id   TEXT PRIMARY KEY,
    sex        TEXT NOT NULL,
    born_on    DATE NOT NULL,
    ethnicity  TEXT NOT NULL
);

CREATE TABLE sufficiency.episode (
    child_id             TEXT NOT NULL REFERENCES sufficiency.child (child_id),
    started_on           DATE NOT NULL,
    reason_new           TEXT NOT NULL,
    legal_status         TEXT NOT NULL,
    need                 TEXT NOT NULL,
    placement            TEXT NOT NULL,
    provider             TEXT,
    ended_on             DATE,
    reason_ended         TEXT,
    reason_place_change  TEXT,
    home_postcode        TEXT,
    placement_postcode   TEXT,
    urn                  TEXT,
    return_year          INTEGER NOT NULL,
    PRIMARY KEY (child_id, started_on)
);
CREATE INDEX episode_dates_idx ON sufficiency.episode (started_on, ended_on);

CREATE TABLE sufficiency.import_run (
    id          UUID PRIMARY KEY,
    files       TEXT NOT NULL,
    children    INTEGER NOT NULL,
    episodes    INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
