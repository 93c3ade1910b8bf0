-- parley storage format, version 6, on PostgreSQL: the logical model of
-- the SQLite migrations schema/001..006 in one step (no PostgreSQL database
-- of an older format exists). The numbers mean the same model on both
-- backends: PostgreSQL starts at 6; 007 and 008 follow with the SQLite
-- numbers. docs/postgres.md explains the choices.
--
-- Applied in one transaction (BEGIN..COMMIT below), with psql
-- -v ON_ERROR_STOP=1 or one libpq PQexec. Applying it to a database that
-- has any parley format already is refused (an error; nothing changes).
--
-- Differences from SQLite, all of representation, not of meaning:
-- * Event tables (event, event_actor, event_topic) are partitioned by range
--   of `lo` (the earliest day), one partition per year plus a default;
--   their keys include `lo`. Uniqueness of the current version per event id
--   across partitions is kept by event_head (one row per current event).
-- * Time windows use `days`, an int8range of [lo, hi) with open or unknown
--   ends unbounded, through GiST indexes (SQLite: event_order + event_long).
-- * Full text is a tsvector column (`search`) with a GIN index (SQLite:
--   FTS5 tables). The writer sets it to to_tsvector('parley', body) of the
--   already normalised body it gives SQLite today.
-- * doc is `json` (kept byte for byte as written, unlike jsonb); flags are
--   booleans; day numbers and record times are bigint.
-- * Every child table of event carries the event id (`event`), the Citus
--   distribution column (parley_layout below), and the version's lo.
-- * No foreign key refers to the partitioned event table: PostgreSQL 15
--   checks one in about 0.2 ms a row (measured: 5,000 event_actor rows in
--   1.18 s with it, 0.11 s without), ten times the row's own insert. The
--   writer keeps a version and its rows in one transaction, as today.

BEGIN;

CREATE TABLE IF NOT EXISTS parley_schema (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM parley_schema) THEN
    RAISE EXCEPTION 'parley: migration 006 applies to an empty database; '
      'this one is at storage format %', (SELECT max(version) FROM parley_schema)
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
END $$;

