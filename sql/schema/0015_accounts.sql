-- Sign-in. The people who use the panel are already the rows of `users` (0001): their accounts are those rows with a
-- password hash (PBKDF2-SHA256 in one self-describing string, Features/Accounts/PasswordHasher.cs), a disabled flag
-- and the time of their last sign-in. Viewing needs no account (wall screens run unattended); only the roles that
-- change things sign in: administrators, analysts and operators.

ALTER TABLE users
    ADD COLUMN password_hash    text,
    ADD COLUMN disabled         boolean NOT NULL DEFAULT false,
    ADD COLUMN last_sign_in_at  timestamptz,
    ADD CONSTRAINT users_sign_in_roles CHECK (password_hash IS NULL OR role IN ('admin', 'analyst', 'operator')),
    ADD CONSTRAINT users_password_hash_form CHECK (password_hash IS NULL OR password_hash LIKE 'pbkdf2-sha256$%');

-- The keys that protect sign-in cookies and antiforgery tokens, shared by every app node on this database, so a
-- cookie issued by one node is read by the others (ASP.NET Core data protection's key ring, one XML element a key).
CREATE TABLE data_protection_keys (
    name        text PRIMARY KEY,
    xml         text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
