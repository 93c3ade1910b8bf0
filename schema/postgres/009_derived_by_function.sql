-- parley storage format, version 9, on PostgreSQL only: what the statement
-- triggers of 006 and 008 derive from the current versions (event_head,
-- the counts, current_total, event_external, event_flag, event_rule) is
-- computed by functions of the rows concerned, which the triggers call and
-- which a writer can call itself. The model does not change; SQLite stays
-- at format 8, which means the same model.
--
-- Why: Citus runs no statement-level trigger on a distributed table
-- (citus.sql drops them all: parley_drop_statement_triggers). There the
-- writer calls these functions after each statement that inserts or closes
-- versions, in the write's transaction, when parley_triggers_derive() is
-- false (src/store/postgres/write_dialect.cpp). On plain PostgreSQL the
-- triggers call them, so both ways compute the same rows
-- (tests/postgres_derived_test.cpp compares them).
--
-- The triggers of event_rule (008) are folded into those of event.
--
-- The three functions of event rows plan their statements once
-- (plan_cache_mode = force_generic_plan): with an array parameter the
-- server would otherwise plan them again at every call, which made a
-- version's close take 3.3 ms instead of 1.7 (300 closes one by one,
-- auto_explain). unnest of an array is estimated at 100 rows, and the
-- lookups are by key, so one plan serves a single row and a batch of
-- thousands alike. An empty array returns at once (an UPDATE of search
-- texts closes nothing).
BEGIN;
SELECT parley_expect_format(8, '009');

-- Adds `delta` to the number of current versions of `whose` (a table).
CREATE FUNCTION parley_add_total(whose text, delta bigint) RETURNS void
LANGUAGE sql AS $$
  UPDATE current_total SET n = n + delta WHERE entity = whose AND delta <> 0
$$;

