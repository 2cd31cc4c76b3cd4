CREATE OR REPLACE FUNCTION mining_rank(run_at timestamptz, full_run boolean) RETURNS integer LANGUAGE plpgsql AS $$
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

    -- The standing groups this run scores: all of them (full), or those with new appeals and the standing groups of
    -- their type within 1.5 km (twice the overlap distance and more): a neighbour's new appeals are what make a
    -- problem merge, move or split.
    CREATE TEMP TABLE rescored ON COMMIT DROP AS
    SELECT c.level, c.service_type_id, c.place
    FROM cand c
    WHERE full_run OR EXISTS (
        SELECT 1 FROM touched_groups t CROSS JOIN LATERAL mining_place_centre(t.level, t.place) tc
        WHERE t.service_type_id = c.service_type_id AND mining_distance(c.lat, c.lon, tc.lat, tc.lon) < 1500);
    ANALYZE rescored;

    CREATE TEMP TABLE vulnerable_types ON COMMIT DROP AS
    SELECT DISTINCT st.id FROM service_types st JOIN vulnerable_service_types v ON st.code LIKE v.code_pattern;

    -- Member appeals: the group's appeals from its first to its last excess week (duplicates included: they are
    -- part of the resonance), with the problem the last run gave each of them, and whether it concerns vulnerable
    -- residents (its type serves them, or its text names them: the expression runs only where the stored words let it).
    CREATE TEMP TABLE members ON COMMIT DROP AS
    SELECT c.level, c.place, a.id, a.service_type_id, a.area_id, a.district_id, a.department_id, a.organisation_id,
           a.citizen_id, a.channel_id, a.created_at, a.lat, a.lon, a.address, a.duplicate_of, a.reopened_count,
           a.is_critical, a.systemic_problem_id AS problem_id,
           (a.service_type_id IN (SELECT id FROM vulnerable_types)
            OR a.search @@ vulnerable_residents_words() AND mentions_vulnerable_residents(a.description)) AS vulnerable
    FROM cand c
    JOIN rescored r USING (level, service_type_id, place)
    JOIN appeals a ON a.service_type_id = c.service_type_id
                  AND a.created_at >= (c.first_week::timestamp AT TIME ZONE city_zone())
                  AND a.created_at < ((c.last_week + 7)::timestamp AT TIME ZONE city_zone())
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
               avg((extract(month FROM m.created_at AT TIME ZONE city_zone()) IN (11, 12, 1, 2, 3))::int) AS winter_share,
               avg(m.vulnerable::int) AS vulnerable_share
        FROM members m JOIN channels ch ON ch.id = m.channel_id
        GROUP BY 1, 2, 3
    ), reach AS MATERIALIZED (
        -- The reach (reactions and reposts) of the social posts about the group: of its type at its place while it
        -- recurred, and those linked to its problem by their words or by hand (Features/Social).
        SELECT level, service_type_id, place, sum(reactions + reposts)::double precision AS reach
        FROM (SELECT c.level, c.service_type_id, c.place, sp.id, sp.reactions, sp.reposts
              FROM cand c JOIN rescored USING (level, service_type_id, place)
              JOIN social_posts sp ON sp.service_type_id = c.service_type_id AND sp.lat IS NOT NULL
                                  AND sp.posted_at >= (c.first_week::timestamp AT TIME ZONE city_zone())
                                  AND sp.posted_at < ((c.last_week + 7)::timestamp AT TIME ZONE city_zone())
              WHERE mining_place(c.level, sp.lat, sp.lon) = c.place
              UNION
              SELECT c.level, c.service_type_id, c.place, sp.id, sp.reactions, sp.reposts
              FROM cand c JOIN rescored USING (level, service_type_id, place)
              JOIN systemic_problems pr ON (pr.level, pr.service_type_id, pr.place) = (c.level, c.service_type_id, c.place)
              JOIN social_post_links l ON l.target_kind = 'problem' AND l.target_id = pr.id AND NOT l.removed
              JOIN social_posts sp ON sp.id = l.post_id) posts
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
               -- log-scaled: a few hundred reactions already count, 20,000 and more count fully
               least(1, ln(1 + coalesce(rc.reach, 0)) / ln(20001)) AS s_reach,
               -- criticality: life support 1.0, safety 0.6 (health and social support no longer stand in for vulnerable
               -- residents here: the appeals that concern them count in c_vulnerable, threats to life in c_critical)
               CASE WHEN ar.code IN ('heating', 'water_supply', 'electricity', 'gas', 'sewerage', 'elevators') THEN 1.0
                    WHEN ar.code IN ('public_order', 'emergency_housing', 'snow_ice', 'storm_drainage', 'construction',
                                     'stray_animals', 'roads_sidewalks', 'street_lighting') THEN 0.6
                    ELSE 0.3 END AS c_area,
               f.winter_share * CASE WHEN ar.code IN ('heating', 'water_supply', 'electricity', 'gas') THEN 1.0 ELSE 0.4 END AS c_winter,
               f.critical_share AS c_critical,
               f.vulnerable_share AS c_vulnerable,
               least(1, r.citizens / 40.0) AS c_many
        FROM cand c
        JOIN facts f USING (level, service_type_id, place)
        JOIN resonance r USING (level, service_type_id, place)
        LEFT JOIN reach rc USING (level, service_type_id, place)
        JOIN service_types st ON st.id = c.service_type_id
        JOIN areas ar ON ar.id = st.area_id
    )
    SELECT p.*,
           type_name || ' · ' || CASE WHEN level = 1 THEN coalesce(address, '') ELSE 'окрестности ' || coalesce(address, '') END AS title,
           0.4 * r_weeks + 0.25 * r_regularity + 0.2 * r_duration + 0.15 * r_growth AS recurrence,
           -- the posts' reach closes up to 0.3 of the gap the appeals leave to 1: without posts the appeals' resonance
           (0.35 * s_citizens + 0.2 * s_repeats + 0.15 * s_duplicates + 0.15 * s_reopened + 0.15 * s_channels) * (1 - 0.3 * s_reach)
               + 0.3 * s_reach AS resonance,
           0.4 * c_area + 0.15 * c_winter + 0.15 * c_critical + 0.15 * c_vulnerable + 0.15 * c_many AS criticality,
           (first_week > latest_week - 182 AND recent_8w >= 2 * recent_expected + 4 AND recent_8w > previous_8w) AS emerging
    FROM parts p;
    ANALYZE scored;

    -- Where the earlier problems' appeals are now: per scored group, how many appeals of which earlier problem (of the
    -- group's type) it holds; whether that problem still stands on its own group; who is keyed at this group already.
    CREATE TEMP TABLE held ON COMMIT DROP AS
    SELECT s.problem_id, s.level, s.service_type_id, s.place, s.appeals, p.appeals_count AS problem_appeals,
           o.id AS owner_id,
           EXISTS (SELECT 1 FROM cand c WHERE (c.level, c.service_type_id, c.place) = (p.level, p.service_type_id, p.place)) AS stays
    FROM (SELECT problem_id, level, service_type_id, place, count(*)::integer AS appeals
          FROM members WHERE problem_id IS NOT NULL GROUP BY 1, 2, 3, 4) s
    JOIN systemic_problems p ON p.id = s.problem_id AND p.service_type_id = s.service_type_id
    LEFT JOIN systemic_problems o ON (o.level, o.service_type_id, o.place) = (s.level, s.service_type_id, s.place);

    -- A part: at least 5 of the problem's appeals and at least a fifth of those it had.
    CREATE TEMP TABLE split_parts ON COMMIT DROP AS
    SELECT * FROM held WHERE appeals >= 5 AND appeals * 5 >= problem_appeals;

    -- Moves: a problem whose own group no longer stands goes to its largest part that has no problem of its own (a
    -- group two problems would go to takes the one with more appeals there).
    CREATE TEMP TABLE moves ON COMMIT DROP AS
    SELECT DISTINCT ON (problem_id) problem_id, level, service_type_id, place, appeals
    FROM (SELECT DISTINCT ON (level, service_type_id, place) *
          FROM split_parts WHERE owner_id IS NULL AND NOT stays
          ORDER BY level, service_type_id, place, appeals DESC, problem_id) claimed
    ORDER BY problem_id, appeals DESC, level, place;

    -- Splits: problems whose appeals now fall into two or more standing groups (their own, if it stands, is one).
    CREATE TEMP TABLE splits ON COMMIT DROP AS
    SELECT problem_id FROM split_parts
    GROUP BY problem_id, stays
    HAVING count(*) + (stays AND NOT bool_or(owner_id IS NOT DISTINCT FROM problem_id))::integer >= 2;

    UPDATE systemic_problems sp SET level = mv.level, place = mv.place, title = s.title
    FROM moves mv JOIN scored s USING (level, service_type_id, place)
    WHERE sp.id = mv.problem_id;

    -- Stable identity: a group keeps its problem (and id) from run to run; a moved problem is now keyed by its group.
    CREATE TEMP TABLE upserted ON COMMIT DROP AS
    WITH up AS (
        INSERT INTO systemic_problems AS sp (title, area_id, service_type_id, district_id, address, lat, lon, status,
            department_id, recurrence, resonance, criticality, score, appeals_count, first_seen, last_seen, identified_at,
            level, place, is_current, is_emerging, excess_weeks, expected, citizens, recurrence_parts, resonance_parts,
            criticality_parts, updated_at)
        SELECT title, area_id, service_type_id, district_id, address, mlat, mlon, 'identified', department_id,
               round(recurrence::numeric, 3), round(resonance::numeric, 3), round(criticality::numeric, 3),
               round((100 * (0.5 * recurrence + 0.25 * resonance + 0.25 * criticality))::numeric, 3),
               n, first_seen, last_seen, run_at, level, place, true, emerging, excess_weeks, round(expected_total::numeric, 2),
               citizens,
               jsonb_build_object('weeks', round(r_weeks::numeric, 3), 'regularity', round(r_regularity::numeric, 3),
                                  'duration', round(r_duration::numeric, 3), 'growth', round(r_growth::numeric, 3)),
               jsonb_build_object('citizens', round(s_citizens::numeric, 3), 'repeats', round(s_repeats::numeric, 3),
                                  'duplicates', round(s_duplicates::numeric, 3), 'reopened', round(s_reopened::numeric, 3),
                                  'channels', round(s_channels::numeric, 3), 'reach', round(s_reach::numeric, 3)),
               jsonb_build_object('area', round(c_area::numeric, 3), 'winter', round(c_winter::numeric, 3),
                                  'critical', round(c_critical::numeric, 3), 'vulnerable', round(c_vulnerable::numeric, 3),
                                  'many', round(c_many::numeric, 3)),
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

    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT problem_id, run_at, 'moved', 'mining', json_build_object('level', level, 'appeals', appeals)::text
    FROM moves ORDER BY problem_id;

    -- The other parts of a split: a new problem is linked to the one it split from; both histories say how many
    -- appeals went there and how many stayed with the problem.
    CREATE TEMP TABLE split_links ON COMMIT DROP AS
    SELECT pt.problem_id AS from_id, u.id AS part_id, u.inserted, pt.appeals AS moved,
           coalesce(mv.appeals, own.appeals, CASE WHEN pt.stays THEN pt.problem_appeals END, 0) AS kept
    FROM splits s
    JOIN split_parts pt USING (problem_id)
    JOIN upserted u USING (level, service_type_id, place)
    LEFT JOIN moves mv ON mv.problem_id = pt.problem_id
    LEFT JOIN held own ON own.problem_id = pt.problem_id AND own.owner_id = pt.problem_id
    WHERE u.id <> pt.problem_id;

    -- (a new problem holding parts of two split problems links to the one it holds more of)
    UPDATE systemic_problems sp SET split_from = l.from_id
    FROM (SELECT DISTINCT ON (part_id) part_id, from_id FROM split_links WHERE inserted ORDER BY part_id, moved DESC, from_id) l
    WHERE sp.id = l.part_id;

    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT problem_id, run_at, kind, 'mining', note
    FROM (SELECT from_id AS problem_id, 'split' AS kind, part_id AS other,
                 json_build_object('problem', part_id, 'appeals', moved, 'kept', kept)::text AS note FROM split_links
          UNION ALL
          SELECT part_id, 'split_from', from_id,
                 json_build_object('problem', from_id, 'appeals', moved, 'kept', kept)::text FROM split_links) e
    ORDER BY problem_id, other;

    -- A problem that split without keeping a group of its own leaves the ranking: its parts carry on.
    UPDATE systemic_problems sp SET is_current = false, updated_at = run_at
    FROM splits s
    WHERE sp.id = s.problem_id AND sp.is_current AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.id = sp.id);

    -- Groups that merged into a stronger neighbour: their problem says so and leaves the ranking (unless it moved or
    -- split: then its appeals went where those say).
    WITH m AS (
        UPDATE systemic_problems sp SET is_current = false, merged_into = u.id, updated_at = run_at
        FROM merged g JOIN upserted u ON (u.level, u.service_type_id, u.place) = (g.into_level, g.service_type_id, g.into_place)
        WHERE (sp.level, sp.service_type_id, sp.place) = (g.level, g.service_type_id, g.place)
          AND sp.merged_into IS DISTINCT FROM u.id
          AND NOT EXISTS (SELECT 1 FROM splits s WHERE s.problem_id = sp.id)
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
        SET status = CASE WHEN s.last_week > (sp.worked_out_at AT TIME ZONE city_zone())::date THEN 'reopened' ELSE 'verified' END,
            updated_at = run_at
        FROM systemic_problems sp0 LEFT JOIN scored s USING (level, service_type_id, place)
        WHERE sp.id = sp0.id AND sp.status = 'worked_out'
          AND (s.last_week > (sp.worked_out_at AT TIME ZONE city_zone())::date OR sp.worked_out_at < run_at - interval '8 weeks')
        RETURNING sp.id, sp.status
    )
    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
    SELECT id, run_at, status, 'mining', NULL FROM changed;

    -- The appeals behind each problem carry its id (the Open311 API and the drill-down read it).
    UPDATE appeals a SET systemic_problem_id = u.id
    FROM members m JOIN upserted u USING (level, service_type_id, place)
    WHERE a.id = m.id AND a.systemic_problem_id IS DISTINCT FROM u.id;

    -- The social posts of the scored types find their problems again (Features/Social: sql/functions/social).
    PERFORM social_link_posts(ARRAY(SELECT sp.id FROM social_posts sp
                                    WHERE sp.service_type_id IN (SELECT DISTINCT service_type_id FROM rescored)
                                      AND sp.posted_at >= run_at - interval '1 year'), run_at, 'system:mining');

    SELECT count(*) INTO current_count FROM systemic_problems WHERE is_current;
    RETURN current_count;
END;
$$;
