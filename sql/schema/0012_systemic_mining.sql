-- Mining of systemic problems: weekly counts of appeals by service type and place, the problems' stable identity,
-- their lifecycle history, and the mining function itself (set-based; docs in Features/SystemicProblems/README.md).
--
-- A place is one of three kinds (level): 1 a building (appeals of one building share its coordinates), 2 and 3 a
-- cell of about 600 x 600 m on two grids shifted by half a cell, so a street segment or a yard cluster falls mostly
-- inside one cell of one grid. Districts are only a roll-up.

ALTER TABLE appeals ADD COLUMN systemic_problem_id bigint;
CREATE INDEX appeals_systemic_problem_idx ON appeals (systemic_problem_id) WHERE systemic_problem_id IS NOT NULL;

CREATE FUNCTION mining_place(level smallint, lat double precision, lon double precision) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE level
        WHEN 1 THEN round(lat * 100000)::bigint * 100000000 + round(lon * 100000)::bigint
        WHEN 2 THEN floor(lat / 0.0054)::bigint * 1000000 + floor(lon / 0.0086)::bigint
        ELSE floor(lat / 0.0054 + 0.5)::bigint * 1000000 + floor(lon / 0.0086 + 0.5)::bigint
    END
$$;

-- The counting tables are derived data, rebuilt by a full run: unlogged (no WAL, several times faster to load).
-- After a crash PostgreSQL empties them, and the next run sees that and counts everything again.

-- Appeals per week (Monday, Astana time) by kind of place, service type and place; kept incrementally.
CREATE UNLOGGED TABLE mining_weekly (
    level            smallint NOT NULL,
    service_type_id  integer NOT NULL,
    place            bigint NOT NULL,
    week             date NOT NULL,
    appeals          integer NOT NULL,
    PRIMARY KEY (level, service_type_id, place, week)
);

-- The city's appeals per service type and week: the seasonal baseline every place is judged against.
CREATE UNLOGGED TABLE mining_type_weekly (
    service_type_id  integer NOT NULL,
    week             date NOT NULL,
    appeals          integer NOT NULL,
    PRIMARY KEY (service_type_id, week)
);

-- All appeals of a place (any type): its share of the city, which scales the city's baseline down to it.
CREATE UNLOGGED TABLE mining_place_totals (
    level    smallint NOT NULL,
    place    bigint NOT NULL,
    appeals  bigint NOT NULL,
    PRIMARY KEY (level, place)
);

-- Groups that recur above their baseline in at least 6 distinct weeks: the candidates a run ranks.
CREATE UNLOGGED TABLE mining_candidates (
    level            smallint NOT NULL,
    service_type_id  integer NOT NULL,
    place            bigint NOT NULL,
    appeals          integer NOT NULL,
    expected         double precision NOT NULL,
    excess_weeks     integer NOT NULL,
    first_week       date NOT NULL,
    last_week        date NOT NULL,
    recent_8w        integer NOT NULL,
    previous_8w      integer NOT NULL,
    recent_expected  double precision NOT NULL,
    expected_total   double precision NOT NULL,
    PRIMARY KEY (level, service_type_id, place)
);

CREATE TABLE mining_state (
    id            smallint PRIMARY KEY CHECK (id = 1),
    watermark     bigint NOT NULL,            -- the last appeal id counted in mining_weekly
    last_full_at  timestamptz,
    last_run_at   timestamptz
);
INSERT INTO mining_state VALUES (1, 0, NULL, NULL);

