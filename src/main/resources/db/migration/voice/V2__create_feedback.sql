-- Invitations to give feedback, feedback itself (with sealed identities apart), safeguarding
-- alerts, themes, "you said, we did" responses and who heard them (the Lundy model's audience and
-- influence).

CREATE TABLE voice.invitation (
    id          UUID PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    hub_id      TEXT NOT NULL,
    case_id     UUID,
    label       TEXT NOT NULL,
    age_band    TEXT,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    answers     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invitation_hub_idx ON voice.invitation (hub_id, created_at DESC);

CREATE TABLE voice.feedback (
    id             UUID PRIMARY KEY,
    invitation_id  UUID NOT NULL REFERENCES voice.invitation (id),
    hub_id         TEXT NOT NULL,
    case_id        UUID,
    age_band       TEXT NOT NULL,
    mode           TEXT NOT NULL,
    first_name     TEXT,
    feel_safe      TEXT,
    mood           SMALLINT CHECK (mood BETWEEN 1 AND 5),
    helping        TEXT,
    change         TEXT,
    worker         TEXT,
    anything       TEXT,
    safeguarding   BOOLEAN NOT NULL,
    concerns       TEXT,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    text_deleted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX feedback_hub_idx ON voice.feedback (hub_id, submitted_at DESC);
CREATE INDEX feedback_case_idx ON voice.feedback (case_id) WHERE case_id IS NOT NULL;

-- A pseudonymous young person's name and how to reach them: read only by unsealing.
CREATE TABLE voice.sealed_identity (
    feedback_id  UUID PRIMARY KEY REFERENCES voice.feedback (id),
    name         TEXT NOT NULL,
    contact      TEXT
);

CREATE TABLE voice.unseal (
    id           UUID PRIMARY KEY,
    feedback_id  UUID NOT NULL REFERENCES voice.feedback (id),
    unsealed_by  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    unsealed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE voice.alert (
    id               UUID PRIMARY KEY,
    feedback_id      UUID NOT NULL UNIQUE REFERENCES voice.feedback (id),
    hub_id           TEXT NOT NULL,
    reasons          TEXT NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    mailed_to        TEXT,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_by  TEXT,
    action_taken     TEXT,
    escalated_at     TIMESTAMP WITH TIME ZONE,
    version          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alert_open_idx ON voice.alert (hub_id, raised_at) WHERE acknowledged_at IS NULL;

CREATE TABLE voice.feedback_theme (
    feedback_id   UUID NOT NULL REFERENCES voice.feedback (id),
    theme         TEXT NOT NULL,
    confirmed_by  TEXT,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (feedback_id, theme)
);

CREATE TABLE voice.response (
    id            UUID PRIMARY KEY,
    hub_id        TEXT NOT NULL,
    theme         TEXT NOT NULL,
    you_said      TEXT NOT NULL,
    owner         TEXT NOT NULL,
    decision      TEXT NOT NULL,
    status        TEXT NOT NULL,
    due_on        DATE,
    we_did        TEXT,
    approved_by   TEXT,
    approved_at   TIMESTAMP WITH TIME ZONE,
    published_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX response_hub_idx ON voice.response (hub_id, created_at DESC);

CREATE TABLE voice.hearing (
    id            UUID PRIMARY KEY,
    response_id   UUID NOT NULL REFERENCES voice.response (id),
    heard_by      TEXT NOT NULL,
    heard_on      DATE NOT NULL,
    what_changed  TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
);
