-- The managers' rating is computed by its job and stored (0043: rating_results and the rest): the live scorecard
-- view that recomputed it on every visit and the manager_ratings table it had promised to fill (never written) go.
DROP VIEW IF EXISTS v_ratings_manager_scorecard;
DROP TABLE IF EXISTS manager_ratings;
