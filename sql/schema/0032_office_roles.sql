-- Two offices of the akimat sign in to keep their data: the project office (projects, milestones, risks, photos,
-- the akimat meeting's agenda) and the office of strategic and budget planning (the KPI model: definitions,
-- targets, weights, open and closed periods).

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('akim', 'deputy', 'department_head', 'analyst', 'operator', 'admin', 'project_office', 'planning_office'));

ALTER TABLE users
    DROP CONSTRAINT users_sign_in_roles,
    ADD CONSTRAINT users_sign_in_roles CHECK (password_hash IS NULL
        OR role IN ('admin', 'analyst', 'operator', 'akim', 'deputy', 'project_office', 'planning_office')
        OR (role = 'department_head' AND department_id IS NOT NULL));
