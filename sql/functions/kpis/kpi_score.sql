-- A value's score against its target, as a fraction: actual / target, or target / actual when lower is better,
-- never below 0 and capped at 1.25 (125 %) so that one overshoot cannot hide other misses.
--   no actual or no target          -> null: no score (excluded from weighted means, shown as missing)
--   target 0 and actual 0           -> 1.0 (met exactly, whichever the direction)
--   higher is better, target 0      -> 1.25 when actual > 0
--   lower is better, actual 0       -> 1.25 when target > 0 (better than any ratio can say)
--   lower is better, target 0       -> 0 when actual > 0
CREATE OR REPLACE FUNCTION kpi_score(actual numeric, target numeric, higher_is_better boolean)
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN actual IS NULL OR target IS NULL THEN NULL
        WHEN actual = 0 AND target = 0 THEN 1.0
        WHEN higher_is_better AND target = 0 THEN CASE WHEN actual > 0 THEN 1.25 ELSE 0 END
        WHEN higher_is_better THEN least(greatest(actual / target, 0), 1.25)
        WHEN actual = 0 THEN CASE WHEN target > 0 THEN 1.25 ELSE 0 END
        ELSE least(greatest(target / actual, 0), 1.25)
    END
$$;