-- The current versions among `v`, just inserted: their heads, counts,
-- external ids, flags and rules. Inserting a head fails (unique_violation
-- on event_head_pkey) while another version of the id is current.
CREATE FUNCTION parley_event_versions_added(v event[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF coalesce(cardinality(v), 0) = 0 THEN RETURN; END IF;
  INSERT INTO event_head (id, lo, version)
  SELECT id, lo, version FROM unnest(v) WHERE recorded_to IS NULL;
  PERFORM parley_count_events(array_agg(lo), array_agg(kind),
    array_agg(place), array_agg(process),
    array_agg(parley_deaths(doc, 'deaths_low')),
    array_agg(parley_deaths(doc, 'deaths_best')),
    array_agg(parley_deaths(doc, 'deaths_high')), 1)
  FROM unnest(v) WHERE recorded_to IS NULL;
  INSERT INTO event_external
    (event, lo, version, dataset, external_id, dataset_release)
  SELECT id, lo, version, doc -> 'external' ->> 'dataset',
    doc -> 'external' ->> 'id', coalesce(doc -> 'external' ->> 'release', '')
  FROM unnest(v)
  WHERE recorded_to IS NULL AND json_typeof(doc -> 'external') IS NOT NULL;
  INSERT INTO event_flag (event, lo, version, code)
  SELECT DISTINCT w.id, w.lo, w.version, f ->> 'code'
  FROM unnest(v) w, json_array_elements(w.doc -> 'flags') f
  WHERE w.recorded_to IS NULL AND json_typeof(w.doc -> 'flags') = 'array';
  INSERT INTO event_rule (dependent, version, field, anchor)
  SELECT id, version, 'time', doc -> 'time_rule' ->> 'anchor_event'
  FROM unnest(v)
  WHERE recorded_to IS NULL
    AND doc -> 'time_rule' ->> 'anchor_event' IS NOT NULL
  UNION ALL
  SELECT id, version, 'deadline',
    doc -> 'details' -> 'deadline_rule' ->> 'anchor_event'
  FROM unnest(v)
  WHERE recorded_to IS NULL
    AND doc -> 'details' -> 'deadline_rule' ->> 'anchor_event' IS NOT NULL
  ON CONFLICT DO NOTHING;
END $$;

-- Versions `v`, just closed (recorded_to set by this statement): they no
-- longer count and lose their head, external id, flags and rules. Their
-- actors are read from event_actor.
CREATE FUNCTION parley_event_versions_closed(v event[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF coalesce(cardinality(v), 0) = 0 THEN RETURN; END IF;
  PERFORM parley_count_events(array_agg(lo), array_agg(kind),
    array_agg(place), array_agg(process),
    array_agg(parley_deaths(doc, 'deaths_low')),
    array_agg(parley_deaths(doc, 'deaths_best')),
    array_agg(parley_deaths(doc, 'deaths_high')), -1)
  FROM unnest(v);
  PERFORM parley_count_actors(array_agg(a.actor), array_agg(o.lo),
    array_agg(o.kind), array_agg(parley_deaths(o.doc, 'deaths_low')),
    array_agg(parley_deaths(o.doc, 'deaths_best')),
    array_agg(parley_deaths(o.doc, 'deaths_high')), -1)
  FROM unnest(v) o,
    LATERAL (SELECT DISTINCT x.actor FROM event_actor x WHERE x.event = o.id
             AND x.lo = o.lo AND x.version = o.version OFFSET 0) a;
  DELETE FROM event_head h USING unnest(v) o
  WHERE h.id = o.id AND h.version = o.version;
  DELETE FROM event_external x USING unnest(v) o
  WHERE x.event = o.id AND x.version = o.version;
  DELETE FROM event_flag x USING unnest(v) o
  WHERE x.event = o.id AND x.version = o.version;
  DELETE FROM event_rule r USING unnest(v) o
  WHERE r.dependent = o.id AND r.version = o.version;
END $$;

-- Rows `added` of event_actor, just inserted: each distinct actor of a
-- current version counts once, when every row naming it is in `added`
-- (a version's rows are inserted together). The lookups are per row
-- (LATERAL ... OFFSET 0), by key, whatever the planner guesses of the
-- array's size.
CREATE FUNCTION parley_event_actor_rows_added(added event_actor[])
RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF coalesce(cardinality(added), 0) = 0 THEN RETURN; END IF;
  PERFORM parley_count_actors(array_agg(a.actor), array_agg(a.lo),
    array_agg(e.kind), array_agg(parley_deaths(e.doc, 'deaths_low')),
    array_agg(parley_deaths(e.doc, 'deaths_best')),
    array_agg(parley_deaths(e.doc, 'deaths_high')), 1)
  FROM (SELECT event, lo, version, actor, count(*) AS n FROM unnest(added)
        GROUP BY 1, 2, 3, 4) a,
    LATERAL (SELECT kind, doc FROM event x WHERE x.id = a.event
             AND x.lo = a.lo AND x.version = a.version
             AND x.recorded_to IS NULL OFFSET 0) e
  WHERE a.n = (SELECT count(*) FROM event_actor x WHERE x.event = a.event
    AND x.lo = a.lo AND x.version = a.version AND x.actor = a.actor);
END $$;

-- The triggers, now calls of the functions above.
CREATE OR REPLACE FUNCTION parley_events_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_event_versions_added(array(SELECT w::event FROM written w));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION parley_events_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_event_versions_closed(array(
    SELECT o::event FROM before o JOIN after n USING (version)
    WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION parley_event_actors_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_event_actor_rows_added(
    array(SELECT a::event_actor FROM added a));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION parley_total_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_add_total(TG_ARGV[0],
    (SELECT count(*) FROM added WHERE recorded_to IS NULL));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION parley_total_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_add_total(TG_ARGV[0],
    -(SELECT count(*) FROM before o JOIN after n USING (version)
      WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL));
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS event_rule_written ON event;
DROP TRIGGER IF EXISTS event_rule_closed ON event;
DROP FUNCTION parley_add_event_rules();
DROP FUNCTION parley_drop_event_rules();

-- Whether the statement triggers derive the tables above here: false once
-- parley_drop_statement_triggers has run (a Citus cluster), when the
-- writer calls the functions itself. It reads this once per connection.
CREATE FUNCTION parley_triggers_derive() RETURNS boolean
STABLE LANGUAGE sql AS $$
  SELECT EXISTS (SELECT 1 FROM pg_trigger
                 WHERE tgrelid = 'event'::regclass AND tgname = 'event_written')
$$;

-- Drops every statement-level trigger on parley's tables (those of
-- parley_layout), as citus.sql does on a Citus cluster; returns how many.
-- The row-level ones (parley_version_unchanged) stay: they read only the
-- row they guard.
CREATE FUNCTION parley_drop_statement_triggers() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  t record;
  dropped integer := 0;
BEGIN
  FOR t IN
    SELECT g.tgname, c.relname FROM pg_trigger g
    JOIN pg_class c ON c.oid = g.tgrelid
    JOIN parley_layout l ON l.table_name = c.relname
    WHERE c.relnamespace = current_schema()::regnamespace
      AND NOT g.tgisinternal AND g.tgtype & 1 = 0
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t.tgname, t.relname);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END $$;

INSERT INTO parley_schema (version) VALUES (9);
COMMIT;
