-- The early help journey: families, requests for support, consent, cases (the work with a family),
-- assessments, plans, reviews, contacts, closure and follow-up checks.

CREATE TABLE referrals.family (
    id            UUID PRIMARY KEY,
    label         TEXT NOT NULL,
    address       TEXT NOT NULL,
    postcode      TEXT NOT NULL,
    area_code     TEXT,
    hub_id        TEXT NOT NULL,
    restricted    BOOLEAN NOT NULL DEFAULT false,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX family_postcode_idx ON referrals.family (postcode);
CREATE INDEX family_hub_idx ON referrals.family (hub_id);

CREATE TABLE referrals.person (
    id             UUID PRIMARY KEY,
    family_id      UUID NOT NULL REFERENCES referrals.family (id),
    given_name     TEXT NOT NULL,
    family_name    TEXT NOT NULL,
    date_of_birth  DATE NOT NULL,
    relationship   TEXT NOT NULL,
    sex            TEXT,
    ethnicity      TEXT,
    position       INTEGER NOT NULL
);
CREATE INDEX person_family_idx ON referrals.person (family_id);
CREATE INDEX person_match_idx ON referrals.person (lower(family_name), date_of_birth);

CREATE TABLE referrals.request (
    id               UUID PRIMARY KEY,
    family_id        UUID NOT NULL REFERENCES referrals.family (id),
    hub_id           TEXT NOT NULL,
    hub_reason       TEXT,
    referrer         TEXT NOT NULL,
    referrer_name    TEXT NOT NULL,
    referrer_org     TEXT,
    source           TEXT NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_due     TIMESTAMP WITH TIME ZONE NOT NULL,
    tried            TEXT NOT NULL DEFAULT '',
    involved         TEXT NOT NULL DEFAULT '',
    re_referral      BOOLEAN NOT NULL DEFAULT false,
    step_down        BOOLEAN NOT NULL DEFAULT false,
    safeguarding     BOOLEAN NOT NULL DEFAULT false,
    status           TEXT NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       TEXT,
    level            SMALLINT,
    outcome          TEXT,
    reasons          TEXT,
    version          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX request_queue_idx ON referrals.request (hub_id, decision_due) WHERE status = 'AWAITING_DECISION';
CREATE INDEX request_allocation_idx ON referrals.request (hub_id, decided_at) WHERE status = 'AWAITING_ALLOCATION';
CREATE INDEX request_referrer_idx ON referrals.request (referrer, submitted_at DESC);
CREATE INDEX request_family_idx ON referrals.request (family_id);

CREATE TABLE referrals.request_need (
    request_id   UUID NOT NULL REFERENCES referrals.request (id),
    area         TEXT NOT NULL,
    description  TEXT NOT NULL,
    PRIMARY KEY (request_id, area)
);

CREATE TABLE referrals.consent (
    id                UUID PRIMARY KEY,
    family_id         UUID NOT NULL REFERENCES referrals.family (id),
    request_id        UUID REFERENCES referrals.request (id),
    given_by          TEXT NOT NULL,
    given_on          DATE NOT NULL,
    how               TEXT NOT NULL,
    share_with        TEXT NOT NULL,
    recorded_by       TEXT NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at      TIMESTAMP WITH TIME ZONE,
    withdrawn_by      TEXT,
    withdrawn_reason  TEXT
);
CREATE INDEX consent_family_idx ON referrals.consent (family_id);

CREATE TABLE referrals.case_file (
    id                  UUID PRIMARY KEY,
    request_id          UUID NOT NULL UNIQUE REFERENCES referrals.request (id),
    family_id           UUID NOT NULL REFERENCES referrals.family (id),
    hub_id              TEXT NOT NULL,
    lead                TEXT NOT NULL,
    lead_name           TEXT NOT NULL,
    lead_org            TEXT,
    allocated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    allocated_by        TEXT NOT NULL,
    assessment_due      DATE NOT NULL,
    assessed_at         TIMESTAMP WITH TIME ZONE,
    next_review_due     DATE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    close_reason        TEXT,
    close_note          TEXT,
    stepped_up_at       TIMESTAMP WITH TIME ZONE,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_lead_open_idx ON referrals.case_file (lead, hub_id) WHERE closed_at IS NULL;
CREATE INDEX case_hub_open_idx ON referrals.case_file (hub_id) WHERE closed_at IS NULL;
CREATE INDEX case_family_idx ON referrals.case_file (family_id);

-- The team around the family: everyone who may read and add to the case besides the lead.
CREATE TABLE referrals.case_member (
    case_id       UUID NOT NULL REFERENCES referrals.case_file (id),
    username      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    organisation  TEXT,
    PRIMARY KEY (case_id, username)
);
CREATE INDEX case_member_user_idx ON referrals.case_member (username);

CREATE TABLE referrals.assessment (
    case_id               UUID NOT NULL REFERENCES referrals.case_file (id),
    area                  TEXT NOT NULL,
    strengths             TEXT NOT NULL,
    worries               TEXT NOT NULL,
    child_says            TEXT,
    child_not_seen_reason TEXT,
    parents_say           TEXT NOT NULL,
    PRIMARY KEY (case_id, area)
);

CREATE TABLE referrals.plan_outcome (
    id        UUID PRIMARY KEY,
    case_id   UUID NOT NULL REFERENCES referrals.case_file (id),
    area      TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    position  INTEGER NOT NULL,
    UNIQUE (case_id, area)
);

CREATE TABLE referrals.plan_action (
    id          UUID PRIMARY KEY,
    outcome_id  UUID NOT NULL REFERENCES referrals.plan_outcome (id),
    action      TEXT NOT NULL,
    owner       TEXT NOT NULL,
    due_on      DATE NOT NULL,
    status      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_action_outcome_idx ON referrals.plan_action (outcome_id);

CREATE TABLE referrals.review (
    id        UUID PRIMARY KEY,
    case_id   UUID NOT NULL REFERENCES referrals.case_file (id),
    held_on   DATE NOT NULL,
    held_by   TEXT NOT NULL,
    notes     TEXT NOT NULL,
    next_due  DATE NOT NULL
);
CREATE INDEX review_case_idx ON referrals.review (case_id, held_on);

CREATE TABLE referrals.review_score (
    review_id   UUID NOT NULL REFERENCES referrals.review (id),
    outcome_id  UUID NOT NULL REFERENCES referrals.plan_outcome (id),
    score       SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 10),
    PRIMARY KEY (review_id, outcome_id)
);

CREATE TABLE referrals.contact (
    id           UUID PRIMARY KEY,
    case_id      UUID NOT NULL REFERENCES referrals.case_file (id),
    happened_on  DATE NOT NULL,
    kind         TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    child_seen   BOOLEAN NOT NULL,
    child_views  TEXT,
    note         TEXT NOT NULL,
    logged_by    TEXT NOT NULL,
    logged_name  TEXT NOT NULL,
    logged_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_case_idx ON referrals.contact (case_id, happened_on);

CREATE TABLE referrals.closure_outcome (
    case_id  UUID NOT NULL REFERENCES referrals.case_file (id),
    area     TEXT NOT NULL,
    result   TEXT NOT NULL,
    PRIMARY KEY (case_id, area)
);

CREATE TABLE referrals.follow_up (
    case_id   UUID NOT NULL REFERENCES referrals.case_file (id),
    months    INTEGER NOT NULL,
    due_on    DATE NOT NULL,
    done_at   TIMESTAMP WITH TIME ZONE,
    done_by   TEXT,
    note      TEXT,
    PRIMARY KEY (case_id, months)
);
CREATE INDEX follow_up_due_idx ON referrals.follow_up (due_on) WHERE done_at IS NULL;
