-- Distance in metres between two points of the city (equirectangular: exact enough within a few kilometres).
CREATE OR REPLACE FUNCTION mining_distance(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 111195 * sqrt((lat1 - lat2) ^ 2 + ((lon1 - lon2) * cos(radians((lat1 + lat2) / 2))) ^ 2)
$$;
