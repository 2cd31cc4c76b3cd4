CREATE OR REPLACE FUNCTION record_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_id bigint;
BEGIN
    -- One row per statement on a table of the project office or the KPI model (the kind is the trigger's argument):
    -- open pages of that kind read again; a node whose LISTEN was down replays it like any other change.
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    VALUES (TG_ARGV[0], 0, 0, 0, 0)
    RETURNING id INTO change_id;
    PERFORM pg_notify('city_changes', json_build_object(
        'id', change_id, 'kind', TG_ARGV[0], 'rows', 0, 'first_id', 0, 'last_id', 0, 'critical', 0,
        'table', TG_TABLE_NAME)::text);
    RETURN NULL;
END;
$$;
