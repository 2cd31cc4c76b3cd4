-- Execution of each KPI per its own period (month, quarter or year: kpis.period_kind), 0..125 %.
-- The months' values add up as kpis.aggregation says (sum, mean, or the last reported month). The target is:
--   fixed:      the months' targets added up the same way over the months reported so far (all months when none
--               is), or the quarter's or year's own target (kpi_targets) when one is set; a 'sum' target of a period
--               not over yet stays the months' targets to date, so a half-reported quarter is not judged on a whole
--               quarter's target;
--   historical: the mean of the same month's actuals in past years, added up the same way (Boston's CityScore).
-- The score is kpi_score(): actual / target, target / actual when lower is better, capped at 1.25; no actual or no
-- target gives no score (execution_pct null), which weighted means leave out.
CREATE VIEW v_kpi_execution AS
WITH months AS (
    SELECT k.id AS kpi_id, k.department_id, k.period_kind, k.aggregation, k.higher_is_better, k.target_mode, k.weight,
           date_trunc(k.period_kind, v.period_start)::date AS period_start,
           v.period_start AS month,
           v.actual,
           CASE WHEN k.target_mode = 'fixed' THEN v.target ELSE hist.target END AS target
    FROM kpis k
    JOIN kpi_values v ON v.kpi_id = k.id
    LEFT JOIN LATERAL (
        SELECT avg(p.actual) AS target FROM kpi_values p
        WHERE k.target_mode = 'historical' AND p.kpi_id = v.kpi_id AND p.actual IS NOT NULL
          AND p.period_start < v.period_start
          AND extract(month FROM p.period_start) = extract(month FROM v.period_start)
    ) hist ON true
), periods AS (
    SELECT kpi_id, department_id, period_kind, aggregation, higher_is_better, target_mode, weight, period_start,
           (period_start + kpi_period_length(period_kind))::date AS period_end,
           count(*)::int AS months,
           count(actual)::int AS reported,
           CASE aggregation
               WHEN 'sum' THEN sum(actual)
               WHEN 'mean' THEN avg(actual)
               ELSE (array_agg(actual ORDER BY month DESC) FILTER (WHERE actual IS NOT NULL))[1]
           END AS actual,
           -- The targets of the months that count: those reported, or all while none is; none if one lacks its target.
           CASE WHEN count(target) FILTER (WHERE actual IS NOT NULL OR NOT has_actual) < count(*) FILTER (WHERE actual IS NOT NULL OR NOT has_actual) THEN NULL
                WHEN aggregation = 'sum' THEN sum(target) FILTER (WHERE actual IS NOT NULL OR NOT has_actual)
                WHEN aggregation = 'mean' THEN avg(target) FILTER (WHERE actual IS NOT NULL OR NOT has_actual)
                ELSE (array_agg(target ORDER BY month DESC) FILTER (WHERE actual IS NOT NULL OR NOT has_actual))[1]
           END AS months_target
    FROM (SELECT m.*, bool_or(m.actual IS NOT NULL) OVER (PARTITION BY m.kpi_id, m.period_start) AS has_actual FROM months m) m
    GROUP BY kpi_id, department_id, period_kind, aggregation, higher_is_better, target_mode, weight, period_start
), targeted AS (
    SELECT p.*,
           CASE WHEN p.target_mode = 'fixed' AND t.target IS NOT NULL AND (p.aggregation <> 'sum' OR p.period_end <= city_today())
                THEN t.target ELSE p.months_target END AS target
    FROM periods p
    LEFT JOIN kpi_targets t ON t.kpi_id = p.kpi_id AND t.period_kind = p.period_kind AND t.period_start = p.period_start
)
SELECT kpi_id,
       department_id,
       period_start,
       round(target, 2) AS target,
       round(actual, 2) AS actual,
       (kpi_score(actual, target, higher_is_better) * 100)::numeric(6, 1) AS execution_pct,
       period_kind,
       period_end,
       weight,
       months,
       reported
FROM targeted;
