-- The live rollups' update trigger joined its old and new transition tables by id. PL/pgSQL keeps a statement's plan,
-- and a plan made for a one-row update (a nested loop) rescans the tables for every row of a large update: an
-- UPDATE of 100,000 appeals ran for minutes. The delta of an update is now the old rows counted -1 and the new rows
-- counted +1, without a join: a row whose counted columns did not change lands in the same buckets with -1 and +1,
-- and buckets whose sums come to zero are left alone (HAVING), so a status change still touches no bucket and locks
-- none. The template and the three generated functions of 0013 are replaced with this.

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
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date, channel_id, district_id, area_id, sum(sign)
            FROM delta GROUP BY 1, 2, 3, 4
            HAVING sum(sign) <> 0
            ON CONFLICT (day, channel_id, district_id, area_id) DO UPDATE SET created = r.created + excluded.created),
        daily_types AS (
            INSERT INTO live_daily_types AS r (day, service_type_id, created)
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date, service_type_id, sum(sign)
            FROM delta GROUP BY 1, 2
            HAVING sum(sign) <> 0
            ON CONFLICT (day, service_type_id) DO UPDATE SET created = r.created + excluded.created)
        INSERT INTO live_answers AS r (resolved, received, n)
        SELECT (resolved_at AT TIME ZONE 'Asia/Almaty')::date, (created_at AT TIME ZONE 'Asia/Almaty')::date, sum(sign)
        FROM delta WHERE resolved_at IS NOT NULL AND NOT first_contact_resolved GROUP BY 1, 2
        HAVING sum(sign) <> 0
        ON CONFLICT (resolved, received) DO UPDATE SET n = r.n + excluded.n
        $sql$, delta)
$$;

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
