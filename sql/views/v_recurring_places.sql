-- A first cut at systemic problems before the mining job runs: the same service type at the same building,
-- appealed in many distinct weeks of the last half year (a one-day burst does not count as recurring).
-- The building is the address without its flat ("ул. Петрова, 54, кв. 12" -> "ул. Петрова, 54").
CREATE VIEW v_recurring_places AS
SELECT service_type_id,
       area_id,
       district_id,
       regexp_replace(address, ',\s*(кв|пәтер|apt)\.?\s*\d+.*$', '') AS address,
       count(*) AS appeals,
       count(DISTINCT date_trunc('week', created_at)) AS distinct_weeks,
       count(DISTINCT citizen_id) AS citizens,
       count(*) FILTER (WHERE reopened_count > 0) AS reopened,
       min(created_at) AS first_seen,
       max(created_at) AS last_seen
FROM appeals
WHERE created_at >= now() - interval '182 days'
  AND address IS NOT NULL
GROUP BY service_type_id, area_id, district_id, 4
HAVING count(DISTINCT date_trunc('week', created_at)) >= 4;
