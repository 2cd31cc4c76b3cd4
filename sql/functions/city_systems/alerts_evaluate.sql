-- The alert rules' evaluation (Features/CitySystems/README.md, "Alert rules"). Every entry point takes one advisory
-- lock, so that several app nodes hearing the same change evaluate it once and open an alert once; the partial unique
-- index on open alerts holds even without it.

-- Evaluates rules (all of the objects' systems when p_rules is null) on objects at p_now: counts holding evaluations
-- (city_alert_state), opens an alert after "confirm" of them in a row, closes an open one when its rule no longer fires
-- (past the clear margin, out of its months, disabled), and records each object's change as evaluated.
CREATE OR REPLACE FUNCTION city_alerts_evaluate(p_objects bigint[], p_rules integer[], p_now timestamptz)
RETURNS TABLE (opened integer, closed integer, critical integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_local timestamp := p_now AT TIME ZONE city_zone();
BEGIN
    RETURN QUERY
    WITH ev AS (
        SELECT r.id AS rule_id, o.id AS object_id, o.change_seq, r.system_code, r.severity, r.confirm, o.district_id, o.lat, o.lon,
               coalesce(r.is_enabled AND (r.months IS NULL OR extract(month FROM v_local)::smallint = ANY (r.months)) AND e.holds, false) AS holds,
               coalesce(r.is_enabled AND (r.months IS NULL OR extract(month FROM v_local)::smallint = ANY (r.months)) AND e.firing, false) AS firing,
               e.value
        FROM city_objects o
        JOIN city_alert_rules r ON r.system_code = o.system_code AND (p_rules IS NULL OR r.id = ANY (p_rules))
        CROSS JOIN LATERAL city_alert_rule_eval(r.conditions, r.clear_margin, o.last_vals, o.attrs, v_local::date) e
        WHERE o.id = ANY (p_objects)
    ), counted AS (
        INSERT INTO city_alert_state AS s (rule_id, object_id, holding)
        SELECT rule_id, object_id, 1 FROM ev WHERE holds
        ON CONFLICT (rule_id, object_id) DO UPDATE SET holding = least(s.holding + 1, 100)
        RETURNING s.rule_id, s.object_id, s.holding
    ), reset AS (
        DELETE FROM city_alert_state s USING ev
        WHERE s.rule_id = ev.rule_id AND s.object_id = ev.object_id AND NOT ev.holds
    ), seen AS (
        INSERT INTO city_alert_seen AS s (object_id, change_seq)
        SELECT DISTINCT object_id, change_seq FROM ev
        ON CONFLICT (object_id) DO UPDATE SET change_seq = greatest(s.change_seq, excluded.change_seq)
    ), opened AS (
        INSERT INTO city_alerts (kind, rule_id, system_code, object_id, severity, opened_at, value, district_id, lat, lon)
        SELECT 'rule', ev.rule_id, ev.system_code, ev.object_id, ev.severity, p_now, ev.value, ev.district_id, ev.lat, ev.lon
        FROM ev JOIN counted c ON c.rule_id = ev.rule_id AND c.object_id = ev.object_id
        WHERE c.holding >= ev.confirm
        ON CONFLICT (coalesce(rule_id, 0), system_code, coalesce(object_id, 0)) WHERE closed_at IS NULL DO NOTHING
        RETURNING severity
    ), closed AS (
        UPDATE city_alerts a SET closed_at = greatest(p_now, a.opened_at)
        FROM ev
        WHERE a.rule_id = ev.rule_id AND a.object_id = ev.object_id AND a.closed_at IS NULL AND NOT ev.firing
        RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM opened), (SELECT count(*)::int FROM closed),
           (SELECT count(*)::int FROM opened WHERE severity = 'critical');
END;
$$;

-- Freshness: a system whose newest data (a feed's latest reading, a register's latest change) is older than its
-- stale_after gets a 'stale' alert; it closes when data comes again. A system with no data yet is not watched.
CREATE OR REPLACE FUNCTION city_alerts_freshness(p_now timestamptz, p_systems text[])
RETURNS TABLE (opened integer, closed integer)
LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT s.code, s.stale_after, max(CASE WHEN s.kind = 'feed' THEN o.last_at ELSE o.updated_at END) AS newest
        FROM city_systems s JOIN city_objects o ON o.system_code = s.code
        WHERE p_systems IS NULL OR s.code = ANY (p_systems)
        GROUP BY s.code, s.stale_after
    ), opened AS (
        INSERT INTO city_alerts (kind, system_code, severity, opened_at, value)
        SELECT 'stale', code, 'warning', p_now, extract(epoch FROM p_now - newest) / 60
        FROM fresh WHERE newest < p_now - stale_after
        ON CONFLICT (coalesce(rule_id, 0), system_code, coalesce(object_id, 0)) WHERE closed_at IS NULL DO NOTHING
        RETURNING 1
    ), closed AS (
        UPDATE city_alerts a SET closed_at = greatest(p_now, a.opened_at)
        FROM fresh
        WHERE a.kind = 'stale' AND a.system_code = fresh.code AND a.closed_at IS NULL AND fresh.newest >= p_now - fresh.stale_after
        RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM opened), (SELECT count(*)::int FROM closed)
$$;

-- Tells open panels that alerts opened or closed: a 'systems' change of no objects (first_id = last_id = 0), its
-- critical count the critical alerts opened.
CREATE OR REPLACE FUNCTION city_alerts_record_change(p_rows integer, p_critical integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    change_id bigint;
BEGIN
    IF p_rows = 0 THEN RETURN; END IF;
    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
    VALUES ('systems', p_rows, 0, 0, p_critical)
    RETURNING id INTO change_id;
    PERFORM pg_notify('city_changes', json_build_object(
        'id', change_id, 'kind', 'systems', 'rows', p_rows, 'first_id', 0, 'last_id', 0, 'critical', p_critical)::text);
END;
$$;

-- The objects changed since the evaluator last looked (beyond the watermark), and those of the change p_first..p_last
-- that committed late, below it: each evaluated once at its change; the watermark moves on; their systems' freshness
-- alerts close. The caller holds the lock and records the change.
CREATE OR REPLACE FUNCTION city_alerts_changed(p_first bigint, p_last bigint, p_now timestamptz)
RETURNS TABLE (evaluated integer, opened integer, closed integer, critical integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_mark bigint;
    v_top bigint;
    v_ids bigint[];
    v_systems text[];
    v_rules record;
    v_fresh record;
BEGIN
    SELECT w.change_seq INTO v_mark FROM city_alert_watermark w;
    SELECT max(o.change_seq),
           array_agg(o.id) FILTER (WHERE (s.change_seq IS NULL OR s.change_seq < o.change_seq)
                                     AND EXISTS (SELECT 1 FROM city_alert_rules r WHERE r.system_code = o.system_code)),
           array_agg(DISTINCT o.system_code)
      INTO v_top, v_ids, v_systems
      FROM city_objects o LEFT JOIN city_alert_seen s ON s.object_id = o.id
     WHERE o.change_seq > v_mark OR o.change_seq BETWEEN p_first AND p_last;
    IF v_top IS NULL THEN
        RETURN QUERY SELECT 0, 0, 0, 0;
        RETURN;
    END IF;
    SELECT * INTO v_rules FROM city_alerts_evaluate(coalesce(v_ids, '{}'), NULL, p_now);
    UPDATE city_alert_watermark SET change_seq = greatest(change_seq, v_top);
    SELECT * INTO v_fresh FROM city_alerts_freshness(p_now, v_systems);
    RETURN QUERY SELECT coalesce(cardinality(v_ids), 0), v_rules.opened + v_fresh.opened, v_rules.closed + v_fresh.closed, v_rules.critical;
END;
$$;

-- The evaluator's answer to a 'systems' change of the intake (objects p_first..p_last by change_seq).
CREATE OR REPLACE FUNCTION city_alerts_on_changes(p_first bigint, p_last bigint, p_now timestamptz)
RETURNS TABLE (evaluated integer, opened integer, closed integer)
LANGUAGE plpgsql AS $$
DECLARE
    v record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('city_alerts'));
    SELECT * INTO v FROM city_alerts_changed(p_first, p_last, p_now);
    PERFORM city_alerts_record_change(v.opened + v.closed, v.critical);
    RETURN QUERY SELECT v.evaluated, v.opened, v.closed;
END;
$$;

-- The minute's sweep: what the change feed may have missed, rules on time ("today": every object of their systems),
-- rules out of their months or disabled (their open alerts close), and every system's freshness.
CREATE OR REPLACE FUNCTION city_alerts_sweep(p_now timestamptz)
RETURNS TABLE (evaluated integer, opened integer, closed integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_local timestamp := p_now AT TIME ZONE city_zone();
    v record;
    v_timed record;
    v_fresh record;
    v_idle integer;
    v_rules integer[];
    v_ids bigint[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('city_alerts'));
    SELECT * INTO v FROM city_alerts_changed(0, 0, p_now);

    SELECT array_agg(r.id) INTO v_rules FROM city_alert_rules r
     WHERE r.is_enabled AND jsonb_path_exists(r.conditions, '$[*] ? (@.value == "today")');
    SELECT array_agg(o.id) INTO v_ids FROM city_objects o
     WHERE o.system_code IN (SELECT r.system_code FROM city_alert_rules r WHERE r.id = ANY (v_rules));
    SELECT * INTO v_timed FROM city_alerts_evaluate(coalesce(v_ids, '{}'), coalesce(v_rules, '{}'), p_now);

    UPDATE city_alerts a SET closed_at = greatest(p_now, a.opened_at)
      FROM city_alert_rules r
     WHERE a.rule_id = r.id AND a.closed_at IS NULL
       AND NOT (r.is_enabled AND (r.months IS NULL OR extract(month FROM v_local)::smallint = ANY (r.months)));
    GET DIAGNOSTICS v_idle = ROW_COUNT;

    SELECT * INTO v_fresh FROM city_alerts_freshness(p_now, NULL);
    PERFORM city_alerts_record_change(v.opened + v.closed + v_timed.opened + v_timed.closed + v_idle + v_fresh.opened + v_fresh.closed,
                                      v.critical + v_timed.critical);
    RETURN QUERY SELECT v.evaluated + coalesce(cardinality(v_ids), 0), v.opened + v_timed.opened + v_fresh.opened,
                        v.closed + v_timed.closed + v_idle + v_fresh.closed;
END;
$$;

-- A rule edited: evaluated at once on every object of its system (a disabled one closes its open alerts).
CREATE OR REPLACE FUNCTION city_alerts_rule_changed(p_rule integer, p_now timestamptz)
RETURNS TABLE (evaluated integer, opened integer, closed integer)
LANGUAGE plpgsql AS $$
DECLARE
    v record;
    v_ids bigint[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('city_alerts'));
    SELECT array_agg(o.id) INTO v_ids FROM city_objects o JOIN city_alert_rules r ON r.system_code = o.system_code WHERE r.id = p_rule;
    SELECT * INTO v FROM city_alerts_evaluate(coalesce(v_ids, '{}'), ARRAY[p_rule], p_now);
    PERFORM city_alerts_record_change(v.opened + v.closed, v.critical);
    RETURN QUERY SELECT coalesce(cardinality(v_ids), 0), v.opened, v.closed;
END;
$$;
