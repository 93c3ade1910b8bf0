#!/usr/bin/env bash
# The PostgreSQL schema (schema/postgres/) on a throwaway server: partitions
# per year and a default, rows land by their earliest day, time windows use
# the GiST index and words the GIN index, versions are never overwritten and
# one version per event is current, the counts follow the writes, the Citus
# layout's preconditions hold in the catalog, and a migration applied twice
# is refused. Without PostgreSQL binaries it skips (exit 0) unless
# PARLEY_REQUIRE_POSTGRES is set.
set -euo pipefail
source=$2
. "$source/tests/postgres_server.sh"
trap 'postgres_stop "$source"' EXIT
postgres_start "$source"
fail() { echo "FAILED: $*"; exit 1; }
sql() { psql "$conn" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
expect() {  # WHAT EXPECTED SQL
  local got
  got=$(sql "$3") || fail "$1: the query failed"
  [[ $got == "$2" ]] || fail "$1: got '$got', wanted '$2'"
}
expect_refused() {  # WHAT PATTERN SQL: the statement fails, saying PATTERN
  local err
  if err=$(sql "$3" 2>&1); then fail "$1: accepted"; fi
  grep -q "$2" <<<"$err" || fail "$1: refused, but not for '$2': $err"
}
day() { echo $(($(date -u -d "$1" +%s) / 86400)); }  # days since 1970

for f in "$source"/schema/postgres/[0-9][0-9][0-9]_*.sql \
  "$source/schema/postgres/citus.sql"; do
  psql "$conn" -X -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null ||
    fail "applying $f"
done
expect "storage format" 9 "SELECT max(version) FROM parley_schema"

# --- partitions: one per year 1989..2030 and a default, per event table
for t in event event_actor event_topic; do
  wanted="${t}_default"
  for y in $(seq 1989 2030); do wanted+=$'\n'"${t}_y$y"; done
  expect "partitions of $t" "$wanted" "SELECT c.relname FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '$t'::regclass ORDER BY c.relname"
done

# The test writes events through one function (the columns the writer sets).
sql "CREATE FUNCTION test_event(id text, lo bigint, hi bigint, kind text,
  recorded bigint, doc json, body text DEFAULT '', place text DEFAULT NULL)
  RETURNS bigint LANGUAGE sql AS \$\$
  INSERT INTO event (id, recorded_from, kind, status, time, start_open,
    start_unknown, end_open, end_unknown, lo, hi, place, doc, search)
  VALUES (id, recorded, kind, 'occurred', 'x', false, false, false, false,
    lo, hi, place, doc, to_tsvector('parley', body)) RETURNING version
\$\$"

d2017=$(day 2017-03-15)
d1900=$(day 1900-06-01)
sql "SELECT test_event('e2017', $d2017, $d2017 + 1, 'hostilities', 10,
  '{\"details\":{\"deaths_best\":4}}', 'Fighting in Alèppo', 'aleppo')" >/dev/null
sql "SELECT test_event('e1900', $d1900, $d1900 + 1, 'statement', 10, '{}')" \
  >/dev/null
expect "a 2017 row's partition" event_y2017 \
  "SELECT tableoid::regclass FROM event WHERE id = 'e2017'"
expect "a 1900 row's partition" event_default \
  "SELECT tableoid::regclass FROM event WHERE id = 'e1900'"

# --- versions: the writer closes the current version and adds one; the
# new version (moved to 2018) lands in another partition, the first stays.
v1=$(sql "SELECT version FROM event WHERE id = 'e2017'")
d2018=$(day 2018-01-10)
sql "BEGIN;
  UPDATE event SET recorded_to = 20 WHERE id = 'e2017' AND recorded_to IS NULL;
  SELECT test_event('e2017', $d2018, $d2018 + 3, 'hostilities', 20,
    '{\"details\":{\"deaths_best\":7}}');
  COMMIT;" >/dev/null
expect "both versions kept" \
  "$v1|10|20|event_y2017|{\"details\":{\"deaths_best\":4}}"$'\n'"20|current|event_y2018" \
  "SELECT concat_ws('|', CASE WHEN version = $v1 THEN version END,
    recorded_from, coalesce(recorded_to::text, 'current'), tableoid::regclass,
    CASE WHEN version = $v1 THEN doc::text END)
  FROM event WHERE id = 'e2017' ORDER BY version"
