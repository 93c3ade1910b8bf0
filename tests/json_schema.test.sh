#!/usr/bin/env bash
# Checks schema/parley.schema.json with ajv (draft 2020-12):
#   1. the example document examples/data/astana-2017.json is valid;
#   2. variants the C++ reader also accepts are valid (nulls for optional
#      fields, record times on entries, ...);
#   3. deliberately broken copies of the example are REJECTED, so the schema
#      is not vacuous.
#
# Usage (as CTest runs it): bash tests/json_schema.test.sh <build-dir> <source-dir>
# Needs node and npm; the first run installs the pinned ajv packages into
# tests/schema/node_modules with `npm ci`.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <build-dir> <source-dir>" >&2
  exit 2
fi
source_dir=$(cd "$2" && pwd)
schema="$source_dir/schema/parley.schema.json"
example="$source_dir/examples/data/astana-2017.json"

cd "$source_dir/tests/schema"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes $work/accept-*.json and $work/reject-*.json: the example with one
# change each. A change that finds nothing to change is a test failure.
node - "$example" "$work" <<'EOF'
const fs = require('fs');
const [example, work] = process.argv.slice(2);
const original = JSON.parse(fs.readFileSync(example, 'utf8'));
const byKind = (doc, kind) => {
  const e = doc.events.find((x) => x.kind === kind);
  if (!e) throw new Error(`the example has no ${kind} event`);
  return e;
};
const cases = {
  // Accepted by the reader, so the schema must accept them too.
  'accept-optional-nulls': (d) => {
    d.places[0].parent = null;
    d.events[0].details = null;
    d.events[0].planned = null;  // no planned time: status may then be none
    d.events[0].status = 'none';
    byKind(d, 'pledge').details.beneficiary = null;
  },
  'accept-entry-record-times': (d) => {
    d.actors[0].recorded = '2017-02-15';
    // A later version of a link that deletes it (nothing refers to links).
    d.links.push({ ...d.links[0], reason: 'revised',
                   recorded: '2017-03-01T09:30:00.25+00:00',
                   superseded: '2017-03-02T10:00:00Z' });
  },
  // '' counts as no document record time (the import then uses the current
  // time, which must not follow the entries' own times: drop those).
  'accept-empty-document-recorded': (d) => {
    d.recorded = '';
    for (const key of ['actors', 'places', 'processes', 'sources', 'events', 'claims', 'links']) {
      for (const entry of d[key] || []) delete entry.recorded;
    }
  },
  'accept-minimal-document': (d) => {
    for (const k of Object.keys(d)) if (k !== 'format' && k !== 'version') delete d[k];
  },
  'accept-custom-attributes': (d) => {
    d.events[0].kind = 'custom';
    d.events[0].details = { name: 'walkout', attributes: { minutes: 20, who: ['a'] } };
  },
  'accept-hostilities-deaths': (d) => {
    Object.assign(byKind(d, 'hostilities').details,
                  { deaths_low: 0, deaths_best: 3, deaths_high: 5 });
  },
  'accept-session-without-details': (d) => { delete byKind(d, 'session').details; },

  // Refused by the reader, so the schema must refuse them.
  'reject-unknown-event-kind': (d) => { d.events[0].kind = 'summit'; },
  'reject-unknown-place-field': (d) => { d.places[0].population = 21000000; },
  'reject-actor-without-names': (d) => { delete d.actors[0].names; },
  'reject-actor-empty-names': (d) => { d.actors[0].names = {}; },
  'reject-unknown-status': (d) => { d.events[0].status = 'maybe'; },
  'reject-pledge-without-pledger': (d) => { delete byKind(d, 'pledge').details.pledger; },
  'reject-pledge-without-details': (d) => { delete byKind(d, 'pledge').details; },
  'reject-count-as-string': (d) => { byKind(d, 'detainee_release').details.count = '12'; },
  'reject-negative-deaths': (d) => { byKind(d, 'hostilities').details.deaths_best = -1; },
  'reject-details-of-another-kind': (d) => { byKind(d, 'negotiation_round').details = { pledger: 'actor:russia' }; },
  'reject-custom-without-name': (d) => { byKind(d, 'custom').details = { attributes: {} }; },
  'reject-custom-attributes-array': (d) => { byKind(d, 'custom').details.attributes = [1]; },
  'reject-planned-without-status': (d) => { delete d.events[0].status; },
  'reject-bad-id': (d) => { d.actors[0].id = 'actor: armed opposition'; },
  'reject-bad-language-tag': (d) => { d.places[0].names.English = 'Syria'; },
  'reject-bad-topic': (d) => { d.events[0].topics = ['Ceasefire']; },
  'reject-bad-clock-time': (d) => {
    const e = d.events.find((x) => x.time_of_day);
    if (!e) throw new Error('the example has no time_of_day');
    e.time_of_day.start = '25:00';
  },
  'reject-latitude-out-of-range': (d) => { d.places[0].coordinates.lat = 95; },
  'reject-unknown-top-level-field': (d) => { d.comment = 'hello'; },
  'reject-wrong-format': (d) => { d.format = 'parley-json'; },
  'reject-version-2': (d) => { d.version = 2; },
  'reject-bad-record-time': (d) => { d.events[0].recorded = '16 February 2017'; },
  'reject-null-entry-record-time': (d) => { d.events[0].superseded = null; },
  'reject-null-required-field': (d) => { d.claims[0].source = null; },
  'reject-unknown-link-kind': (d) => { d.links[0].kind = 'causes'; },
  'reject-empty-time': (d) => { d.events[0].time = ''; },
};
for (const [name, change] of Object.entries(cases)) {
  const doc = structuredClone(original);
  change(doc);
  fs.writeFileSync(`${work}/${name}.json`, JSON.stringify(doc, null, 2));
}
EOF

passed=0
failed=0
# The locally installed ajv-cli (what `npx ajv` runs). All documents go to one
# ajv call, which prints "<file> valid" or "<file> invalid" for each; that
# saves compiling the schema once per document.
ajv=node_modules/.bin/ajv
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1: $2"; }

# The schema itself must compile in ajv's strict mode.
if "$ajv" compile --spec=draft2020 -c ajv-formats --strict=true \
    -s "$schema" >"$work/compile.log" 2>&1; then
  pass "schema compiles (strict)"
else
  fail "schema compiles (strict)" "ajv refused the schema"
  cat "$work/compile.log"
fi

files=("$example" "$work"/accept-*.json "$work"/reject-*.json)
data_args=()
for file in "${files[@]}"; do data_args+=(-d "$file"); done
# Exits non-zero because the reject-* documents are invalid; the per-file
# lines below are what count.
"$ajv" validate --spec=draft2020 -c ajv-formats --strict=false --errors=text \
  -s "$schema" "${data_args[@]}" >"$work/ajv.log" 2>&1 || true

for file in "${files[@]}"; do
  name=$(basename "$file" .json)
  expected=valid
  [[ $name == reject-* ]] && expected=invalid
  if grep -qxF "$file $expected" "$work/ajv.log"; then
    pass "$name ($expected)"
  else
    fail "$name" "expected $expected"
    grep -F "$file" "$work/ajv.log" | sed 's/^/        /' | head -5
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
