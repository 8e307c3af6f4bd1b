-- Case file audits: each month a reproducible sample of each hub's cases, graded against the
-- framework version in use by a practitioner from another organisation, reflected on by the lead
-- practitioner and moderated by the lead of another hub. Nothing of the family is kept here: the
-- case is named by its id, and the auditor reads it through the referrals module's access policy.
CREATE TABLE quality.sample (
    hub_id       TEXT NOT NULL,
    month        DATE NOT NULL,
    size         INTEGER NOT NULL,
    eligible     INTEGER NOT NULL,
    passed_over  INTEGER NOT NULL,
    drawn_by     TEXT NOT NULL,
    drawn_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (hub_id, month)
);

CREATE TABLE quality.case_audit (
    id                    UUID PRIMARY KEY,
    hub_id                TEXT NOT NULL,
    month                 DATE NOT NULL,
    case_id               UUID NOT NULL,
    framework_version     INTEGER NOT NULL REFERENCES quality.framework_version (version),
    lead                  TEXT NOT NULL,
    lead_name             TEXT NOT NULL,
    auditor               TEXT NOT NULL,
    auditor_name          TEXT NOT NULL,
    auditor_organisation  TEXT NOT NULL,
    moderator             TEXT NOT NULL,
    moderator_name        TEXT NOT NULL,
    stage                 TEXT NOT NULL,
    due_on                DATE NOT NULL,
    read_until            TIMESTAMP WITH TIME ZONE,
    graded_at             TIMESTAMP WITH TIME ZONE,
    reflection            TEXT,
    reflected_at          TIMESTAMP WITH TIME ZONE,
    moderation_note       TEXT,
    moderated_at          TIMESTAMP WITH TIME ZONE,
    version               INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (hub_id, month) REFERENCES quality.sample (hub_id, month),
    UNIQUE (month, case_id)
);
CREATE INDEX case_audit_case_idx ON quality.case_audit (case_id);
CREATE INDEX case_audit_auditor_idx ON quality.case_audit (auditor, stage);
CREATE INDEX case_audit_lead_idx ON quality.case_audit (lead, stage);
CREATE INDEX case_audit_moderator_idx ON quality.case_audit (moderator, stage);

CREATE TABLE quality.audit_grade (
    audit_id           UUID NOT NULL REFERENCES quality.case_audit (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    domain             TEXT NOT NULL,
    grade              TEXT NOT NULL,
    evidence           TEXT NOT NULL,
    moderated_grade    TEXT,
    moderation_reason  TEXT,
    PRIMARY KEY (audit_id, position)
);

CREATE TABLE quality.audit_action (
    id          UUID PRIMARY KEY,
    audit_id    UUID NOT NULL REFERENCES quality.case_audit (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    action      TEXT NOT NULL,
    owner       TEXT NOT NULL,
    owner_name  TEXT NOT NULL,
    due_on      DATE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE,
    done_by     TEXT,
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_action_owner_idx ON quality.audit_action (owner) WHERE done_at IS NULL;
CREATE INDEX audit_action_audit_idx ON quality.audit_action (audit_id);
