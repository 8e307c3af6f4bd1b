-- Management oversight: the hub lead's recorded case supervision, with what was discussed, what
-- was decided and when the case is next to be supervised. A case without it for longer than
-- earlyhelp.referrals.oversight-weeks is drift.
CREATE TABLE referrals.supervision (
    id            UUID PRIMARY KEY,
    case_id       UUID NOT NULL REFERENCES referrals.case_file (id),
    held_on       DATE NOT NULL,
    discussion    TEXT NOT NULL,
    decisions     TEXT NOT NULL,
    next_on       DATE NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (next_on > held_on)
);
CREATE INDEX supervision_case_idx ON referrals.supervision (case_id, held_on);
