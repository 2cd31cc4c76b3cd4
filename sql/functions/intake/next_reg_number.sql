CREATE OR REPLACE FUNCTION next_reg_number(y integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    seq text := 'appeal_reg_' || y;
    last_used integer;
    n bigint;
BEGIN
    IF to_regclass(seq) IS NULL THEN
        -- First registration of the year on this database: continue after the numbers already stored.
        PERFORM pg_advisory_xact_lock(109, y);
        IF to_regclass(seq) IS NULL THEN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
            SELECT substring(reg_number FROM 10)::int INTO last_used FROM appeals
            WHERE reg_number >= '109-' || y || '-' AND reg_number < '109-' || y || '.'
            ORDER BY reg_number DESC LIMIT 1;
            IF last_used IS NOT NULL THEN
                PERFORM setval(seq, last_used);
            END IF;
        END IF;
    END IF;
    n := nextval(seq);
    RETURN '109-' || y || '-' || lpad(n::text, 7, '0');
END;
$$;
