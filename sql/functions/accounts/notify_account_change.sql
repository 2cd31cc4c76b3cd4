CREATE OR REPLACE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The account's id only: each node's listener tells the open pages of that account to check their session again.
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('account_changes', NEW.id::text);
    ELSE
        PERFORM pg_notify('account_changes', NEW.user_id::text);
    END IF;
    RETURN NULL;
END;
$$;
