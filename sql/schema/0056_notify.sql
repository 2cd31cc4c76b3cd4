-- Reaching people away from the screen (issue "alerts to leaders ... digests"): where a person can be reached, what
-- they want to hear about, every alert raised, and every delivery of it to every endpoint with its outcome.
-- Channel messages carry no residents' personal data; the link leads into the panel, where the roles decide.

-- Where a person can be reached. One row per push subscription (a browser or phone), Telegram chat, e-mail address.
CREATE TABLE notify_endpoints (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login         text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    channel       text NOT NULL CHECK (channel IN ('push', 'telegram', 'email')),
    address       text NOT NULL,      -- push: the push service's endpoint URL; telegram: the chat id; email: the address
    keys          jsonb,              -- push only: {"p256dh": "...", "auth": "..."} (base64url) of the subscription
    label         text,               -- "Chrome on the office PC", "iPhone": shown to the person only
    created_at    timestamptz NOT NULL,
    confirmed_at  timestamptz,        -- the person proved it is theirs (the Telegram start code, the e-mail link); push needs none
    disabled_at   timestamptz,        -- removed by the person, or gone (push 404/410, a bot blocked): nothing is sent to it
    CHECK ((channel = 'push') = (keys IS NOT NULL)),
    UNIQUE (login, channel, address)
);

-- What a person wants to be alerted about, and how. A person may hold several (e.g. critical appeals of two districts by
-- push, and the city status by e-mail). NULL district/area lists mean all of them.
CREATE TABLE alert_subscriptions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login           text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    kinds           text[] NOT NULL CHECK (kinds <> '{}' AND kinds <@ ARRAY['critical_appeal', 'system_alert',
                        'problem_emerging', 'city_status', 'overdue_department']),
    district_ids    smallint[],
    area_ids        smallint[],
    channels        text[] NOT NULL CHECK (channels <> '{}' AND channels <@ ARRAY['push', 'telegram', 'email']),
    quiet_from      time,             -- Astana local time; non-critical alerts wait until quiet_to
    quiet_to        time,
    escalation_level smallint NOT NULL DEFAULT 1 CHECK (escalation_level BETWEEN 1 AND 3),   -- 1 first, 2 and 3 when unacknowledged
    enabled         boolean NOT NULL DEFAULT true,
    updated_at      timestamptz NOT NULL,
    updated_by      text NOT NULL,
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
CREATE INDEX alert_subscriptions_login ON alert_subscriptions (login);

-- An alert: one per incident (kind + source_key), raised once and escalated in place.
CREATE TABLE alerts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('critical_appeal', 'system_alert', 'problem_emerging', 'city_status',
                        'overdue_department')),
    source_key      text NOT NULL,    -- 'appeal:123', 'system-alert:45', 'problem:7', 'city-status:2026-12-07T10:15', ...
    critical        boolean NOT NULL,
    level           smallint NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),   -- the escalation level reached
    district_id     smallint REFERENCES districts (id),
    area_id         smallint REFERENCES areas (id),
    department_id   smallint REFERENCES departments (id),
    title_ru        text NOT NULL,    -- no personal data: the incident's kind, place at building level, counts
    title_kk        text NOT NULL,
    title_en        text NOT NULL,
    link            text NOT NULL,    -- a path in the panel ('/appeals/123')
    raised_at       timestamptz NOT NULL,
    escalate_at     timestamptz,      -- critical and unacknowledged: when the next level is alerted (NULL: not escalating)
    acknowledged_at timestamptz,
    acknowledged_by text,             -- the login
    UNIQUE (kind, source_key)
);
CREATE INDEX alerts_raised ON alerts (raised_at DESC);
CREATE INDEX alerts_escalate ON alerts (escalate_at) WHERE escalate_at IS NOT NULL AND acknowledged_at IS NULL;

-- One alert to one endpoint: the outbox the delivery job works through, and the record of who knew what, when.
CREATE TABLE alert_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id        bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    login           text NOT NULL,
    endpoint_id     bigint REFERENCES notify_endpoints (id) ON DELETE SET NULL,
    channel         text NOT NULL CHECK (channel IN ('push', 'telegram', 'email')),
    level           smallint NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        smallint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,   -- pending: when to try (back-off after failures, the end of quiet hours)
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,            -- accepted by the channel's service
    ack_token       text NOT NULL UNIQUE,   -- the acknowledgement link's secret (one per delivery: who acknowledged from where)
    UNIQUE (alert_id, endpoint_id, level)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id);

-- A person's digests: the morning one, the weekly and the monthly report, by e-mail.
CREATE TABLE digest_subscriptions (
    login           text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    period          text NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly')),
    endpoint_id     bigint NOT NULL REFERENCES notify_endpoints (id) ON DELETE CASCADE,   -- an e-mail endpoint
    enabled         boolean NOT NULL DEFAULT true,
    last_sent_for   date,             -- the Astana date (daily), week's Monday or month's first day last sent
    updated_at      timestamptz NOT NULL,
    updated_by      text NOT NULL,
    PRIMARY KEY (login, period)
);
