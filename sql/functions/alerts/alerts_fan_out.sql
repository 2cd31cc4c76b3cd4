-- Fan-out (Features/Alerts/README.md, "Matching"): the alerts p_alerts at their current level to every enabled
-- subscription whose kinds, districts and areas match (a city-wide alert matches any place), within its person's role
-- scope, to the person's enabled endpoints of the subscription's channels (push needs no confirmation, the others do):
-- one pending delivery each with a random acknowledgement token. A critical alert reaches the subscriptions of its
-- level (escalation brings levels 2 and 3); one that does not escalate reaches every level at once. A non-critical
-- delivery inside its subscription's quiet hours (Astana time) waits until they end. Two subscriptions of one person
-- reaching one endpoint make one delivery, the earlier.
CREATE OR REPLACE FUNCTION alerts_fan_out(p_alerts bigint[], p_now timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_local timestamp := p_now AT TIME ZONE city_zone();
    v_count integer;
BEGIN
    INSERT INTO alert_deliveries (alert_id, login, endpoint_id, channel, level, next_attempt_at, created_at, ack_token)
    SELECT DISTINCT ON (m.alert_id, m.endpoint_id) m.alert_id, m.login, m.endpoint_id, m.channel, m.level, m.due, p_now,
           replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    FROM (
        SELECT a.id AS alert_id, e.login, e.id AS endpoint_id, e.channel, a.level,
               CASE WHEN NOT a.critical AND alerts_in_quiet_hours(v_local::time, s.quiet_from, s.quiet_to)
                    THEN (v_local::date + s.quiet_to + CASE WHEN s.quiet_to > v_local::time THEN interval '0' ELSE interval '1 day' END) AT TIME ZONE city_zone()
                    ELSE p_now END AS due
        FROM alerts a
        JOIN alert_subscriptions s ON s.enabled AND a.kind = ANY (s.kinds)
             AND (s.district_ids IS NULL OR a.district_id IS NULL OR a.district_id = ANY (s.district_ids))
             AND (s.area_ids IS NULL OR a.area_id IS NULL OR a.area_id = ANY (s.area_ids))
             AND (s.escalation_level = a.level OR NOT a.critical)
        JOIN users u ON u.login = s.login
        JOIN notify_endpoints e ON e.login = s.login AND e.channel = ANY (s.channels) AND e.disabled_at IS NULL
             AND (e.confirmed_at IS NOT NULL OR e.channel = 'push')
        WHERE a.id = ANY (p_alerts) AND alerts_in_scope(u.role, u.department_id, u.deputy_id, a.department_id, a.area_id)
    ) m
    ORDER BY m.alert_id, m.endpoint_id, m.due
    ON CONFLICT (alert_id, endpoint_id, level) DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END;
$$;

-- Whether a local time of day falls in quiet hours from..to (to excluded; across midnight when from > to).
CREATE OR REPLACE FUNCTION alerts_in_quiet_hours(p_time time, p_from time, p_to time) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_from IS NOT NULL AND p_from <> p_to
       AND CASE WHEN p_from < p_to THEN p_time >= p_from AND p_time < p_to ELSE p_time >= p_from OR p_time < p_to END
$$;

-- Which alerts a person of a role hears, decided here on the server whatever the subscription asks: the akim, the
-- administrators, analysts and operators all; a deputy akim those of the departments and areas supervised and the
-- city-wide ones (no department, no area); a department head the own department's; the offices none.
CREATE OR REPLACE FUNCTION alerts_in_scope(p_role text, p_department smallint, p_deputy smallint, p_alert_department smallint, p_alert_area smallint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT CASE p_role
        WHEN 'akim' THEN true WHEN 'admin' THEN true WHEN 'analyst' THEN true WHEN 'operator' THEN true
        WHEN 'deputy' THEN p_alert_department IS NULL AND p_alert_area IS NULL
            OR EXISTS (SELECT 1 FROM deputy_departments dd WHERE dd.deputy_id = p_deputy AND dd.department_id = p_alert_department)
            OR EXISTS (SELECT 1 FROM deputy_departments dd JOIN service_types st ON st.department_id = dd.department_id
                       WHERE dd.deputy_id = p_deputy AND st.area_id = p_alert_area)
        WHEN 'department_head' THEN p_alert_department = p_department
        ELSE false END
$$;
