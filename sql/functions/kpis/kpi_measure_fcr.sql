-- First-contact resolution (%) as the managers' rating counts it: of a department's appeals answered in
-- [period_start, period_end) (Astana days of the answer), those resolved at the first contact. Read from the rating's
-- daily rollup (rating_appeal_daily, kept by the rating job from rating_appeal_facts), so the KPI and the rating's
-- measure are one definition. Null when the department answered none.
CREATE OR REPLACE FUNCTION kpi_measure_fcr(department_id smallint, period_start date, period_end date)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT round(100.0 * sum(d.first_contact) / nullif(sum(d.settled), 0), 2)
    FROM rating_appeal_daily d
    WHERE d.department_id = kpi_measure_fcr.department_id AND d.day >= period_start AND d.day < period_end
$$;
