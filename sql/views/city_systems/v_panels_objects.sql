-- A system's objects as its map and table read them: the object, its system's freshness limit, and the severity of its
-- worst open alert (null when none). Whether it is stale is judged by the reader's clock against stale_after.
CREATE VIEW v_panels_objects AS
SELECT o.id, o.system_code, o.source_id, o.name, o.district_id, o.lat, o.lon, o.attrs, o.last_vals, o.last_at, o.updated_at,
       s.kind, s.stale_after,
       (SELECT CASE WHEN bool_or(a.severity = 'critical') THEN 'critical' ELSE 'warning' END
        FROM city_alerts a
        WHERE a.system_code = o.system_code AND a.object_id = o.id AND a.closed_at IS NULL
        HAVING count(*) > 0) AS alert_severity
FROM city_objects o
JOIN city_systems s ON s.code = o.system_code;
