-- parley storage format, version 7, on PostgreSQL: stemmed full-text search
-- (the counterpart of schema/007_stemming.sql).
--
-- SQLite 007 rebuilt its FTS5 tables with the porter tokenizer. Here the
-- text search configuration `parley` (006: simple + unaccent) gains the
-- same stemmer: Snowball's `porter` (the original Porter algorithm, as
-- FTS5's porter tokenizer), without stop words (FTS5 drops none), after
-- unaccent, for every kind of word. Arabic words pass through it unchanged.
-- One difference: FTS5 leaves words under three letters alone, Snowball
-- may shorten them ("is" is indexed as "i"); a query is stemmed by the same
-- configuration, so it finds what it finds on SQLite.
--
-- The rest of SQLite 007 is text the client computes, so on PostgreSQL it
-- is what the writer sends to to_tsvector('parley', …), not SQL here:
-- Arabic normalised and a line of the light stems of its Arabic words
-- (src/store/searchable.cpp, C++), the names of the places containing an
-- event's place, the title of the source a claim cites. The fts5vocab
-- views SQLite 007 drops never existed here.
--
-- Existing search vectors are rebuilt from their own lexemes in the order
-- of their first position (the body is not stored): stemmed now, but
-- without the Arabic stems and place names a writer of format 7 adds, and
-- with positions renumbered. No PostgreSQL database of format 6 was
-- written by parley (the backend writes from format 8 on), so in practice
-- there is nothing to rebuild.
BEGIN;
-- Refuses (and so rolls back) a migration applied to any format but the
-- one before it; later migrations call it too.
CREATE OR REPLACE FUNCTION parley_expect_format(before integer,
  migration text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT max(version) FROM parley_schema) IS DISTINCT FROM before THEN
    RAISE EXCEPTION 'parley: migration % applies to storage format %; '
      'this database is at %', migration, before,
      (SELECT max(version) FROM parley_schema)
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
END $$;
SELECT parley_expect_format(6, '007');

CREATE TEXT SEARCH DICTIONARY parley_porter (
  TEMPLATE = snowball, Language = porter
);
ALTER TEXT SEARCH CONFIGURATION parley
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword,
    hword_part WITH unaccent, parley_porter;

-- A search vector of format 6, its lexemes stemmed as format 7 does.
CREATE FUNCTION parley_restem(v tsvector) RETURNS tsvector
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT to_tsvector('parley',
    coalesce(string_agg(lexeme, ' ' ORDER BY positions[1]), ''))
  FROM unnest(v)
$$;
UPDATE event SET search = parley_restem(search) WHERE search IS NOT NULL;
UPDATE claim SET search = parley_restem(search) WHERE search IS NOT NULL;
DROP FUNCTION parley_restem(tsvector);

INSERT INTO parley_schema (version) VALUES (7);
COMMIT;
