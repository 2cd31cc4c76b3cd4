-- Today's date on the city's clock (see city_now).
CREATE OR REPLACE FUNCTION city_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (city_now() AT TIME ZONE current_setting('TimeZone'))::date
$$;
