-- The audit log: who did what to which thing, when and from where. Append-only: rows are only ever inserted (the
-- trigger refuses UPDATE, DELETE and TRUNCATE for every role but a superuser that disables it on purpose), so the
-- akimat can answer "who changed this" years later. Details are the act's own facts (old and new status, the rows
-- exported, the file imported), never a resident's personal data.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT city_now(),
    actor         text NOT NULL,            -- a login; 'system:<job>' for jobs; 'api:<client>' for API keys; 'anonymous'
    actor_role    text,
    address       inet,
    action        text NOT NULL,            -- 'sign_in.success', 'appeal.status', 'export.appeals', ... (AuditActions)
    subject_kind  text,                     -- 'appeal', 'problem', 'user', 'import', ...
    subject_id    text,
    details       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Who acted on an appeal: every status event names its actor (a login, 'system:<job>' or 'api:<client>').
ALTER TABLE appeal_events ADD COLUMN actor text;
