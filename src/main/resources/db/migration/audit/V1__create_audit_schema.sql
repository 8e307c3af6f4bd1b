CREATE SCHEMA IF NOT EXISTS audit;

-- Append-only: rows are added, never changed or removed (retention is applied by a separate,
-- audited job that archives whole months, issue 7).
CREATE TABLE audit.entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    actor           TEXT NOT NULL,
    actor_roles     TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    hub_id          TEXT,
    reason          TEXT,
    source_address  TEXT,
    details         TEXT
);
CREATE INDEX entry_record_idx ON audit.entry (record_type, record_id, at);
CREATE INDEX entry_actor_idx ON audit.entry (actor, at);
CREATE INDEX entry_at_idx ON audit.entry (at);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries cannot be changed or removed' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER entry_is_append_only BEFORE UPDATE OR DELETE ON audit.entry
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_cannot_be_truncated BEFORE TRUNCATE ON audit.entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit.entry FROM PUBLIC;
