-- Complaints near each active or delayed project with a place, of the service types that matter for its group
-- (project_group_service_types), counted in the months before its start (up to months_before, and not before the
-- first appeal on record) and since its start. Each type is read through appeals_first_report_idx (service type,
-- created_at, lat, lon) with a bounding box around the site, so the index alone answers; the exact distance is
-- checked on what the box lets through.
CREATE OR REPLACE FUNCTION project_complaint_trend(radius_m double precision DEFAULT 500, months_before integer DEFAULT 12)
RETURNS TABLE (project_id integer, before_count integer, before_months numeric, since_count integer, since_months numeric)
LANGUAGE sql STABLE AS $$
    WITH bounds AS (
        SELECT city_now() AS now_at, coalesce((SELECT min(created_at) FROM appeals), city_now()) AS first_at
    ),
    sites AS (
        SELECT p.id, p.project_group, p.lat, p.lon,
               coalesce(p.actual_start_date, p.start_date)::timestamptz AS started_at,
               greatest(coalesce(p.actual_start_date, p.start_date)::timestamptz - make_interval(months => months_before), b.first_at) AS from_at,
               b.now_at,
               radius_m / 111195.0 AS dlat,
               radius_m / (111195.0 * cos(radians(p.lat))) AS dlon
        FROM projects p CROSS JOIN bounds b
        WHERE p.status IN ('active', 'delayed') AND p.lat IS NOT NULL AND p.lon IS NOT NULL
          AND coalesce(p.actual_start_date, p.start_date)::timestamptz < b.now_at
    )
    SELECT s.id,
           count(*) FILTER (WHERE a.created_at < s.started_at)::integer,
           round((extract(epoch FROM s.started_at - least(s.from_at, s.started_at)) / (86400 * 30.4375))::numeric, 2),
           count(*) FILTER (WHERE a.created_at >= s.started_at)::integer,
           round((extract(epoch FROM s.now_at - s.started_at) / (86400 * 30.4375))::numeric, 2)
    FROM sites s
    LEFT JOIN LATERAL (
        SELECT a.created_at
        FROM project_group_service_types g
        JOIN appeals a ON a.service_type_id = g.service_type_id
        WHERE g.project_group = s.project_group
          AND a.duplicate_of IS NULL
          AND a.created_at >= s.from_at AND a.created_at < s.now_at
          AND a.lat BETWEEN s.lat - s.dlat AND s.lat + s.dlat
          AND a.lon BETWEEN s.lon - s.dlon AND s.lon + s.dlon
          AND 111195 * sqrt((a.lat - s.lat) ^ 2 + ((a.lon - s.lon) * cos(radians(s.lat))) ^ 2) <= radius_m
    ) a ON true
    GROUP BY s.id, s.started_at, s.from_at, s.now_at
$$;
