-- The explorer's search by word forms: the 'simple' vector of 0014 found "отопление" in 194 of the 372 demo appeals
-- that have a form of it. A second stored vector, appeals.search_stems, adds Russian and English stems and Kazakh
-- stems (sql/functions/appeals: kk_stem, appeal_search_stems, appeal_stems_query). The 'simple' vector stays for the
-- systemic problems' mining, which checks word prefixes against it. The functions are created here because the column
-- needs them before sql/functions is applied; their current bodies are in sql/functions/appeals.
CREATE FUNCTION kk_stem(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(
               regexp_replace(regexp_replace(regexp_replace(word, s, '\1'), s, '\1'), s, '\1'),
           'ғ$', 'қ'), 'г$', 'к'), 'б$', 'п')
    FROM (SELECT '^(.{2,}?)(ларымыз|леріміз|ларыңыз|леріңіз|ымыз|іміз|ыңыз|іңіз|мыз|міз|менен|дағы|дегі|тағы|тегі|ндағы|ндегі|'
                 'ның|нің|дың|дің|тың|тің|нан|нен|дан|ден|тан|тен|нда|нде|лар|лер|дар|дер|тар|тер|мен|бен|пен|'
                 'сы|сі|ға|ге|қа|ке|на|не|да|де|та|те|ды|ді|ты|ті|ны|ні|ын|ін|ым|ім|ың|ің|ы|і)$' AS s) suffixes
$$;

CREATE FUNCTION appeal_search_stems(language text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', body)
        || CASE WHEN language <> 'kk' THEN to_tsvector('russian', body) ELSE '' END
        || CASE WHEN language IN ('kk', 'mixed') THEN
               (SELECT coalesce(array_to_tsvector(array_agg(DISTINCT kk_stem(w))), '')
                FROM regexp_split_to_table(lower(body), '[^[:alnum:]]+') AS w WHERE w <> '')
           ELSE '' END
$$;

ALTER TABLE appeals ADD COLUMN search_stems tsvector
    GENERATED ALWAYS AS (appeal_search_stems(language, description || ' ' || coalesce(address, ''))) STORED;
CREATE INDEX appeals_search_stems_idx ON appeals USING gin (search_stems);

-- The explorer searched the simple vector through this; it reads appeals.search_stems through appeal_stems_query now.
DROP FUNCTION appeal_search_query(text);
