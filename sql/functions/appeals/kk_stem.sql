-- A Kazakh word's stem for search: common endings stripped, up to three in a row (case, possessive, plural:
-- "балаларымызға" -> "бала", "ауласында" -> "аула"), at least two letters kept, and a final ғ/г/б read as the қ/к/п it
-- alternates with ("жарығы" -> "жарық"). PostgreSQL has no Kazakh stemmer; these rules cover the usual endings, not
-- every form. Used by the stored search vector: a changed body needs a migration that recomputes appeals.search_stems.
CREATE OR REPLACE FUNCTION kk_stem(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(
               regexp_replace(regexp_replace(regexp_replace(word, s, '\1'), s, '\1'), s, '\1'),
           'ғ$', 'қ'), 'г$', 'к'), 'б$', 'п')
    FROM (SELECT '^(.{2,}?)(ларымыз|леріміз|ларыңыз|леріңіз|ымыз|іміз|ыңыз|іңіз|мыз|міз|менен|дағы|дегі|тағы|тегі|ндағы|ндегі|'
                 'ның|нің|дың|дің|тың|тің|нан|нен|дан|ден|тан|тен|нда|нде|лар|лер|дар|дер|тар|тер|мен|бен|пен|'
                 'сы|сі|ға|ге|қа|ке|на|не|да|де|та|те|ды|ді|ты|ті|ны|ні|ын|ін|ым|ім|ың|ің|ы|і)$' AS s) suffixes
$$;
