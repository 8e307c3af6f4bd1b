-- Confirmed feedback themes per hub and month, from the voice module's events: counts only, no
-- words of the feedback and nothing that names who gave it.
CREATE TABLE insight.theme_seen (
    feedback_id  UUID NOT NULL,
    theme        TEXT NOT NULL,
    PRIMARY KEY (feedback_id, theme)
);

CREATE TABLE insight.theme_monthly (
    hub_id  TEXT NOT NULL,
    month   DATE NOT NULL,
    theme   TEXT NOT NULL,
    count   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hub_id, month, theme)
);
