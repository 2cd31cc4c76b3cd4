-- Each answered appeal's facts for the managers' rating (rating_appeal_facts keeps them; the job refreshes the rows of
-- the appeals that changed, a rebuild all of them, from this one definition). An appeal counts for the department
-- that answered it, on the Astana day of its answer (resolved, else closed). It is re-reported when a later appeal of
-- the same service type at the same address arrives within 30 days of that answer (a duplicate of it aside).
CREATE VIEW v_ratings_appeal_facts AS
SELECT a.id AS appeal_id,
       a.department_id,
       (coalesce(a.resolved_at, a.closed_at) AT TIME ZONE city_zone())::date AS settled_on,
       coalesce(a.resolved_at, a.closed_at) <= a.sla_due_at AS on_time,
       a.first_contact_resolved AS first_contact,
       a.satisfaction,
       a.reopened_count > 0 OR a.status = 'reopened' AS reopened,
       (SELECT min(b.id) FROM appeals b
        WHERE a.address IS NOT NULL
          AND b.service_type_id = a.service_type_id
          AND b.created_at > coalesce(a.resolved_at, a.closed_at)
          AND b.created_at <= coalesce(a.resolved_at, a.closed_at) + interval '30 days'
          AND b.address = a.address
          AND b.id <> a.id
          AND b.duplicate_of IS DISTINCT FROM a.id) AS re_reported_by
FROM appeals a
WHERE coalesce(a.resolved_at, a.closed_at) IS NOT NULL;
