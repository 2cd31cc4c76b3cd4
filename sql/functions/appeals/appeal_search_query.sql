-- "нет отопления кв" -> 'нет':* & 'отопления':* & 'кв':*; nothing searchable -> NULL.
CREATE OR REPLACE FUNCTION appeal_search_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
    SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
    FROM regexp_split_to_table(lower(words), '[^[:alnum:]]+') AS w
    WHERE w <> '';
$$;
