-- Working days after `received` up to and including `resolved`: weekdays that are not public holidays.
CREATE OR REPLACE FUNCTION working_days_between(received date, resolved date) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT count(*)::int FROM generate_series(received + 1, resolved, interval '1 day') d
    WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT day FROM holidays)
$$;
