-- The change feed reads by transaction, not by id. Ids are taken when a statement runs, but transactions commit in
-- another order: a watermark on the id skipped a change whose transaction took its id first and committed last. Each
-- change now carries the id of the transaction that wrote it, so a listener can ask "what committed since my last
-- snapshot" (pg_visible_in_snapshot) whatever the order of ids and commits. Rows written before this migration all
-- belong to committed transactions: '1' (older than any snapshot) keeps the table from being rewritten.
ALTER TABLE appeal_changes ADD COLUMN xid xid8 NOT NULL DEFAULT '1';
ALTER TABLE appeal_changes ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
CREATE INDEX appeal_changes_xid_idx ON appeal_changes (xid);

-- An import run names the server process of its connection, and when that process started: a run left unfinished
-- by a process that is gone (killed, power lost, PostgreSQL restarted) is marked interrupted with the counts its
-- committed batches left, which each batch now keeps current in its own transaction.
ALTER TABLE import_runs ADD COLUMN backend_pid integer, ADD COLUMN backend_start timestamptz;
