-- The managers' rating as a stored result (Features/Ratings/README.md): a job computes every manager's four indicators
-- for each month, quarter and the year to date, and keeps each result with the formula's version, the weights'
-- version and a snapshot of its inputs, so that a past rating reopens as it was computed. manager_ratings (0004),
-- never filled, stays for the old scorecard view's tests and goes with it.

-- The indicators' weights, each change a new version (who, when, why; the audit log has the act too).
CREATE TABLE rating_weights (
    version      integer PRIMARY KEY,
    kpi          numeric(5, 2) NOT NULL CHECK (kpi >= 0),
    projects     numeric(5, 2) NOT NULL CHECK (projects >= 0),
    appeals      numeric(5, 2) NOT NULL CHECK (appeals >= 0),
    systemic     numeric(5, 2) NOT NULL CHECK (systemic >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL,
    reason       text NOT NULL DEFAULT '',
    CHECK (kpi + projects + appeals + systemic = 100)
);
INSERT INTO rating_weights (version, kpi, projects, appeals, systemic, created_at, created_by, reason)
VALUES (1, 25, 25, 25, 25, '2026-01-01T00:00:00+05:00', 'system:migration', 'Four indicators of equal weight (DOMAIN.md)');

-- One row per appeal answered at least once: its facts, settled when it is answered and corrected when it changes
-- (reopened, re-reported). The department is the one that answered it (the final executor).
CREATE TABLE rating_appeal_facts (
    appeal_id       bigint PRIMARY KEY REFERENCES appeals (id),
    department_id   smallint NOT NULL REFERENCES departments (id),
    settled_on      date NOT NULL,                  -- Astana date of the answer (resolved_at, else closed_at)
    on_time         boolean NOT NULL,               -- answered by sla_due_at
    first_contact   boolean NOT NULL,
    satisfaction    smallint CHECK (satisfaction BETWEEN 1 AND 5),
    reopened        boolean NOT NULL,               -- the citizen reopened it
    re_reported_by  bigint                          -- a later appeal at the same address and service type within 30 days
);
CREATE INDEX rating_appeal_facts_department_idx ON rating_appeal_facts (department_id, settled_on);

-- Misrouting: the time an appeal sat with a department that then forwarded it, counted against that department.
CREATE TABLE rating_misrouting (
    appeal_id      bigint NOT NULL REFERENCES appeals (id),
    department_id  smallint NOT NULL REFERENCES departments (id),
    forwarded_at   timestamptz NOT NULL,
    forwarded_on   date NOT NULL,                   -- Astana date of the forwarding
    held_hours     numeric(10, 2) NOT NULL CHECK (held_hours >= 0),
    PRIMARY KEY (appeal_id, forwarded_at, department_id)
);
CREATE INDEX rating_misrouting_department_idx ON rating_misrouting (department_id, forwarded_on);

-- The appeal measures per department and Astana day, re-aggregated from the facts for the days a change touched:
-- a year's rating reads some 9,000 rows instead of two million appeals.
CREATE TABLE rating_appeal_daily (
    department_id     smallint NOT NULL REFERENCES departments (id),
    day               date NOT NULL,
    settled           integer NOT NULL DEFAULT 0,
    on_time           integer NOT NULL DEFAULT 0,
    first_contact     integer NOT NULL DEFAULT 0,
    rated             integer NOT NULL DEFAULT 0,
    satisfaction_sum  integer NOT NULL DEFAULT 0,
    reopened          integer NOT NULL DEFAULT 0,
    re_reported       integer NOT NULL DEFAULT 0,
    forwarded_away    integer NOT NULL DEFAULT 0,
    forwarded_hours   numeric(14, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (department_id, day)
);

-- Where the job stands on the change feed (appeal_changes.id), and when it last ran.
CREATE TABLE rating_state (
    id             smallint PRIMARY KEY CHECK (id = 1),
    change_id      bigint NOT NULL,
    last_full_at   timestamptz,
    last_run_at    timestamptz
);
INSERT INTO rating_state VALUES (1, 0, NULL, NULL);

CREATE TABLE rating_runs (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('full', 'incremental')),
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz NOT NULL,
    formula_version   integer NOT NULL,
    weights_version   integer NOT NULL REFERENCES rating_weights (version),
    to_change_id      bigint NOT NULL,
    appeals_touched   integer NOT NULL,
    results_stored    integer NOT NULL,
    actor             text NOT NULL
);

-- A manager's rating for a period as computed. A recompute that changes nothing stores nothing; one that changes
-- something stores a new row and the old one stays, no longer latest: history reopens it as it was.
CREATE TABLE rating_results (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id             bigint NOT NULL REFERENCES rating_runs (id),
    manager_id         integer NOT NULL REFERENCES managers (id),
    department_id      smallint NOT NULL REFERENCES departments (id),
    period_kind        text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'ytd')),
    period_start       date NOT NULL,
    period_end         date NOT NULL,                    -- exclusive
    as_of              date NOT NULL,                    -- the Astana day the inputs were read for
    computed_at        timestamptz NOT NULL,
    formula_version    integer NOT NULL,
    weights_version    integer NOT NULL REFERENCES rating_weights (version),
    total_pct          numeric(5, 1) CHECK (total_pct BETWEEN 0 AND 100),   -- null: no indicator rated
    total_low          numeric(5, 1),
    total_high         numeric(5, 1),
    low_volume         boolean NOT NULL,
    rank               integer,                          -- null where the bands do not separate it
    -- The appeal measures shown as KPIs of their own.
    appeals_settled    integer NOT NULL,
    fcr_pct            numeric(5, 1),
    satisfaction_avg   numeric(3, 2),
    misrouted_pct      numeric(5, 1),
    forwarding_hours   numeric(8, 1),
    inputs             jsonb NOT NULL,                   -- the calculator's inputs, enough to compute it again
    inputs_hash        text NOT NULL,
    is_latest          boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX rating_results_latest_idx ON rating_results (period_kind, period_start, manager_id) WHERE is_latest;
