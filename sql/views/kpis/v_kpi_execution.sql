-- Execution of each KPI per month, 0..120 % (capped so one overshoot cannot hide other misses).
-- Lower-is-better KPIs (answer time, overdue share) execute at target / actual.
CREATE VIEW v_kpi_execution AS
SELECT k.id AS kpi_id,
       k.department_id,
       v.period_start,
       v.target,
       v.actual,
       CASE
           WHEN v.actual IS NULL OR v.target = 0 THEN NULL
           WHEN k.higher_is_better THEN least(v.actual / v.target, 1.2) * 100
           WHEN v.actual = 0 THEN 120
           ELSE least(v.target / v.actual, 1.2) * 100
       END::numeric(6, 1) AS execution_pct
FROM kpis k
JOIN kpi_values v ON v.kpi_id = k.id;
