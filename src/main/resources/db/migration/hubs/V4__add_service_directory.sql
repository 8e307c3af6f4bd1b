-- The service directory, in Open Referral UK terms: a service run by an organisation, at a
-- location, with eligibility, contacts and opening times, filed under the Family Hubs taxonomy and
-- tagged with the Supporting Families outcome areas it helps with.
CREATE TABLE hubs.service (
    id              UUID PRIMARY KEY,
    hub_id          TEXT NOT NULL REFERENCES hubs.hub (id),
    organisation_id TEXT NOT NULL REFERENCES hubs.organisation (id),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    description     TEXT NOT NULL CHECK (length(description) <= 2000),
    category        TEXT NOT NULL,
    needs           TEXT[] NOT NULL DEFAULT '{}',
    eligibility     TEXT NOT NULL DEFAULT '',
    min_age         SMALLINT CHECK (min_age BETWEEN 0 AND 25),
    max_age         SMALLINT CHECK (max_age BETWEEN 0 AND 120),
    location_name   TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    postcode        TEXT,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    contact_phone   TEXT NOT NULL DEFAULT '',
    contact_email   TEXT NOT NULL DEFAULT '',
    website         TEXT NOT NULL DEFAULT '',
    opening_times   TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_hub_idx ON hubs.service (hub_id);
CREATE INDEX service_needs_idx ON hubs.service USING gin (needs);
