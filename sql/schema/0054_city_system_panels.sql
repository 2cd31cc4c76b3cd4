-- The city systems' pages (Features/CitySystems/Panels): an object's open alert is looked up by the object for every
-- point on a map (16,000 cameras), and a feed's freshness is its latest reading across its objects.
CREATE INDEX city_alerts_open_object_idx ON city_alerts (system_code, object_id) WHERE closed_at IS NULL;
CREATE INDEX city_objects_last_at_idx ON city_objects (system_code, last_at DESC NULLS LAST);
CREATE INDEX city_objects_updated_idx ON city_objects (system_code, updated_at DESC);
