-- Counts one attempt against a bucket's sliding window (two fixed windows of p_window_seconds: the app weighs the
-- previous window's hits by the share of it still inside the sliding window). One statement and one row per bucket,
-- so that every node's attempt is counted once, whatever the nodes do at the same time. The clock is the app's
-- (p_now): a node a little behind the others counts its attempt in the newest window the row has.
CREATE OR REPLACE FUNCTION rate_window_hit(p_bucket text, p_window_seconds integer, p_now timestamptz)
RETURNS rate_counters LANGUAGE sql AS $$
    INSERT INTO rate_counters AS c (bucket, window_seconds, window_start, hits, previous_hits, last_at)
    VALUES (p_bucket, p_window_seconds, date_bin(make_interval(secs => p_window_seconds), p_now, timestamptz 'epoch'), 1, 0, p_now)
    ON CONFLICT (bucket) DO UPDATE SET
        previous_hits = CASE
            WHEN c.window_start >= excluded.window_start THEN c.previous_hits
            WHEN c.window_start = excluded.window_start - make_interval(secs => p_window_seconds) THEN c.hits
            ELSE 0 END,
        hits = CASE WHEN c.window_start >= excluded.window_start THEN c.hits ELSE 0 END + 1,
        window_start = greatest(c.window_start, excluded.window_start),
        window_seconds = excluded.window_seconds,
        last_at = greatest(c.last_at, excluded.last_at)
    RETURNING c.*
$$;
