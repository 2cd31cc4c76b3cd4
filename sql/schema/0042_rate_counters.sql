-- The rate limits that every app node shares (sign-in throttle, the Open311 API's limits, exports): one row per
-- counted thing ("open311-key:12", "sign-in-pair:admin 203.0.113.7"), updated by one INSERT ... ON CONFLICT per
-- decision (sql/functions/rate_limits). UNLOGGED: no WAL for counters that live minutes; a crash of PostgreSQL empties
-- the table, which only starts every allowance afresh.
CREATE UNLOGGED TABLE rate_counters (
    bucket text PRIMARY KEY,
    -- the length of the bucket's window, for the purge of rows no decision reads any more
    window_seconds integer NOT NULL CHECK (window_seconds > 0),
    -- the fixed window the hits are in (a sliding window weighs the previous one's hits in)
    window_start timestamptz NOT NULL,
    hits integer NOT NULL,
    previous_hits integer NOT NULL,
    last_at timestamptz NOT NULL
);
