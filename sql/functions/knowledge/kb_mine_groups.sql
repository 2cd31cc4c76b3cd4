-- The knowledge base's mining, read side: the appeals resolved on the first contact (not repeats of another), grouped
-- by service type and phrasing. A type's phrasing stems are the stems that split its appeals: in 10-70 % of them (not
-- in nearly all: those are the type's own words, "квартир" of a flat's type) and at least 3 times likelier in the type
-- than over all the candidates (not "здравствуйт"). An appeal's group is its phrasing stem shared by most of the
-- type's appeals (ties by the stem); an appeal without one, or whose group would have one appeal, goes to the type's
-- other phrasings (group_key ''). Groups of fewer than min_appeals are left out. Each group brings its appeals, its
-- keywords (stems in at least 30 % of its appeals and 3 times likelier in the type), the shortest Russian and Kazakh
-- texts of at least 20 letters as the questions (as written: the caller masks personal data), the operators' most
-- frequent note on resolving, the organisation most of them went to and the type's deadline. holdout_percent holds
-- out a fixed share (kb_held_out) to measure the suggestions on.
CREATE OR REPLACE FUNCTION kb_mine_groups(min_appeals integer DEFAULT 2, holdout_seed bigint DEFAULT 0, holdout_percent integer DEFAULT 0)
RETURNS TABLE (service_type_id integer, group_key text, appeal_ids bigint[], keywords text, question_ru text, question_kk text,
               answer_ru text, organisation_id integer, sla_working_days smallint)
LANGUAGE sql STABLE AS $$
    WITH candidates AS MATERIALIZED (
        SELECT a.id, a.service_type_id, a.language, a.description, a.organisation_id, kb_appeal_stems(a.language, a.description) AS stems,
               (SELECT e.note FROM appeal_events e WHERE e.appeal_id = a.id AND e.status = 'resolved' ORDER BY e.at DESC LIMIT 1) AS note
        FROM appeals a
        WHERE a.first_contact_resolved AND a.status IN ('resolved', 'closed') AND a.duplicate_of IS NULL
          AND NOT kb_held_out(a.id, holdout_seed, holdout_percent)
    ),
    appeal_stem AS MATERIALIZED (SELECT c.id, c.service_type_id, s AS stem FROM candidates c, unnest(c.stems) AS s),
    total AS (SELECT count(*)::float8 AS n FROM candidates),
    type_size AS (SELECT c.service_type_id, count(*)::float8 AS n FROM candidates c GROUP BY 1),
    stem_all AS (SELECT stem, count(*)::float8 AS df FROM appeal_stem GROUP BY 1),
    telling AS MATERIALIZED (  -- stems 3 times likelier in the type than overall
        SELECT ts.service_type_id, ts.stem, ts.df, ts.df / t.n AS share
        FROM (SELECT service_type_id, stem, count(*)::float8 AS df FROM appeal_stem GROUP BY 1, 2) AS ts
        JOIN type_size t USING (service_type_id) JOIN stem_all sa USING (stem) CROSS JOIN total
        WHERE ts.df >= 2 AND (ts.df / t.n) >= 3 * (sa.df / total.n)
    ),
    key_of AS (
        SELECT DISTINCT ON (x.id) x.id, p.stem AS key
        FROM appeal_stem x JOIN telling p ON p.service_type_id = x.service_type_id AND p.stem = x.stem
        WHERE p.share BETWEEN 0.1 AND 0.7
        ORDER BY x.id, p.df DESC, p.stem
    ),
    keyed AS (
        SELECT c.*, coalesce(k.key, '') AS key FROM candidates c LEFT JOIN key_of k USING (id)
    ),
    grouped AS MATERIALIZED (  -- a phrasing of one appeal joins the type's other phrasings
        SELECT k.*, CASE WHEN count(*) OVER (PARTITION BY k.service_type_id, k.key) < 2 THEN '' ELSE k.key END AS group_key
        FROM keyed k
    ),
    groups AS (
        SELECT g.service_type_id, g.group_key, array_agg(g.id ORDER BY g.id) AS appeal_ids,
               mode() WITHIN GROUP (ORDER BY g.organisation_id) AS organisation_id,
               mode() WITHIN GROUP (ORDER BY g.note) FILTER (WHERE g.note <> '') AS note,
               (array_agg(g.description ORDER BY length(g.description), g.id) FILTER (WHERE g.language = 'ru' AND length(g.description) >= 20))[1] AS question_ru,
               (array_agg(g.description ORDER BY length(g.description), g.id) FILTER (WHERE g.language = 'kk' AND length(g.description) >= 20))[1] AS question_kk,
               (array_agg(g.description ORDER BY length(g.description), g.id))[1] AS any_question
        FROM grouped g
        GROUP BY 1, 2
        HAVING count(*) >= min_appeals
    ),
    keywords AS (
        SELECT service_type_id, group_key, string_agg(stem, ' ' ORDER BY n DESC, stem) AS words
        FROM (SELECT gs.*, row_number() OVER (PARTITION BY gs.service_type_id, gs.group_key ORDER BY gs.n DESC, gs.stem) AS place
              FROM (SELECT g.service_type_id, g.group_key, s AS stem, count(*) AS n
                    FROM grouped g, unnest(g.stems) AS s GROUP BY 1, 2, 3) AS gs
              JOIN groups gr USING (service_type_id, group_key)
              JOIN telling t ON t.service_type_id = gs.service_type_id AND t.stem = gs.stem
              WHERE gs.n >= 0.3 * cardinality(gr.appeal_ids)) AS ranked
        WHERE place <= 10
        GROUP BY 1, 2
    )
    SELECT gr.service_type_id, gr.group_key, gr.appeal_ids, coalesce(kw.words, ''),
           coalesce(gr.question_ru, gr.any_question), gr.question_kk, coalesce(gr.note, st.name_ru),
           gr.organisation_id, st.sla_working_days
    FROM groups gr JOIN service_types st ON st.id = gr.service_type_id
    LEFT JOIN keywords kw USING (service_type_id, group_key)
$$;
