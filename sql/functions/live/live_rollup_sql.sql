CREATE OR REPLACE FUNCTION live_rollup_sql(delta text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT format($sql$
        WITH delta AS MATERIALIZED (%s),
        hourly AS (
            INSERT INTO live_hourly AS r (hour, created, fcr)
            SELECT date_bin('1 hour', created_at, timestamptz '2000-01-01 00:00+00'), sum(sign), sum(sign * first_contact_resolved::int)
            FROM delta GROUP BY 1
            HAVING sum(sign) <> 0 OR sum(sign * first_contact_resolved::int) <> 0
            ON CONFLICT (hour) DO UPDATE SET created = r.created + excluded.created, fcr = r.fcr + excluded.fcr),
        daily AS (
            INSERT INTO live_daily AS r (day, channel_id, district_id, area_id, created)
            SELECT (created_at AT TIME ZONE city_zone())::date, channel_id, district_id, area_id, sum(sign)
            FROM delta GROUP BY 1, 2, 3, 4
            HAVING sum(sign) <> 0
            ON CONFLICT (day, channel_id, district_id, area_id) DO UPDATE SET created = r.created + excluded.created),
        daily_types AS (
            INSERT INTO live_daily_types AS r (day, service_type_id, created)
            SELECT (created_at AT TIME ZONE city_zone())::date, service_type_id, sum(sign)
            FROM delta GROUP BY 1, 2
            HAVING sum(sign) <> 0
            ON CONFLICT (day, service_type_id) DO UPDATE SET created = r.created + excluded.created)
        INSERT INTO live_answers AS r (resolved, received, n)
        SELECT (resolved_at AT TIME ZONE city_zone())::date, (created_at AT TIME ZONE city_zone())::date, sum(sign)
        FROM delta WHERE resolved_at IS NOT NULL AND NOT first_contact_resolved GROUP BY 1, 2
        HAVING sum(sign) <> 0
        ON CONFLICT (resolved, received) DO UPDATE SET n = r.n + excluded.n
        $sql$, delta)
$$;
