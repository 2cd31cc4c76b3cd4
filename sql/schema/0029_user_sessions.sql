-- Server-side sign-in sessions. The sign-in cookie names its session; every request and every open page checks the
-- row, shared by all app nodes: signing out ends the session everywhere at once (other tabs, other nodes, a copied
-- cookie), and ending it, disabling the account or changing its role notifies every node ('account_changes').
CREATE TABLE user_sessions (
    id            text PRIMARY KEY CHECK (length(id) >= 32),   -- random, 32 bytes in base64url
    user_id       integer NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,                        -- renewed at most once a minute while used
    ended_at      timestamptz,                                 -- signed out, or ended by a disable or a password reset
    address       inet
);
CREATE INDEX user_sessions_open_idx ON user_sessions (user_id) WHERE ended_at IS NULL;

-- The first body of the function; its current one is sql/functions/accounts/notify_account_change.sql.
CREATE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('account_changes', NEW.id::text);
    ELSE
        PERFORM pg_notify('account_changes', NEW.user_id::text);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER user_sessions_ended AFTER UPDATE OF ended_at ON user_sessions
    FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL) EXECUTE FUNCTION notify_account_change();
CREATE TRIGGER users_access_changed AFTER UPDATE OF role, disabled, password_hash ON users
    FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.disabled IS DISTINCT FROM NEW.disabled
                       OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION notify_account_change();

-- An API client's own limit of requests a minute (null: the configured default, Open311:RateLimits).
ALTER TABLE api_clients ADD COLUMN requests_per_minute integer CHECK (requests_per_minute > 0);
