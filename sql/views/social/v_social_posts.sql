-- A post as the analysts' pages read it: its reach (reactions and reposts) and how many appeals and problems it is
-- linked to (links an analyst removed do not count). A post with no appeal is one the city has not heard through 109.
CREATE VIEW v_social_posts AS
SELECT p.id, p.network, p.external_id, p.author_handle, p.posted_at, p.body, p.url, p.place_text,
       p.reactions, p.reposts, (p.reactions + p.reposts) AS reach,
       p.service_type_id, p.area_id, p.confidence, p.district_id, p.address_id, a.address, p.placed_by, p.received_at,
       (SELECT count(*) FROM social_post_links l WHERE l.post_id = p.id AND l.target_kind = 'appeal' AND NOT l.removed) AS appeals,
       (SELECT count(*) FROM social_post_links l WHERE l.post_id = p.id AND l.target_kind = 'problem' AND NOT l.removed) AS problems
FROM social_posts p
LEFT JOIN addresses a ON a.id = p.address_id;
