-- Spring Modulith's JDBC event publication registry (schema v2), in its own schema.
-- Completion mode ARCHIVE: completed publications move to the archive table (see docs/adr/0002).
CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON events.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON events.event_publication (completion_date);

CREATE TABLE events.event_publication_archive (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_archive_serialized_event_hash_idx ON events.event_publication_archive USING hash (serialized_event);
CREATE INDEX event_publication_archive_by_completion_date_idx ON events.event_publication_archive (completion_date);
