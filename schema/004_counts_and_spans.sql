-- parley storage format, version 4: counts kept by the writes, and an
-- interval index for long events.
--
-- Everything here is maintained by triggers, so it changes in the same
-- transaction as the write that causes it (a failed write leaves it as it
-- was), whoever writes.
--
-- 1. Long events (event_long). A page of a time window reads the
-- chronological index event_order from `window start - 16 days`: every
-- event at most 16 days long (hi - lo <= 16) that overlaps the window starts
-- there or later, so the read starts near the window and stops after a
-- page. Longer events, and those with an open or unknown end, are few; they
-- are kept, every version of them, in an R*Tree over their day bounds,
-- which finds those that overlap a window without walking the order. The
-- 16 days trade the index entries read before the window (16 days of
-- events) against how many events the R*Tree must return and sort; see
-- bench/query.cpp. Day bounds are clamped to 32 bits (about 5.8 million
-- years either side of 1970; open ends become the extremes).
--
-- 2. Counts of current event versions (count_kind, count_actor,
-- count_place, count_process), with the sums of hostilities' death
-- estimates (details.deaths_low/best/high; missing estimates add 0).
-- count_kind is by day (the day of the earliest start, `lo`; the smallest
-- integer for an unknown start), so every period can be summed from it.
-- The others are by month ('YYYY-MM', 'unknown' for an unknown start,
-- '?' for a year outside 0000-9999) to stay small: days x actors x kinds
-- would be nearly one row per event. An event counts once per distinct
-- actor it names; an event without a place or process counts under ''. Rows whose count falls to 0 stay.
--
-- 3. How many current versions each table holds (current_total).

CREATE VIRTUAL TABLE event_long USING rtree_i32 (version, lo, hi);

