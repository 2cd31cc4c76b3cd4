-- The scheduler moved to Hangfire, whose storage keeps its own tables in schema hangfire (it creates and upgrades
-- them itself). The tables of the previous scheduler (0011) go; their rows were triggers and fire times only.
-- job_runs stays: the administration page's history of runs, longer than Hangfire's one day.
DROP TABLE IF EXISTS
    qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks, qrtz_simple_triggers,
    qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars,
    qrtz_paused_job_grps, qrtz_execution_history, qrtz_misfire_history, qrtz_job_status
    CASCADE;

-- fire_id is now Hangfire's job id. A job whose node died mid-run is run again under the same id: its earlier row is
-- marked interrupted and a new one is added, so the id is no longer unique.
DROP INDEX job_runs_fire_idx;
CREATE INDEX job_runs_fire_idx ON job_runs (fire_id);
ALTER TABLE job_runs DROP CONSTRAINT job_runs_outcome_check;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_outcome_check
    CHECK (outcome IN ('running', 'succeeded', 'failed', 'vetoed', 'interrupted'));
