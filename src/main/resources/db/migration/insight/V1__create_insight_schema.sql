CREATE SCHEMA IF NOT EXISTS insight;

-- One row per request for support, as the events have described it so far.
CREATE TABLE insight.request (
    id             UUID PRIMARY KEY,
    family_id      UUID NOT NULL,
    family_label   TEXT NOT NULL,
    hub_id         TEXT NOT NULL,
    area_code      TEXT,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_due   TIMESTAMP WITH TIME ZONE NOT NULL,
    re_referral    BOOLEAN NOT NULL,
    step_down      BOOLEAN NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE,
    level          SMALLINT,
    outcome        TEXT,
    allocated_at   TIMESTAMP WITH TIME ZONE,
    stepped_up_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX request_awaiting_idx ON insight.request (hub_id, decision_due) WHERE decided_at IS NULL;
CREATE INDEX request_submitted_idx ON insight.request (hub_id, submitted_at);
CREATE INDEX request_unallocated_idx ON insight.request (hub_id)
    WHERE outcome = 'EARLY_HELP' AND allocated_at IS NULL;

-- One row per family's early help (a case), with what the drift list needs.
CREATE TABLE insight.case_file (
    id                  UUID PRIMARY KEY,
    request_id          UUID NOT NULL,
    family_id           UUID NOT NULL,
    family_label        TEXT NOT NULL,
    hub_id              TEXT NOT NULL,
    lead_practitioner   TEXT NOT NULL,
    allocated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    assessment_due      DATE NOT NULL,
    assessment_done_at  TIMESTAMP WITH TIME ZONE,
    next_review_due     DATE,
    last_review_at      TIMESTAMP WITH TIME ZONE,
    last_contact_at     TIMESTAMP WITH TIME ZONE,
    contacts            INTEGER NOT NULL DEFAULT 0,
    closed_at           TIMESTAMP WITH TIME ZONE,
    close_reason        TEXT,
    needs               INTEGER,
    needs_achieved      INTEGER
);
CREATE INDEX case_open_idx ON insight.case_file (hub_id, lead_practitioner) WHERE closed_at IS NULL;
CREATE INDEX case_closed_idx ON insight.case_file (hub_id, closed_at) WHERE closed_at IS NOT NULL;

-- Contacts already counted, so that a redelivered event is not counted twice.
CREATE TABLE insight.contact_seen (
    id  UUID PRIMARY KEY
);

-- Monthly figures per hub, for 12-month trends without reading raw rows.
CREATE TABLE insight.monthly (
    hub_id           TEXT NOT NULL,
    month            DATE NOT NULL,
    requests         INTEGER NOT NULL DEFAULT 0,
    decided          INTEGER NOT NULL DEFAULT 0,
    decided_on_time  INTEGER NOT NULL DEFAULT 0,
    allocations      INTEGER NOT NULL DEFAULT 0,
    contacts         INTEGER NOT NULL DEFAULT 0,
    closures         INTEGER NOT NULL DEFAULT 0,
    needs            INTEGER NOT NULL DEFAULT 0,
    needs_achieved   INTEGER NOT NULL DEFAULT 0,
    step_ups         INTEGER NOT NULL DEFAULT 0,
    step_downs       INTEGER NOT NULL DEFAULT 0,
    re_referrals     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hub_id, month)
);
