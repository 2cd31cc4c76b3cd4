-- Imported reg numbers (109-YYYY-NNNNNNN) may run ahead of the year's sequence: move it past the highest number
-- stored, so intake never hands out a number an imported appeal already carries.
CREATE OR REPLACE FUNCTION advance_reg_number(y integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    seq text := 'appeal_reg_' || y;
    last_stored integer;
    last_given bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(109, y);
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
    SELECT substring(reg_number FROM 10)::int INTO last_stored FROM appeals
    WHERE reg_number >= '109-' || y || '-' AND reg_number < '109-' || y || '.'
    ORDER BY reg_number DESC LIMIT 1;
    SELECT last_value INTO last_given FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = seq;
    IF last_stored IS NOT NULL AND last_stored > coalesce(last_given, 0) THEN
        PERFORM setval(seq, last_stored);
    END IF;
END;
$$;
