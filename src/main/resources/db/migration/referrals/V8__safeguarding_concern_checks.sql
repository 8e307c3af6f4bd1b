-- A safeguarding concern recorded through the request form's shutter (a child may be at risk of
-- significant harm) waits here until a lead of its hub has checked with the front door that it has
-- it, and says how. Until then it is listed for the hub's leads and counted on their home page, and
-- it was mailed at once to the hub's safeguarding leads and hub leads (and to the borough's duty
-- address when the referrer had not contacted the front door), and reminded again while nobody
-- checks it (ConcernReminders). Before this table, a concern was
-- recorded as decided and nobody was told.
CREATE TABLE referrals.concern_check (
    request_id            UUID PRIMARY KEY REFERENCES referrals.request (id),
    front_door_contacted  BOOLEAN NOT NULL,
    mailed_at             TIMESTAMP WITH TIME ZONE,
    mailed_to             TEXT,
    reminded_at           TIMESTAMP WITH TIME ZONE,
    checked_at            TIMESTAMP WITH TIME ZONE,
    checked_by            TEXT,
    checked_by_name       TEXT,
    note                  TEXT,
    version               INTEGER NOT NULL DEFAULT 0,
    CHECK ((checked_at IS NULL) = (note IS NULL))
);
CREATE INDEX concern_check_waiting_idx ON referrals.concern_check (request_id) WHERE checked_at IS NULL;

-- Concerns recorded before: nobody was told of them, so each waits for its hub's leads to check.
INSERT INTO referrals.concern_check (request_id, front_door_contacted)
SELECT id, coalesce(reasons LIKE 'Front door contacted by the referrer.%', false)
FROM referrals.request
WHERE safeguarding;
