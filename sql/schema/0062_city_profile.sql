-- The city this database is (one database = one akimat = one profile): Platform/City/CityProfile.cs, `profile apply`.
-- A database without a row is Astana, the built-in default.

-- Also in sql/functions/clock/city_zone.sql (its current body): created here so the functions applied after the
-- migrations, which call it, find it on an upgraded database.
CREATE OR REPLACE FUNCTION city_zone() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(current_setting('city.zone', true), ''), 'Asia/Almaty')
$$;

CREATE TABLE city_profile (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    code            text NOT NULL CHECK (code ~ '^[a-z0-9_-]{2,32}$'),
    name_ru         text NOT NULL,
    name_kk         text NOT NULL,
    name_en         text NOT NULL,
    time_zone       text NOT NULL,
    south           double precision NOT NULL,
    west            double precision NOT NULL,
    north           double precision NOT NULL,
    east            double precision NOT NULL,
    channels        text[] NOT NULL,
    import_mapping  jsonb NOT NULL,            -- the profile's "import" as written (an import mapping file's properties)
    applied_at      timestamptz NOT NULL,
    applied_by      text NOT NULL,
    CHECK (south < north AND west < east)
);

-- A district's outline as a GeoJSON MultiPolygon geometry ([lon, lat] rings); null for districts known by centre alone
-- (the demo city's).
ALTER TABLE districts ADD COLUMN outline jsonb;

CREATE TRIGGER city_profile_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_profile
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
