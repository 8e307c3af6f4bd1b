CREATE SCHEMA IF NOT EXISTS hubs;

CREATE TABLE hubs.hub (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('PLANNED', 'PILOT', 'LIVE')),
    population  INTEGER NOT NULL CHECK (population >= 0),
    children    INTEGER NOT NULL CHECK (children >= 0),
    wards       TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE hubs.organisation (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    type  TEXT NOT NULL CHECK (type IN ('SCHOOL', 'HEALTH', 'POLICE', 'HOUSING', 'VOLUNTARY', 'COUNCIL'))
);

CREATE TABLE hubs.organisation_hub (
    organisation_id  TEXT NOT NULL REFERENCES hubs.organisation (id),
    hub_id           TEXT NOT NULL REFERENCES hubs.hub (id),
    PRIMARY KEY (organisation_id, hub_id)
);
