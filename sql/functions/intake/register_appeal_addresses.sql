-- Registers every building that appeals name (their flats stripped), keeping the ids of those already known.
CREATE OR REPLACE FUNCTION register_appeal_addresses() RETURNS integer LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO addresses (address, district_id, lat, lon)
        SELECT DISTINCT ON (building) building, district_id, lat, lon
        FROM (SELECT regexp_replace(address, ',\s*(кв|пәтер|apt)\.?\s*\d+.*$', '') AS building, district_id, lat, lon, created_at
              FROM appeals WHERE address IS NOT NULL AND lat IS NOT NULL) a
        ORDER BY building, created_at
        ON CONFLICT (address) DO NOTHING
        RETURNING 1)
    SELECT count(*)::int FROM added;
$$;
