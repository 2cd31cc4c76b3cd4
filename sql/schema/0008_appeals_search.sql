-- Full-text search over appeals for the explorer: words of the description and the address, in Russian, Kazakh or
-- English alike. The 'simple' configuration keeps Kazakh words intact (PostgreSQL has no Kazakh stemmer); each
-- searched word matches as a prefix, so "отоплен" finds "отопления" and "отоплением", "жылу" finds "жылуы".

CREATE INDEX appeals_search_idx ON appeals USING gin (to_tsvector('simple', description || ' ' || coalesce(address, '')));

-- "нет отопления кв" -> 'нет':* & 'отопления':* & 'кв':*; nothing searchable -> NULL.
CREATE FUNCTION appeal_search_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
    SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
    FROM regexp_split_to_table(lower(words), '[^[:alnum:]]+') AS w
    WHERE w <> '';
$$;
