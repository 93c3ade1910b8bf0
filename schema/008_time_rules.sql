-- parley storage format, version 8: times given as rules on other events.
--
-- An event's time may be a rule on another event (`time_rule` in its doc),
-- and a pledge's deadline too (`details.deadline_rule`): "no later than
-- the third day after event:entry-into-force". When the anchor event gets a
-- new version, the writer re-derives the dependents' values as new
-- versions in the same transaction. event_rule lists, for the current
-- event versions only, which event each rule is anchored on, so finding
-- the dependents of a changed event is one index lookup (anchor), and
-- walking a chain for cycles one lookup per step (dependent). Kept by
-- triggers in the same transaction as the write; closing a version removes
-- its rows.

CREATE TABLE event_rule (
  anchor TEXT NOT NULL,     -- the anchor event's id
  version INTEGER NOT NULL REFERENCES event (version) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('time', 'deadline')),
  dependent TEXT NOT NULL,  -- the id of the event whose value is derived
  PRIMARY KEY (anchor, version, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_rule_version ON event_rule (version);
CREATE INDEX event_rule_dependent ON event_rule (dependent);

CREATE TRIGGER event_rule_insert AFTER INSERT ON event
WHEN NEW.recorded_to IS NULL
  AND (json_type(NEW.doc, '$.time_rule.anchor_event') IS NOT NULL
       OR json_type(NEW.doc, '$.details.deadline_rule.anchor_event')
          IS NOT NULL)
BEGIN
  INSERT OR IGNORE INTO event_rule (anchor, version, field, dependent)
  SELECT json_extract(NEW.doc, '$.time_rule.anchor_event'), NEW.version,
         'time', NEW.id
  WHERE json_type(NEW.doc, '$.time_rule.anchor_event') IS NOT NULL
  UNION ALL
  SELECT json_extract(NEW.doc, '$.details.deadline_rule.anchor_event'),
         NEW.version, 'deadline', NEW.id
  WHERE json_type(NEW.doc, '$.details.deadline_rule.anchor_event')
        IS NOT NULL;
END;

CREATE TRIGGER event_rule_close AFTER UPDATE OF recorded_to ON event
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN
  DELETE FROM event_rule WHERE version = OLD.version;
END;
