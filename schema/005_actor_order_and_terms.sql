-- parley storage format, version 5: one actor's events in chronological
-- order.
--
-- event_actor repeats the `lo` of its event version (a version never
-- changes), so the first page of an actor's events reads the index
-- event_actor_order from the actor's earliest event and stops after the
-- page, where it read every event of the actor and sorted them (about 5,000
-- per actor at 1M events: bench/query.cpp). The index also serves the
-- actor-and-role filter; event_actor_actor (actor, role) is dropped.
ALTER TABLE event_actor ADD COLUMN lo INTEGER;

UPDATE event_actor
SET lo = (SELECT e.lo FROM event e WHERE e.version = event_actor.version);

CREATE INDEX event_actor_order ON event_actor (actor, lo, version);

DROP INDEX event_actor_actor;

-- How many event versions and claims hold each word, read by the text
-- filter to choose its plan (src/query/text.cpp). Views of the text
-- indexes: they store nothing.
CREATE VIRTUAL TABLE event_search_terms USING fts5vocab (event_search, 'row');
CREATE VIRTUAL TABLE claim_search_terms USING fts5vocab (claim_search, 'row');
