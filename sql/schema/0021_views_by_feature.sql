-- Views are named by their feature now (sql/views/<feature>/v_<feature>_<shape>.sql): drop the old name, which the
-- view pass (that drops views by their file names) no longer knows.
DROP VIEW IF EXISTS v_manager_scorecard;
