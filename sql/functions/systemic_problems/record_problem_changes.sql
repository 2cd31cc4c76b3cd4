CREATE OR REPLACE FUNCTION record_problem_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change appeal_changes;
BEGIN
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    SELECT 'problems', count(*), min(id), max(id), 0 FROM changed
    HAVING count(*) > 0
    RETURNING * INTO change;
    IF change.id IS NOT NULL THEN
        PERFORM pg_notify('city_changes', json_build_object(
            'id', change.id, 'kind', change.kind, 'rows', change.rows, 'first_id', change.first_id,
            'last_id', change.last_id, 'critical', 0)::text);
    END IF;
    RETURN NULL;
END;
$$;
