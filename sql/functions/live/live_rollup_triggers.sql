-- The three statement-trigger functions that keep the live rollups exact, generated from live_rollup_sql: inserted rows
-- count +1, deleted rows -1, and an update counts its old rows -1 and its new rows +1 (no join of the transition tables:
-- a plan made for a one-row update would rescan them for every row of a large one). Needs live_rollup_sql first.
DO $$
DECLARE
    counted constant text := 'created_at, channel_id, district_id, area_id, service_type_id, first_contact_resolved, resolved_at';
BEGIN
    EXECUTE format('CREATE OR REPLACE FUNCTION live_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format('SELECT %s, 1 AS sign FROM new_rows', counted)));
    EXECUTE format('CREATE OR REPLACE FUNCTION live_rollup_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format('SELECT %s, -1 AS sign FROM old_rows', counted)));
    EXECUTE format('CREATE OR REPLACE FUNCTION live_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format('SELECT %1$s, -1 AS sign FROM old_rows UNION ALL SELECT %1$s, 1 FROM new_rows', counted)));
END;
$$;
