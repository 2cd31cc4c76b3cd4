-- Narrow rollups for the akim's live panel, kept exact by statement-level triggers on appeals (DESIGN.md: a panel
-- reads two or three dimensions per day or hour; counting raw appeals of a month costs hundreds of milliseconds at
-- the city's full volume). Every insert, update or delete of appeals adds its signed difference to the buckets it
-- touches, in the same transaction, so the rollups never disagree with the appeals. Open and overdue counts stay
-- on the partial index of open appeals: they depend on the clock, not only on the rows.

-- Appeals created per hour, and how many of them were resolved at the first contact.
CREATE TABLE live_hourly (
    hour    timestamptz PRIMARY KEY,
    created integer NOT NULL,
    fcr     integer NOT NULL
);

-- Appeals created per Astana day by channel, district and area of life.
CREATE TABLE live_daily (
    day         date NOT NULL,
    channel_id  smallint NOT NULL,
    district_id smallint NOT NULL,
    area_id     smallint NOT NULL,
    created     integer NOT NULL,
    PRIMARY KEY (day, channel_id, district_id, area_id)
);

-- Appeals created per Astana day by service type (the panel's "topics right now").
CREATE TABLE live_daily_types (
    day             date NOT NULL,
    service_type_id integer NOT NULL,
    created         integer NOT NULL,
    PRIMARY KEY (day, service_type_id)
);

-- Appeals resolved after the first contact, by Astana day received and day resolved: the answer time in working
-- days is a function of the two dates, so a month's average reads a few hundred pairs instead of every appeal.
CREATE TABLE live_answers (
    resolved date NOT NULL,
    received date NOT NULL,
    n        integer NOT NULL,
    PRIMARY KEY (resolved, received)
);

-- Working days after `received` up to and including `resolved`: weekdays that are not public holidays.
CREATE FUNCTION working_days_between(received date, resolved date) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT count(*)::int FROM generate_series(received + 1, resolved, interval '1 day') d
    WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT day FROM holidays)
$$;

-- The statement that adds the signed rows of `delta` (a query with the columns created_at, channel_id, district_id,
-- area_id, service_type_id, first_contact_resolved, resolved_at, sign) to the rollups. It runs in the trigger
-- functions themselves: transition tables are visible to a trigger function's own statements only.
CREATE FUNCTION live_rollup_sql(delta text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT format($sql$
        WITH delta AS (%s),
        hourly AS (
            INSERT INTO live_hourly AS r (hour, created, fcr)
            SELECT date_bin('1 hour', created_at, timestamptz '2000-01-01 00:00+00'), sum(sign), sum(sign * first_contact_resolved::int)
            FROM delta GROUP BY 1
            ON CONFLICT (hour) DO UPDATE SET created = r.created + excluded.created, fcr = r.fcr + excluded.fcr),
        daily AS (
            INSERT INTO live_daily AS r (day, channel_id, district_id, area_id, created)
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date, channel_id, district_id, area_id, sum(sign)
            FROM delta GROUP BY 1, 2, 3, 4
            ON CONFLICT (day, channel_id, district_id, area_id) DO UPDATE SET created = r.created + excluded.created),
        daily_types AS (
            INSERT INTO live_daily_types AS r (day, service_type_id, created)
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date, service_type_id, sum(sign)
            FROM delta GROUP BY 1, 2
            ON CONFLICT (day, service_type_id) DO UPDATE SET created = r.created + excluded.created)
        INSERT INTO live_answers AS r (resolved, received, n)
        SELECT (resolved_at AT TIME ZONE 'Asia/Almaty')::date, (created_at AT TIME ZONE 'Asia/Almaty')::date, sum(sign)
        FROM delta WHERE resolved_at IS NOT NULL AND NOT first_contact_resolved GROUP BY 1, 2
        ON CONFLICT (resolved, received) DO UPDATE SET n = r.n + excluded.n
        $sql$, delta)
$$;

-- One trigger function per kind of change, each generated from the template above with its delta: their statements
-- are static, so PostgreSQL plans them once per session (an EXECUTE per statement was planned anew every time and
-- cost most of an appeal's insert).
DO $$
DECLARE
    counted constant text := 'created_at, channel_id, district_id, area_id, service_type_id, first_contact_resolved, resolved_at';
BEGIN
    EXECUTE format('CREATE FUNCTION live_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format('SELECT %s, 1 AS sign FROM new_rows', counted)));
    EXECUTE format('CREATE FUNCTION live_rollup_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format('SELECT %s, -1 AS sign FROM old_rows', counted)));
    -- Only rows whose counted columns changed: a status change alone touches no bucket (and locks none).
    EXECUTE format('CREATE FUNCTION live_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN %s; RETURN NULL; END $fn$',
        live_rollup_sql(format($delta$
            SELECT x.* FROM old_rows o JOIN new_rows n USING (id),
            LATERAL (VALUES (o.created_at, o.channel_id, o.district_id, o.area_id, o.service_type_id, o.first_contact_resolved, o.resolved_at, -1),
                            (n.created_at, n.channel_id, n.district_id, n.area_id, n.service_type_id, n.first_contact_resolved, n.resolved_at, 1))
                    x(%s, sign)
            WHERE (o.created_at, o.channel_id, o.district_id, o.area_id, o.service_type_id, o.first_contact_resolved, o.resolved_at)
                  IS DISTINCT FROM (n.created_at, n.channel_id, n.district_id, n.area_id, n.service_type_id, n.first_contact_resolved, n.resolved_at)
            $delta$, counted)));
END;
$$;

CREATE TRIGGER appeals_rollup_inserted AFTER INSERT ON appeals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_rollup_inserted();
CREATE TRIGGER appeals_rollup_updated AFTER UPDATE ON appeals
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_rollup_updated();
CREATE TRIGGER appeals_rollup_deleted AFTER DELETE ON appeals
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_rollup_deleted();

-- Recounts the rollups from the appeals (after this migration, and as a repair).
CREATE FUNCTION rebuild_live_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE appeals IN SHARE MODE;
    TRUNCATE live_hourly, live_daily, live_daily_types, live_answers;
    EXECUTE live_rollup_sql('SELECT created_at, channel_id, district_id, area_id, service_type_id, first_contact_resolved, resolved_at, 1 AS sign FROM appeals');
END;
$$;

SELECT rebuild_live_rollups();

-- Open critical incidents (the city status level) without visiting every open appeal.
CREATE INDEX appeals_open_critical_idx ON appeals (created_at)
    WHERE status NOT IN ('resolved', 'closed') AND is_critical AND duplicate_of IS NULL;
