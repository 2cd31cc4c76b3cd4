-- Share (%) of a department's appeals received in [period_start, period_end) resolved at the first contact (the
-- operator answered on the call: appeals.first_contact_resolved, as the live panel counts it). Null when none.
CREATE OR REPLACE FUNCTION kpi_measure_first_call_resolution(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * count(*) FILTER (WHERE a.first_contact_resolved) / nullif(count(*), 0), 2)
    FROM appeals a
    WHERE a.department_id = kpi_measure_first_call_resolution.department_id
      AND a.created_at >= kpi_period_from(period_start) AND a.created_at < kpi_period_from(period_end)
$$;
