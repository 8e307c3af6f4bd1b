-- Changes to a known family that its current hub lead confirms or declines, instead of anyone
-- moving a family silently: linking a new request's family to a known one (LINK), and a known
-- family's move to a new address or hub (MOVE). The old and new values are kept.
CREATE TABLE referrals.family_change (
    id                  UUID PRIMARY KEY,
    kind                TEXT NOT NULL,
    family_id           UUID NOT NULL REFERENCES referrals.family (id) ON DELETE CASCADE,
    hub_id              TEXT NOT NULL,
    proposed_family_id  UUID REFERENCES referrals.family (id) ON DELETE SET NULL,
    request_id          UUID REFERENCES referrals.request (id) ON DELETE CASCADE,
    old_address         TEXT NOT NULL,
    old_postcode        TEXT NOT NULL,
    old_hub_id          TEXT NOT NULL,
    new_address         TEXT NOT NULL,
    new_postcode        TEXT NOT NULL,
    new_area_code       TEXT,
    new_hub_id          TEXT NOT NULL,
    requested_by        TEXT NOT NULL,
    requested_name      TEXT NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status              TEXT NOT NULL DEFAULT 'PENDING',
    decision            TEXT,
    decided_by          TEXT,
    decided_at          TIMESTAMP WITH TIME ZONE,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX family_change_pending_idx ON referrals.family_change (hub_id, requested_at) WHERE status = 'PENDING';
CREATE INDEX family_change_family_idx ON referrals.family_change (family_id);

-- Reads of a family's record by someone outside the relationship rules (an administrator or a
-- commissioner), each with its reason, shown to the family's hub lead.
CREATE TABLE referrals.break_glass (
    id           UUID PRIMARY KEY,
    family_id    UUID NOT NULL REFERENCES referrals.family (id) ON DELETE CASCADE,
    hub_id       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_name   TEXT NOT NULL,
    actor_roles  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX break_glass_family_idx ON referrals.break_glass (family_id, read_at DESC);
CREATE INDEX break_glass_hub_idx ON referrals.break_glass (hub_id, read_at DESC);