CREATE INDEX rating_results_manager_idx ON rating_results (manager_id, period_kind, period_start, computed_at);

CREATE TABLE rating_result_indicators (
    result_id     bigint NOT NULL REFERENCES rating_results (id) ON DELETE CASCADE,
    indicator     text NOT NULL CHECK (indicator IN ('kpi', 'projects', 'appeals', 'systemic')),
    score         numeric(5, 1) CHECK (score BETWEEN 0 AND 100),        -- null: not rated
    weight        numeric(5, 2) NOT NULL,                                -- as configured
    weight_used   numeric(5, 2) NOT NULL,                                -- renormalised over the rated ones; 0 when not rated
    band_low      numeric(5, 1),
    band_high     numeric(5, 1),
    volume        integer NOT NULL,                                      -- appeals, projects, KPIs or problems behind it
    low_volume    boolean NOT NULL,
    rank          integer,
    PRIMARY KEY (result_id, indicator)
);

-- What pulled the total down, item by item, with the points of the total an item would give back if it were put right.
CREATE TABLE rating_lost_points (
    result_id    bigint NOT NULL REFERENCES rating_results (id) ON DELETE CASCADE,
    position     smallint NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('overdue_appeal', 'reopened_appeal', 'misrouted_appeal', 'lagging_kpi',
                                               'late_project', 'open_problem')),
    subject_id   bigint NOT NULL,
    link         text NOT NULL,
    points       numeric(6, 2) NOT NULL CHECK (points >= 0),
    PRIMARY KEY (result_id, position)
);

-- Weights are a reference the pages follow live.
ALTER TABLE appeal_changes DROP CONSTRAINT appeal_changes_kind_check,
    ADD CONSTRAINT appeal_changes_kind_check CHECK (kind IN ('insert', 'update', 'problems', 'reference', 'projects', 'kpis', 'ratings'));
CREATE TRIGGER rating_weights_changed AFTER INSERT OR UPDATE OR DELETE ON rating_weights
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('ratings');
-- A run that stored results tells the open pages to read again.
CREATE TRIGGER rating_runs_changed AFTER INSERT ON rating_runs
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('ratings');
