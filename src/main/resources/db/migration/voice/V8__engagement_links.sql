-- An engagement on the timetable links to the invitations that asked its group and to the
-- "you said, we did" answers that came of it. Taking an engagement off leaves them, unlinked.
ALTER TABLE voice.invitation ADD COLUMN engagement_id UUID REFERENCES voice.engagement (id) ON DELETE SET NULL;
ALTER TABLE voice.response ADD COLUMN engagement_id UUID REFERENCES voice.engagement (id) ON DELETE SET NULL;
CREATE INDEX invitation_engagement_idx ON voice.invitation (engagement_id) WHERE engagement_id IS NOT NULL;
CREATE INDEX response_engagement_idx ON voice.response (engagement_id) WHERE engagement_id IS NOT NULL;
