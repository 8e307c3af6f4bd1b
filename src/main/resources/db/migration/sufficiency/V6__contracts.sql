-- Beds the council has contracted with a provider (a home or a fostering agency, by Ofsted URN):
-- block contracts it pays for whether used or not, framework places and spot purchases, with
-- their weekly cost, set against the children placed there to show occupancy and empty beds.
CREATE TABLE sufficiency.contract (
    id           UUID PRIMARY KEY,
    urn          TEXT NOT NULL,
    provider     TEXT NOT NULL,
    category     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('block', 'framework', 'spot')),
    beds         INTEGER NOT NULL CHECK (beds BETWEEN 1 AND 500),
    weekly_cost  NUMERIC(10, 2) CHECK (weekly_cost >= 0),
    starts_on    DATE NOT NULL,
    ends_on      DATE,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX contract_urn_idx ON sufficiency.contract (urn);
