-- Families due for deletion under the retention rule, and since when: a family is deleted only
-- after it has been reported as due for the grace period (the dry run comes first).
CREATE TABLE referrals.retention_due (
    family_id      UUID PRIMARY KEY,
    hub_id         TEXT NOT NULL,
    youngest_born  DATE NOT NULL,
    first_due_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
