-- The reference data (districts, areas, channels, departments, service types, holidays) is cached on every node
-- (Platform/City/CityReference). Any statement on those tables leaves one 'reference' row in appeal_changes and the
-- same NOTIFY as appeals do, so every node drops its copy at once, and a node whose LISTEN was down replays it.
ALTER TABLE appeal_changes DROP CONSTRAINT appeal_changes_kind_check,
    ADD CONSTRAINT appeal_changes_kind_check CHECK (kind IN ('insert', 'update', 'problems', 'reference'));

-- The current body lives in sql/functions/change_feed/record_reference_change.sql.
CREATE FUNCTION record_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_id bigint;
BEGIN
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    VALUES ('reference', 0, 0, 0, 0)
    RETURNING id INTO change_id;
    PERFORM pg_notify('city_changes', json_build_object(
        'id', change_id, 'kind', 'reference', 'rows', 0, 'first_id', 0, 'last_id', 0, 'critical', 0,
        'table', TG_TABLE_NAME)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER districts_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON districts
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER areas_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER channels_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER departments_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER service_types_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_types
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER holidays_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
