-- The partnership's audit framework: the standards case files are audited against. Each version
-- is kept as it was published, so that an audit keeps the version it used.
CREATE SCHEMA IF NOT EXISTS quality;

CREATE TABLE quality.framework_version (
    version       INTEGER PRIMARY KEY,
    note          TEXT NOT NULL,
    published_by  TEXT NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE quality.framework_domain (
    version               INTEGER NOT NULL REFERENCES quality.framework_version (version),
    position              INTEGER NOT NULL,
    name                  TEXT NOT NULL,
    question              TEXT NOT NULL,
    outstanding           TEXT NOT NULL,
    good                  TEXT NOT NULL,
    requires_improvement  TEXT NOT NULL,
    inadequate            TEXT NOT NULL,
    PRIMARY KEY (version, position),
    UNIQUE (version, name)
);
