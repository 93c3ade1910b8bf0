-- parley storage format, version 6: imported events by their external id,
-- and flagged events.
--
-- An event imported from a dataset carries `external` (dataset, the row's
-- id in it, release) and may carry `flags` (what the source row contradicts
-- itself in) in its doc. Two index tables hold them for the current event
-- versions only, kept by triggers in the same transaction as the write:
--
-- * event_external: a release re-import lists the current events of its
--   dataset to close those the new release dropped (by dataset, without
--   reading the other events), and finds an event by its external id.
-- * event_flag: lists the flagged events, by flag code.
--
-- Closing a version (recorded_to set) removes its rows; deleting one too.

CREATE TABLE event_external (
  version INTEGER PRIMARY KEY REFERENCES event (version) ON DELETE CASCADE,
  dataset TEXT NOT NULL,
  external_id TEXT NOT NULL,
  dataset_release TEXT NOT NULL,
  event TEXT NOT NULL
) STRICT;
CREATE INDEX event_external_id ON event_external (dataset, external_id);

CREATE TABLE event_flag (
  version INTEGER NOT NULL REFERENCES event (version) ON DELETE CASCADE,
  code TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (code, version)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_flag_version ON event_flag (version);

CREATE TRIGGER event_external_insert AFTER INSERT ON event
WHEN NEW.recorded_to IS NULL
  AND json_type(NEW.doc, '$.external') IS NOT NULL
BEGIN
  INSERT INTO event_external (version, dataset, external_id, dataset_release, event)
  VALUES (NEW.version, json_extract(NEW.doc, '$.external.dataset'),
          json_extract(NEW.doc, '$.external.id'),
          coalesce(json_extract(NEW.doc, '$.external.release'), ''), NEW.id);
END;

CREATE TRIGGER event_flag_insert AFTER INSERT ON event
WHEN NEW.recorded_to IS NULL AND json_type(NEW.doc, '$.flags') IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO event_flag (version, code, event)
  SELECT NEW.version, json_extract(f.value, '$.code'), NEW.id
  FROM json_each(NEW.doc, '$.flags') f;
END;

CREATE TRIGGER event_external_close AFTER UPDATE OF recorded_to ON event
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN
  DELETE FROM event_external WHERE version = OLD.version;
  DELETE FROM event_flag WHERE version = OLD.version;
END;

-- Events written before this version.
INSERT INTO event_external (version, dataset, external_id, dataset_release, event)
SELECT version, json_extract(doc, '$.external.dataset'),
       json_extract(doc, '$.external.id'),
       coalesce(json_extract(doc, '$.external.release'), ''), id
FROM event
WHERE recorded_to IS NULL AND json_type(doc, '$.external') IS NOT NULL;

INSERT OR IGNORE INTO event_flag (version, code, event)
SELECT e.version, json_extract(f.value, '$.code'), e.id
FROM event e, json_each(e.doc, '$.flags') f
WHERE e.recorded_to IS NULL;
