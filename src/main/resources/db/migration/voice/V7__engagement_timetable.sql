-- One timetable of engagement: the consultations partners plan with children and young people,
-- so that clashes and groups asked too often show before anyone is asked.
CREATE TABLE voice.engagement (
    id            UUID PRIMARY KEY,
    topic         TEXT NOT NULL,
    youngest      INTEGER NOT NULL CHECK (youngest BETWEEN 0 AND 25),
    oldest        INTEGER NOT NULL CHECK (oldest BETWEEN 0 AND 25 AND oldest >= youngest),
    hub_id        TEXT,
    audience      TEXT NOT NULL,
    method        TEXT NOT NULL,
    starts_on     DATE NOT NULL,
    ends_on       DATE NOT NULL CHECK (ends_on >= starts_on),
    organisation  TEXT NOT NULL,
    planned_by    TEXT NOT NULL,
    planned_by_user TEXT NOT NULL,
    planned_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX engagement_dates_idx ON voice.engagement (starts_on, ends_on);
