-- The knowledge base's query for a text as typed (a search or the appeal being written): any of its words, each as a
-- prefix of a word as written or of its Russian (English for Latin letters) or Kazakh stem, so the article sharing
-- most words ranks first. Short words and Russian stop words ("нет", "у нас") are left out: they would match almost
-- every article. Nothing searchable: NULL.
CREATE OR REPLACE FUNCTION kb_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsquery('simple', string_agg('(' || concat_ws(' | ', w || ':*', nullif(kk_stem(w), w) || ':*', nullif(stem, '') || ':*') || ')', ' | '))
    FROM (SELECT DISTINCT w, (ts_lexize(CASE WHEN w ~ '^[a-z]+$' THEN 'english_stem' ELSE 'russian_stem' END::regdictionary, w))[1] AS stem
          FROM regexp_split_to_table(lower(left(words, 2000)), '[^[:alnum:]]+') AS w
          WHERE length(w) >= 3 AND w !~ '^[0-9]+$') AS t
    WHERE stem IS NOT NULL
$$;
