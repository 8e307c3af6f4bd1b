-- When each part of the plan and each review was recorded, and who recorded it: the family's
-- timeline orders every entry by when it happened, keeping the time of day where it is known.
ALTER TABLE referrals.review ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referrals.plan_outcome
    ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN recorded_by TEXT;
ALTER TABLE referrals.plan_action
    ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN recorded_by TEXT,
    ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN status_changed_by TEXT;
