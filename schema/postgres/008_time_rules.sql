-- parley storage format, version 8, on PostgreSQL: times given as rules on
-- other events (the counterpart of schema/008_time_rules.sql).
--
-- An event's time may be a rule on another event (`time_rule` in its doc),
-- and a pledge's deadline too (`details.deadline_rule`). event_rule lists,
-- for the current event versions only, which event each rule is anchored
-- on: the dependents of a changed event are one index lookup (anchor), a
-- chain is walked one lookup per step (dependent). Kept by statement
-- triggers, as the counts of 006, in the write's transaction; closing a
-- version removes its rows.
--
-- Differences from SQLite, of representation only: the key is
-- (dependent, version, field) — SQLite's (anchor, version, field) holds the
-- same rows, as a version and a field determine both anchor and dependent
-- — so that it contains the Citus distribution column: event_rule is
-- distributed by `dependent` (the event id of the version) and colocated
-- with event. Finding the dependents of an anchor reads every shard on
-- Citus (a write-time lookup, by index). No foreign key into the
-- partitioned event table (006 says why). citus.sql drops these triggers on
-- Citus with the count triggers; the writer keeps the rows there.
BEGIN;
SELECT parley_expect_format(7, '008');

CREATE TABLE event_rule (
  dependent text NOT NULL,  -- the id of the event whose value is derived
  version bigint NOT NULL,  -- its current version
  field text NOT NULL CHECK (field IN ('time', 'deadline')),
  anchor text NOT NULL,     -- the anchor event's id
  PRIMARY KEY (dependent, version, field)
);
CREATE INDEX event_rule_anchor ON event_rule (anchor);
CREATE INDEX event_rule_version ON event_rule (version);

-- The rules of the given event versions (current ones only).
CREATE FUNCTION parley_add_event_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_rule (dependent, version, field, anchor)
  SELECT id, version, 'time', doc -> 'time_rule' ->> 'anchor_event'
  FROM written
  WHERE recorded_to IS NULL
    AND doc -> 'time_rule' ->> 'anchor_event' IS NOT NULL
  UNION ALL
  SELECT id, version, 'deadline',
    doc -> 'details' -> 'deadline_rule' ->> 'anchor_event'
  FROM written
  WHERE recorded_to IS NULL
    AND doc -> 'details' -> 'deadline_rule' ->> 'anchor_event' IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION parley_drop_event_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_rule r USING before o JOIN after n USING (version)
  WHERE o.recorded_to IS NULL AND n.recorded_to IS NOT NULL
    AND r.dependent = o.id AND r.version = o.version;
  RETURN NULL;
END $$;

CREATE TRIGGER event_rule_written AFTER INSERT ON event
REFERENCING NEW TABLE AS written
FOR EACH STATEMENT EXECUTE FUNCTION parley_add_event_rules();
CREATE TRIGGER event_rule_closed AFTER UPDATE ON event
REFERENCING OLD TABLE AS before NEW TABLE AS after
FOR EACH STATEMENT EXECUTE FUNCTION parley_drop_event_rules();

INSERT INTO parley_layout VALUES
  ('event_rule', 'distributed', 'dependent', 'event');

INSERT INTO parley_schema (version) VALUES (8);
COMMIT;
