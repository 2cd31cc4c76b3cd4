-- The managers' rating, four indicators (DOMAIN.md), computed live from the data until the rating job stores
-- periods of its own: KPI execution over the last 12 months (weighted, 0..125 %); projects against plan; appeals of
-- the last 90 days answered within their SLA; systemic problems worked out of those assigned (100 % when none are assigned).
CREATE VIEW v_ratings_manager_scorecard AS
WITH kpi AS (
    -- Each KPI's periods of the last 12 months, weighted by the KPI's weight (periods without a score left out).
    SELECT department_id, sum(execution_pct * weight) / nullif(sum(weight), 0) AS pct
    FROM v_kpi_execution
    WHERE period_start >= date_trunc('month', city_today()) - interval '12 months' AND execution_pct IS NOT NULL
    GROUP BY department_id
), proj AS (
    SELECT department_id, avg(execution_pct) AS pct, count(*) AS projects
    FROM v_project_execution
    WHERE status IN ('active', 'delayed') OR status = 'completed'
    GROUP BY department_id
), appeal AS (
    SELECT department_id,
           avg(CASE WHEN coalesce(resolved_at, city_now()) <= sla_due_at THEN 100 ELSE 0 END) AS pct,
           count(*) AS appeals
    FROM appeals
    WHERE created_at >= city_now() - interval '90 days'
    GROUP BY department_id
), systemic AS (
    SELECT department_id,
           count(*) AS assigned,
           count(*) FILTER (WHERE status IN ('worked_out', 'verified')) AS worked_out
    FROM systemic_problems
    WHERE department_id IS NOT NULL AND status NOT IN ('identified', 'dismissed')
    GROUP BY department_id
)
SELECT m.id AS manager_id,
       m.full_name,
       m.position_ru,
       m.department_id,
       coalesce(kpi.pct, 0)::numeric(5, 1) AS kpi_pct,
       coalesce(proj.pct, 100)::numeric(5, 1) AS projects_pct,
       coalesce(appeal.pct, 100)::numeric(5, 1) AS appeals_pct,
       CASE WHEN coalesce(systemic.assigned, 0) = 0 THEN 100
            ELSE systemic.worked_out * 100.0 / systemic.assigned END::numeric(5, 1) AS systemic_pct,
       coalesce(proj.projects, 0) AS projects,
       coalesce(appeal.appeals, 0) AS appeals,
       coalesce(systemic.assigned, 0) AS systemic_assigned
FROM managers m
LEFT JOIN kpi ON kpi.department_id = m.department_id
LEFT JOIN proj ON proj.department_id = m.department_id
LEFT JOIN appeal ON appeal.department_id = m.department_id
LEFT JOIN systemic ON systemic.department_id = m.department_id;
