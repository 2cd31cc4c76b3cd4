-- How far each project is against where its plan says it should be today (100 % = on plan or done).
CREATE VIEW v_project_execution AS
SELECT p.id AS project_id,
       p.department_id,
       p.status,
       p.progress_pct,
       CASE
           WHEN p.status IN ('completed', 'archived') THEN 100
           WHEN city_today() <= p.start_date THEN 100
           ELSE least(100, least(100, greatest(1,
                    (city_today() - p.start_date)::numeric / greatest(1, p.planned_end_date - p.start_date) * 100)))
       END::numeric(6, 1) AS planned_pct,
       CASE
           WHEN p.status IN ('completed', 'archived') THEN 100
           WHEN city_today() <= p.start_date THEN 100
           ELSE least(100, p.progress_pct / greatest(1, least(100,
                    (city_today() - p.start_date)::numeric / greatest(1, p.planned_end_date - p.start_date) * 100)) * 100)
       END::numeric(6, 1) AS execution_pct,
       (SELECT count(*) FROM project_risks r WHERE r.project_id = p.id AND r.is_open) AS open_risks
FROM projects p;
