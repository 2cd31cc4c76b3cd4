-- Rescores groups into mining_candidates: all of them (full) or those in touched_groups.
CREATE OR REPLACE FUNCTION mining_find_candidates(full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    city_total double precision;
    latest_week date;
    history_weeks integer;
    found integer;
BEGIN
    SELECT sum(appeals) INTO city_total FROM mining_place_totals WHERE level = 2;
    SELECT max(week), (max(week) - min(week)) / 7 + 1 INTO latest_week, history_weeks FROM mining_type_weekly;
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
    -- Under a year of history (mining_history_weeks) a rise over the 8 weeks before may be the season coming (the
    -- first winter in the data), and before 16 weeks those weeks are not in the data at all: no growth and no
    -- "emerging" is claimed then (the previous 8 weeks taken as equal to the last 8), and the pages say so.
    IF history_weeks < mining_history_weeks() THEN
        UPDATE mining_candidates c SET previous_8w = greatest(c.previous_8w, c.recent_8w)
        WHERE full_run OR (c.level, c.service_type_id, c.place) IN (SELECT level, service_type_id, place FROM touched_groups);
    END IF;
    RETURN found;
END;
$$;
