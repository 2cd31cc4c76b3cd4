-- The knowledge base's mining, write side: the groups of kb_mine_groups (their texts masked by the caller) as
-- articles. A new group is a new draft; a draft nobody edited takes the new texts; an edited, published or archived
-- article keeps its texts and gets only its count. Links to the appeals are the mining's own: replaced as a whole. A
-- draft nobody touched whose group is gone (its appeals regrouped) is dropped; a touched one stays with no appeals.
-- Returns how many articles were created and how many existed.
CREATE OR REPLACE FUNCTION kb_store_mined(groups jsonb, run_at timestamptz, OUT created integer, OUT existing integer)
LANGUAGE plpgsql AS $$
BEGIN
    WITH g AS (
        SELECT * FROM jsonb_to_recordset(groups) AS x(service_type_id integer, group_key text, appeal_ids bigint[], keywords text,
                                                      question_ru text, question_kk text, answer_ru text, organisation_id integer,
                                                      sla_working_days smallint)
    ),
    stored AS (
        INSERT INTO kb_articles AS k (service_type_id, group_key, question_ru, question_kk, answer_ru, keywords, organisation_id,
                                      sla_working_days, appeal_count, mined_at)
        SELECT service_type_id, group_key, question_ru, question_kk, answer_ru, keywords, organisation_id, sla_working_days,
               cardinality(appeal_ids), run_at
        FROM g
        ON CONFLICT (service_type_id, group_key) DO UPDATE SET
            question_ru = CASE WHEN k.edited_by IS NULL AND k.status = 'draft' THEN excluded.question_ru ELSE k.question_ru END,
            question_kk = CASE WHEN k.edited_by IS NULL AND k.status = 'draft' THEN excluded.question_kk ELSE k.question_kk END,
            answer_ru = CASE WHEN k.edited_by IS NULL AND k.status = 'draft' THEN excluded.answer_ru ELSE k.answer_ru END,
            organisation_id = CASE WHEN k.edited_by IS NULL AND k.status = 'draft' THEN excluded.organisation_id ELSE k.organisation_id END,
            sla_working_days = CASE WHEN k.edited_by IS NULL AND k.status = 'draft' THEN excluded.sla_working_days ELSE k.sla_working_days END,
            keywords = excluded.keywords,
            appeal_count = excluded.appeal_count,
            mined_at = excluded.mined_at
        RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) INTO created, existing FROM stored;

    DELETE FROM kb_article_appeals;
    INSERT INTO kb_article_appeals (appeal_id, article_id)
    SELECT DISTINCT ON (ids.appeal_id) ids.appeal_id, k.id
    FROM jsonb_to_recordset(groups) AS x(service_type_id integer, group_key text, appeal_ids bigint[])
    JOIN kb_articles k USING (service_type_id, group_key)
    CROSS JOIN unnest(x.appeal_ids) AS ids(appeal_id);
    UPDATE kb_articles k SET appeal_count = coalesce(l.n, 0)
    FROM kb_articles k2 LEFT JOIN (SELECT article_id, count(*)::integer AS n FROM kb_article_appeals GROUP BY 1) l ON l.article_id = k2.id
    WHERE k.id = k2.id AND k.appeal_count IS DISTINCT FROM coalesce(l.n, 0);
    DELETE FROM kb_articles k
    WHERE k.edited_by IS NULL AND k.status = 'draft' AND NOT EXISTS (SELECT 1 FROM kb_article_appeals l WHERE l.article_id = k.id);
END
$$;
