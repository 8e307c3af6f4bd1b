-- The read models take events in any order. A request's or case's row is started by whichever
-- of its events arrives first and completed by the others; the dashboards read views that show a
-- row only once the event that creates the record (the request submitted, the case allocated)
-- has been taken in.
ALTER TABLE insight.request RENAME TO request_row;
ALTER TABLE insight.request_row
    ALTER COLUMN family_id DROP NOT NULL,
    ALTER COLUMN family_label DROP NOT NULL,
    ALTER COLUMN hub_id DROP NOT NULL,
    ALTER COLUMN submitted_at DROP NOT NULL,
    ALTER COLUMN decision_due DROP NOT NULL,
    ALTER COLUMN re_referral SET DEFAULT false,
    ALTER COLUMN step_down SET DEFAULT false;
CREATE VIEW insight.request AS
    SELECT * FROM insight.request_row WHERE submitted_at IS NOT NULL;

ALTER TABLE insight.case_file RENAME TO case_row;
ALTER TABLE insight.case_row
    ALTER COLUMN request_id DROP NOT NULL,
    ALTER COLUMN family_id DROP NOT NULL,
    ALTER COLUMN family_label DROP NOT NULL,
    ALTER COLUMN lead_practitioner DROP NOT NULL,
    ALTER COLUMN allocated_at DROP NOT NULL,
    ALTER COLUMN assessment_due DROP NOT NULL;
CREATE VIEW insight.case_file AS
    SELECT * FROM insight.case_row WHERE allocated_at IS NOT NULL;

-- Families found to be one: a request or case of the first that arrives after the link is
-- filed under the second.
CREATE TABLE insight.family_link (
    from_id   UUID PRIMARY KEY,
    into_id   UUID NOT NULL,
    label     TEXT NOT NULL
);
