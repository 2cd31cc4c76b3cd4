-- Indexes measured on the full-scale city (4.7M appeals; docs/benchmarks.md, "Project office and KPI pages").
--
-- The appeals near a project's site (card_site_appeals): a type's appeals inside the site's box, from the index alone,
-- instead of every appeal of the type since a year before the start read from the table (387 ms to 3 ms a card).
CREATE INDEX appeals_service_type_place_idx ON appeals (service_type_id, lat, lon, created_at);

-- The repeat-appeals KPI (kpi_measure_repeat_appeals): "the same type at the same address within 30 days" becomes a
-- probe per appeal (8.2 s to 0.17 s a department-month).
CREATE INDEX appeals_repeat_idx ON appeals (service_type_id, address, created_at) WHERE address IS NOT NULL;

-- The overdue-at-month-end KPI (kpi_measure_overdue_open): only appeals settled after the instant, or never, can be
-- open then, instead of the department's whole history (1.5 s to 0.1-0.3 s a department-month).
CREATE INDEX appeals_department_settled_idx ON appeals (department_id, (coalesce(resolved_at, closed_at, 'infinity')));
