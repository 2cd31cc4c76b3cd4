-- The explorer's search vector stored with each appeal instead of computed from the text on every check: a common
-- word over a year matches hundreds of thousands of appeals, and re-checking each one recomputed its vector
-- (seconds). A stored vector costs one computation per appeal, at insert time.

DROP INDEX appeals_search_idx;
ALTER TABLE appeals ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', description || ' ' || coalesce(address, ''))) STORED;
CREATE INDEX appeals_search_idx ON appeals USING gin (search);
