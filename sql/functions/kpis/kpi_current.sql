-- Each KPI's standing as of a month: the score of its last period over by the end of that month (that month for a
-- monthly KPI, the last whole quarter or year for the others, whose values come once the period is over). A KPI with
-- no value for that period is returned with a null actual and score: missing, shown as such, left out of the means.
CREATE OR REPLACE FUNCTION kpi_current(as_of_month date)
RETURNS TABLE (kpi_id integer, department_id smallint, weight numeric, period_kind text, period_start date,
               target numeric, actual numeric, execution_pct numeric)
LANGUAGE sql STABLE AS $$
    SELECT k.id, k.department_id, k.weight, k.period_kind, p.start, e.target, e.actual, e.execution_pct
    FROM kpis k
    CROSS JOIN LATERAL (SELECT (date_trunc(k.period_kind, as_of_month + interval '1 month') - kpi_period_length(k.period_kind))::date AS start) p
    LEFT JOIN v_kpi_execution e ON e.kpi_id = k.id AND e.period_start = p.start
$$;
