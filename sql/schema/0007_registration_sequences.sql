-- Registration numbers from one sequence per year instead of a counter row: a counter row is locked by every
-- registering transaction until it commits, which serialised intake. Sequences never block; a rolled-back
-- registration leaves a gap in the numbers, which is acceptable for numbers people read.

DROP TABLE appeal_reg_counters;

CREATE FUNCTION next_reg_number(y integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    seq text := 'appeal_reg_' || y;
    last_used integer;
    n bigint;
BEGIN
    BEGIN
        n := nextval(seq);
    EXCEPTION WHEN undefined_table THEN
        -- First registration of the year on this database: continue after the numbers already stored.
        PERFORM pg_advisory_xact_lock(109, y);
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
        SELECT substring(reg_number FROM 10)::int INTO last_used FROM appeals
        WHERE reg_number >= '109-' || y || '-' AND reg_number < '109-' || y || '.'
        ORDER BY reg_number DESC LIMIT 1;
        IF last_used IS NOT NULL AND nextval(seq) <= last_used THEN
            PERFORM setval(seq, last_used);
        END IF;
        n := nextval(seq);
    END;
    RETURN '109-' || y || '-' || lpad(n::text, 7, '0');
END;
$$;
