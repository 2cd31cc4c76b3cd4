-- Appeals of a department open and past their SLA deadline at the end of the period (or now, for a period not yet
-- over): received before that instant, due before it, and neither resolved nor closed by then. A count, never null.
CREATE OR REPLACE FUNCTION kpi_measure_overdue_open(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH at AS (SELECT least(kpi_period_from(period_end), city_now()) AS t)
    SELECT count(*)::numeric
    FROM appeals a, at
    WHERE a.department_id = kpi_measure_overdue_open.department_id
      AND a.created_at < at.t AND a.sla_due_at < at.t
      AND coalesce(a.resolved_at, a.closed_at, 'infinity') >= at.t
$$;
