-- The instants a KPI period covers in the city's time (city_zone()): [period_start 00:00, period_end 00:00). Every measure counts
-- appeals by these bounds, so a month's appeals are the ones the appeals explorer shows for that month.
CREATE OR REPLACE FUNCTION kpi_period_from(period_start date) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT period_start::timestamp AT TIME ZONE city_zone()
$$;
