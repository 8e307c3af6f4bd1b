-- People who left a way to be told what changed: listed for staff when an answer on their
-- feedback's theme is published, until someone has told them.
CREATE TABLE voice.to_tell (
    feedback_id  UUID NOT NULL REFERENCES voice.feedback (id),
    response_id  UUID NOT NULL REFERENCES voice.response (id),
    first_name   TEXT,
    contact      TEXT NOT NULL,
    told_at      TIMESTAMP WITH TIME ZONE,
    told_by      TEXT,
    PRIMARY KEY (feedback_id, response_id)
);
