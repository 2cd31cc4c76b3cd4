-- The city's clock in SQL. Queries and views ask city_now() and city_today() instead of now() and current_date, so
-- that an app on a fixed clock (City:FixedNow, for tests and demos) sees the same "now" in SQL as in C#: it starts its
-- sessions with the setting city.now. Without the setting they are now() and current_date exactly.
CREATE FUNCTION city_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(current_setting('city.now', true), '')::timestamptz, now())
$$;

CREATE FUNCTION city_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (city_now() AT TIME ZONE current_setting('TimeZone'))::date
$$;
