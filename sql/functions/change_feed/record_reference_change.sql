CREATE OR REPLACE FUNCTION record_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_id bigint;
BEGIN
    -- One row per statement, whatever it touched: every node drops its reference copy and reads it again.
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    VALUES ('reference', 0, 0, 0, 0)
    RETURNING id INTO change_id;
    PERFORM pg_notify('city_changes', json_build_object(
        'id', change_id, 'kind', 'reference', 'rows', 0, 'first_id', 0, 'last_id', 0, 'critical', 0,
        'table', TG_TABLE_NAME)::text);
    RETURN NULL;
END;
$$;
