-- A tamper-evident trail: each entry, once it has settled, is sealed with a hash of its contents
-- chained to the hash of the entry sealed before it. Editing, removing or reordering an entry,
-- even as the owner with the triggers switched off, breaks the chain at that entry.
CREATE TABLE audit.seal (
    position   BIGINT PRIMARY KEY,
    entry_id   BIGINT NOT NULL UNIQUE REFERENCES audit.entry (id),
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    sealed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER seal_is_append_only BEFORE UPDATE OR DELETE ON audit.seal
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER seal_cannot_be_truncated BEFORE TRUNCATE ON audit.seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit.seal FROM PUBLIC;
