-- Limits on public endpoints (Bucket4j token buckets), shared by every instance of the application.
-- One row per client and limit; a bucket's row expires once it has refilled, and a job removes it.
CREATE SCHEMA IF NOT EXISTS limits;

CREATE TABLE limits.bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX bucket_expires_at_idx ON limits.bucket (expires_at);
