-- Providers from Ofsted's lists (children's homes, supported accommodation, fostering
-- agencies): what exists and where, to set against the children placed there.
CREATE TABLE sufficiency.provider (
    urn              TEXT NOT NULL,
    list_name        TEXT NOT NULL,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    sector           TEXT,
    local_authority  TEXT,
    postcode         TEXT,
    status           TEXT,
    places           INTEGER,
    PRIMARY KEY (urn, list_name)
);
