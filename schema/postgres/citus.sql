-- Distributes parley's tables on a Citus cluster as parley_layout says
-- (schema/postgres/006_initial.sql; docs/postgres.md). Runs after the
-- numbered migrations, in its own transaction; does nothing on plain
-- PostgreSQL (no citus extension) and nothing for a table Citus already
-- placed, so it is safe to run after every migration.
--
-- On Citus the triggers that keep the counts (schema/004 semantics) are
-- dropped: a trigger on a shard may only write colocated shards, and the
-- count tables are keyed by day, actor, place or process, not by event.
-- The triggers of event_rule (format 8) go too: they are per statement, on
-- transition tables, which Citus does not run on shards.
-- The writer keeps the counts itself there, in the write's distributed
-- transaction (docs/postgres.md, "Next session").
BEGIN;
DO $$
DECLARE
  call text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  SET LOCAL citus.enable_unsafe_triggers = on;  -- event_head, immutability
  DROP TRIGGER IF EXISTS event_written ON event;
  DROP TRIGGER IF EXISTS event_closed ON event;
  DROP TRIGGER IF EXISTS event_actor_written ON event_actor;
  DROP TRIGGER IF EXISTS event_rule_written ON event;  -- format 8
  DROP TRIGGER IF EXISTS event_rule_closed ON event;
  FOR call IN SELECT parley_citus_plan() LOOP
    CONTINUE WHEN EXISTS (
      SELECT 1 FROM pg_dist_partition
      WHERE logicalrelid::text = substring(call FROM '\(''([a-z_]+)''')
    );
    EXECUTE call;
  END LOOP;
END $$;
COMMIT;
