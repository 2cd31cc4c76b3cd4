-- Escalation: critical alerts still unacknowledged at their escalate_at go one level up (3 is the last) and fan out to
-- that level's subscriptions; SKIP LOCKED so that two nodes escalate an alert once. Returns the alerts escalated.
CREATE OR REPLACE FUNCTION alerts_escalate(p_now timestamptz, p_after interval) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
    v_ids bigint[];
BEGIN
    WITH due AS (
        SELECT id FROM alerts
        WHERE escalate_at IS NOT NULL AND escalate_at <= p_now AND acknowledged_at IS NULL AND level < 3
        FOR UPDATE SKIP LOCKED
    ), up AS (
        UPDATE alerts a SET level = a.level + 1, escalate_at = CASE WHEN a.level + 1 < 3 THEN p_now + p_after END
        FROM due WHERE a.id = due.id
        RETURNING a.id
    )
    SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM up;
    PERFORM alerts_fan_out(v_ids, p_now);
    RETURN v_ids;
END;
$$;
