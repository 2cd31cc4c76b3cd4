-- The change feed: every statement that adds or changes appeals leaves one row here and one NOTIFY carrying its
-- key. App nodes LISTEN on 'city_changes'; a node that lost its connection catches up from the last id it saw.
-- Statement-level triggers with transition tables: one row per statement, not per appeal, so bulk loads stay fast.

CREATE TABLE appeal_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    kind         text NOT NULL CHECK (kind IN ('insert', 'update')),
    rows         integer NOT NULL,
    first_id     bigint NOT NULL,
    last_id      bigint NOT NULL,
    critical     integer NOT NULL DEFAULT 0      -- critical appeals among the rows (incidents for the akim's screen)
);

CREATE FUNCTION record_appeal_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change appeal_changes;
BEGIN
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    SELECT lower(TG_OP), count(*), min(id), max(id), count(*) FILTER (WHERE is_critical)
    FROM changed
    HAVING count(*) > 0
    RETURNING * INTO change;
    IF change.id IS NOT NULL THEN
        -- Keys, not rows: the payload stays far below NOTIFY's 8000-byte limit.
        PERFORM pg_notify('city_changes', json_build_object(
            'id', change.id, 'kind', change.kind, 'rows', change.rows, 'first_id', change.first_id,
            'last_id', change.last_id, 'critical', change.critical)::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER appeals_inserted AFTER INSERT ON appeals
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION record_appeal_changes();
CREATE TRIGGER appeals_updated AFTER UPDATE ON appeals
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION record_appeal_changes();
