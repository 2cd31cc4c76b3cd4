-- The delivery job's outbox (Features/Alerts/README.md, "Delivery").

-- Claims up to p_limit due pending deliveries for p_lease (their next_attempt_at moves past it, so another node's claim
-- skips them while this one sends; a node that dies mid-send leaves them to be tried again after the lease). SKIP
-- LOCKED: two nodes claiming together take different rows. Deliveries to an endpoint disabled or deleted since the
-- fan-out are skipped first.
CREATE OR REPLACE FUNCTION alerts_claim_deliveries(p_now timestamptz, p_limit integer, p_lease interval)
RETURNS TABLE (id bigint, alert_id bigint, login text, endpoint_id bigint, channel text, address text, keys text,
               attempts smallint, ack_token text, critical boolean, title_ru text, title_kk text, title_en text, link text)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE alert_deliveries d SET status = 'skipped', last_error = 'endpoint disabled'
    WHERE d.status = 'pending' AND d.next_attempt_at <= p_now
      AND NOT EXISTS (SELECT 1 FROM notify_endpoints e WHERE e.id = d.endpoint_id AND e.disabled_at IS NULL);

    RETURN QUERY
    WITH due AS (
        SELECT d.id FROM alert_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= p_now
        ORDER BY d.next_attempt_at, d.id
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE alert_deliveries d SET next_attempt_at = p_now + p_lease FROM due WHERE d.id = due.id
        RETURNING d.*
    )
    SELECT c.id, c.alert_id, c.login, c.endpoint_id, c.channel, e.address, e.keys::text, c.attempts, c.ack_token,
           a.critical, a.title_ru, a.title_kk, a.title_en, a.link
    FROM claimed c
    JOIN alerts a ON a.id = c.alert_id
    JOIN notify_endpoints e ON e.id = c.endpoint_id;
END;
$$;

-- A send's outcome: 'sent'; 'retry' (attempts + 1, back-off p_first doubling up to p_max, 'failed' at p_max_attempts);
-- 'gone' (the endpoint is disabled, the delivery 'failed').
CREATE OR REPLACE FUNCTION alerts_delivery_done(p_id bigint, p_outcome text, p_error text, p_now timestamptz,
                                                p_first interval, p_max interval, p_max_attempts integer)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_status text;
    v_endpoint bigint;
BEGIN
    UPDATE alert_deliveries d SET
        attempts = d.attempts + 1,
        last_error = left(p_error, 500),
        sent_at = CASE WHEN p_outcome = 'sent' THEN p_now END,
        status = CASE WHEN p_outcome = 'sent' THEN 'sent'
                      WHEN p_outcome = 'gone' OR d.attempts + 1 >= p_max_attempts THEN 'failed'
                      ELSE 'pending' END,
        next_attempt_at = CASE WHEN p_outcome = 'retry'
                               THEN p_now + least(p_max, p_first * power(2, least(d.attempts, 30)))
                               ELSE d.next_attempt_at END
    WHERE d.id = p_id AND d.status = 'pending'
    RETURNING d.status, d.endpoint_id INTO v_status, v_endpoint;
    IF p_outcome = 'gone' THEN
        -- The reason as the person's channels page shows it (ChannelEndpoints.DisableGoneAsync writes the same).
        UPDATE notify_endpoints SET disabled_at = p_now, disabled_reason = 'gone: ' || left(coalesce(p_error, ''), 300)
        WHERE id = v_endpoint AND disabled_at IS NULL;
    END IF;
    RETURN v_status;
END;
$$;
