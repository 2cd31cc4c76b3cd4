-- What the rating's last run computed for, so that the next incremental run recomputes only what changed since
-- (Features/Ratings/README.md, "The job"): the Astana day its inputs were read for, the weights' and the formula's
-- versions, and the city time up to which it saw open appeals' deadlines pass (an appeal falling overdue changes its
-- department's inputs with no change in the feed). A run with another day or version computes the whole year.
ALTER TABLE rating_state
    ADD COLUMN as_of            date,
    ADD COLUMN weights_version  integer,
    ADD COLUMN formula_version  integer,
    ADD COLUMN deadlines_at     timestamptz;
