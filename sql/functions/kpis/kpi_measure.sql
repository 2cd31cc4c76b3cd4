-- A computed KPI's value: runs its measure kpi_measure_<measure>(department_id, period_start, period_end).
-- kpis.measure is checked to be [a-z_]+ and the name is quoted as an identifier.
CREATE OR REPLACE FUNCTION kpi_measure(measure text, department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE plpgsql STABLE AS $$
DECLARE
    result numeric;
BEGIN
    EXECUTE format('SELECT %I($1, $2, $3)', 'kpi_measure_' || measure) INTO result USING department_id, period_start, period_end;
    RETURN result;
END;
$$;
