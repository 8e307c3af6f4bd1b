-- A step-up to children's social care ends a family's early help: from then on nobody in early help
-- works with the family, and only the front door taking it on keeps the child from falling between
-- the two. Until now a step-up (a hub's decision, or an open case stepped up) was recorded and
-- nobody was asked to make sure the front door had it. Each step-up now waits beside the
-- safeguarding concerns until a lead of its hub has checked with the front door (ConcernChecks).
--   raised_at: when the concern was recorded or the family stepped up (a concern's request's time);
--   raised_by: who stepped the family up (null for a concern: its referrer);
--   case_id:   the case stepped up (null for a concern or a hub's decision).
-- Step-ups recorded before this migration are not added: they cannot be told apart from ones the
-- front door has long since taken on.
ALTER TABLE referrals.concern_check
    ADD COLUMN raised_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN raised_by TEXT,
    ADD COLUMN case_id   UUID REFERENCES referrals.case_file (id);

UPDATE referrals.concern_check k SET raised_at = r.submitted_at FROM referrals.request r WHERE r.id = k.request_id;

ALTER TABLE referrals.concern_check ALTER COLUMN raised_at SET NOT NULL;
