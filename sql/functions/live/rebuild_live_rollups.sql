-- Recounts the rollups from the appeals (once when they were introduced, and as a repair).
CREATE OR REPLACE FUNCTION rebuild_live_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE appeals IN SHARE MODE;
    TRUNCATE live_hourly, live_daily, live_daily_types, live_answers;
    EXECUTE live_rollup_sql('SELECT created_at, channel_id, district_id, area_id, service_type_id, first_contact_resolved, resolved_at, 1 AS sign FROM appeals');
END;
$$;