-- Text search: words as SQLite's unicode61 tokenizer with remove_diacritics
-- finds them: lower case, Latin diacritics removed, no stemming, no stop
-- words (an event mixes languages). Arabic is normalised by the client.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION parley (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION parley
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword,
    hword_part WITH unaccent, simple;

-- ------------------------------------------------------------ helpers

-- [lo, hi) as a range; the extremes (open or unknown ends) are unbounded.
-- A window [a, b) overlaps the event iff days && int8range(a, b), exactly
-- SQLite's `lo < b AND hi > a` whenever lo < hi (EDTF bounds always are).
CREATE FUNCTION parley_days(lo bigint, hi bigint) RETURNS int8range
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT int8range(nullif(lo, -9223372036854775808),
                   nullif(hi, 9223372036854775807))
$$;

-- Day number (days since 1970-01-01) of 1 January of a year (1 or later).
CREATE FUNCTION parley_year_day(year integer) RETURNS bigint
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT (make_date(year, 1, 1) - date '1970-01-01')::bigint
$$;

-- The month key of the count tables, as schema/004 computes it: 'YYYY-MM',
-- 'unknown' for an unknown start, '?' for a year outside 0000-9999.
CREATE FUNCTION parley_month(lo bigint) RETURNS text
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT CASE
    WHEN lo = -9223372036854775808 THEN 'unknown'
    WHEN lo < -719528 OR lo >= 2932897 THEN '?'
    -- year 0 (1 BC): to_char would print 0001
    WHEN lo < -719162 THEN '0000-' || to_char(date '1970-01-01' + lo::int, 'MM')
    ELSE to_char(date '1970-01-01' + lo::int, 'YYYY-MM')
  END
$$;

-- A hostilities' death estimate from an event doc; 0 when missing.
CREATE FUNCTION parley_deaths(doc json, field text) RETURNS bigint
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce((doc -> 'details' ->> field)::bigint, 0)
$$;

-- Versions are never overwritten: an UPDATE may only close a current
-- version (recorded_to from NULL to a time) or set its search text.
CREATE FUNCTION parley_version_unchanged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.recorded_to IS NOT NULL AND NEW.recorded_to IS DISTINCT FROM OLD.recorded_to
     OR to_jsonb(NEW) - '{recorded_to,search,days,recorded}'::text[]
        IS DISTINCT FROM to_jsonb(OLD) - '{recorded_to,search,days,recorded}'::text[]
  THEN
    RAISE EXCEPTION 'parley: % version % is never changed; write a new version',
      TG_ARGV[0], OLD.version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

-- ------------------------------------------------------------ reference entities

CREATE SEQUENCE actor_version;
CREATE TABLE actor (
  version bigint PRIMARY KEY DEFAULT nextval('actor_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  kind text NOT NULL,
  doc json NOT NULL,
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX actor_current ON actor (id) WHERE recorded_to IS NULL;
CREATE INDEX actor_history ON actor (id, recorded_from);

CREATE TABLE actor_tie (
  version bigint NOT NULL REFERENCES actor (version),
  kind text NOT NULL,
  other text NOT NULL
);
CREATE INDEX actor_tie_other ON actor_tie (other, kind);
CREATE INDEX actor_tie_version ON actor_tie (version);

CREATE SEQUENCE place_version;
CREATE TABLE place (
  version bigint PRIMARY KEY DEFAULT nextval('place_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  kind text NOT NULL,
  parent text,
  lat double precision CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  zone text,
  doc json NOT NULL,
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX place_current ON place (id) WHERE recorded_to IS NULL;
CREATE INDEX place_history ON place (id, recorded_from);
CREATE INDEX place_parent ON place (parent) WHERE recorded_to IS NULL;

CREATE SEQUENCE process_version;
CREATE TABLE process (
  version bigint PRIMARY KEY DEFAULT nextval('process_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  kind text NOT NULL,
  parent text,
  doc json NOT NULL,
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX process_current ON process (id) WHERE recorded_to IS NULL;
CREATE INDEX process_history ON process (id, recorded_from);

CREATE SEQUENCE source_version;
CREATE TABLE source (
  version bigint PRIMARY KEY DEFAULT nextval('source_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  doc json NOT NULL,
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX source_current ON source (id) WHERE recorded_to IS NULL;
CREATE INDEX source_history ON source (id, recorded_from);

-- ------------------------------------------------------------ events

CREATE SEQUENCE event_version;
CREATE TABLE event (
  version bigint NOT NULL DEFAULT nextval('event_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  kind text NOT NULL,
  status text NOT NULL,
  time text NOT NULL,
  earliest_start bigint,
  latest_start bigint,
  earliest_end bigint,
  latest_end bigint,
  start_open boolean NOT NULL,
  start_unknown boolean NOT NULL,
  end_open boolean NOT NULL,
  end_unknown boolean NOT NULL,
  lo bigint NOT NULL,
  hi bigint NOT NULL,
  planned text,
  planned_lo bigint,
  planned_hi bigint,
  place text,
  process text,
  parent text,
  doc json NOT NULL,
  search tsvector,
  days int8range GENERATED ALWAYS AS (parley_days(lo, hi)) STORED,
  recorded int8range
    GENERATED ALWAYS AS (int8range(recorded_from, recorded_to)) STORED,
  PRIMARY KEY (id, lo, version),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from),
  CHECK (lo <= hi)
) PARTITION BY RANGE (lo);
CREATE INDEX event_current ON event (id) WHERE recorded_to IS NULL;
CREATE INDEX event_version_key ON event (version);
CREATE INDEX event_history ON event (id, recorded_from);
CREATE INDEX event_order ON event (lo, hi, id) WHERE recorded_to IS NULL;
CREATE INDEX event_order_history ON event (lo, hi, id);
CREATE INDEX event_days ON event USING gist (days) WHERE recorded_to IS NULL;
CREATE INDEX event_days_history ON event USING gist (days, recorded);
CREATE INDEX event_kind ON event (kind, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_place ON event (place, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_process ON event (process, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_parent ON event (parent) WHERE recorded_to IS NULL;
CREATE INDEX event_recorded ON event (recorded_from, recorded_to);
CREATE INDEX event_search ON event USING gin (search);

-- The current version of each event: at most one per id, whatever partition
-- its lo puts it in (a partitioned table's unique keys must include lo).
CREATE TABLE event_head (
  id text PRIMARY KEY,
  lo bigint NOT NULL,
  version bigint NOT NULL
);

-- Every actor an event version names, with its role (participants) or
-- payload field ("pledger"), and the version's lo (schema/005).
CREATE TABLE event_actor (
  event text NOT NULL,
  lo bigint NOT NULL,
  version bigint NOT NULL,
  actor text NOT NULL,
  role text NOT NULL
) PARTITION BY RANGE (lo);
CREATE INDEX event_actor_order ON event_actor (actor, lo, version);
CREATE INDEX event_actor_version ON event_actor (version);

CREATE TABLE event_topic (
  event text NOT NULL,
  lo bigint NOT NULL,
  version bigint NOT NULL,
  topic text NOT NULL
) PARTITION BY RANGE (lo);
CREATE INDEX event_topic_topic ON event_topic (topic);
CREATE INDEX event_topic_version ON event_topic (version);

-- Imported events by external id, flagged events: current versions only
-- (schema/006).
CREATE TABLE event_external (
  event text NOT NULL,
  lo bigint NOT NULL,
  version bigint NOT NULL,
  dataset text NOT NULL,
  external_id text NOT NULL,
  dataset_release text NOT NULL,
  PRIMARY KEY (event, version)
);
CREATE INDEX event_external_id ON event_external (dataset, external_id);

CREATE TABLE event_flag (
  event text NOT NULL,
  lo bigint NOT NULL,
  version bigint NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (code, event, version)
);
CREATE INDEX event_flag_version ON event_flag (version);

-- ------------------------------------------------------------ claims, links

-- A claim's versions share its event (the writer never moves a claim to
-- another event), so the current version is unique by (event, id).
CREATE SEQUENCE claim_version;
CREATE TABLE claim (
  version bigint NOT NULL DEFAULT nextval('claim_version'),
  id text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  event text NOT NULL,
  source text NOT NULL,
  claimant text,
  stance text NOT NULL CHECK (stance IN ('asserts', 'denies')),
  doc json NOT NULL,
  search tsvector,
  PRIMARY KEY (event, version),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX claim_current ON claim (event, id) WHERE recorded_to IS NULL;
CREATE INDEX claim_id ON claim (id) WHERE recorded_to IS NULL;
CREATE INDEX claim_history ON claim (id, recorded_from);
CREATE INDEX claim_source ON claim (source) WHERE recorded_to IS NULL;
CREATE INDEX claim_claimant ON claim (claimant) WHERE recorded_to IS NULL;
CREATE INDEX claim_event_history ON claim (event, recorded_from);
CREATE INDEX claim_search ON claim USING gin (search);

-- A link's identity is (from_event, kind, to_event).
CREATE SEQUENCE link_version;
CREATE TABLE link (
  version bigint NOT NULL DEFAULT nextval('link_version'),
  from_event text NOT NULL,
  kind text NOT NULL,
  to_event text NOT NULL,
  recorded_from bigint NOT NULL,
  recorded_to bigint,
  doc json NOT NULL,
  PRIMARY KEY (from_event, version),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
CREATE UNIQUE INDEX link_current ON link (from_event, kind, to_event)
  WHERE recorded_to IS NULL;
CREATE INDEX link_to ON link (to_event, kind) WHERE recorded_to IS NULL;
CREATE INDEX link_history ON link (from_event, recorded_from);

-- ------------------------------------------------------------ counts (schema/004)

-- count_kind also names each day's month, so counts by month group the
-- rows without formatting each day (about 0.3 s at 44,000 rows otherwise).
CREATE TABLE count_kind (
  day bigint NOT NULL,
  kind text NOT NULL,
  events bigint NOT NULL,
  deaths_low bigint NOT NULL,
  deaths_best bigint NOT NULL,
  deaths_high bigint NOT NULL,
  month text GENERATED ALWAYS AS (parley_month(day)) STORED,
  PRIMARY KEY (day, kind)
);
CREATE TABLE count_actor (
  actor text NOT NULL,
  month text NOT NULL,
  kind text NOT NULL,
  events bigint NOT NULL,
  deaths_low bigint NOT NULL,
  deaths_best bigint NOT NULL,
  deaths_high bigint NOT NULL,
  PRIMARY KEY (actor, month, kind)
);
CREATE TABLE count_place (
  place text NOT NULL,
  month text NOT NULL,
  kind text NOT NULL,
  events bigint NOT NULL,
  deaths_low bigint NOT NULL,
  deaths_best bigint NOT NULL,
  deaths_high bigint NOT NULL,
  PRIMARY KEY (place, month, kind)
);
CREATE TABLE count_process (
  process text NOT NULL,
  month text NOT NULL,
  kind text NOT NULL,
  events bigint NOT NULL,
  deaths_low bigint NOT NULL,
  deaths_best bigint NOT NULL,
  deaths_high bigint NOT NULL,
  PRIMARY KEY (process, month, kind)
);
CREATE TABLE current_total (
  entity text PRIMARY KEY,
  n bigint NOT NULL
);
INSERT INTO current_total (entity, n)
SELECT unnest('{actor,place,process,source,event,claim,link}'::text[]), 0;

-- ------------------------------------------------------------ triggers
--
-- As in schema/004 and 006, event_head, the counts and the index tables of
-- current versions change in the same transaction as the write that causes
-- them, whoever writes. The writer closes a version by setting recorded_to
-- and never deletes one.
--
-- The triggers run once per statement, on its transition table, and add
-- each count once per statement: a row updated many times in one
-- transaction leaves one dead version per update, which every later update
-- of it reads past, so per-row counting makes a large import quadratic.
-- The writer therefore writes in batches (COPY or multi-row INSERT), as
-- issue 13 asks for imports.

-- Adds `delta` (1 or -1) times the given event versions to the counts; the
-- arrays are parallel, one element per version.
CREATE FUNCTION parley_count_events(los bigint[], kinds text[],
  places text[], processes text[], lows bigint[], bests bigint[],
  highs bigint[], delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO count_kind AS c
    (day, kind, events, deaths_low, deaths_best, deaths_high)
  SELECT e.lo, e.kind, delta * count(*), delta * sum(e.low),
    delta * sum(e.best), delta * sum(e.high)
  FROM unnest(los, kinds, lows, bests, highs) e (lo, kind, low, best, high)
  GROUP BY e.lo, e.kind
  ON CONFLICT ON CONSTRAINT count_kind_pkey DO UPDATE SET
    events = c.events + excluded.events,
    deaths_low = c.deaths_low + excluded.deaths_low,
    deaths_best = c.deaths_best + excluded.deaths_best,
    deaths_high = c.deaths_high + excluded.deaths_high;
  INSERT INTO count_place AS c
  SELECT coalesce(e.place, ''), parley_month(e.lo), e.kind, delta * count(*),
    delta * sum(e.low), delta * sum(e.best), delta * sum(e.high)
  FROM unnest(los, kinds, places, lows, bests, highs)
    e (lo, kind, place, low, best, high)
  GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT count_place_pkey DO UPDATE SET
    events = c.events + excluded.events,
    deaths_low = c.deaths_low + excluded.deaths_low,
    deaths_best = c.deaths_best + excluded.deaths_best,
    deaths_high = c.deaths_high + excluded.deaths_high;
  INSERT INTO count_process AS c
  SELECT coalesce(e.process, ''), parley_month(e.lo), e.kind,
    delta * count(*), delta * sum(e.low), delta * sum(e.best),
    delta * sum(e.high)
  FROM unnest(los, kinds, processes, lows, bests, highs)
    e (lo, kind, process, low, best, high)
  GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT count_process_pkey DO UPDATE SET
    events = c.events + excluded.events,
    deaths_low = c.deaths_low + excluded.deaths_low,
    deaths_best = c.deaths_best + excluded.deaths_best,
    deaths_high = c.deaths_high + excluded.deaths_high;
  UPDATE current_total SET n = n + delta * cardinality(los)
  WHERE entity = 'event' AND cardinality(los) > 0;
$$;

-- Adds `delta` times each (actor, event version) pair to count_actor; the
-- caller passes each actor of a version once.
CREATE FUNCTION parley_count_actors(actors text[], los bigint[],
  kinds text[], lows bigint[], bests bigint[], highs bigint[],
  delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO count_actor AS c
  SELECT e.actor, parley_month(e.lo), e.kind, delta * count(*),
    delta * sum(e.low), delta * sum(e.best), delta * sum(e.high)
  FROM unnest(actors, los, kinds, lows, bests, highs)
    e (actor, lo, kind, low, best, high)
  GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT count_actor_pkey DO UPDATE SET
    events = c.events + excluded.events,
    deaths_low = c.deaths_low + excluded.deaths_low,
    deaths_best = c.deaths_best + excluded.deaths_best,
    deaths_high = c.deaths_high + excluded.deaths_high
$$;

-- New current versions: their heads, counts, external ids and flags.
-- Inserting a head fails (unique_violation on event_head_pkey) while
-- another version of the id is current.
CREATE FUNCTION parley_events_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_head (id, lo, version)
  SELECT id, lo, version FROM written WHERE recorded_to IS NULL;
  PERFORM parley_count_events(array_agg(lo), array_agg(kind),
    array_agg(place), array_agg(process),
    array_agg(parley_deaths(doc, 'deaths_low')),
    array_agg(parley_deaths(doc, 'deaths_best')),
    array_agg(parley_deaths(doc, 'deaths_high')), 1)
  FROM written WHERE recorded_to IS NULL;
  INSERT INTO event_external
    (event, lo, version, dataset, external_id, dataset_release)
  SELECT id, lo, version, doc -> 'external' ->> 'dataset',
    doc -> 'external' ->> 'id', coalesce(doc -> 'external' ->> 'release', '')
  FROM written
  WHERE recorded_to IS NULL AND json_typeof(doc -> 'external') IS NOT NULL;
  INSERT INTO event_flag (event, lo, version, code)
  SELECT DISTINCT w.id, w.lo, w.version, f ->> 'code'
  FROM written w, json_array_elements(w.doc -> 'flags') f
  WHERE w.recorded_to IS NULL AND json_typeof(w.doc -> 'flags') = 'array';
  RETURN NULL;
END $$;

-- Closed versions (recorded_to set) no longer count and lose their head,
-- external id and flags.
CREATE FUNCTION parley_events_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_count_events(array_agg(o.lo), array_agg(o.kind),
    array_agg(o.place), array_agg(o.process),
    array_agg(parley_deaths(o.doc, 'deaths_low')),
    array_agg(parley_deaths(o.doc, 'deaths_best')),
    array_agg(parley_deaths(o.doc, 'deaths_high')), -1)
  FROM before o JOIN after n USING (version)
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL;
  PERFORM parley_count_actors(array_agg(a.actor), array_agg(o.lo),
    array_agg(o.kind), array_agg(parley_deaths(o.doc, 'deaths_low')),
    array_agg(parley_deaths(o.doc, 'deaths_best')),
    array_agg(parley_deaths(o.doc, 'deaths_high')), -1)
  FROM before o JOIN after n USING (version),
    LATERAL (SELECT DISTINCT x.actor FROM event_actor x WHERE x.event = o.id
             AND x.lo = o.lo AND x.version = o.version OFFSET 0) a
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL;
  DELETE FROM event_head h USING before o JOIN after n USING (version)
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL
    AND h.id = o.id AND h.version = o.version;
  DELETE FROM event_external x USING before o JOIN after n USING (version)
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL
    AND x.event = o.id AND x.version = o.version;
  DELETE FROM event_flag x USING before o JOIN after n USING (version)
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL
    AND x.event = o.id AND x.version = o.version;
  RETURN NULL;
END $$;

-- A version's actors are inserted after the version; each distinct actor
-- of a current version counts once: a pair counts when every row naming it
-- is in this statement. The lookups are per row (LATERAL ... OFFSET 0), by
-- key, whatever the planner guesses of a transition table's size.
CREATE FUNCTION parley_event_actors_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_count_actors(array_agg(a.actor), array_agg(a.lo),
    array_agg(e.kind), array_agg(parley_deaths(e.doc, 'deaths_low')),
    array_agg(parley_deaths(e.doc, 'deaths_best')),
    array_agg(parley_deaths(e.doc, 'deaths_high')), 1)
  FROM (SELECT event, lo, version, actor, count(*) AS n FROM added
        GROUP BY 1, 2, 3, 4) a,
    LATERAL (SELECT kind, doc FROM event x WHERE x.id = a.event
             AND x.lo = a.lo AND x.version = a.version
             AND x.recorded_to IS NULL OFFSET 0) e
  WHERE a.n = (SELECT count(*) FROM event_actor x WHERE x.event = a.event
    AND x.lo = a.lo AND x.version = a.version AND x.actor = a.actor);
  RETURN NULL;
END $$;

CREATE TRIGGER event_written AFTER INSERT ON event
REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION parley_events_written();
CREATE TRIGGER event_closed AFTER UPDATE ON event
REFERENCING OLD TABLE AS before NEW TABLE AS after
FOR EACH STATEMENT EXECUTE FUNCTION parley_events_closed();
CREATE TRIGGER event_actor_written AFTER INSERT ON event_actor
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION parley_event_actors_written();

-- How many current versions the other tables hold (TG_ARGV[0] names it).
CREATE FUNCTION parley_total_written() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE current_total
  SET n = n + (SELECT count(*) FROM added WHERE recorded_to IS NULL)
  WHERE entity = TG_ARGV[0];
  RETURN NULL;
END $$;
CREATE FUNCTION parley_total_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE current_total
  SET n = n - (SELECT count(*) FROM before o JOIN after n USING (version)
               WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL)
  WHERE entity = TG_ARGV[0];
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY '{actor,place,process,source,claim,link}'::text[] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW '
      'TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION '
      'parley_total_written(%L)', t || '_total_written', t, t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD '
      'TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE '
      'FUNCTION parley_total_closed(%L)', t || '_total_closed', t, t);
  END LOOP;
  FOREACH t IN ARRAY '{actor,place,process,source,event,claim,link}'::text[] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
      'EXECUTE FUNCTION parley_version_unchanged(%L)', t || '_unchanged', t, t);
  END LOOP;
END $$;

-- ------------------------------------------------------------ partitions
--
-- The event tables are partitioned by range of lo (the earliest day): one
-- partition per year, <table>_y<year>, and <table>_default for every other
-- lo (earlier or later years, unknown starts). Rows of a year without a
-- partition are not refused: they wait in the default partition until
-- parley_add_years creates the year's partition and moves them there.

CREATE TABLE event_default PARTITION OF event DEFAULT;
CREATE TABLE event_actor_default PARTITION OF event_actor DEFAULT;
CREATE TABLE event_topic_default PARTITION OF event_topic DEFAULT;

-- Creates the partitions of the years first..last (1 or later) that have
-- none, in each event table, moving those years' rows out of the default
-- partitions; returns how many partitions it created. Safe to call again
-- (a year that has its partitions costs one catalog lookup). Reads the
-- default partitions once per new year and locks them (ACCESS EXCLUSIVE)
-- until the transaction ends: writers of other years wait.
CREATE FUNCTION parley_add_years(first integer, last integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  year integer;
  t text;
  added integer := 0;
BEGIN
  FOR year IN first..last LOOP
    CONTINUE WHEN to_regclass(format('event_y%s', year)) IS NOT NULL;
    FOREACH t IN ARRAY '{event,event_actor,event_topic}'::text[] LOOP
      PERFORM parley_move_out_of_default(t, format('%s_y%s', t, year),
        parley_year_day(year), parley_year_day(year + 1));
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%s) '
        'TO (%s)', t, format('%s_y%s', t, year), parley_year_day(year),
        parley_year_day(year + 1));
      added := added + 1;
    END LOOP;
  END LOOP;
  RETURN added;
END $$;

-- Creates table `part` like the partitioned table `parent` and moves into
-- it the rows of parent's default partition with lo in [lo, hi).
CREATE FUNCTION parley_move_out_of_default(parent text, part text, lo bigint,
  hi bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  columns text;  -- all but the generated ones, which cannot be inserted
BEGIN
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS '
    'INCLUDING CONSTRAINTS INCLUDING GENERATED)', part, parent);
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
  INTO columns FROM pg_attribute
  WHERE attrelid = parent::regclass AND attnum > 0 AND NOT attisdropped
    AND attgenerated = '';
  EXECUTE format('WITH moved AS (DELETE FROM %I WHERE lo >= %s AND lo < %s '
    'RETURNING %s) INSERT INTO %I (%s) SELECT %s FROM moved',
    parent || '_default', lo, hi, columns, part, columns, columns);
END $$;

-- UCDP GED and PA-X start in 1989-1990, ACLED in 1997, GDELT 2.0 in 2015.
DO $$ BEGIN PERFORM parley_add_years(1989, 2030); END $$;

-- ------------------------------------------------------------ Citus layout
--
-- Where each table goes on a Citus cluster (docs/postgres.md says why).
-- Events and everything that belongs to one event are distributed by the
-- event id and colocated with event, so one event's versions, actors,
-- topics, claims, links from it, external id and flags are on one shard.
-- Actors, places, processes, sources (and the bookkeeping tables) are
-- reference tables, copied to every node. The counts are distributed by
-- their leading key, each alone. schema/postgres/citus.sql applies it when
-- the citus extension is present; tests/postgres_schema.test.sh checks the
-- layout's preconditions on plain PostgreSQL.
CREATE TABLE parley_layout (
  table_name text PRIMARY KEY,
  placement text NOT NULL CHECK (placement IN ('distributed', 'reference')),
  distribution_column text,
  colocate_with text,
  CHECK ((placement = 'distributed') = (distribution_column IS NOT NULL)),
  CHECK ((placement = 'distributed') = (colocate_with IS NOT NULL))
);
INSERT INTO parley_layout VALUES
  ('event', 'distributed', 'id', 'none'),
  ('event_head', 'distributed', 'id', 'event'),
  ('event_actor', 'distributed', 'event', 'event'),
  ('event_topic', 'distributed', 'event', 'event'),
  ('event_external', 'distributed', 'event', 'event'),
  ('event_flag', 'distributed', 'event', 'event'),
  ('claim', 'distributed', 'event', 'event'),
  ('link', 'distributed', 'from_event', 'event'),
  ('count_kind', 'distributed', 'day', 'none'),
  ('count_actor', 'distributed', 'actor', 'none'),
  ('count_place', 'distributed', 'place', 'none'),
  ('count_process', 'distributed', 'process', 'none'),
  ('actor', 'reference', NULL, NULL),
  ('actor_tie', 'reference', NULL, NULL),
  ('place', 'reference', NULL, NULL),
  ('process', 'reference', NULL, NULL),
  ('source', 'reference', NULL, NULL),
  ('current_total', 'reference', NULL, NULL),
  ('parley_schema', 'reference', NULL, NULL),
  ('parley_layout', 'reference', NULL, NULL);

-- The Citus calls that apply parley_layout, in the order Citus needs:
-- reference tables (a referenced one before those referring to it), then
-- each colocation group's first table, then the tables colocated with it.
CREATE FUNCTION parley_citus_plan() RETURNS SETOF text
STABLE LANGUAGE sql AS $$
  SELECT CASE placement
    WHEN 'reference' THEN format('SELECT create_reference_table(%L)', table_name)
    ELSE format('SELECT create_distributed_table(%L, %L, colocate_with => %L)',
                table_name, distribution_column, colocate_with)
  END
  FROM parley_layout
  ORDER BY placement DESC, colocate_with <> 'none', table_name
$$;

INSERT INTO parley_schema (version) VALUES (6);
COMMIT;
