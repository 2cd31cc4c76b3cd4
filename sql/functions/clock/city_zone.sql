-- The city's time zone (IANA) in SQL: day and week buckets, SLA days and local times read it instead of a written-in
-- zone, so a database holding another city's profile counts its days in that city's time. `profile apply` stores the
-- zone as the database's default of city.zone (ALTER DATABASE ... SET), so every session, the app's, a trigger's or
-- psql's, sees it; without it the city is Astana. A setting read (no table), so it costs next to nothing per row.
CREATE OR REPLACE FUNCTION city_zone() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(current_setting('city.zone', true), ''), 'Asia/Almaty')
$$;
