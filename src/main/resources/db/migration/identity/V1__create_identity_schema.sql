CREATE SCHEMA IF NOT EXISTS identity;

-- Local accounts for demonstration mode. Organisation and hubs refer to the hubs module by code;
-- there are no foreign keys across module schemas.
CREATE TABLE identity.account (
    username         TEXT PRIMARY KEY CHECK (username = lower(username) AND length(username) BETWEEN 2 AND 64),
    display_name     TEXT NOT NULL,
    password_hash    TEXT NOT NULL,
    roles            TEXT[] NOT NULL DEFAULT '{}',
    organisation_id  TEXT,
    hub_ids          TEXT[] NOT NULL DEFAULT '{}',
    enabled          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
