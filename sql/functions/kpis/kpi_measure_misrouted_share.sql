-- Misrouting share (%) as the managers' rating counts it: of the appeals a department handled in
-- [period_start, period_end) (answered, or forwarded on to another department), those it forwarded on. From the
-- rating's daily rollup (rating_appeal_daily), one definition with the rating. Null when it handled none.
CREATE OR REPLACE FUNCTION kpi_measure_misrouted_share(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * sum(d.forwarded_away) / nullif(sum(d.settled + d.forwarded_away), 0), 2)
    FROM rating_appeal_daily d
    WHERE d.department_id = kpi_measure_misrouted_share.department_id AND d.day >= period_start AND d.day < period_end
$$;
