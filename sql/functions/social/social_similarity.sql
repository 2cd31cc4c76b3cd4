-- How alike two texts are: the share of their stems (appeal_search_stems: words as written, Russian and Kazakh stems)
-- that they have in common (Jaccard), 0..1.
CREATE OR REPLACE FUNCTION social_similarity(a tsvector, b tsvector) RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN length(a) = 0 OR length(b) = 0 THEN 0 ELSE
        (SELECT count(*) FROM (SELECT unnest(tsvector_to_array(a)) INTERSECT SELECT unnest(tsvector_to_array(b))) i)::real
        / (SELECT count(*) FROM (SELECT unnest(tsvector_to_array(a)) UNION SELECT unnest(tsvector_to_array(b))) u)
    END
$$;