expect "the head names the new version" "e2017|$d2018" \
  "SELECT h.id || '|' || h.lo FROM event_head h JOIN event e
   ON (e.id, e.lo, e.version) = (h.id, h.lo, h.version)
   WHERE e.recorded_to IS NULL AND h.id = 'e2017'"
expect_refused "a second current version, other partition" event_head_pkey \
  "SELECT test_event('e2017', $d2017, $d2017 + 1, 'hostilities', 30, '{}')"
expect_refused "a second current version, same partition" event_head_pkey \
  "SELECT test_event('e2017', $d2018, $d2018 + 1, 'hostilities', 30, '{}')"
expect_refused "changing a version's content" "is never changed" \
  "UPDATE event SET doc = '{}' WHERE version = $v1"
expect_refused "reopening a closed version" "is never changed" \
  "UPDATE event SET recorded_to = NULL WHERE version = $v1"
expect "the current row by id" "$d2018" \
  "SELECT lo FROM event WHERE id = 'e2017' AND recorded_to IS NULL"

# --- counts follow the writes (schema/004): by day of lo, and by month
expect "count_kind" "$d2017|0|0"$'\n'"$d2018|1|7" \
  "SELECT day || '|' || events || '|' || deaths_best FROM count_kind
   WHERE kind = 'hostilities' ORDER BY day"
expect "count_place of the closed version" "aleppo|2017-03|0" \
  "SELECT place || '|' || month || '|' || events FROM count_place
   WHERE place <> ''"
expect "count_process by month" "1900-06|statement|1"$'\n'"2018-01|hostilities|1" \
  "SELECT month || '|' || kind || '|' || events FROM count_process
   WHERE events <> 0 ORDER BY month"
expect "current events" 2 "SELECT n FROM current_total WHERE entity = 'event'"
# An actor named twice by a version counts once; closing the version uncounts.
sql "INSERT INTO event_actor (event, lo, version, actor, role)
  SELECT id, lo, version, a, r FROM event,
    (VALUES ('army', 'side_a'), ('army', 'pledger'), ('rebels', 'side_b')) v (a, r)
  WHERE id = 'e2017' AND recorded_to IS NULL"
expect "count_actor" "army|2018-01|1|7"$'\n'"rebels|2018-01|1|7" \
  "SELECT concat_ws('|', actor, month, events, deaths_best) FROM count_actor
   ORDER BY actor"
sql "UPDATE event SET recorded_to = 40 WHERE id = 'e2017' AND recorded_to IS NULL"
expect "count_actor after closing" "0|0" \
  "SELECT sum(events) || '|' || sum(deaths_best) FROM count_actor"
expect "no head after closing" 0 "SELECT count(*) FROM event_head WHERE id = 'e2017'"

# --- external ids and flags of current versions (schema/006)
sql "SELECT test_event('gdelt-1', $d2017, $d2017 + 1, 'statement', 50,
  '{\"external\":{\"dataset\":\"gdelt\",\"id\":\"77\"},
    \"flags\":[{\"code\":\"deaths_order\"},{\"code\":\"deaths_order\"}]}')" >/dev/null
expect "external id" "gdelt|77||gdelt-1" "SELECT concat_ws('|', dataset,
  external_id, dataset_release, event) FROM event_external"
expect "flags, once per code" "deaths_order" "SELECT code FROM event_flag"
sql "UPDATE event SET recorded_to = 60 WHERE id = 'gdelt-1'"
expect "closed: no external id, no flag" "0|0" "SELECT
  (SELECT count(*) FROM event_external) || '|' || (SELECT count(*) FROM event_flag)"

# --- a new year's partition takes its rows out of the default
d2031=$(day 2031-05-01)
sql "SELECT test_event('e2031', $d2031, $d2031 + 1, 'statement', 70, '{}')" >/dev/null
sql "INSERT INTO event_actor SELECT id, lo, version, 'army', 'side_a'
  FROM event WHERE id = 'e2031'"
expect "2031 waits in the default" "event_default|event_actor_default" \
  "SELECT e.tableoid::regclass || '|' || a.tableoid::regclass
   FROM event e JOIN event_actor a ON a.version = e.version WHERE e.id = 'e2031'"
expect "partitions added" 3 "SELECT parley_add_years(2031, 2031)"
expect "again: none added" 0 "SELECT parley_add_years(2030, 2031)"
expect "2031 moved" "event_y2031|event_actor_y2031|e2031" \
  "SELECT e.tableoid::regclass || '|' || a.tableoid::regclass || '|' || h.id
   FROM event e JOIN event_actor a ON a.version = e.version
   JOIN event_head h ON h.version = e.version WHERE e.id = 'e2031'"

