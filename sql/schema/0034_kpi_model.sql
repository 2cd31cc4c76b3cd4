-- The city's KPI model as the office of strategic and budget planning keeps it: each KPI has an owner department,
-- a direction, a weight in the department's execution, a reporting period, a source (entered by hand, imported, or
-- computed by SQL from the city's own data so that a KPI never contradicts the appeals it measures) and a target
-- that is either set or historical (the mean of the same periods of past years, as Boston's CityScore does).

ALTER TABLE kpis
    ADD COLUMN weight       numeric(6, 2) NOT NULL DEFAULT 1 CHECK (weight > 0),
    ADD COLUMN period_kind  text NOT NULL DEFAULT 'month' CHECK (period_kind IN ('month', 'quarter', 'year')),
    -- How months add up to a quarter or a year: counts sum, shares and averages average, stocks take the last.
    ADD COLUMN aggregation  text NOT NULL DEFAULT 'mean' CHECK (aggregation IN ('sum', 'mean', 'last')),
    ADD COLUMN source       text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'computed')),
    -- For source = 'computed': the measure, a SQL function kpi_measure_<name>(department_id, period_start, period_end)
    -- in sql/functions/kpis/ that returns the value from the appeals, problems or projects.
    ADD COLUMN measure      text CHECK (measure ~ '^[a-z_]+$'),
    ADD COLUMN target_mode  text NOT NULL DEFAULT 'fixed' CHECK (target_mode IN ('fixed', 'historical')),
    -- The range a value may take (entry and import refuse others); null: no bound.
    ADD COLUMN min_value    numeric(18, 2),
    ADD COLUMN max_value    numeric(18, 2),
    ADD COLUMN updated_at   timestamptz,
    ADD COLUMN updated_by   text,
    ADD CONSTRAINT kpis_computed_measure CHECK ((source = 'computed') = (measure IS NOT NULL)),
    ADD CONSTRAINT kpis_value_range CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value);
UPDATE kpis SET min_value = 0, max_value = 100 WHERE unit = '%';
UPDATE kpis SET min_value = 0 WHERE unit <> '%';

-- Targets of quarters and years where they are set apart from the months' (a year's target is not always the sum).
CREATE TABLE kpi_targets (
    kpi_id        integer NOT NULL REFERENCES kpis (id),
    period_kind   text NOT NULL CHECK (period_kind IN ('quarter', 'year')),
    period_start  date NOT NULL,
    target        numeric(18, 2) NOT NULL,
    PRIMARY KEY (kpi_id, period_kind, period_start)
);

-- Who entered each value and when (the audit log keeps every change; this is the value's latest).
ALTER TABLE kpi_values
    ALTER COLUMN target TYPE numeric(18, 2),
    ALTER COLUMN actual TYPE numeric(18, 2),
    ADD COLUMN entered_at  timestamptz,
    ADD COLUMN entered_by  text;

-- Reporting months the planning office has closed: no value of a closed month changes.
CREATE TABLE kpi_periods (
    period_start  date PRIMARY KEY CHECK (extract(day FROM period_start) = 1),
    closed_at     timestamptz NOT NULL,
    closed_by     text NOT NULL
);

CREATE TRIGGER kpis_changed AFTER INSERT OR UPDATE OR DELETE ON kpis
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('kpis');
CREATE TRIGGER kpi_values_changed AFTER INSERT OR UPDATE OR DELETE ON kpi_values
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('kpis');
CREATE TRIGGER kpi_targets_changed AFTER INSERT OR UPDATE OR DELETE ON kpi_targets
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('kpis');
CREATE TRIGGER kpi_periods_changed AFTER INSERT OR UPDATE OR DELETE ON kpi_periods
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('kpis');
