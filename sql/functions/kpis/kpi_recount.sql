-- Writes the actuals of the computed KPIs (kpis.source = 'computed') for their periods from the one holding
-- from_month to the last one over by the end of to_month, from their measures, so that a KPI always equals the recount of the data it measures.
-- Periods are the KPI's own (month, quarter or year). Closed months (kpi_periods) are never touched. A period without
-- a row gets one with the target of the KPI's nearest period (targets are the planning office's; the recount only
-- measures).
-- Writes nothing, and so notifies no page, when every value is already right. Returns the number of values written.
CREATE OR REPLACE FUNCTION kpi_recount(from_month date, to_month date, actor text)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    written integer;
BEGIN
    CREATE TEMP TABLE kpi_recounted ON COMMIT DROP AS
    WITH periods AS (
        SELECT k.id AS kpi_id, k.measure, k.department_id, p::date AS period_start,
               (p + kpi_period_length(k.period_kind))::date AS period_end
        FROM kpis k,
             generate_series(date_trunc(k.period_kind, from_month), to_month, kpi_period_length(k.period_kind)) p
        WHERE k.source = 'computed'
    )
    SELECT p.kpi_id, p.period_start, kpi_measure(p.measure, p.department_id, p.period_start, p.period_end) AS actual
    FROM periods p
    WHERE p.period_end <= (to_month + interval '1 month')::date
      AND NOT EXISTS (SELECT 1 FROM kpi_periods c WHERE c.period_start >= p.period_start AND c.period_start < p.period_end);

    -- Values already right, and periods with nothing to measure that have no row either.
    DELETE FROM kpi_recounted r
    WHERE EXISTS (SELECT 1 FROM kpi_values v WHERE v.kpi_id = r.kpi_id AND v.period_start = r.period_start AND v.actual IS NOT DISTINCT FROM r.actual)
       OR (r.actual IS NULL AND NOT EXISTS (SELECT 1 FROM kpi_values v WHERE v.kpi_id = r.kpi_id AND v.period_start = r.period_start));
    SELECT count(*) INTO written FROM kpi_recounted;
    IF written > 0 THEN
        INSERT INTO kpi_values AS v (kpi_id, period_start, target, actual, entered_at, entered_by)
        SELECT r.kpi_id, r.period_start,
               coalesce((SELECT e.target FROM kpi_values e WHERE e.kpi_id = r.kpi_id
                         ORDER BY abs(e.period_start - r.period_start), e.period_start LIMIT 1), 0),
               r.actual, city_now(), actor
        FROM kpi_recounted r
        ON CONFLICT (kpi_id, period_start) DO UPDATE SET actual = excluded.actual, entered_at = excluded.entered_at, entered_by = excluded.entered_by;
    END IF;
    DROP TABLE kpi_recounted;
    RETURN written;
END;
$$;
