-- The Web Push and Telegram channels and the person's own endpoints (docs/notifications.md): the panel's VAPID keys,
-- the one-time codes that prove an endpoint is the person's, where the Telegram updates were read up to, and why an
-- endpoint was disabled.

-- The panel's VAPID key pair (P-256), made once by the first node that needs it, so that every node signs with the
-- key the browsers subscribed with. The private key is kept encrypted with the panel's data-protection keys.
-- Push:PublicKey and Push:PrivateKey in the configuration take precedence.
CREATE TABLE notify_push_keys (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    public_key   text NOT NULL,     -- base64url of the uncompressed point (65 bytes): the browsers' applicationServerKey
    private_key  text NOT NULL,     -- base64url of the scalar (32 bytes), protected
    created_at   timestamptz NOT NULL
);

-- One-time codes: a Telegram link's start parameter, an e-mail address's confirmation link. Only the SHA-256 of the code
-- is kept: a copy of the database links and confirms nothing.
CREATE TABLE notify_codes (
    code_hash    bytea PRIMARY KEY,
    login        text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    channel      text NOT NULL CHECK (channel IN ('telegram', 'email')),
    endpoint_id  bigint REFERENCES notify_endpoints (id) ON DELETE CASCADE,   -- email: the address it confirms
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    CHECK ((channel = 'email') = (endpoint_id IS NOT NULL))
);
CREATE INDEX notify_codes_login ON notify_codes (login);

-- How far the bot's updates were read (getUpdates' offset): one reader at a time holds this row.
CREATE TABLE telegram_poll (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    update_offset bigint NOT NULL,
    polled_at     timestamptz
);
INSERT INTO telegram_poll (update_offset) VALUES (0);

-- Why an endpoint stopped receiving: 'removed' by the person, or the channel's answer ('gone: 410 ...', 'gone: 403 ...').
ALTER TABLE notify_endpoints ADD COLUMN disabled_reason text;
