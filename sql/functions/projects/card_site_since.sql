-- Where a project card's appeals near the site begin: the first of the month a year before the project's start, or a
-- year before today's month for a project that has not started yet (so its neighbourhood's last year shows).
CREATE OR REPLACE FUNCTION card_site_since(start_date date) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT date_trunc('month', least(start_date, city_today())::timestamptz) - interval '1 year'
$$;
