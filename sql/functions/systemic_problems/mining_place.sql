CREATE OR REPLACE FUNCTION mining_place(level smallint, lat double precision, lon double precision) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE level
        WHEN 1 THEN round(lat * 100000)::bigint * 100000000 + round(lon * 100000)::bigint
        WHEN 2 THEN floor(lat / 0.0054)::bigint * 1000000 + floor(lon / 0.0086)::bigint
        ELSE floor(lat / 0.0054 + 0.5)::bigint * 1000000 + floor(lon / 0.0086 + 0.5)::bigint
    END
$$;
