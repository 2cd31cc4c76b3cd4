-- Scheduled digests (issue "alerts to leaders ... digests"): the language a person reads what the panel sends in. The
-- panel's own language is a cookie of the browser; a mail sent at 08:00 has no browser, so the person chooses it
-- (on /me/digests) and it is kept with the account. Other outbound messages may read it too, hence IF NOT EXISTS.
ALTER TABLE users ADD COLUMN IF NOT EXISTS language text NOT NULL DEFAULT 'ru' CHECK (language IN ('ru', 'kk', 'en'));

-- The job's due subscriptions of one period, enabled ones only.
CREATE INDEX digest_subscriptions_due ON digest_subscriptions (period, last_sent_for) WHERE enabled;

-- A digest counts the appeals resolved in its period (of the city, a department, a deputy's): without this index that
-- is a scan of every appeal, seconds per digest at the city's scale (docs/benchmarks.md, "Scheduled digests").
CREATE INDEX appeals_resolved_idx ON appeals (resolved_at) WHERE resolved_at IS NOT NULL;
