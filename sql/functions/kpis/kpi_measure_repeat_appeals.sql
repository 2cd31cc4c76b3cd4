-- Share (%) of a department's appeals received in [period_start, period_end) that repeat an earlier one: the same
-- service type at the same address within the 30 days before. Appeals without an address cannot repeat and are not
-- counted. Null when none had an address.
CREATE OR REPLACE FUNCTION kpi_measure_repeat_appeals(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM appeals p
               WHERE p.service_type_id = a.service_type_id
                 AND p.created_at >= a.created_at - interval '30 days' AND p.created_at < a.created_at
                 AND p.address = a.address AND p.id <> a.id))
           / nullif(count(*), 0), 2)
    FROM appeals a
    WHERE a.department_id = kpi_measure_repeat_appeals.department_id
      AND a.address IS NOT NULL
      AND a.created_at >= kpi_period_from(period_start) AND a.created_at < kpi_period_from(period_end)
$$;
