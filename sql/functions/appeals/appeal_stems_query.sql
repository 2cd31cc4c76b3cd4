-- The explorer's query over appeals.search_stems: every word must match, as a prefix of a word as written, or of a
-- stem by its Russian (English for Latin letters) or its Kazakh stem: "отопление" finds "отопления", "отоплением";
-- "батареи" (stem батар) finds "батарея" (stem батаре); "жарық" finds "жарығы"; "12" finds "12б". A Russian stop word
-- ("нет") still matches as written. Nothing searchable: NULL.
CREATE OR REPLACE FUNCTION appeal_stems_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsquery('simple', string_agg('(' || concat_ws(' | ', w || ':*', nullif(kk_stem(w), w) || ':*',
               (ts_lexize(CASE WHEN w ~ '^[a-z]+$' THEN 'english_stem' ELSE 'russian_stem' END::regdictionary, w))[1] || ':*') || ')', ' & '))
    FROM regexp_split_to_table(lower(words), '[^[:alnum:]]+') AS w
    WHERE w <> ''
$$;
