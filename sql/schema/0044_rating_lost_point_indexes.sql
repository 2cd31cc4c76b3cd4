-- The lost points list each department's latest late, and reopened or re-reported, answers of a period: partial
-- indexes find ten of them at once instead of walking the department's whole period (420 ms to 2 ms for the year's
-- periods on the full city).
CREATE INDEX IF NOT EXISTS rating_appeal_facts_late_idx ON rating_appeal_facts (department_id, settled_on, appeal_id) WHERE NOT on_time;
CREATE INDEX IF NOT EXISTS rating_appeal_facts_reopened_idx ON rating_appeal_facts (department_id, settled_on, appeal_id)
    WHERE reopened OR re_reported_by IS NOT NULL;
