-- Rebuilds the rating's appeal facts, misrouting and daily rollup from all appeals (the same views the refresh reads).
-- Returns the appeals with facts.
CREATE OR REPLACE FUNCTION rating_rebuild_appeals() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    facts integer;
BEGIN
    TRUNCATE rating_appeal_daily, rating_misrouting, rating_appeal_facts;
    INSERT INTO rating_appeal_facts SELECT * FROM v_ratings_appeal_facts;
    GET DIAGNOSTICS facts = ROW_COUNT;
    INSERT INTO rating_misrouting SELECT * FROM v_ratings_misrouting;
    INSERT INTO rating_appeal_daily
    SELECT coalesce(f.department_id, m.department_id), coalesce(f.day, m.day),
           coalesce(f.settled, 0), coalesce(f.on_time, 0), coalesce(f.first_contact, 0), coalesce(f.rated, 0),
           coalesce(f.satisfaction_sum, 0), coalesce(f.reopened, 0), coalesce(f.re_reported, 0),
           coalesce(m.forwarded_away, 0), coalesce(m.forwarded_hours, 0)
    FROM (SELECT department_id, settled_on AS day, count(*)::int AS settled, count(*) FILTER (WHERE on_time)::int AS on_time,
                 count(*) FILTER (WHERE first_contact)::int AS first_contact, count(satisfaction)::int AS rated,
                 coalesce(sum(satisfaction), 0)::int AS satisfaction_sum, count(*) FILTER (WHERE reopened)::int AS reopened,
                 count(re_reported_by)::int AS re_reported
          FROM rating_appeal_facts GROUP BY 1, 2) f
    FULL JOIN (SELECT department_id, forwarded_on AS day, count(*)::int AS forwarded_away, sum(held_hours) AS forwarded_hours
               FROM rating_misrouting GROUP BY 1, 2) m ON m.department_id = f.department_id AND m.day = f.day;
    ANALYZE rating_appeal_facts, rating_misrouting, rating_appeal_daily;
    RETURN facts;
END;
$$;
