-- Long work (imports) run in the background: who started what, how it ended, and a heartbeat from
-- the instance running it, so that a person who comes back sees the result, or that the server
-- stopped before the work finished (and, the work being one transaction, that nothing was saved).
CREATE SCHEMA IF NOT EXISTS work;

CREATE TABLE work.job (
    id           UUID PRIMARY KEY,
    owner        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    label        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    summary      TEXT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_owner_kind_idx ON work.job (owner, kind, started_at DESC);
