-- The flood limits on feedback, counted where every instance sees them: one row per accepted
-- answer, by the SHA-256 digest of its code or its network address, kept for the hour it counts
-- in (FeedbackForms deletes older rows every ten minutes).
CREATE TABLE voice.answer_count (
    key_digest  TEXT NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX answer_count_key_idx ON voice.answer_count (key_digest, answered_at);
CREATE INDEX answer_count_at_idx ON voice.answer_count (answered_at);
