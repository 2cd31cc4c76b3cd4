-- The month's partition, created by the intake before it writes there (and by the demo city for its history).
CREATE OR REPLACE FUNCTION city_readings_partition(month date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    name text := 'city_readings_' || to_char(first, 'YYYYMM');
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF city_readings FOR VALUES FROM (%L) TO (%L)',
                   name, first::timestamp AT TIME ZONE 'UTC', (first + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    RETURN name;
END;
$$;