# --- index use: 20,000 current events over 2015-2020 (one every 2 days,
# 1-5 days long), each with a word of its own and a shared one.
d2015=$(day 2015-01-01)
sql "INSERT INTO event (id, recorded_from, kind, status, time, start_open,
  start_unknown, end_open, end_unknown, lo, hi, doc, search)
  SELECT 'g' || i, 100, 'hostilities', 'occurred', 'x', false, false, false,
    false, $d2015 + i / 10, $d2015 + i / 10 + 1 + i % 5, '{}',
    to_tsvector('parley', 'shelling word' || i)
  FROM generate_series(1, 20000) i; ANALYZE"
# One statement of 20,000 rows counts like 20,000 writes: read back from
# the rows themselves (the current ones: 20,000 + e1900 + e2031).
current=$(sql "SELECT count(*) FROM event WHERE recorded_to IS NULL")
[[ $current == 20002 ]] || fail "current events: $current, wanted 20002"
expect "current_total after a batch" "$current" \
  "SELECT n FROM current_total WHERE entity = 'event'"
expect "count_kind after a batch" "$current" "SELECT sum(events) FROM count_kind"
expect "heads after a batch" "$current" "SELECT count(*) FROM event_head"
w_lo=$(day 2017-06-01)
w_hi=$((w_lo + 3))
window="FROM event WHERE recorded_to IS NULL
  AND days && int8range($w_lo, $w_hi) AND lo < $w_hi"
# Expected independently: g_i spans [d2015 + i/10, d2015 + i/10 + 1 + i%5).
wanted=0
for ((i = 1; i <= 20000; i++)); do
  lo=$((d2015 + i / 10))
  ((lo < w_hi && lo + 1 + i % 5 > w_lo)) && wanted=$((wanted + 1))
done
expect "3-day window" "$wanted" "SELECT count(*) $window"
plan=$(sql "EXPLAIN SELECT id $window ORDER BY lo, hi, id LIMIT 50")
grep -q "Index Scan.* on event_y2017_days_idx" <<<"$plan" ||
  fail "the window does not read the GiST index: $plan"
! grep -q "event_y2018\|event_y2030" <<<"$plan" ||
  fail "the window reads partitions after it: $plan"
expect "word query" "g12345" "SELECT id FROM event
  WHERE search @@ to_tsquery('parley', 'word12345') AND recorded_to IS NULL"
plan=$(sql "EXPLAIN SELECT id FROM event
  WHERE search @@ to_tsquery('parley', 'word12345') AND recorded_to IS NULL")
grep -q "Bitmap Index Scan on event_y2018_search_idx" <<<"$plan" ||
  fail "the word query does not read the GIN index: $plan"
expect "a word with its diacritics removed" "e2017" \
  "SELECT DISTINCT id FROM event WHERE search @@ to_tsquery('parley', 'aleppo')"
expect "Arabic words are words" "ar" "SELECT id FROM (SELECT 'ar' AS id,
  to_tsvector('parley', 'قصف في حلب') AS s) t WHERE s @@ to_tsquery('parley', 'حلب')"

# --- Citus layout preconditions, read from the catalog
# Each query lists what breaks a precondition; the layout holds when all
# are empty. A deliberately wrong table first shows that they can fail.
tables="SELECT c.oid, c.relname FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
unlisted="SELECT relname FROM ($tables) t
  WHERE relname NOT IN (SELECT table_name FROM parley_layout)"
dist="SELECT l.table_name, l.distribution_column, a.attnum, c.oid
  FROM parley_layout l JOIN pg_class c ON c.relname = l.table_name
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = l.distribution_column
  WHERE l.placement = 'distributed'"
# A unique index or primary key without the distribution column.
bad_unique="SELECT d.table_name || ': ' || i.indexrelid::regclass
  FROM ($dist) d JOIN pg_index i ON i.indrelid = d.oid
  WHERE i.indisunique AND NOT d.attnum = ANY (i.indkey::int2[])"
