-- A break-glass read or a subject access export whose reason named one of the family's people or
-- gave its address is refused. The refusal tells whoever wrote the reason that the word is in the
-- record, so it is shown to the family's hub lead beside the reads (without the reason, which is not
-- kept): a string of them is someone trying names and addresses against the family.
ALTER TABLE referrals.break_glass
    ADD COLUMN refused BOOLEAN NOT NULL DEFAULT false,
    ALTER COLUMN reason DROP NOT NULL;
