-- Scheduled jobs run once across instances: ShedLock's lock table (its documented PostgreSQL
-- layout; the times are the database's, in UTC), and a record of each run: which instance ran
-- which job, when, and how it ended. Runs are kept for 30 days.
CREATE SCHEMA IF NOT EXISTS jobs;

CREATE TABLE jobs.shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

CREATE TABLE jobs.run (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    instance    TEXT NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    outcome     TEXT CHECK (outcome IN ('done', 'failed'))
);
CREATE INDEX run_name_started_idx ON jobs.run (name, started_at DESC);
