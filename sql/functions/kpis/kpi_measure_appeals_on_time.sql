-- Share (%) of a department's appeals received in [period_start, period_end) that were resolved by their SLA
-- deadline. An appeal still open counts as not on time, so a month's share settles as its last appeals are answered
-- (the recount keeps open months current; a closed month no longer changes). Null when the department received none.
CREATE OR REPLACE FUNCTION kpi_measure_appeals_on_time(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * count(*) FILTER (WHERE a.resolved_at <= a.sla_due_at) / nullif(count(*), 0), 2)
    FROM appeals a
    WHERE a.department_id = kpi_measure_appeals_on_time.department_id
      AND a.created_at >= kpi_period_from(period_start) AND a.created_at < kpi_period_from(period_end)
$$;
