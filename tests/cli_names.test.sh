#!/usr/bin/env bash
# Finding actors, places and processes by name in the CLI (--actor,
# --place, --process), and text search by stems and containing places:
# the commands of README.md "Finding things by name", on a small place tree written
# here and on the Astana example.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

cat >aleppo.json <<'JSON'
{"format": "parley", "version": 1,
 "places": [
  {"id": "place:syr", "kind": "country", "names": {"en": "Syria", "ar": "سوريا"}},
  {"id": "place:syr-aleppo", "kind": "region", "parent": "place:syr",
   "names": {"en": "Aleppo governorate", "ar": "محافظة حلب"}},
  {"id": "place:syr-aleppo-city", "kind": "city", "parent": "place:syr-aleppo",
   "names": {"en": "Aleppo city"}},
  {"id": "place:syr-idlib", "kind": "region", "parent": "place:syr",
   "names": {"en": "Idlib governorate", "ar": "محافظة إدلب"}},
  {"id": "place:che-geneva", "kind": "city", "names": {"en": "Genève"}}],
 "events": [
  {"id": "event:shelling", "kind": "hostilities", "time": "2016-11-20",
   "title": {"en": "Shelling of eastern districts", "ar": "قصف الأحياء الشرقية"},
   "place": "place:syr-aleppo-city"},
  {"id": "event:idlib", "kind": "hostilities", "time": "2017-04-04",
   "title": {"en": "Air strike"}, "place": "place:syr-idlib"},
  {"id": "event:geneva", "kind": "meeting", "time": "2017-02-23",
   "title": {"en": "Talks", "ar": "محادثات بجنيف"},
   "place": "place:che-geneva"}]}
JSON
"$parley" init names.db
"$parley" import names.db aleppo.json >/dev/null

# A unique start of a name finds the governorate, and the city inside it.
out=$("$parley" timeline names.db --place Aleppo)
grep -q "Shelling of eastern districts" <<<"$out" || fail "--place Aleppo: $out"
! grep -q "Air strike" <<<"$out" || fail "--place Aleppo: Idlib too: $out"

# Case and diacritics do not matter; an Arabic name works as well.
out=$("$parley" timeline names.db --place geneve)
grep -q "Talks" <<<"$out" || fail "--place geneve: $out"
out=$("$parley" timeline names.db --place "IDLIB GOVERNORATE")
grep -q "Air strike" <<<"$out" || fail "--place IDLIB GOVERNORATE: $out"
out=$("$parley" timeline names.db --place "محافظة ادلب")
grep -q "Air strike" <<<"$out" || fail "--place محافظة ادلب: $out"

# Ambiguous and unknown names exit 65 and list candidates with their ids.
set +e
err=$("$parley" timeline names.db --place "محافظة" 2>&1 >/dev/null)
code=$?
set -e
[[ $code == 65 ]] || fail "ambiguous --place: exit $code"
grep -qF "did you mean Aleppo governorate (place:syr-aleppo), Idlib governorate (place:syr-idlib)?" <<<"$err" ||
  fail "ambiguous --place: $err"
set +e
err=$("$parley" timeline names.db --place "governorate" 2>&1 >/dev/null)
code=$?
set -e
[[ $code == 65 ]] || fail "unknown --place: exit $code"
grep -qF -- "--place: no place id, name or start of one 'governorate'; did you mean" <<<"$err" ||
  fail "unknown --place: $err"

# Text search: containing places' names, Arabic stems.
out=$("$parley" timeline names.db --text "Syria")
grep -q "Shelling" <<<"$out" && grep -q "Air strike" <<<"$out" ||
  fail "--text Syria: $out"
out=$("$parley" timeline names.db --text "جنيف")
grep -q "Talks" <<<"$out" || fail "--text جنيف: $out"
out=$("$parley" timeline names.db --text "الأحياء")
grep -q "Shelling" <<<"$out" || fail "--text الأحياء: $out"
out=$("$parley" timeline names.db --text "حي")
! grep -q "Shelling" <<<"$out" || fail "--text حي: a 2-letter word stems nothing: $out"

# The Astana example: an actor by the start of his name, a process by name.
"$parley" init astana.db
"$parley" import astana.db "$source/examples/data/astana-2017.json" >/dev/null
out=$("$parley" timeline astana.db --actor "mohammed all")
grep -q "Opposition rejects any role for Iran" <<<"$out" || fail "--actor: $out"
out=$("$parley" timeline astana.db --text "بجنيف")
grep -q "Intra-Syrian talks in Geneva" <<<"$out" || fail "--text بجنيف: $out"
echo "cli names: ok"