ALTER TABLE systemic_problems
    ADD COLUMN level smallint,
    ADD COLUMN place bigint,
    ADD COLUMN is_current boolean NOT NULL DEFAULT true,      -- found by the latest run
    ADD COLUMN is_emerging boolean NOT NULL DEFAULT false,
    ADD COLUMN excess_weeks integer NOT NULL DEFAULT 0,
    ADD COLUMN expected numeric(10, 2) NOT NULL DEFAULT 0,
    ADD COLUMN citizens integer NOT NULL DEFAULT 0,
    ADD COLUMN recurrence_parts jsonb,
    ADD COLUMN resonance_parts jsonb,
    ADD COLUMN criticality_parts jsonb,
    ADD COLUMN merged_into bigint REFERENCES systemic_problems (id),
    ADD COLUMN dismissed_reason text,
    ADD COLUMN root_cause text,
    ADD COLUMN measures text,
    ADD COLUMN worked_out_at timestamptz,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX systemic_problems_group_idx ON systemic_problems (level, service_type_id, place);

-- Everything that happened to a problem: found, rescored in a notable way, merged, each lifecycle step.
CREATE TABLE systemic_problem_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    problem_id  bigint NOT NULL REFERENCES systemic_problems (id),
    at          timestamptz NOT NULL DEFAULT now(),
    kind        text NOT NULL,                 -- a status, or 'merged' / 'split'
    actor       text NOT NULL,                 -- 'mining' or the user
    note        text
);
CREATE INDEX systemic_problem_events_problem_idx ON systemic_problem_events (problem_id, at);

-- Panels learn of mining runs and lifecycle steps through the change feed, as of appeals: one row in appeal_changes
-- per statement (kind 'problems', ids of the problems changed) and the same NOTIFY, so a node that missed it catches up.
ALTER TABLE appeal_changes DROP CONSTRAINT appeal_changes_kind_check,
    ADD CONSTRAINT appeal_changes_kind_check CHECK (kind IN ('insert', 'update', 'problems'));

CREATE FUNCTION record_problem_changes() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER systemic_problems_inserted AFTER INSERT ON systemic_problems
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION record_problem_changes();
CREATE TRIGGER systemic_problems_updated AFTER UPDATE ON systemic_problems
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION record_problem_changes();

-- Weekly threshold of an excess week: a count that a Poisson baseline of e reaches with less than ~1 %
-- probability (e + 2.33 sqrt(e) + 0.5, checked against the exact tail for e up to 5).
CREATE FUNCTION mining_threshold(e double precision) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(1, ceil(e + 2.33 * sqrt(e) + 0.5))::integer
$$;