# A foreign key: between distributed tables, not distribution column to
# distribution column or not colocated; from a distributed table to a
# non-distributed one, not to a reference table; from a reference table to
# a distributed one (Citus refuses it). Only the keys as declared: PostgreSQL
# adds one per partition (conparentid names the declared one).
group="coalesce(nullif(colocate_with, 'none'), table_name)"
bad_fk="SELECT k.conname FROM pg_constraint k
  JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
  LEFT JOIN parley_layout lf ON lf.table_name = f.relname
  LEFT JOIN parley_layout lr ON lr.table_name = r.relname
  LEFT JOIN ($dist) df ON df.oid = f.oid LEFT JOIN ($dist) dr ON dr.oid = r.oid
  WHERE k.contype = 'f' AND k.conparentid = 0 AND CASE
    WHEN lf.placement = 'distributed' AND lr.placement = 'distributed' THEN
      NOT EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) p (fk, pk)
                  WHERE p.fk = df.attnum AND p.pk = dr.attnum)
      OR (SELECT $group FROM parley_layout WHERE table_name = f.relname)
         <> (SELECT $group FROM parley_layout WHERE table_name = r.relname)
    WHEN lf.placement = 'distributed' THEN lr.placement IS DISTINCT FROM 'reference'
    ELSE lr.placement = 'distributed' END"
sql "CREATE TABLE wrong (k text, id text UNIQUE)"
expect "an unlisted table is found" wrong "$unlisted"
sql "INSERT INTO parley_layout VALUES ('wrong', 'distributed', 'k', 'event')"
expect "a unique key without the column is found" "wrong: wrong_id_key" \
  "$bad_unique"
sql "ALTER TABLE wrong ADD COLUMN v bigint, ADD FOREIGN KEY (id, v)
  REFERENCES event_external (event, version)"
expect "a foreign key off the column is found" "wrong_id_v_fkey" "$bad_fk"
sql "DELETE FROM parley_layout WHERE table_name = 'wrong'; DROP TABLE wrong"
expect "every table placed" "" "$unlisted"
expect "no listed table missing" "" "SELECT table_name FROM parley_layout
  WHERE table_name NOT IN (SELECT relname FROM ($tables) t)"
expect "unique keys hold the distribution column" "" "$bad_unique"
expect "foreign keys colocated or to reference tables" "" "$bad_fk"
expect "distributed tables distributed by a column they have" "" \
  "SELECT table_name FROM parley_layout WHERE placement = 'distributed'
   AND table_name NOT IN (SELECT table_name FROM ($dist) d)"
# The plan: reference tables first, actor before actor_tie (its foreign
# key), each group's first table before the tables colocated with it.
plan=$(sql "SELECT parley_citus_plan()")
first_dist=$(grep -n create_distributed_table <<<"$plan" | head -1 | cut -d: -f1)
last_ref=$(grep -n create_reference_table <<<"$plan" | tail -1 | cut -d: -f1)
((last_ref < first_dist)) || fail "reference tables after distributed: $plan"
line_of() { grep -nF "$1" <<<"$plan" | cut -d: -f1; }
(($(line_of "table('actor')") < $(line_of "table('actor_tie')"))) ||
  fail "actor_tie before actor: $plan"
event_line=$(line_of "table('event', 'id'")
while IFS=: read -r n _; do
  ((n > event_line)) || fail "colocated with event before event: $plan"
done < <(grep -n "colocate_with => 'event'" <<<"$plan")
[[ $(grep -c "colocate_with => 'event'" <<<"$plan") == 8 ]] ||
  fail "eight tables colocated with event: $plan"

# --- migrations: applying 006 again is refused and changes nothing
before=$(sql "SELECT count(*) FROM pg_class")
if out=$(psql "$conn" -X -q -v ON_ERROR_STOP=1 \
  -f "$source/schema/postgres/006_initial.sql" 2>&1); then
  fail "006 applied twice"
fi
grep -q "applies to an empty database; this one is at storage format 9" \
  <<<"$out" || fail "006 twice refused, but not for its version: $out"
expect "nothing changed" "$before" "SELECT count(*) FROM pg_class"
expect "still format 9" 6,7,8,9 \
  "SELECT string_agg(version::text, ',' ORDER BY version) FROM parley_schema"
# citus.sql without Citus: nothing happens, the triggers stay.
psql "$conn" -X -q -v ON_ERROR_STOP=1 -f "$source/schema/postgres/citus.sql" \
  >/dev/null || fail "citus.sql on plain PostgreSQL"
# (009 folded the rule triggers of 008 into the event triggers.)
expect "count triggers kept" 3 "SELECT count(DISTINCT tgname)
  FROM pg_trigger WHERE tgname IN ('event_written', 'event_closed',
  'event_actor_written')"
expect "the triggers derive" t "SELECT parley_triggers_derive()"
echo "postgres schema: all checks passed"
