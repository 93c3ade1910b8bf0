-- parley storage format, version 1.
--
-- Every entity table keeps versions, never updating a row's content:
--   version        the row's own key; increases with every write, so it is
--                  also the order in which versions were recorded
--   id             the entity's id, shared by all its versions
--   recorded_from  record time (microseconds since 1970-01-01 UTC) at which
--                  this version became known
--   recorded_to    record time at which it was replaced or deleted; NULL
--                  while it is the current version
-- At most one version of an id is current (the partial unique indexes).
-- A version is visible "as of" T when recorded_from <= T < recorded_to.
--
-- `doc` holds the version as canonical JSON (the interchange format of
-- schema/parley.schema.json). Everything a query filters on is also a
-- column, or a row of an index table that belongs to the version.
--
-- Times of events are EDTF text plus their bounds as day numbers (days since
-- 1970-01-01, half-open ends). A bound is NULL when that end is open or
-- unknown; the *_open/*_unknown flags say which. `lo` and `hi` are the
-- retrieval envelope: the earliest possible start and latest possible end,
-- with open or unknown ends widened to the smallest/largest integer.

CREATE TABLE actor (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  kind TEXT NOT NULL,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX actor_current ON actor (id) WHERE recorded_to IS NULL;
CREATE INDEX actor_history ON actor (id, recorded_from);

-- Ties of an actor version to other actors.
CREATE TABLE actor_tie (
  version INTEGER NOT NULL REFERENCES actor (version) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  other TEXT NOT NULL
) STRICT;
CREATE INDEX actor_tie_other ON actor_tie (other, kind);
CREATE INDEX actor_tie_version ON actor_tie (version);

CREATE TABLE place (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  kind TEXT NOT NULL,
  parent TEXT,
  lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  zone TEXT,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX place_current ON place (id) WHERE recorded_to IS NULL;
CREATE INDEX place_history ON place (id, recorded_from);
CREATE INDEX place_parent ON place (parent) WHERE recorded_to IS NULL;

CREATE TABLE process (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  kind TEXT NOT NULL,
  parent TEXT,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX process_current ON process (id) WHERE recorded_to IS NULL;
CREATE INDEX process_history ON process (id, recorded_from);

CREATE TABLE source (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX source_current ON source (id) WHERE recorded_to IS NULL;
CREATE INDEX source_history ON source (id, recorded_from);

CREATE TABLE event (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  time TEXT NOT NULL,
  earliest_start INTEGER,
  latest_start INTEGER,
  earliest_end INTEGER,
  latest_end INTEGER,
  start_open INTEGER NOT NULL CHECK (start_open IN (0, 1)),
  start_unknown INTEGER NOT NULL CHECK (start_unknown IN (0, 1)),
  end_open INTEGER NOT NULL CHECK (end_open IN (0, 1)),
  end_unknown INTEGER NOT NULL CHECK (end_unknown IN (0, 1)),
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  planned TEXT,
  planned_lo INTEGER,
  planned_hi INTEGER,
  place TEXT,
  process TEXT,
  parent TEXT,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from),
  CHECK (lo <= hi)
) STRICT;
CREATE UNIQUE INDEX event_current ON event (id) WHERE recorded_to IS NULL;
CREATE INDEX event_history ON event (id, recorded_from);
CREATE INDEX event_time ON event (lo, hi) WHERE recorded_to IS NULL;
CREATE INDEX event_kind ON event (kind, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_place ON event (place, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_process ON event (process, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_parent ON event (parent) WHERE recorded_to IS NULL;

-- Every actor an event version names: participants with their role, and
-- actors in the payload with the payload field as role ("pledger").
CREATE TABLE event_actor (
  version INTEGER NOT NULL REFERENCES event (version) ON DELETE CASCADE,
  actor TEXT NOT NULL,
  role TEXT NOT NULL
) STRICT;
CREATE INDEX event_actor_actor ON event_actor (actor, role);
CREATE INDEX event_actor_version ON event_actor (version);

CREATE TABLE event_topic (
  version INTEGER NOT NULL REFERENCES event (version) ON DELETE CASCADE,
  topic TEXT NOT NULL
) STRICT;
CREATE INDEX event_topic_topic ON event_topic (topic);
CREATE INDEX event_topic_version ON event_topic (version);

CREATE TABLE claim (
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  event TEXT NOT NULL,
  source TEXT NOT NULL,
  claimant TEXT,
  stance TEXT NOT NULL CHECK (stance IN ('asserts', 'denies')),
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX claim_current ON claim (id) WHERE recorded_to IS NULL;
CREATE INDEX claim_history ON claim (id, recorded_from);
CREATE INDEX claim_event ON claim (event) WHERE recorded_to IS NULL;
CREATE INDEX claim_source ON claim (source) WHERE recorded_to IS NULL;
CREATE INDEX claim_claimant ON claim (claimant) WHERE recorded_to IS NULL;

-- A link's identity is (from_event, kind, to_event).
CREATE TABLE link (
  version INTEGER PRIMARY KEY,
  from_event TEXT NOT NULL,
  kind TEXT NOT NULL,
  to_event TEXT NOT NULL,
  recorded_from INTEGER NOT NULL,
  recorded_to INTEGER,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
) STRICT;
CREATE UNIQUE INDEX link_current ON link (from_event, kind, to_event)
  WHERE recorded_to IS NULL;
CREATE INDEX link_to ON link (to_event, kind) WHERE recorded_to IS NULL;
