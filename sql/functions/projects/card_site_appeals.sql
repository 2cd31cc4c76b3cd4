-- The appeals a project's card shows near its site: the project group's service types (project_group_service_types)
-- within radius_m metres of the project's point, from a year before its start (or before today, for a project not yet
-- started) on. The bounding box lets the (service_type_id, created_at) index and the coordinates narrow the rows
-- before the distance is computed.
CREATE OR REPLACE FUNCTION card_site_appeals(project integer, radius_m double precision)
RETURNS TABLE (appeal_id bigint, created_at timestamptz, distance_m double precision)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT a.id, a.created_at, mining_distance(p.lat, p.lon, a.lat, a.lon)
    FROM projects p
    JOIN project_group_service_types g ON g.project_group = p.project_group
    JOIN appeals a ON a.service_type_id = g.service_type_id
        AND a.created_at >= card_site_since(p.start_date)
        AND a.lat BETWEEN p.lat - radius_m / 111195 AND p.lat + radius_m / 111195
        AND a.lon BETWEEN p.lon - radius_m / 111195 / cos(radians(p.lat)) AND p.lon + radius_m / 111195 / cos(radians(p.lat))
    WHERE p.id = project AND p.lat IS NOT NULL AND p.lon IS NOT NULL
      AND mining_distance(p.lat, p.lon, a.lat, a.lon) <= radius_m
$$;
