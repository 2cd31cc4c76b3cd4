-- Counts one attempt in a bucket's streak: attempts that follow each other with no pause longer than
-- p_window_seconds (the sign-in throttle's failures of one login from one address). A pause that long starts the
-- streak again from one.
CREATE OR REPLACE FUNCTION rate_streak_hit(p_bucket text, p_window_seconds integer, p_now timestamptz)
RETURNS rate_counters LANGUAGE sql AS $$
    INSERT INTO rate_counters AS c (bucket, window_seconds, window_start, hits, previous_hits, last_at)
    VALUES (p_bucket, p_window_seconds, p_now, 1, 0, p_now)
    ON CONFLICT (bucket) DO UPDATE SET
        hits = CASE WHEN p_now - c.last_at > make_interval(secs => p_window_seconds) THEN 1 ELSE c.hits + 1 END,
        window_seconds = excluded.window_seconds,
        last_at = greatest(c.last_at, excluded.last_at)
    RETURNING c.*
$$;
