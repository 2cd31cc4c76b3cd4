-- The systems' schemas are cached on every node by the intake (Features/CitySystems/Intake/SystemCatalogue.cs): a
-- statement on them leaves a 'reference' change like the other reference tables (0030), so every node drops its copy.
CREATE TRIGGER city_systems_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_systems
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
CREATE TRIGGER city_system_fields_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_system_fields
    FOR EACH STATEMENT EXECUTE FUNCTION record_reference_change();
