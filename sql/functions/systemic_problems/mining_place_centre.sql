-- Centre of a place key: the building's own coordinates, or the middle of the cell.
CREATE OR REPLACE FUNCTION mining_place_centre(level smallint, place bigint, OUT lat double precision, OUT lon double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE level WHEN 1 THEN (place / 100000000) / 100000.0
                      WHEN 2 THEN (place / 1000000 + 0.5) * 0.0054
                      ELSE (place / 1000000) * 0.0054 END,
           CASE level WHEN 1 THEN (place % 100000000) / 100000.0
                      WHEN 2 THEN (place % 1000000 + 0.5) * 0.0086
                      ELSE (place % 1000000) * 0.0086 END
$$;
