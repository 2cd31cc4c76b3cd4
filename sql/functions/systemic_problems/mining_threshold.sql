-- Weekly threshold of an excess week: a count that a Poisson baseline of e reaches with less than ~1 %
-- probability (e + 2.33 sqrt(e) + 0.5, checked against the exact tail for e up to 5).
CREATE OR REPLACE FUNCTION mining_threshold(e double precision) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(1, ceil(e + 2.33 * sqrt(e) + 0.5))::integer
$$;
