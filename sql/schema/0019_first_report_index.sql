-- Intake looks up, for each new appeal, the first report of the same incident: a non-duplicate appeal of the same
-- service type in the last 7 days within 300 m. On (service_type_id, created_at) that visited every appeal of the
-- type in the window (hundreds at full scale) in the table; with the coordinates in the key, the box around the
-- point is checked in the index and only the appeals inside it are read.
CREATE INDEX appeals_first_report_idx ON appeals (service_type_id, created_at, lat, lon) WHERE duplicate_of IS NULL;
