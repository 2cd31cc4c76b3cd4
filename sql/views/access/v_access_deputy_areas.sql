-- The areas of city life a deputy akim supervises: those whose service types the deputy's departments handle
-- (deputy_departments). The deputy's live panel and appeals explorer list them first; the deputy still sees the city.
CREATE VIEW v_access_deputy_areas AS
SELECT DISTINCT dd.deputy_id, st.area_id
FROM deputy_departments dd
JOIN service_types st ON st.department_id = dd.department_id;
