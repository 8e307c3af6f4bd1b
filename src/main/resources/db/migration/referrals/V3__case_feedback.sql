-- What a family said through a feedback invitation for their case (from the voice module's
-- events): part of the family's record, read under the referrals module's access rules.
CREATE TABLE referrals.case_feedback (
    feedback_id   UUID PRIMARY KEY,
    case_id       UUID NOT NULL REFERENCES referrals.case_file (id),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    mood          SMALLINT,
    safeguarding  BOOLEAN NOT NULL,
    first_name    TEXT,
    words         TEXT
);
CREATE INDEX case_feedback_case_idx ON referrals.case_feedback (case_id, received_at);
