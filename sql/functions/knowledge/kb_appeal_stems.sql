-- An appeal's content stems for the knowledge base's mining: Russian (English) stems for texts not in Kazakh, Kazakh
-- stems (kk_stem) for Kazakh and mixed ones; stop words, numbers and stems under three letters left out.
CREATE OR REPLACE FUNCTION kb_appeal_stems(language text, body text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}')
    FROM unnest(tsvector_to_array(
             CASE WHEN language <> 'kk' THEN to_tsvector('russian', body) ELSE '' END
             || CASE WHEN language IN ('kk', 'mixed') THEN
                    (SELECT coalesce(array_to_tsvector(array_agg(DISTINCT kk_stem(w))), '')
                     FROM regexp_split_to_table(lower(body), '[^[:alnum:]]+') AS w WHERE w <> '')
                ELSE '' END)) AS s
    WHERE length(s) >= 3 AND s !~ '[0-9]'
$$;
