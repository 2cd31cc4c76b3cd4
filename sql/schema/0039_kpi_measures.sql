-- The computed KPIs measure a department's appeals month by month (sql/functions/kpis/kpi_measure_*): an index on
-- the department and the time of arrival lets each measure read that department's month and nothing else.
CREATE INDEX appeals_department_created_idx ON appeals (department_id, created_at);
