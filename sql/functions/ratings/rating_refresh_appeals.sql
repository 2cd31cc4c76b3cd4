-- Brings the rating's appeal facts, misrouting and daily rollup in line with the appeals whose ids are given (those
-- the change feed named), and with the earlier answered appeals a new one may re-report (same service type and
-- address, up to 90 days before). The days a change touched, before and after, are re-aggregated whole from the
-- facts, so the rollup equals what a rebuild (rating_rebuild_appeals) gives. Returns the appeals refreshed, and leaves
-- the departments and days it touched in rating_touched until the transaction ends (the rating's incremental run reads
-- them back to recompute only those departments).
CREATE OR REPLACE FUNCTION rating_refresh_appeals(changed bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT x) INTO ids FROM (
        SELECT unnest(changed) AS x
        UNION ALL
        SELECT a.id FROM appeals b
        JOIN appeals a ON a.service_type_id = b.service_type_id
                      AND a.created_at >= b.created_at - interval '90 days' AND a.created_at < b.created_at
                      AND a.address = b.address AND a.id <> b.id
        WHERE b.id = ANY(changed) AND b.address IS NOT NULL
    ) t;
    IF ids IS NULL THEN
        CREATE TEMP TABLE IF NOT EXISTS rating_touched (department_id smallint, day date) ON COMMIT DROP;
        TRUNCATE rating_touched;
        RETURN 0;
    END IF;

    CREATE TEMP TABLE IF NOT EXISTS rating_touched (department_id smallint, day date) ON COMMIT DROP;
    TRUNCATE rating_touched;
    WITH gone AS (DELETE FROM rating_appeal_facts WHERE appeal_id = ANY(ids) RETURNING department_id, settled_on)
    INSERT INTO rating_touched SELECT department_id, settled_on FROM gone;
    WITH gone AS (DELETE FROM rating_misrouting WHERE appeal_id = ANY(ids) RETURNING department_id, forwarded_on)
    INSERT INTO rating_touched SELECT department_id, forwarded_on FROM gone;

    WITH added AS (
        INSERT INTO rating_appeal_facts SELECT * FROM v_ratings_appeal_facts WHERE appeal_id = ANY(ids)
        RETURNING department_id, settled_on)
    INSERT INTO rating_touched SELECT department_id, settled_on FROM added;
    WITH added AS (
        INSERT INTO rating_misrouting SELECT * FROM v_ratings_misrouting WHERE appeal_id = ANY(ids)
        RETURNING department_id, forwarded_on)
    INSERT INTO rating_touched SELECT department_id, forwarded_on FROM added;

    DELETE FROM rating_appeal_daily d USING (SELECT DISTINCT department_id, day FROM rating_touched) t
    WHERE d.department_id = t.department_id AND d.day = t.day;
    INSERT INTO rating_appeal_daily
    SELECT t.department_id, t.day, f.settled, f.on_time, f.first_contact, f.rated, f.satisfaction_sum, f.reopened,
           f.re_reported, m.forwarded_away, m.forwarded_hours
    FROM (SELECT DISTINCT department_id, day FROM rating_touched) t
    CROSS JOIN LATERAL (
        SELECT count(*)::int AS settled, count(*) FILTER (WHERE on_time)::int AS on_time,
               count(*) FILTER (WHERE first_contact)::int AS first_contact, count(satisfaction)::int AS rated,
               coalesce(sum(satisfaction), 0)::int AS satisfaction_sum, count(*) FILTER (WHERE reopened)::int AS reopened,
               count(re_reported_by)::int AS re_reported
        FROM rating_appeal_facts WHERE department_id = t.department_id AND settled_on = t.day) f
    CROSS JOIN LATERAL (
        SELECT count(*)::int AS forwarded_away, coalesce(sum(held_hours), 0) AS forwarded_hours
        FROM rating_misrouting WHERE department_id = t.department_id AND forwarded_on = t.day) m
    WHERE f.settled > 0 OR m.forwarded_away > 0;

    RETURN cardinality(ids);
END;
$$;
