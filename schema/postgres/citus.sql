-- Distributes parley's tables on a Citus cluster as parley_layout says
-- (schema/postgres/006_initial.sql; docs/postgres.md). Runs after the
-- numbered migrations, in its own transaction; does nothing on plain
-- PostgreSQL (no citus extension) and nothing for a table Citus already
-- placed, so it is safe to run after every migration.
--
-- On Citus the statement-level triggers are dropped (all of them:
-- parley_drop_statement_triggers, schema/postgres/009): Citus runs none on
-- a distributed table (its `citus.enable_unsafe_triggers` propagates
-- row-level triggers only), and those that keep the counts write tables
-- keyed by day, actor, place or process, not by the event. The writer then
-- does their work itself, in the write's distributed transaction, by
-- calling the functions they call (parley_triggers_derive() tells it).
-- The row-level triggers that refuse a change to a stored version stay.
BEGIN;
DO $$
DECLARE
  call text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  SET LOCAL citus.enable_unsafe_triggers = on;  -- parley_version_unchanged
  PERFORM parley_drop_statement_triggers();
  FOR call IN SELECT parley_citus_plan() LOOP
    CONTINUE WHEN EXISTS (
      SELECT 1 FROM pg_dist_partition
      WHERE logicalrelid::text = substring(call FROM '\(''([a-z_]+)''')
    );
    EXECUTE call;
  END LOOP;
END $$;
COMMIT;
