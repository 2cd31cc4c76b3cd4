-- Misrouting: each time an appeal passed from one department to another by forwarding, the department that held it
-- and how long (from the first step of its holding to the forwarding). It counts against that department, not
-- against the one that finally answered. Forwarding between organisations of one department is not misrouting.
-- Nested subqueries partitioned by the appeal (no CTE read twice), so a filter on appeal_id reaches appeal_events.
CREATE VIEW v_ratings_misrouting AS
SELECT appeal_id,
       previous_department AS department_id,
       at AS forwarded_at,
       (at AT TIME ZONE city_zone())::date AS forwarded_on,
       round((extract(epoch FROM at - previous_since) / 3600)::numeric, 2) AS held_hours
FROM (
    SELECT r.*, lag(r.since) OVER (PARTITION BY r.appeal_id ORDER BY r.at, r.id) AS previous_since
    FROM (
        SELECT s.*, max(CASE WHEN s.previous_department IS DISTINCT FROM s.department_id THEN s.at END)
                        OVER (PARTITION BY s.appeal_id ORDER BY s.at, s.id) AS since
        FROM (
            SELECT e.appeal_id, e.id, e.at, e.status, e.department_id,
                   lag(e.department_id) OVER (PARTITION BY e.appeal_id ORDER BY e.at, e.id) AS previous_department
            FROM appeal_events e
            WHERE e.department_id IS NOT NULL
        ) s
    ) r
) f
WHERE status = 'forwarded' AND previous_department IS NOT NULL AND previous_department <> department_id;
