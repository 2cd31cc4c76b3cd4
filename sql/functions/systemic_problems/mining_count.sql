-- Recounts the weekly tables: everything (full) or only appeals past the watermark. Returns the weekly counts
-- written (full) or the groups touched (incremental).
CREATE OR REPLACE FUNCTION mining_count(full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    from_id bigint;
    to_id bigint;
    touched integer;
BEGIN
    SELECT CASE WHEN full_run THEN 0 ELSE watermark END INTO from_id FROM mining_state FOR UPDATE;
    SELECT coalesce(max(id), 0) INTO to_id FROM appeals;
    IF full_run THEN
        -- A full recount loads into empty tables and builds their keys once, after the load (faster than upserts).
        TRUNCATE mining_weekly, mining_type_weekly, mining_place_totals;
        ALTER TABLE mining_weekly DROP CONSTRAINT mining_weekly_pkey;
        INSERT INTO mining_weekly
        SELECT l.level, a.service_type_id, mining_place(l.level, a.lat, a.lon),
               date_trunc('week', a.created_at AT TIME ZONE city_zone())::date, count(*)::integer
        FROM appeals a
        CROSS JOIN (VALUES (1::smallint), (2::smallint), (3::smallint)) AS l (level)
        WHERE a.id <= to_id AND a.lat IS NOT NULL AND a.duplicate_of IS NULL
        GROUP BY 1, 2, 3, 4;
        GET DIAGNOSTICS touched = ROW_COUNT;
        ALTER TABLE mining_weekly ADD CONSTRAINT mining_weekly_pkey PRIMARY KEY (level, service_type_id, place, week);
        INSERT INTO mining_type_weekly SELECT service_type_id, week, sum(appeals) FROM mining_weekly WHERE level = 2 GROUP BY 1, 2;
        INSERT INTO mining_place_totals SELECT level, place, sum(appeals) FROM mining_weekly GROUP BY 1, 2;
        ANALYZE mining_weekly, mining_type_weekly, mining_place_totals;
        CREATE TEMP TABLE touched_groups (level smallint, service_type_id integer, place bigint) ON COMMIT DROP;
    ELSE
        CREATE TEMP TABLE new_weekly ON COMMIT DROP AS
        SELECT l.level, a.service_type_id, mining_place(l.level, a.lat, a.lon) AS place,
               date_trunc('week', a.created_at AT TIME ZONE city_zone())::date AS week, count(*)::integer AS appeals
        FROM appeals a
        CROSS JOIN (VALUES (1::smallint), (2::smallint), (3::smallint)) AS l (level)
        WHERE a.id > from_id AND a.id <= to_id AND a.lat IS NOT NULL AND a.duplicate_of IS NULL
        GROUP BY 1, 2, 3, 4;
        INSERT INTO mining_weekly AS w SELECT * FROM new_weekly
        ON CONFLICT (level, service_type_id, place, week) DO UPDATE SET appeals = w.appeals + excluded.appeals;
        INSERT INTO mining_type_weekly AS t
        SELECT service_type_id, week, sum(appeals) FROM new_weekly WHERE level = 2 GROUP BY 1, 2
        ON CONFLICT (service_type_id, week) DO UPDATE SET appeals = t.appeals + excluded.appeals;
        INSERT INTO mining_place_totals AS p
        SELECT level, place, sum(appeals) FROM new_weekly GROUP BY 1, 2
        ON CONFLICT (level, place) DO UPDATE SET appeals = p.appeals + excluded.appeals;
        CREATE TEMP TABLE touched_groups ON COMMIT DROP AS SELECT DISTINCT level, service_type_id, place FROM new_weekly;
        ANALYZE touched_groups;
        SELECT count(*) INTO touched FROM touched_groups;
    END IF;
    UPDATE mining_state SET watermark = to_id, last_run_at = now(),
                            last_full_at = CASE WHEN full_run THEN now() ELSE last_full_at END;
    RETURN touched;
END;
$$;
