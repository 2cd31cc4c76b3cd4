-- The city's clock in SQL. Queries, views and the timestamps PostgreSQL fills in for the app ask city_now() and
-- city_today() instead of now() and current_date, so that an app on a fixed clock (City:FixedNow, for tests and demos)
-- sees the same "now" in SQL as in C#: it starts its sessions with city.offset_seconds, how far its clock is from the
-- system's. Without the setting they are now() and current_date exactly.
CREATE FUNCTION city_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT now() + make_interval(secs => coalesce(nullif(current_setting('city.offset_seconds', true), '')::double precision, 0))
$$;

CREATE FUNCTION city_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (city_now() AT TIME ZONE current_setting('TimeZone'))::date
$$;

-- A problem's history is ordered by these: they must be on the same clock as the lifecycle steps the app writes.
ALTER TABLE systemic_problems ALTER COLUMN identified_at SET DEFAULT city_now();
ALTER TABLE systemic_problems ALTER COLUMN updated_at SET DEFAULT city_now();
ALTER TABLE systemic_problem_events ALTER COLUMN at SET DEFAULT city_now();
