-- The city's time zone (IANA) in SQL: day and week buckets, SLA days and local times read it instead of a written-in
-- zone, so a database holding another city's profile counts its days in that city's time. `profile apply` stores the
-- zone as the database's default of city.zone (ALTER DATABASE ... SET), so every session, the app's, a trigger's or
-- psql's, sees it; without it the city is Astana. A setting read, but a function call on every row: statements over
-- many rows write AT TIME ZONE (SELECT city_zone()), read once per statement (docs/benchmarks.md, "city_zone()").
CREATE OR REPLACE FUNCTION city_zone() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(current_setting('city.zone', true), ''), 'Asia/Almaty')
$$;
