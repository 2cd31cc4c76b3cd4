-- A large import checks its references once per batch instead of once per row: it takes the same FOR KEY SHARE
-- locks the foreign keys would take, once per referenced row, and writes with session_replication_role = replica,
-- which skips the foreign-key triggers (half of PostgreSQL's time per imported appeal). Replica mode skips every
-- trigger that is not ENABLE ALWAYS, so the triggers on the tables an import writes fire always: the change feed
-- and the live rollups must see imported appeals too. The importer refuses its fast path while any trigger on those
-- tables does not fire always, so a trigger added later without this is still honoured.

ALTER TABLE appeals ENABLE ALWAYS TRIGGER appeals_inserted;
ALTER TABLE appeals ENABLE ALWAYS TRIGGER appeals_updated;
ALTER TABLE appeals ENABLE ALWAYS TRIGGER appeals_rollup_inserted;
ALTER TABLE appeals ENABLE ALWAYS TRIGGER appeals_rollup_updated;
ALTER TABLE appeals ENABLE ALWAYS TRIGGER appeals_rollup_deleted;
