-- An article's search vector (kb_articles.search_stems): the question in both languages and the mined keywords
-- weigh A, the answer B; word forms as in the explorer (appeal_search_stems, read as a mixed text so that both the
-- Russian and the Kazakh stems are in). A changed body needs a migration that recomputes the stored column.
CREATE OR REPLACE FUNCTION kb_search_stems(question_ru text, question_kk text, answer_ru text, answer_kk text, keywords text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(appeal_search_stems('mixed', coalesce(question_ru, '') || ' ' || coalesce(question_kk, '') || ' ' || coalesce(keywords, '')), 'A')
        || setweight(appeal_search_stems('mixed', coalesce(answer_ru, '') || ' ' || coalesce(answer_kk, '')), 'B')
$$;
