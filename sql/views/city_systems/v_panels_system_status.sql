-- One row per city system for the overview: its objects, open alerts by severity, and when it last sent anything
-- (a feed's latest reading; a register's latest change). Freshness against stale_after is judged by the reader's clock.
CREATE VIEW v_panels_system_status AS
SELECT s.code, s.kind, s.place_kind, s.time_field, s.personal, s.position,
       s.name_ru, s.name_kk, s.name_en, s.owner_ru, s.owner_kk, s.owner_en,
       s.stale_after,
       (SELECT count(*) FROM city_objects o WHERE o.system_code = s.code) AS objects,
       (SELECT count(*) FROM city_alerts a WHERE a.system_code = s.code AND a.closed_at IS NULL AND a.severity = 'critical') AS open_critical,
       (SELECT count(*) FROM city_alerts a WHERE a.system_code = s.code AND a.closed_at IS NULL AND a.severity = 'warning') AS open_warning,
       CASE WHEN s.kind = 'feed'
            THEN (SELECT max(o.last_at) FROM city_objects o WHERE o.system_code = s.code)
            ELSE (SELECT max(o.updated_at) FROM city_objects o WHERE o.system_code = s.code)
       END AS last_at
FROM city_systems s;
