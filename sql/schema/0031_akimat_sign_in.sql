-- The akimat signs in too: the akim, the deputy akims and the department heads join the administrators, analysts
-- and operators of 0015. A department head's rights are scoped to a department, so one cannot hold a password
-- without it.

ALTER TABLE users
    DROP CONSTRAINT users_sign_in_roles,
    ADD CONSTRAINT users_sign_in_roles CHECK (password_hash IS NULL
        OR role IN ('admin', 'analyst', 'operator', 'akim', 'deputy')
        OR (role = 'department_head' AND department_id IS NOT NULL));
