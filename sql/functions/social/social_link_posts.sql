-- Links the given posts to the appeals and the current systemic problems they are about, in one pass over the set
-- (no per-post queries), and returns how many links the matcher holds for them now. A post the model could not file
-- under a service type links to nothing. The matcher's earlier links of these posts are found again; a link an
-- analyst made ('manual') or removed stays as it was.
--   appeals: the same service type, registered from 14 days before the post to 3 days after it, in the post's
--            district, and either within 300 m of the post (topic_place) or with at least a fifth of their stems in
--            common (topic_text; an unplaced post: anywhere, three tenths); at most 20 per post, the nearest and most
--            alike first.
--   problems: a current problem of the same service type at the post's place (its mining group holds the post's
--            point, or its centre is within 700 m: topic_place), or the problem of an appeal linked by its words
--            (topic_text), posted from 30 days before the problem was first seen.
CREATE OR REPLACE FUNCTION social_link_posts(post_ids bigint[], run_at timestamptz, actor text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    linked integer;
BEGIN
    -- (called twice in one transaction, as the mining's run after an intake's can be)
    DROP TABLE IF EXISTS link_posts, link_appeals;
    DELETE FROM social_post_links l
    WHERE l.post_id = ANY (post_ids) AND l.reason <> 'manual' AND NOT l.removed;

    CREATE TEMP TABLE link_posts ON COMMIT DROP AS
    SELECT p.id, p.service_type_id, p.district_id, p.lat, p.lon, p.posted_at, p.search_stems
    FROM social_posts p WHERE p.id = ANY (post_ids) AND p.service_type_id IS NOT NULL;

    CREATE TEMP TABLE link_appeals ON COMMIT DROP AS
    SELECT post_id, appeal_id, reason, similarity, distance_m, problem_id
    FROM (SELECT *, row_number() OVER (PARTITION BY post_id ORDER BY reason = 'topic_place' DESC, similarity DESC, distance_m NULLS LAST, appeal_id) AS n
          FROM (SELECT p.id AS post_id, a.id AS appeal_id, a.systemic_problem_id AS problem_id, p.district_id IS NOT NULL AS district_known,
                       CASE WHEN d.m < 300 THEN 'topic_place' ELSE 'topic_text' END AS reason,
                       social_similarity(p.search_stems, a.search_stems) AS similarity, d.m::real AS distance_m
                FROM link_posts p
                JOIN appeals a ON a.service_type_id = p.service_type_id
                              AND a.created_at >= p.posted_at - interval '14 days' AND a.created_at < p.posted_at + interval '3 days'
                              AND (p.district_id IS NULL OR a.district_id = p.district_id)
                CROSS JOIN LATERAL (SELECT CASE WHEN p.lat IS NOT NULL AND a.lat IS NOT NULL THEN mining_distance(p.lat, p.lon, a.lat, a.lon) END AS m) d
               ) c
          -- an unplaced post needs more words in common: it is compared with the whole city's appeals
          WHERE c.reason = 'topic_place' OR c.similarity >= CASE WHEN c.district_known THEN 0.2 ELSE 0.3 END) ranked
    WHERE n <= 20;

    INSERT INTO social_post_links (post_id, target_kind, target_id, reason, similarity, distance_m, linked_at, linked_by)
    SELECT post_id, 'appeal', appeal_id, reason, round(similarity::numeric, 3), distance_m, run_at, actor
    FROM link_appeals
    ON CONFLICT (post_id, target_kind, target_id) DO NOTHING;

    INSERT INTO social_post_links (post_id, target_kind, target_id, reason, similarity, distance_m, linked_at, linked_by)
    SELECT DISTINCT ON (post_id, problem_id) post_id, 'problem', problem_id, reason, similarity, distance_m, run_at, actor
    FROM (SELECT p.id AS post_id, sp.id AS problem_id, 'topic_place' AS reason,
                 round(social_similarity(p.search_stems, to_tsvector('simple', sp.title))::numeric, 3)::real AS similarity,
                 mining_distance(p.lat, p.lon, sp.lat, sp.lon)::real AS distance_m, 0 AS preference
          FROM link_posts p
          JOIN systemic_problems sp ON sp.service_type_id = p.service_type_id AND sp.is_current
                                   AND p.posted_at >= sp.first_seen - interval '30 days'
          WHERE p.lat IS NOT NULL
            AND (mining_place(sp.level, p.lat, p.lon) = sp.place OR mining_distance(p.lat, p.lon, sp.lat, sp.lon) < 700)
          UNION ALL
          SELECT la.post_id, sp.id, la.reason, round(max(la.similarity)::numeric, 3)::real, min(la.distance_m), 1
          FROM link_appeals la JOIN systemic_problems sp ON sp.id = la.problem_id AND sp.is_current
          GROUP BY la.post_id, sp.id, la.reason) c
    ORDER BY post_id, problem_id, preference, similarity DESC
    ON CONFLICT (post_id, target_kind, target_id) DO NOTHING;

    SELECT count(*) INTO linked FROM social_post_links WHERE post_id = ANY (post_ids) AND NOT removed;
    RETURN linked;
END;
$$;
