-- One mining run in one transaction: count (all appeals, or those past the watermark), find candidates, rank.
CREATE OR REPLACE FUNCTION mine_systemic_problems(full_run boolean, run_at timestamptz,
    OUT touched_groups integer, OUT candidates integer, OUT problems integer)
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    -- One run at a time: a second node waits here, then finds little or nothing new.
    PERFORM 1 FROM mining_state FOR UPDATE;
    -- Nothing counted yet, or the unlogged counts were lost in a crash: count everything.
    IF NOT EXISTS (SELECT 1 FROM mining_type_weekly) THEN
        full_run := true;
    END IF;
    touched_groups := mining_count(full_run);
    PERFORM mining_find_candidates(full_run);
    SELECT count(*) INTO candidates FROM mining_candidates;
    problems := mining_rank(run_at, full_run);
END;
$$;
