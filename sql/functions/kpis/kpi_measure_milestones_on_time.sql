-- Share (%) of the milestones of a department's projects due in [period_start, period_end) that were done by their
-- due date. Null when none fell due.
CREATE OR REPLACE FUNCTION kpi_measure_milestones_on_time(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * count(*) FILTER (WHERE m.done_date <= m.due_date) / nullif(count(*), 0), 2)
    FROM project_milestones m
    JOIN projects p ON p.id = m.project_id
    WHERE p.department_id = kpi_measure_milestones_on_time.department_id
      AND m.due_date >= period_start AND m.due_date < period_end
$$;
