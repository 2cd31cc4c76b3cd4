-- A department's execution as of a month: the mean of its KPIs' current scores (kpi_current) weighted by kpis.weight,
-- over the KPIs that have a score; the ones without are counted as missing. Null when none has a score.
CREATE OR REPLACE FUNCTION kpi_department_execution(as_of_month date)
RETURNS TABLE (department_id smallint, execution_pct numeric, kpis integer, scored integer, missing integer)
LANGUAGE sql STABLE AS $$
    SELECT c.department_id,
           (sum(c.execution_pct * c.weight) FILTER (WHERE c.execution_pct IS NOT NULL)
              / nullif(sum(c.weight) FILTER (WHERE c.execution_pct IS NOT NULL), 0))::numeric(6, 1),
           count(*)::int,
           count(c.execution_pct)::int,
           (count(*) - count(c.execution_pct))::int
    FROM kpi_current(as_of_month) c
    GROUP BY c.department_id
$$;
