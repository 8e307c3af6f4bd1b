-- A request's family saved as new while a hub lead checks whether it is a family already known is
-- not itself offered for linking again (FamilyResolution): found by the family it proposes.
CREATE INDEX family_change_proposed_idx ON referrals.family_change (proposed_family_id) WHERE status = 'PENDING';
