-- The alerts' sources (Features/Alerts/README.md, "Sources"): each statement raises the alerts of one kind that are not
-- raised yet (kind + source_key is unique: raising again is a no-op), with titles in the three languages that name a
-- service type, a district, a department or a count, never a resident. Critical alerts escalate from p_escalate_after.
-- The caller holds the raising lock (alerts_raise_lock) and fans the returned alerts out in the same transaction.

-- The city status level as the live panel computes it (CityStatus.Incidents and Level): open critical first reports,
-- less those standing for a status-raising city-system alert, plus those alerts; p_thresholds the lowest count of
-- levels 2.. (CityStatus.Thresholds). plpgsql: the view is created after the functions.
CREATE OR REPLACE FUNCTION alerts_city_status_level(p_thresholds integer[]) RETURNS smallint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_open bigint;
    v_raising bigint;
    v_joined bigint;
BEGIN
    SELECT count(*) INTO v_open FROM appeals WHERE status NOT IN ('resolved', 'closed') AND is_critical AND duplicate_of IS NULL;
    SELECT count(*), coalesce(sum(open_critical_appeals), 0) INTO v_raising, v_joined FROM v_city_systems_incidents WHERE raises_status;
    RETURN (1 + (SELECT count(*) FROM unnest(p_thresholds) t WHERE greatest(0, v_open - v_joined) + v_raising >= t))::smallint;
END;
$$;

-- Raises what is new at p_now: critical appeals (first reports) and city-system rule alerts of the last hour (older ones
-- were either alerted then or predate the alerts), systemic problems found emerging, a change of the city status level,
-- and with p_overdue (the minute's sweep) the departments' overdue appeals, one alert per department per Astana day.
CREATE OR REPLACE FUNCTION alerts_raise(p_now timestamptz, p_escalate_after interval, p_thresholds integer[], p_overdue boolean)
RETURNS SETOF bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_today date := (p_now AT TIME ZONE city_zone())::date;
    v_level smallint;
    v_was smallint;
BEGIN
    RETURN QUERY
    INSERT INTO alerts (kind, source_key, critical, district_id, area_id, department_id, title_ru, title_kk, title_en, link, raised_at, escalate_at)
    SELECT 'critical_appeal', 'appeal:' || a.id, true, a.district_id, st.area_id, a.department_id,
           'Критическое обращение: ' || st.name_ru || ' — ' || d.name_ru,
           'Шұғыл өтініш: ' || st.name_kk || ' — ' || d.name_kk,
           'Critical appeal: ' || st.name_en || ' — ' || d.name_en,
           '/appeals/' || a.reg_number, p_now, p_now + p_escalate_after
    FROM appeals a
    JOIN service_types st ON st.id = a.service_type_id
    JOIN districts d ON d.id = a.district_id
    WHERE a.status NOT IN ('resolved', 'closed') AND a.is_critical AND a.duplicate_of IS NULL
      AND a.created_at > p_now - interval '1 hour' AND a.created_at <= p_now
    ON CONFLICT (kind, source_key) DO NOTHING
    RETURNING id;

    RETURN QUERY
    INSERT INTO alerts (kind, source_key, critical, district_id, title_ru, title_kk, title_en, link, raised_at, escalate_at)
    SELECT 'system_alert', 'system-alert:' || c.id, c.severity = 'critical', c.district_id,
           'Городская система: ' || r.name_ru || coalesce(' — ' || d.name_ru, ''),
           'Қалалық жүйе: ' || r.name_kk || coalesce(' — ' || d.name_kk, ''),
           'City system: ' || r.name_en || coalesce(' — ' || d.name_en, ''),
           '/systems/' || c.system_code, p_now, CASE WHEN c.severity = 'critical' THEN p_now + p_escalate_after END
    FROM city_alerts c
    JOIN city_alert_rules r ON r.id = c.rule_id
    LEFT JOIN districts d ON d.id = c.district_id
    WHERE c.kind = 'rule' AND c.closed_at IS NULL AND c.opened_at > p_now - interval '1 hour' AND c.opened_at <= p_now
    ON CONFLICT (kind, source_key) DO NOTHING
    RETURNING id;

    RETURN QUERY
    INSERT INTO alerts (kind, source_key, critical, district_id, area_id, department_id, title_ru, title_kk, title_en, link, raised_at)
    SELECT 'problem_emerging', 'problem:' || p.id, false, p.district_id, p.area_id, p.department_id,
           'Возникает системная проблема: ' || coalesce(st.name_ru, ar.name_ru) || coalesce(' — ' || d.name_ru, ''),
           'Жүйелі мәселе туындап келеді: ' || coalesce(st.name_kk, ar.name_kk) || coalesce(' — ' || d.name_kk, ''),
           'Systemic problem emerging: ' || coalesce(st.name_en, ar.name_en) || coalesce(' — ' || d.name_en, ''),
           '/problems/' || p.id, p_now
    FROM systemic_problems p
    JOIN areas ar ON ar.id = p.area_id
    LEFT JOIN service_types st ON st.id = p.service_type_id
    LEFT JOIN districts d ON d.id = p.district_id
    WHERE p.is_emerging AND p.is_current AND p.merged_into IS NULL AND p.status NOT IN ('dismissed', 'worked_out', 'verified')
    ON CONFLICT (kind, source_key) DO NOTHING
    RETURNING id;

    -- The level is remembered from the first look; only a change from it is an alert (critical when it rises to 3 or more).
    v_level := alerts_city_status_level(p_thresholds);
    SELECT level INTO v_was FROM alert_city_status;
    IF v_was IS NULL THEN
        INSERT INTO alert_city_status (level, changed_at) VALUES (v_level, p_now);
    ELSIF v_was <> v_level THEN
        UPDATE alert_city_status SET level = v_level, changed_at = p_now;
        RETURN QUERY
        INSERT INTO alerts (kind, source_key, critical, title_ru, title_kk, title_en, link, raised_at, escalate_at)
        SELECT 'city_status', 'city-status:' || to_char(p_now AT TIME ZONE city_zone(), 'YYYY-MM-DD"T"HH24:MI:SS') || ':' || v_level,
               v_level > v_was AND v_level >= 3,
               'Уровень обстановки в городе: ' || v_was || ' → ' || v_level,
               'Қаладағы жағдай деңгейі: ' || v_was || ' → ' || v_level,
               'City status level: ' || v_was || ' → ' || v_level,
               '/', p_now, CASE WHEN v_level > v_was AND v_level >= 3 THEN p_now + p_escalate_after END
        ON CONFLICT (kind, source_key) DO NOTHING
        RETURNING id;
    END IF;

    IF p_overdue THEN
        RETURN QUERY
        INSERT INTO alerts (kind, source_key, critical, department_id, title_ru, title_kk, title_en, link, raised_at)
        SELECT 'overdue_department', 'overdue:' || o.department_id || ':' || v_today, false, o.department_id,
               'Просроченные обращения: ' || dep.name_ru || ' — ' || o.n,
               'Мерзімі өткен өтініштер: ' || dep.name_kk || ' — ' || o.n,
               'Overdue appeals: ' || dep.name_en || ' — ' || o.n,
               '/appeals?department=' || dep.id || '&overdue=true', p_now
        FROM (SELECT department_id, count(*) AS n FROM appeals
              WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < p_now AND department_id IS NOT NULL
              GROUP BY department_id) o
        JOIN departments dep ON dep.id = o.department_id
        ON CONFLICT (kind, source_key) DO NOTHING
        RETURNING id;
    END IF;
END;
$$;
