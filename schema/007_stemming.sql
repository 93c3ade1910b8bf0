-- parley storage format, version 7: stemmed full-text search, the names of
-- containing places and the headlines of cited sources.
--
-- event_search and claim_search are rebuilt with FTS5's porter tokenizer
-- (English: "negotiations" finds "negotiated"). Their text is what
-- src/store/searchable.cpp makes of it: Arabic normalised, then a line of
-- the light stems of its Arabic words ("الغوطه" adds "غوطه غوط"), so a
-- search for a word finds its stem or its written form (src/query/text.cpp).
-- An event version's text also holds the names of every place containing
-- its place ("Aleppo governorate", "Syria"); a claim version's text holds
-- the title of the source it cites. Like the names of actors (version 2),
-- these are as they were when the version was written: a place or source
-- renamed later reaches an event's text with the event's next version.
--
-- The stems are computed in C++: parley_searchable(text) is registered on
-- the connection that migrates (src/store/migrate.cpp). Existing rows keep
-- the text they had (names as written) and gain the containing places'
-- and sources' current names.
--
-- The fts5vocab views of version 5 (event_search_terms, claim_search_terms)
-- are dropped: a word's document count no longer bounds its matches once a
-- word also matches its stem, so the text filter counts matches in the
-- index itself, up to its plan threshold.

DROP TABLE event_search_terms;
DROP TABLE claim_search_terms;
ALTER TABLE event_search RENAME TO parley_old_event_search;

CREATE VIRTUAL TABLE event_search USING fts5 (
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Each event version's place and the places above it (depth >= 1).
WITH RECURSIVE chain (version, place, depth) AS (
  SELECT version, place, 0 FROM event WHERE place IS NOT NULL
  UNION ALL
  SELECT c.version, p.parent, c.depth + 1
  FROM chain c JOIN place p ON p.id = c.place AND p.recorded_to IS NULL
  WHERE p.parent IS NOT NULL AND c.depth < 32
),
above (version, names) AS (
  SELECT c.version, group_concat(n.value, ' ')
  FROM chain c JOIN place p ON p.id = c.place AND p.recorded_to IS NULL,
    json_each(p.doc, '$.names') n
  WHERE c.depth >= 1
  GROUP BY c.version
)
INSERT INTO event_search (rowid, body)
SELECT o.rowid, parley_searchable(o.body || char(10) || ifnull(a.names, ''))
FROM parley_old_event_search o LEFT JOIN above a ON a.version = o.rowid;

DROP TABLE parley_old_event_search;
DROP TABLE claim_search;

CREATE VIRTUAL TABLE claim_search USING fts5 (
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO claim_search (rowid, body)
SELECT version, parley_searchable(quote || char(10) || title)
FROM (
  SELECT c.version,
    ifnull(json_extract(c.doc, '$.quote'), '') AS quote,
    ifnull((SELECT json_extract(s.doc, '$.title') FROM source s
            WHERE s.id = c.source AND s.recorded_to IS NULL), '') AS title
  FROM claim c
)
WHERE quote != '' OR title != '';
