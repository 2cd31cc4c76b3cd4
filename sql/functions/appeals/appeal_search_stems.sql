-- The explorer's search vector of an appeal (appeals.search_stems): its words as written (prefix search for numbers,
-- codes and partial words), Russian and English stems (PostgreSQL's 'russian' configuration) for texts in Russian,
-- English or both languages, and Kazakh stems (kk_stem) for Kazakh and mixed texts. A changed body needs a migration
-- that recomputes the stored column.
CREATE OR REPLACE FUNCTION appeal_search_stems(language text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', body)
        || CASE WHEN language <> 'kk' THEN to_tsvector('russian', body) ELSE '' END
        || CASE WHEN language IN ('kk', 'mixed') THEN
               (SELECT coalesce(array_to_tsvector(array_agg(DISTINCT kk_stem(w))), '')
                FROM regexp_split_to_table(lower(body), '[^[:alnum:]]+') AS w WHERE w <> '')
           ELSE '' END
$$;
