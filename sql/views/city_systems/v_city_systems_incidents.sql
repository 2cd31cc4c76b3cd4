-- The city systems' alerts that are incidents of the live panel (critical, or counted toward the city status), each
-- with the citizens' appeals and the systemic problems at the same place: the same district, within 200 m, of a
-- service type the rule's related_words name (an open manhole reported by citizens and by its sensor is one
-- incident). Appeals joined: still open, or reported in the last 24 hours. A personal system's alert carries no
-- object, name or place: its district and rule only.
CREATE VIEW v_city_systems_incidents AS
SELECT a.id, a.system_code, a.rule_id, r.code AS rule_code, r.name_ru, r.name_kk, r.name_en, a.severity, r.raises_status,
       a.opened_at, a.value, a.district_id, s.personal,
       CASE WHEN s.personal THEN NULL ELSE coalesce(o.name, o.source_id) END AS object_name,
       coalesce(ap.ids, '{}') AS appeal_ids, ap.first_reg_number, ap.last_at AS last_appeal_at, coalesce(ap.open_critical, 0) AS open_critical_appeals,
       coalesce(pr.ids, '{}') AS problem_ids
FROM city_alerts a
JOIN city_alert_rules r ON r.id = a.rule_id
JOIN city_systems s ON s.code = a.system_code
LEFT JOIN city_objects o ON o.id = a.object_id
LEFT JOIN LATERAL (
    SELECT array_agg(x.id ORDER BY x.created_at) AS ids, (array_agg(x.reg_number ORDER BY x.created_at))[1] AS first_reg_number,
           max(x.created_at) AS last_at,
           count(*) FILTER (WHERE x.is_critical AND x.duplicate_of IS NULL AND x.status NOT IN ('resolved', 'closed'))::int AS open_critical
    -- Candidates through two indexes: the district's open appeals near the alert's latitude, and its last day's.
    FROM (SELECT id FROM appeals WHERE district_id = a.district_id AND status NOT IN ('resolved', 'closed')
                                   AND lat BETWEEN a.lat - 0.0019 AND a.lat + 0.0019
          UNION
          SELECT id FROM appeals WHERE district_id = a.district_id AND created_at >= city_now() - interval '24 hours') c
    JOIN appeals x ON x.id = c.id
    JOIN service_types st ON st.id = x.service_type_id
    WHERE a.lat IS NOT NULL
      AND x.lat BETWEEN a.lat - 0.0019 AND a.lat + 0.0019 AND x.lon BETWEEN a.lon - 0.003 AND a.lon + 0.003
      AND 111320 * sqrt(power(x.lat - a.lat, 2) + power((x.lon - a.lon) * cos(radians(a.lat)), 2)) <= 200
      AND EXISTS (SELECT 1 FROM unnest(r.related_words) w
                  WHERE st.name_ru ILIKE '%' || w || '%' OR st.name_kk ILIKE '%' || w || '%' OR st.name_en ILIKE '%' || w || '%'
                     OR array_to_string(st.keywords, ' ') ILIKE '%' || w || '%')
) ap ON true
LEFT JOIN LATERAL (
    SELECT array_agg(p.id ORDER BY p.id) AS ids
    FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
    WHERE a.lat IS NOT NULL AND p.district_id = a.district_id AND p.status NOT IN ('dismissed', 'verified')
      AND p.lat BETWEEN a.lat - 0.0019 AND a.lat + 0.0019 AND p.lon BETWEEN a.lon - 0.003 AND a.lon + 0.003
      AND 111320 * sqrt(power(p.lat - a.lat, 2) + power((p.lon - a.lon) * cos(radians(a.lat)), 2)) <= 200
      AND EXISTS (SELECT 1 FROM unnest(r.related_words) w
                  WHERE st.name_ru ILIKE '%' || w || '%' OR st.name_kk ILIKE '%' || w || '%' OR st.name_en ILIKE '%' || w || '%'
                     OR array_to_string(st.keywords, ' ') ILIKE '%' || w || '%')
) pr ON true
WHERE a.kind = 'rule' AND a.closed_at IS NULL AND (a.severity = 'critical' OR r.raises_status);
