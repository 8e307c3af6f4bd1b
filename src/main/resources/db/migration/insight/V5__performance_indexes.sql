-- The board pack asks, for each case closed with its needs met, whether the family was referred
-- again within six months, and counts cases open at each month's end.
CREATE INDEX request_family_idx ON insight.request_row (family_id, submitted_at);
CREATE INDEX case_allocated_idx ON insight.case_row (hub_id, allocated_at);
CREATE INDEX case_assessment_due_idx ON insight.case_row (assessment_due);
