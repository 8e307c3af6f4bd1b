-- Safeguarding alerts that cannot go unseen: the alert is saved with the feedback and mailed
-- after the commit; escalation to the hub's leads repeats until someone acknowledges it, and
-- then reaches the borough's duty address. Only what was really sent is marked as sent.
ALTER TABLE voice.alert ADD COLUMN mailed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE voice.alert ADD COLUMN escalations INTEGER NOT NULL DEFAULT 0;
ALTER TABLE voice.alert ADD COLUMN last_escalated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE voice.alert ADD COLUMN escalated_to TEXT;
ALTER TABLE voice.alert ADD COLUMN duty_notified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE voice.alert ADD COLUMN duty_notices INTEGER NOT NULL DEFAULT 0;

-- An answer that came while its address or code was over the hourly limit, kept because it
-- raised a safeguarding alert.
ALTER TABLE voice.feedback ADD COLUMN over_limit BOOLEAN NOT NULL DEFAULT false;

-- Settings an administrator keeps for the whole borough, such as the duty address that
-- unacknowledged alerts reach last.
CREATE TABLE voice.setting (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0
);
