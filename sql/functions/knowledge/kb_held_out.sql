-- Whether an appeal is held out of the mining to measure the suggestions on it: a fixed share by a fixed seed (the
-- appeal's id hashed with the seed), the same on every run. percent 0 holds out nothing.
CREATE OR REPLACE FUNCTION kb_held_out(appeal_id bigint, seed bigint, percent integer) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT percent > 0 AND ((hashint8extended(appeal_id, seed) % 100) + 100) % 100 < percent
$$;
