-- The performance board pack's commentary: a short text per section, written by the hub's lead for
-- a hub's pack and by an administrator for the borough's, for one month.
CREATE SCHEMA IF NOT EXISTS board;

CREATE TABLE board.commentary (
    scope       TEXT NOT NULL,
    month       DATE NOT NULL,
    section     TEXT NOT NULL,
    body        TEXT NOT NULL,
    written_by  TEXT NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (scope, month, section)
);
