-- parley storage format, version 2: full-text search and query order.
--
-- event_search holds, per event version (rowid = event.version), the text a
-- search matches: titles and summaries in every language, and the names and
-- aliases of the actors and places the event names, as they were when the
-- version was written. claim_search holds each claim version's quote
-- (rowid = claim.version). Arabic text is normalised before it is stored
-- and before it is matched (diacritics and tatweel removed, alef forms to
-- bare alef, alef maqsura to yeh, teh marbuta to heh, Eastern digits to
-- Western), so either spelling finds the other.

CREATE VIRTUAL TABLE event_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE claim_search USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The chronological order (earliest start, latest end, id) as an index, so
-- keyset pagination reads in order without sorting.
DROP INDEX event_time;
CREATE INDEX event_order ON event (lo, hi, id) WHERE recorded_to IS NULL;
-- Reads as of a record time.
CREATE INDEX event_recorded ON event (recorded_from, recorded_to);