-- Recounts the weekly tables: everything (full) or only appeals past the watermark. Returns the weekly counts
-- written (full) or the groups touched (incremental).
CREATE FUNCTION mining_count(full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
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
               date_trunc('week', a.created_at AT TIME ZONE 'Asia/Almaty')::date, count(*)::integer
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
               date_trunc('week', a.created_at AT TIME ZONE 'Asia/Almaty')::date AS week, count(*)::integer AS appeals
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

-- Rescores groups into mining_candidates: all of them (full) or those in touched_groups.
CREATE FUNCTION mining_find_candidates(full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    city_total double precision;
    latest_week date;
    found integer;
BEGIN
    SELECT sum(appeals) INTO city_total FROM mining_place_totals WHERE level = 2;
    SELECT max(week) INTO latest_week FROM mining_type_weekly;
    IF full_run THEN
        TRUNCATE mining_candidates;
    ELSE
        DELETE FROM mining_candidates c USING touched_groups g
        WHERE (c.level, c.service_type_id, c.place) = (g.level, g.service_type_id, g.place);
    END IF;
    -- A group's expected count in a week: the city's count of its type that week times the place's share of
    -- the city's other appeals (so a large building or a dense cell expects more). The city's own winter peak
    -- and growth are in that baseline: a place rising with the city is not a problem.
    CREATE TEMP TABLE type_cum ON COMMIT DROP AS
    SELECT service_type_id, week, sum(appeals) OVER (PARTITION BY service_type_id ORDER BY week) AS cum
    FROM mining_type_weekly;
    ALTER TABLE type_cum ADD PRIMARY KEY (service_type_id, week);
    INSERT INTO mining_candidates
    WITH groups AS (
        -- A cheap first cut before the weekly baseline: 6+ distinct weeks with appeals, 15+ appeals.
        SELECT w.level, w.service_type_id, w.place, sum(w.appeals)::integer AS appeals
        FROM mining_weekly w
        WHERE full_run OR (w.level, w.service_type_id, w.place) IN (SELECT level, service_type_id, place FROM touched_groups)
        GROUP BY 1, 2, 3
        HAVING count(*) >= 6 AND sum(w.appeals) >= 15
    ), shares AS MATERIALIZED (
        SELECT g.*, tt.total AS type_total, greatest(p.appeals - g.appeals, 1) / (city_total - tt.total) AS share
        FROM groups g
        JOIN mining_place_totals p ON (p.level, p.place) = (g.level, g.place)
        JOIN (SELECT service_type_id, sum(appeals)::double precision AS total FROM mining_type_weekly GROUP BY 1) tt
          ON tt.service_type_id = g.service_type_id
        -- above its baseline over the whole period at all (a short problem in a busy place is diluted there)
        WHERE g.appeals >= 1.5 * tt.total * greatest(p.appeals - g.appeals, 1) / (city_total - tt.total)
    ), weeks AS MATERIALIZED (
        SELECT s.level, s.service_type_id, s.place, s.appeals, s.share, s.share * s.type_total AS expected_total, w.week,
               w.appeals AS n, t.appeals * s.share AS e, w.appeals >= mining_threshold(t.appeals * s.share) AS excess
        FROM shares s
        JOIN mining_weekly w ON (w.level, w.service_type_id, w.place) = (s.level, s.service_type_id, s.place)
        JOIN mining_type_weekly t ON (t.service_type_id, t.week) = (w.service_type_id, w.week)
    ), spans AS (
        SELECT level, service_type_id, place, appeals, share, expected_total,
               count(*) FILTER (WHERE excess)::integer AS excess_weeks,
               min(week) FILTER (WHERE excess) AS first_week, max(week) FILTER (WHERE excess) AS last_week,
               coalesce(sum(n) FILTER (WHERE week > latest_week - 56), 0)::integer AS recent_8w,
               coalesce(sum(n) FILTER (WHERE week > latest_week - 112 AND week <= latest_week - 56), 0)::integer AS previous_8w,
               coalesce(sum(e) FILTER (WHERE week > latest_week - 56), 0) AS recent_expected
        FROM weeks
        GROUP BY level, service_type_id, place, appeals, share, expected_total
        HAVING count(*) FILTER (WHERE excess) >= 6
    ), judged AS (
        -- From its first to its last excess week: what came against what the baseline expected in those weeks.
        SELECT s.level, s.service_type_id, s.place, s.appeals, s.expected_total, s.excess_weeks, s.first_week, s.last_week,
               s.recent_8w, s.previous_8w, s.recent_expected, sum(w.n) AS span_appeals,
               s.share * (tl.cum - coalesce(tf.cum, 0)) AS span_expected
        FROM spans s
        JOIN weeks w ON (w.level, w.service_type_id, w.place) = (s.level, s.service_type_id, s.place)
                    AND w.week BETWEEN s.first_week AND s.last_week
        JOIN type_cum tl ON (tl.service_type_id, tl.week) = (s.service_type_id, s.last_week)
        LEFT JOIN LATERAL (SELECT cum FROM type_cum t WHERE t.service_type_id = s.service_type_id AND t.week < s.first_week
                           ORDER BY t.week DESC LIMIT 1) tf ON true
        GROUP BY s.level, s.service_type_id, s.place, s.appeals, s.expected_total, s.excess_weeks, s.first_week, s.last_week,
                 s.recent_8w, s.previous_8w, s.recent_expected, s.share, tl.cum, tf.cum
    )
    SELECT level, service_type_id, place, appeals, span_expected, excess_weeks, first_week, last_week,
           recent_8w, previous_8w, recent_expected, expected_total
    FROM judged
    -- Recurrent (6+ excess weeks), not a trickle (15+ appeals in its span), and clearly above its baseline there:
    -- at least twice the expected count and 5 standard deviations (Poisson) above it.
    WHERE span_appeals >= 15 AND span_appeals >= 2 * span_expected
      AND (span_appeals - span_expected) / sqrt(span_expected + 1) >= 5;
    GET DIAGNOSTICS found = ROW_COUNT;
    RETURN found;
END;
$$;

-- Centre of a place key: the building's own coordinates, or the middle of the cell.
CREATE FUNCTION mining_place_centre(level smallint, place bigint, OUT lat double precision, OUT lon double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE level WHEN 1 THEN (place / 100000000) / 100000.0
                      WHEN 2 THEN (place / 1000000 + 0.5) * 0.0054
                      ELSE (place / 1000000) * 0.0054 END,
           CASE level WHEN 1 THEN (place % 100000000) / 100000.0
                      WHEN 2 THEN (place % 1000000 + 0.5) * 0.0086
                      ELSE (place % 1000000) * 0.0086 END
$$;

-- Distance in metres between two points of the city (equirectangular: exact enough within a few kilometres).
CREATE FUNCTION mining_distance(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 111195 * sqrt((lat1 - lat2) ^ 2 + ((lon1 - lon2) * cos(radians((lat1 + lat2) / 2))) ^ 2)
$$;

-- Turns candidates into ranked problems: one group per problem (a building over the cell around it, the stronger
-- of overlapping cells), the three scores from its appeals, stable ids by (level, type, place), the automatic
-- lifecycle steps, and each member appeal's systemic_problem_id. Returns the number of current problems.
CREATE FUNCTION mining_rank(run_at timestamptz, full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    latest_week date := (SELECT max(week) FROM mining_type_weekly);
    current_count integer;
BEGIN
    CREATE TEMP TABLE cand ON COMMIT DROP AS
    SELECT c.*, (mining_place_centre(c.level, c.place)).*
    FROM mining_candidates c;
    ANALYZE cand;

    -- A cell whose appeals are mostly one building's is that building's problem, not the cell's.
    CREATE TEMP TABLE merged ON COMMIT DROP AS
    SELECT DISTINCT ON (c.level, c.service_type_id, c.place) c.level, c.service_type_id, c.place,
           b.level AS into_level, b.place AS into_place
    FROM cand c JOIN cand b ON b.level = 1 AND b.service_type_id = c.service_type_id
    WHERE c.level > 1 AND mining_place(c.level, b.lat, b.lon) = c.place AND b.appeals * 2 >= c.appeals
    ORDER BY c.level, c.service_type_id, c.place, b.appeals DESC;
    DELETE FROM cand c USING merged m WHERE (c.level, c.service_type_id, c.place) = (m.level, m.service_type_id, m.place);

    -- Overlapping groups of one type are one problem: the strongest stands for it, the others merge into it.
    INSERT INTO merged
    SELECT DISTINCT ON (c.level, c.service_type_id, c.place) c.level, c.service_type_id, c.place,
           w.level AS into_level, w.place AS into_place
    FROM cand c
    JOIN cand w ON w.service_type_id = c.service_type_id AND (w.level, w.place) <> (c.level, c.place)
               AND mining_distance(c.lat, c.lon, w.lat, w.lon) < 700
               AND (w.excess_weeks, w.appeals, -w.level, w.place) > (c.excess_weeks, c.appeals, -c.level, c.place)
    ORDER BY c.level, c.service_type_id, c.place, w.excess_weeks DESC, w.appeals DESC;
    DELETE FROM cand c USING merged m WHERE (c.level, c.service_type_id, c.place) = (m.level, m.service_type_id, m.place);

    -- Member appeals: the group's appeals from its first to its last excess week (duplicates included: they are
    -- part of the resonance).
    CREATE TEMP TABLE members ON COMMIT DROP AS
    SELECT c.level, c.place, a.id, a.service_type_id, a.area_id, a.district_id, a.department_id, a.organisation_id,
           a.citizen_id, a.channel_id, a.created_at, a.lat, a.lon, a.address, a.duplicate_of, a.reopened_count,
           a.is_critical
    FROM cand c
    JOIN appeals a ON a.service_type_id = c.service_type_id
                  -- an incremental run rescores only the groups that got new appeals
                  AND (full_run OR (c.level, c.service_type_id, c.place) IN (SELECT level, service_type_id, place FROM touched_groups))
                  AND a.created_at >= (c.first_week::timestamp AT TIME ZONE 'Asia/Almaty')
                  AND a.created_at < ((c.last_week + 7)::timestamp AT TIME ZONE 'Asia/Almaty')
                  AND a.lat IS NOT NULL AND mining_place(c.level, a.lat, a.lon) = c.place;
    ANALYZE members;

    CREATE TEMP TABLE scored ON COMMIT DROP AS
    WITH per_citizen AS MATERIALIZED (
        SELECT level, service_type_id, place, citizen_id, count(*) AS n FROM members GROUP BY 1, 2, 3, 4
    ), resonance AS MATERIALIZED (
        SELECT level, service_type_id, place, count(*)::integer AS citizens,
               coalesce(sum(n) FILTER (WHERE n > 1), 0)::double precision / sum(n) AS repeat_share
        FROM per_citizen GROUP BY 1, 2, 3
    ), facts AS MATERIALIZED (
        SELECT m.level, m.service_type_id, m.place, count(*) AS n, min(m.created_at) AS first_seen, max(m.created_at) AS last_seen,
               avg(m.lat) AS lat, avg(m.lon) AS lon,
               mode() WITHIN GROUP (ORDER BY m.district_id) AS district_id,
               mode() WITHIN GROUP (ORDER BY m.department_id) AS department_id,
               mode() WITHIN GROUP (ORDER BY regexp_replace(m.address, ',\s*(кв|пәтер|apt)\.?\s*\d+.*$', '')) AS address,
               avg((m.duplicate_of IS NOT NULL)::int) AS duplicate_share,
               avg((m.reopened_count > 0)::int) AS reopened_share,
               avg((ch.code = 'social')::int) AS social_share,
               avg(ch.is_digital::int) AS digital_share,
               avg(m.is_critical::int) AS critical_share,
               avg((extract(month FROM m.created_at AT TIME ZONE 'Asia/Almaty') IN (11, 12, 1, 2, 3))::int) AS winter_share
        FROM members m JOIN channels ch ON ch.id = m.channel_id
        GROUP BY 1, 2, 3
    ), parts AS (
        SELECT c.*, f.n, f.first_seen, f.last_seen, f.lat AS mlat, f.lon AS mlon, f.district_id, f.department_id, f.address,
               r.citizens, ar.id AS area_id, ar.code AS area_code, st.name_ru AS type_name,
               -- recurrence
               least(1, c.excess_weeks / 26.0) AS r_weeks,
               c.excess_weeks::double precision / ((c.last_week - c.first_week) / 7 + 1) AS r_regularity,
               least(1, ((c.last_week - c.first_week) / 7 + 1) / 52.0) AS r_duration,
               greatest(0, least(1, (c.recent_8w - c.previous_8w)::double precision / greatest(c.previous_8w, 4))) AS r_growth,
               -- resonance
               least(1, r.citizens / 25.0) AS s_citizens,
               r.repeat_share AS s_repeats,
               least(1, f.duplicate_share * 5) AS s_duplicates,
               least(1, f.reopened_share * 5) AS s_reopened,
               least(1, f.social_share * 5) * 0.5 + f.digital_share * 0.5 AS s_channels,
               -- criticality
               CASE WHEN ar.code IN ('heating', 'water_supply', 'electricity', 'gas', 'sewerage', 'elevators') THEN 1.0
                    WHEN ar.code IN ('public_order', 'emergency_housing', 'snow_ice', 'storm_drainage', 'construction',
                                     'stray_animals', 'roads_sidewalks', 'street_lighting', 'health', 'social_support') THEN 0.6
                    ELSE 0.3 END AS c_area,
               f.winter_share * CASE WHEN ar.code IN ('heating', 'water_supply', 'electricity', 'gas') THEN 1.0 ELSE 0.4 END AS c_winter,
               f.critical_share AS c_critical,
               least(1, r.citizens / 40.0) AS c_many
        FROM cand c
        JOIN facts f USING (level, service_type_id, place)
        JOIN resonance r USING (level, service_type_id, place)
        JOIN service_types st ON st.id = c.service_type_id
        JOIN areas ar ON ar.id = st.area_id
    )
    SELECT p.*,
           0.4 * r_weeks + 0.25 * r_regularity + 0.2 * r_duration + 0.15 * r_growth AS recurrence,
           0.35 * s_citizens + 0.2 * s_repeats + 0.15 * s_duplicates + 0.15 * s_reopened + 0.15 * s_channels AS resonance,
           0.5 * c_area + 0.2 * c_winter + 0.15 * c_critical + 0.15 * c_many AS criticality,
           (first_week > latest_week - 182 AND recent_8w >= 2 * recent_expected + 4 AND recent_8w > previous_8w) AS emerging
    FROM parts p;
    ANALYZE scored;

    -- Stable identity: a group keeps its problem (and id) from run to run.
    CREATE TEMP TABLE upserted ON COMMIT DROP AS
    WITH up AS (
        INSERT INTO systemic_problems AS sp (title, area_id, service_type_id, district_id, address, lat, lon, status,
            department_id, recurrence, resonance, criticality, score, appeals_count, first_seen, last_seen, identified_at,
            level, place, is_current, is_emerging, excess_weeks, expected, citizens, recurrence_parts, resonance_parts,
            criticality_parts, updated_at)
        SELECT type_name || ' · ' || CASE WHEN level = 1 THEN coalesce(address, '') ELSE 'окрестности ' || coalesce(address, '') END,
               area_id, service_type_id, district_id, address, mlat, mlon, 'identified', department_id,
               round(recurrence::numeric, 3), round(resonance::numeric, 3), round(criticality::numeric, 3),
               round((100 * (0.5 * recurrence + 0.25 * resonance + 0.25 * criticality))::numeric, 3),
               n, first_seen, last_seen, run_at, level, place, true, emerging, excess_weeks, round(expected_total::numeric, 2),
               citizens,
               jsonb_build_object('weeks', round(r_weeks::numeric, 3), 'regularity', round(r_regularity::numeric, 3),
                                  'duration', round(r_duration::numeric, 3), 'growth', round(r_growth::numeric, 3)),
               jsonb_build_object('citizens', round(s_citizens::numeric, 3), 'repeats', round(s_repeats::numeric, 3),
                                  'duplicates', round(s_duplicates::numeric, 3), 'reopened', round(s_reopened::numeric, 3),
                                  'channels', round(s_channels::numeric, 3)),
               jsonb_build_object('area', round(c_area::numeric, 3), 'winter', round(c_winter::numeric, 3),
                                  'critical', round(c_critical::numeric, 3), 'many', round(c_many::numeric, 3)),
               run_at
        FROM scored
        ON CONFLICT (level, service_type_id, place) DO UPDATE SET
            district_id = excluded.district_id, address = excluded.address, lat = excluded.lat, lon = excluded.lon,
            recurrence = excluded.recurrence, resonance = excluded.resonance, criticality = excluded.criticality,
            score = excluded.score, appeals_count = excluded.appeals_count, first_seen = excluded.first_seen,
            last_seen = excluded.last_seen, is_current = true, is_emerging = excluded.is_emerging,
            excess_weeks = excluded.excess_weeks, expected = excluded.expected, citizens = excluded.citizens,
            recurrence_parts = excluded.recurrence_parts, resonance_parts = excluded.resonance_parts,
            criticality_parts = excluded.criticality_parts, merged_into = NULL, updated_at = run_at,
            -- Identified, dismissed or merged once, found again: it stays as the analyst left it.
            department_id = coalesce(sp.department_id, excluded.department_id)
        RETURNING sp.id, sp.level, sp.service_type_id, sp.place, sp.status, sp.worked_out_at, (xmax = 0) AS inserted
    )
    SELECT * FROM up;
    ANALYZE upserted;

    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT id, run_at, 'identified', 'mining', NULL FROM upserted WHERE inserted;

    -- Groups that merged into a stronger neighbour: their problem says so and leaves the ranking.
    WITH m AS (
        UPDATE systemic_problems sp SET is_current = false, merged_into = u.id, updated_at = run_at
        FROM merged g JOIN upserted u ON (u.level, u.service_type_id, u.place) = (g.into_level, g.service_type_id, g.into_place)
        WHERE (sp.level, sp.service_type_id, sp.place) = (g.level, g.service_type_id, g.place)
          AND sp.merged_into IS DISTINCT FROM u.id
        RETURNING sp.id, u.id AS into_id
    )
    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT id, run_at, 'merged', 'mining', into_id::text FROM m;

    -- No longer found (in a full run): kept with its history, out of the current ranking.
    UPDATE systemic_problems sp SET is_current = false, updated_at = run_at
    WHERE sp.is_current AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.id = sp.id)
      AND (full_run OR (sp.level, sp.service_type_id, sp.place) IN (SELECT level, service_type_id, place FROM touched_groups));

    -- Worked out, and back above the baseline afterwards: reopened. Quiet for 8 weeks after: verified.
    WITH changed AS (
        UPDATE systemic_problems sp
        SET status = CASE WHEN s.last_week > (sp.worked_out_at AT TIME ZONE 'Asia/Almaty')::date THEN 'reopened' ELSE 'verified' END,
            updated_at = run_at
        FROM systemic_problems sp0 LEFT JOIN scored s USING (level, service_type_id, place)
        WHERE sp.id = sp0.id AND sp.status = 'worked_out'
          AND (s.last_week > (sp.worked_out_at AT TIME ZONE 'Asia/Almaty')::date OR sp.worked_out_at < run_at - interval '8 weeks')
        RETURNING sp.id, sp.status
    )
    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT id, run_at, status, 'mining', NULL FROM changed;

    -- The appeals behind each problem carry its id (the Open311 API and the drill-down read it).
    UPDATE appeals a SET systemic_problem_id = u.id
    FROM members m JOIN upserted u USING (level, service_type_id, place)
    WHERE a.id = m.id AND a.systemic_problem_id IS DISTINCT FROM u.id;

    SELECT count(*) INTO current_count FROM systemic_problems WHERE is_current;
    RETURN current_count;
END;
$$;

-- One mining run in one transaction: count (all appeals, or those past the watermark), find candidates, rank.
CREATE FUNCTION mine_systemic_problems(full_run boolean, run_at timestamptz,
    OUT touched_groups integer, OUT candidates integer, OUT problems integer)
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    -- One run at a time: a second node waits here, then finds little or nothing new.
    PERFORM 1 FROM mining_state FOR UPDATE;
    -- Nothing counted yet, or the unlogged counts were lost in a crash: count everything.
    IF NOT EXISTS (SELECT 1 FROM mining_type_weekly) THEN
        full_run := true;
    END IF;
    touched_groups := mining_count(full_run);
    PERFORM mining_find_candidates(full_run);
    SELECT count(*) INTO candidates FROM mining_candidates;
    problems := mining_rank(run_at, full_run);
END;
$$;
