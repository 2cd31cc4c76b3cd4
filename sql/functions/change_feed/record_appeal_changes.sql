CREATE OR REPLACE FUNCTION record_appeal_changes() RETURNS trigger LANGUAGE plpgsql AS $$
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
