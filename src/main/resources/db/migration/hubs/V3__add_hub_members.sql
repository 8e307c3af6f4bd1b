-- The people who work in a hub: practitioners from partner organisations, with how many cases
-- each can lead, the hub lead(s) and the hub's safeguarding lead(s). People are referred to by
-- their user name (the identity module or Keycloak), organisations by code.
CREATE TABLE hubs.member (
    hub_id             TEXT NOT NULL REFERENCES hubs.hub (id),
    username           TEXT NOT NULL,
    display_name       TEXT NOT NULL,
    organisation_id    TEXT NOT NULL REFERENCES hubs.organisation (id),
    capacity           INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 60),
    hub_lead           BOOLEAN NOT NULL DEFAULT FALSE,
    safeguarding_lead  BOOLEAN NOT NULL DEFAULT FALSE,
    version            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hub_id, username)
);
CREATE INDEX member_username_idx ON hubs.member (username);
