-- Forwarding time (hours) as the managers' rating counts it: the mean time an appeal sat with a department before
-- it forwarded it to another, over the forwardings of [period_start, period_end). From the rating's daily rollup
-- (rating_appeal_daily), one definition with the rating. Null when the department forwarded none.
CREATE OR REPLACE FUNCTION kpi_measure_forwarding_hours(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(sum(d.forwarded_hours) / nullif(sum(d.forwarded_away), 0), 2)
    FROM rating_appeal_daily d
    WHERE d.department_id = kpi_measure_forwarding_hours.department_id AND d.day >= period_start AND d.day < period_end
$$;
