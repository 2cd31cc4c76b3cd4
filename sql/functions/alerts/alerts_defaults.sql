-- A person's first subscription as their role suggests it (offered on the first visit to /me/alerts, and given to the
-- demo city's leaders): the akim critical appeals and the city status at level 3 (after the first two levels had their
-- time); a deputy akim what happens in the supervised areas at level 2; a department head the own department's
-- critical appeals, emerging problems and overdue appeals at level 1; anyone else critical appeals at level 1.
CREATE OR REPLACE FUNCTION alerts_default_subscription(p_login text)
RETURNS TABLE (kinds text[], area_ids smallint[], escalation_level smallint)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    -- plpgsql: the view is created after the functions.
    RETURN QUERY
    SELECT CASE u.role
               WHEN 'akim' THEN ARRAY['critical_appeal', 'city_status']
               WHEN 'deputy' THEN ARRAY['critical_appeal', 'system_alert', 'problem_emerging', 'city_status']
               WHEN 'department_head' THEN ARRAY['critical_appeal', 'problem_emerging', 'overdue_department']
               ELSE ARRAY['critical_appeal'] END,
           CASE WHEN u.role = 'deputy'
                THEN (SELECT array_agg(v.area_id ORDER BY v.area_id) FROM v_access_deputy_areas v WHERE v.deputy_id = u.deputy_id) END,
           (CASE u.role WHEN 'akim' THEN 3 WHEN 'deputy' THEN 2 ELSE 1 END)::smallint
    FROM users u WHERE u.login = p_login;
END;
$$;

-- The demo city's leaders (akim, deputy.utilities, head.energy) subscribed as their roles suggest, by e-mail to a
-- confirmed demo address: the README's demo shows alerts raised and their deliveries (failing visibly, 'Mail:Host is
-- not set', until an SMTP server is configured).
CREATE OR REPLACE FUNCTION alerts_demo_subscriptions(p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notify_endpoints (login, channel, address, label, created_at, confirmed_at)
    SELECT u.login, 'email', replace(u.login, '.', '-') || '@demo.ikomek109.kz', 'demo', p_now, p_now
    FROM users u WHERE u.login IN ('akim', 'deputy.utilities', 'head.energy')
    ON CONFLICT (login, channel, address) DO NOTHING;

    INSERT INTO alert_subscriptions (login, kinds, area_ids, channels, escalation_level, updated_at, updated_by)
    SELECT u.login, d.kinds, d.area_ids, ARRAY['email'], d.escalation_level, p_now, 'system:demo-city'
    FROM users u CROSS JOIN LATERAL alerts_default_subscription(u.login) d
    WHERE u.login IN ('akim', 'deputy.utilities', 'head.energy')
      AND NOT EXISTS (SELECT 1 FROM alert_subscriptions s WHERE s.login = u.login);
END;
$$;