CREATE TABLE count_kind (
  day INTEGER NOT NULL,
  kind TEXT NOT NULL,
  events INTEGER NOT NULL,
  deaths_low INTEGER NOT NULL,
  deaths_best INTEGER NOT NULL,
  deaths_high INTEGER NOT NULL,
  PRIMARY KEY (day, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE count_actor (
  actor TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  events INTEGER NOT NULL,
  deaths_low INTEGER NOT NULL,
  deaths_best INTEGER NOT NULL,
  deaths_high INTEGER NOT NULL,
  PRIMARY KEY (actor, month, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE count_place (
  place TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  events INTEGER NOT NULL,
  deaths_low INTEGER NOT NULL,
  deaths_best INTEGER NOT NULL,
  deaths_high INTEGER NOT NULL,
  PRIMARY KEY (place, month, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE count_process (
  process TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  events INTEGER NOT NULL,
  deaths_low INTEGER NOT NULL,
  deaths_best INTEGER NOT NULL,
  deaths_high INTEGER NOT NULL,
  PRIMARY KEY (process, month, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE current_total (
  entity TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The month of a day number, as the count tables key it.
-- (Written out in each statement below: SQLite has no SQL functions.)
--   CASE WHEN lo = -9223372036854775808 THEN 'unknown'
--        ELSE coalesce(strftime('%Y-%m', lo * 86400, 'unixepoch'), '?') END

-- ------------------------------------------------------------ backfill

INSERT INTO event_long (version, lo, hi)
SELECT version, max(lo, -2147483648), min(hi, 2147483647)
FROM event WHERE hi - lo > 16;

INSERT INTO count_kind
SELECT lo, kind, count(*),
       coalesce(sum(json_extract(doc, '$.details.deaths_low')), 0),
       coalesce(sum(json_extract(doc, '$.details.deaths_best')), 0),
       coalesce(sum(json_extract(doc, '$.details.deaths_high')), 0)
FROM event WHERE recorded_to IS NULL GROUP BY lo, kind;

INSERT INTO count_place
SELECT coalesce(place, ''), CASE WHEN lo = -9223372036854775808 THEN 'unknown'
  ELSE coalesce(strftime('%Y-%m', lo * 86400, 'unixepoch'), '?') END AS m,
  kind, count(*),
  coalesce(sum(json_extract(doc, '$.details.deaths_low')), 0),
  coalesce(sum(json_extract(doc, '$.details.deaths_best')), 0),
  coalesce(sum(json_extract(doc, '$.details.deaths_high')), 0)
FROM event WHERE recorded_to IS NULL
GROUP BY 1, m, kind;

INSERT INTO count_process
SELECT coalesce(process, ''), CASE WHEN lo = -9223372036854775808 THEN 'unknown'
  ELSE coalesce(strftime('%Y-%m', lo * 86400, 'unixepoch'), '?') END AS m,
  kind, count(*),
  coalesce(sum(json_extract(doc, '$.details.deaths_low')), 0),
  coalesce(sum(json_extract(doc, '$.details.deaths_best')), 0),
  coalesce(sum(json_extract(doc, '$.details.deaths_high')), 0)
FROM event WHERE recorded_to IS NULL
GROUP BY 1, m, kind;

INSERT INTO count_actor
SELECT a.actor, CASE WHEN e.lo = -9223372036854775808 THEN 'unknown'
  ELSE coalesce(strftime('%Y-%m', e.lo * 86400, 'unixepoch'), '?') END AS m,
  e.kind, count(*),
  coalesce(sum(json_extract(e.doc, '$.details.deaths_low')), 0),
  coalesce(sum(json_extract(e.doc, '$.details.deaths_best')), 0),
  coalesce(sum(json_extract(e.doc, '$.details.deaths_high')), 0)
FROM (SELECT DISTINCT version, actor FROM event_actor) a
JOIN event e ON e.version = a.version
WHERE e.recorded_to IS NULL
GROUP BY a.actor, m, e.kind;

INSERT INTO current_total
SELECT 'actor', count(*) FROM actor WHERE recorded_to IS NULL UNION ALL
SELECT 'place', count(*) FROM place WHERE recorded_to IS NULL UNION ALL
SELECT 'process', count(*) FROM process WHERE recorded_to IS NULL UNION ALL
SELECT 'source', count(*) FROM source WHERE recorded_to IS NULL UNION ALL
SELECT 'event', count(*) FROM event WHERE recorded_to IS NULL UNION ALL
SELECT 'claim', count(*) FROM claim WHERE recorded_to IS NULL UNION ALL
SELECT 'link', count(*) FROM link WHERE recorded_to IS NULL;

-- ------------------------------------------------------------ events

CREATE TRIGGER event_long_insert AFTER INSERT ON event
WHEN NEW.hi - NEW.lo > 16
BEGIN
  INSERT INTO event_long (version, lo, hi)
  VALUES (NEW.version, max(NEW.lo, -2147483648), min(NEW.hi, 2147483647));
END;

CREATE TRIGGER event_long_delete AFTER DELETE ON event
BEGIN
  DELETE FROM event_long WHERE version = OLD.version;
END;

-- A new current version counts.
CREATE TRIGGER event_count_insert AFTER INSERT ON event
WHEN NEW.recorded_to IS NULL
BEGIN
  INSERT INTO count_kind VALUES (NEW.lo, NEW.kind, 1,
    coalesce(json_extract(NEW.doc, '$.details.deaths_low'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_best'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_high'), 0))
  ON CONFLICT DO UPDATE SET events = events + 1,
    deaths_low = deaths_low + excluded.deaths_low,
    deaths_best = deaths_best + excluded.deaths_best,
    deaths_high = deaths_high + excluded.deaths_high;
  INSERT INTO count_place SELECT coalesce(NEW.place, ''),
    CASE WHEN NEW.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', NEW.lo * 86400, 'unixepoch'), '?') END,
    NEW.kind, 1,
    coalesce(json_extract(NEW.doc, '$.details.deaths_low'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_best'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_high'), 0)
  WHERE true
  ON CONFLICT DO UPDATE SET events = events + 1,
    deaths_low = deaths_low + excluded.deaths_low,
    deaths_best = deaths_best + excluded.deaths_best,
    deaths_high = deaths_high + excluded.deaths_high;
  INSERT INTO count_process SELECT coalesce(NEW.process, ''),
    CASE WHEN NEW.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', NEW.lo * 86400, 'unixepoch'), '?') END,
    NEW.kind, 1,
    coalesce(json_extract(NEW.doc, '$.details.deaths_low'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_best'), 0),
    coalesce(json_extract(NEW.doc, '$.details.deaths_high'), 0)
  WHERE true
  ON CONFLICT DO UPDATE SET events = events + 1,
    deaths_low = deaths_low + excluded.deaths_low,
    deaths_best = deaths_best + excluded.deaths_best,
    deaths_high = deaths_high + excluded.deaths_high;
  UPDATE current_total SET n = n + 1 WHERE entity = 'event';
END;

-- A current version closed (updated or removed) no longer counts. The
-- writer closes versions only by setting recorded_to; it never deletes.
CREATE TRIGGER event_count_close AFTER UPDATE OF recorded_to ON event
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN
  UPDATE count_kind SET events = events - 1,
    deaths_low = deaths_low -
      coalesce(json_extract(OLD.doc, '$.details.deaths_low'), 0),
    deaths_best = deaths_best -
      coalesce(json_extract(OLD.doc, '$.details.deaths_best'), 0),
    deaths_high = deaths_high -
      coalesce(json_extract(OLD.doc, '$.details.deaths_high'), 0)
  WHERE day = OLD.lo AND kind = OLD.kind;
  UPDATE count_place SET events = events - 1,
    deaths_low = deaths_low -
      coalesce(json_extract(OLD.doc, '$.details.deaths_low'), 0),
    deaths_best = deaths_best -
      coalesce(json_extract(OLD.doc, '$.details.deaths_best'), 0),
    deaths_high = deaths_high -
      coalesce(json_extract(OLD.doc, '$.details.deaths_high'), 0)
  WHERE place = coalesce(OLD.place, '') AND kind = OLD.kind AND month =
    CASE WHEN OLD.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', OLD.lo * 86400, 'unixepoch'), '?') END;
  UPDATE count_process SET events = events - 1,
    deaths_low = deaths_low -
      coalesce(json_extract(OLD.doc, '$.details.deaths_low'), 0),
    deaths_best = deaths_best -
      coalesce(json_extract(OLD.doc, '$.details.deaths_best'), 0),
    deaths_high = deaths_high -
      coalesce(json_extract(OLD.doc, '$.details.deaths_high'), 0)
  WHERE process = coalesce(OLD.process, '') AND kind = OLD.kind AND month =
    CASE WHEN OLD.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', OLD.lo * 86400, 'unixepoch'), '?') END;
  UPDATE count_actor SET events = events - 1,
    deaths_low = deaths_low -
      coalesce(json_extract(OLD.doc, '$.details.deaths_low'), 0),
    deaths_best = deaths_best -
      coalesce(json_extract(OLD.doc, '$.details.deaths_best'), 0),
    deaths_high = deaths_high -
      coalesce(json_extract(OLD.doc, '$.details.deaths_high'), 0)
  WHERE actor IN (SELECT actor FROM event_actor WHERE version = OLD.version)
    AND kind = OLD.kind AND month =
    CASE WHEN OLD.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', OLD.lo * 86400, 'unixepoch'), '?') END;
  UPDATE current_total SET n = n - 1 WHERE entity = 'event';
END;

-- The writer inserts an event version's actors after the version itself;
-- each distinct actor of a current version counts once.
CREATE TRIGGER event_actor_count AFTER INSERT ON event_actor
BEGIN
  INSERT INTO count_actor SELECT NEW.actor,
    CASE WHEN e.lo = -9223372036854775808 THEN 'unknown'
    ELSE coalesce(strftime('%Y-%m', e.lo * 86400, 'unixepoch'), '?') END,
    e.kind, 1,
    coalesce(json_extract(e.doc, '$.details.deaths_low'), 0),
    coalesce(json_extract(e.doc, '$.details.deaths_best'), 0),
    coalesce(json_extract(e.doc, '$.details.deaths_high'), 0)
  FROM event e
  WHERE e.version = NEW.version AND e.recorded_to IS NULL
    AND NOT EXISTS (SELECT 1 FROM event_actor a WHERE a.version = NEW.version
                    AND a.actor = NEW.actor AND a.rowid <> NEW.rowid)
  ON CONFLICT DO UPDATE SET events = events + 1,
    deaths_low = deaths_low + excluded.deaths_low,
    deaths_best = deaths_best + excluded.deaths_best,
    deaths_high = deaths_high + excluded.deaths_high;
END;

-- ------------------------------------------------------------ totals

CREATE TRIGGER actor_total_insert AFTER INSERT ON actor
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'actor'; END;
CREATE TRIGGER actor_total_close AFTER UPDATE OF recorded_to ON actor
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'actor'; END;

CREATE TRIGGER place_total_insert AFTER INSERT ON place
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'place'; END;
CREATE TRIGGER place_total_close AFTER UPDATE OF recorded_to ON place
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'place'; END;

CREATE TRIGGER process_total_insert AFTER INSERT ON process
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'process'; END;
CREATE TRIGGER process_total_close AFTER UPDATE OF recorded_to ON process
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'process'; END;

CREATE TRIGGER source_total_insert AFTER INSERT ON source
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'source'; END;
CREATE TRIGGER source_total_close AFTER UPDATE OF recorded_to ON source
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'source'; END;

CREATE TRIGGER claim_total_insert AFTER INSERT ON claim
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'claim'; END;
CREATE TRIGGER claim_total_close AFTER UPDATE OF recorded_to ON claim
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'claim'; END;

CREATE TRIGGER link_total_insert AFTER INSERT ON link
WHEN NEW.recorded_to IS NULL
BEGIN UPDATE current_total SET n = n + 1 WHERE entity = 'link'; END;
CREATE TRIGGER link_total_close AFTER UPDATE OF recorded_to ON link
WHEN OLD.recorded_to IS NULL AND NEW.recorded_to IS NOT NULL
BEGIN UPDATE current_total SET n = n - 1 WHERE entity = 'link'; END;

-- ------------------------------------------------------------ history

-- A timeline as of a record time reads its events' claims and links over
-- every version (claim_event and link_current hold current versions only).
CREATE INDEX claim_event_history ON claim (event, recorded_from);
CREATE INDEX link_history ON link (from_event, recorded_from);
