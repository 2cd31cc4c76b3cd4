-- The city's clock in SQL. Queries, views and the timestamps PostgreSQL fills in for the app ask city_now() and
-- city_today() instead of now() and current_date, so that an app on a fixed clock (City:FixedNow, for tests and demos)
-- sees the same "now" in SQL as in C#: it starts its sessions with city.offset_seconds, how far its clock is from the
-- system's. Without the setting they are now() and current_date exactly.
CREATE OR REPLACE FUNCTION city_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT now() + make_interval(secs => coalesce(nullif(current_setting('city.offset_seconds', true), '')::double precision, 0))
$$;
