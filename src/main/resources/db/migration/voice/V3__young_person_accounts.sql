-- A young person with an account (a care leaver, say) who gives named or pseudonymous feedback
-- while signed in can see it again later. Anonymous feedback is never linked to an account.
ALTER TABLE voice.feedback ADD COLUMN account TEXT;
CREATE INDEX feedback_account_idx ON voice.feedback (account) WHERE account IS NOT NULL;
