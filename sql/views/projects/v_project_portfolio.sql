-- One row per project for the portfolio pages: the current plan against the baseline, budget use, open risks, and
-- whether it runs late, over budget, on time. Over budget: the current budget grew past the baseline, or more was
-- spent than the current budget. On time: finished by, or forecast to finish by, the current planned end (null for a
-- project not started).
CREATE VIEW v_project_portfolio AS
SELECT p.id AS project_id,
       p.code,
       p.name_ru,
       p.name_kk,
       p.name_en,
       p.project_group,
       p.status,
       p.department_id,
       p.district_id,
       p.deputy_id,
       d.code AS deputy_code,
       d.full_name AS deputy_name,
       p.project_head,
       p.start_date,
       p.planned_end_date,
       p.forecast_end_date,
       p.actual_end_date,
       p.baseline_end_date,
       p.budget_kzt,
       p.baseline_budget_kzt,
       p.spent_kzt,
       p.progress_pct,
       e.planned_pct,
       p.status IN ('active', 'delayed') AND (p.status = 'delayed' OR p.forecast_end_date > p.planned_end_date) AS is_late,
       p.budget_kzt > p.baseline_budget_kzt OR p.spent_kzt > p.budget_kzt AS is_over_budget,
       CASE
           WHEN p.status IN ('completed', 'archived') THEN coalesce(p.actual_end_date, p.forecast_end_date) <= p.planned_end_date
           WHEN p.status IN ('active', 'delayed') THEN p.status = 'active' AND p.forecast_end_date <= p.planned_end_date
       END AS is_on_time,
       e.open_risks,
       (SELECT count(*) FROM project_risks r WHERE r.project_id = p.id AND r.is_open AND r.severity = 3) AS open_high_risks
FROM projects p
JOIN deputies d ON d.id = p.deputy_id
JOIN v_project_execution e ON e.project_id = p.id;
