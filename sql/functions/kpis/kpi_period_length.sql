-- The length of a KPI period kind (kpis.period_kind): a month, a quarter (three months) or a year.
CREATE OR REPLACE FUNCTION kpi_period_length(period_kind text) RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE period_kind WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months' WHEN 'year' THEN interval '1 year' END
$$;
