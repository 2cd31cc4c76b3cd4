-- Weeks of history the mining needs to tell a problem's rise from the season's: a year (52 weeks). Under it the
-- mining claims no growth and no emerging problem, and the pages say "history shorter than a year".
CREATE OR REPLACE FUNCTION mining_history_weeks() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 52 $$;
