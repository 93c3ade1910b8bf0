// Reads parley's outputs for the Astana example with the programs people
// use to read them, and adds the RFC rules those programs do not enforce.
//
//   node check.js <data.json> <ics>... --csv <csv> --csv-ar <csv> \
//        --geojson <geojson>
//
// Prints one line per check and "N passed, M failed"; exits 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const ICAL = require(path.join(__dirname, 'node_modules/ical.js/dist/ical.es5.cjs'));
const { parse: parseCsv } = require('csv-parse/sync');

const { check, attempt, finish } = require('../node/report.js');

// Arguments.
const args = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(args.shift(), 'utf8'));
const icsFiles = [];
const named = {};
while (args.length) {
  const a = args.shift();
  if (a.startsWith('--')) named[a.slice(2)] = args.shift();
  else icsFiles.push(a);
}

// The current version of every entity: the last entry with its id.
function current(array) {
  const byId = new Map();
  for (const x of array || []) byId.set(x.id, x);
  return [...byId.values()];
}
const events = current(data.events);
const places = new Map(current(data.places).map((p) => [p.id, p]));
const name = (texts, lang) => texts[lang] || texts.en || Object.values(texts)[0];

// ---------------------------------------------------------------- iCalendar
const ICAL_STATUS = { scheduled: 'TENTATIVE', postponed: 'TENTATIVE', held: 'CONFIRMED', cancelled: 'CANCELLED' };

// True when a TEXT value has no bare ',' or ';' (each escaped as \, \;) and
// no backslash other than the four escapes.
function escapedText(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (!'\\;,nN'.includes(value[i + 1] || '')) return false;
      i++;
    } else if (c === ',' || c === ';') {
      return false;
    }
  }
  return true;
}

function checkIcs(file) {
  const label = path.basename(file);
  const bytes = fs.readFileSync(file);
  // Physical lines: split on LF; each must end in CR, and the file in CRLF.
  const physical = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      physical.push({ bytes: bytes.subarray(start, i), crlf: i > start && bytes[i - 1] === 0x0d });
      start = i + 1;
    }
  }
  check(`${label}: ends with CRLF`, start === bytes.length && physical.length > 0);
  const bare = physical.filter((l) => !l.crlf).length;
  check(`${label}: every line ends with CRLF`, bare === 0, `${bare} lines end in a bare LF`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let long = 0;
  let split = 0;
  const lines = [];
  for (const l of physical) {
    const content = l.crlf ? l.bytes.subarray(0, l.bytes.length - 1) : l.bytes;
    if (content.length > 75) long++;
    let text = '';
    try {
      text = decoder.decode(content);
    } catch (e) {
      split++;
    }
    if (content.includes(0x0d)) split++;
    lines.push(text);
  }
  check(`${label}: no line over 75 octets`, long === 0, `${long} lines`);
  check(`${label}: every physical line is valid UTF-8 (no split sequence)`, split === 0, `${split} lines`);
  // Unfold: a line starting with one space continues the previous one.
  const unfolded = [];
  for (const l of lines) {
    if (l.startsWith(' ') || l.startsWith('\t')) unfolded[unfolded.length - 1] += l.slice(1);
    else unfolded.push(l);
  }
  check(`${label}: VCALENDAR with VERSION:2.0 and PRODID`,
        unfolded[0] === 'BEGIN:VCALENDAR' && unfolded.includes('VERSION:2.0') &&
        unfolded.some((l) => l.startsWith('PRODID:')) && unfolded[unfolded.length - 1] === 'END:VCALENDAR');

  // Raw VEVENT blocks: UID and DTSTAMP in each; TEXT values escaped.
  const blocks = [];
  for (const l of unfolded) {
    if (l === 'BEGIN:VEVENT') blocks.push([]);
    else if (l === 'END:VEVENT') blocks.push(null);
    else if (blocks.length && blocks[blocks.length - 1]) blocks[blocks.length - 1].push(l);
  }
  const vevents = blocks.filter(Boolean);
  check(`${label}: UID and DTSTAMP in every VEVENT`,
        vevents.every((b) => b.some((l) => l.startsWith('UID:')) &&
                             b.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))));
  const textProps = /^(SUMMARY|DESCRIPTION|LOCATION|COMMENT|X-WR-CALNAME)(;[^:]*)?:(.*)$/;
  const unescaped = unfolded.filter((l) => {
    const m = textProps.exec(l);
    return m && !escapedText(m[3]);
  });
  check(`${label}: commas and semicolons escaped in TEXT values`, unescaped.length === 0, unescaped[0]);

  // ical.js reads it back.
  attempt(`${label}: ical.js parses it`, () => {
    const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
    const parsed = calendar.getAllSubcomponents('vevent');
    check(`${label}: ical.js parses it`, parsed.length === vevents.length);
    const expected = events.filter((e) => e.planned || (e.status && e.status !== 'none'));
    const uids = parsed.map((v) => v.getFirstPropertyValue('uid')).sort();
    check(`${label}: one VEVENT per scheduled event`,
          JSON.stringify(uids) === JSON.stringify(expected.map((e) => `${e.id}@parley`).sort()),
          uids.join(' '));
    for (const e of expected) {
      const v = parsed.find((x) => x.getFirstPropertyValue('uid') === `${e.id}@parley`);
      if (!v) continue;
      const dtstart = v.getFirstPropertyValue('dtstart');
      check(`${label}: ${e.id} starts ${e.time} as an all-day date`,
            dtstart.isDate && dtstart.toString() === e.time, dtstart.toString());
      check(`${label}: ${e.id} is ${ICAL_STATUS[e.status]} (${e.status})`,
            v.getFirstPropertyValue('status') === ICAL_STATUS[e.status], v.getFirstPropertyValue('status'));
      check(`${label}: ${e.id} SUMMARY is its title`, v.getFirstPropertyValue('summary') === e.title.en);
      const place = places.get(e.place);
      if (place && place.coordinates) {
        const geo = v.getFirstPropertyValue('geo');
        check(`${label}: ${e.id} GEO is lat;lon`,
              Math.abs(geo[0] - place.coordinates.lat) < 1e-6 && Math.abs(geo[1] - place.coordinates.lon) < 1e-6,
              JSON.stringify(geo));
      }
    }
    const geneva = parsed.find((x) => x.getFirstPropertyValue('uid') === 'event:geneva-4@parley');
    check(`${label}: Geneva 2017-02-23 present`,
          geneva && geneva.getFirstPropertyValue('dtstart').toString() === '2017-02-23');
    const round = parsed.find((x) => x.getFirstPropertyValue('uid') === 'event:astana-2@parley');
    check(`${label}: escaped commas read back in DESCRIPTION`,
          round && round.getFirstPropertyValue('description').includes('planned 2017-02-15, held 2017-02-16, 1 day late'));
  });
}

// ---------------------------------------------------------------------- CSV
function checkCsv(file, lang) {
  const label = path.basename(file);
  const text = fs.readFileSync(file, 'utf8');
  check(`${label}: records end with CRLF`, /\r\n$/.test(text) && !/[^\r]\n/.test(text));
  attempt(`${label}: csv-parse reads it`, () => {
    const rows = parseCsv(text, { bom: false, relax_quotes: false, relax_column_count: false });
    check(`${label}: csv-parse reads it with one column count`, rows.length > 1);
    const header = rows[0];
    // 25 ACLED-like columns, then deaths, the place path, the precisions,
    // the actors with roles, deaths by side, the dataset and the clock.
    check(`${label}: 41 documented columns`, header.length === 41 && header[0] === 'event_id' &&
          header.includes('latitude') && header.includes('time_precision') &&
          header.includes('deaths_best') && header.includes('place_path'), header.join(','));
    check(`${label}: one row per event`, rows.length === events.length + 1, `${rows.length - 1} rows`);
    check(`${label}: every row has the header's width`, rows.every((r) => r.length === header.length));
    const col = (n) => header.indexOf(n);
    for (const e of events) {
      const row = rows.find((r) => r[0] === e.id);
      if (!row) {
        check(`${label}: row for ${e.id}`, false);
        continue;
      }
      if (row[col('title')] !== name(e.title, lang)) {
        check(`${label}: title of ${e.id} intact`, false, row[col('title')]);
      }
    }
    const round = rows.find((r) => r[0] === 'event:astana-2');
    const data = events.find((e) => e.id === 'event:astana-2');
    check(`${label}: the Astana round's title intact (${lang})`, round[col('title')] === name(data.title, lang));
    check(`${label}: the Astana round's date, plan and status`,
          round[col('event_date')] === data.time && round[col('planned')] === data.planned &&
          round[col('status')] === data.status);
  });
}

// ------------------------------------------------------------------ GeoJSON
function checkGeojson(file) {
  const label = path.basename(file);
  attempt(`${label}: valid JSON`, () => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    check(`${label}: a FeatureCollection`, doc.type === 'FeatureCollection' && Array.isArray(doc.features));
    check(`${label}: one Feature per event`, doc.features.length === events.length);
    const bad = doc.features.filter((f) => {
      if (f.type !== 'Feature' || typeof f.properties !== 'object' || f.properties === null) return true;
      if (f.geometry === null) return false;
      const c = f.geometry.coordinates;
      return f.geometry.type !== 'Point' || !Array.isArray(c) || c.length !== 2 ||
             !(c[0] >= -180 && c[0] <= 180) || !(c[1] >= -90 && c[1] <= 90);
    });
    check(`${label}: every Feature well formed, [lon, lat] in range`, bad.length === 0, bad[0] && bad[0].id);
    const astana = doc.features.find((f) => f.id === 'event:astana-2');
    const c = astana && astana.geometry && astana.geometry.coordinates;
    check(`${label}: Astana at lon 71.45, lat 51.17`,
          c && Math.abs(c[0] - 71.45) < 0.01 && Math.abs(c[1] - 51.17) < 0.01, JSON.stringify(c));
    // Every event whose own place has coordinates is at [lon, lat] of it.
    const misplaced = doc.features.filter((f) => {
      const e = events.find((x) => x.id === f.id);
      const p = e && places.get(e.place);
      if (!p || !p.coordinates) return false;
      const g = f.geometry && f.geometry.coordinates;
      return !g || g[0] !== p.coordinates.lon || g[1] !== p.coordinates.lat;
    });
    check(`${label}: points are their places' [lon, lat]`, misplaced.length === 0, misplaced[0] && misplaced[0].id);
    // Actors with their roles, as the data lists the participants.
    const round = events.find((e) => e.id === 'event:astana-2');
    check(`${label}: the Astana round's actors and roles`, astana &&
          JSON.stringify(astana.properties.actors.map((a) => [a.id, a.role])) ===
          JSON.stringify(round.participants.map((p) => [p.actor, p.role])),
          astana && JSON.stringify(astana.properties.actors));
    check(`${label}: deaths are null or {low, best, high}`, doc.features.every((f) =>
      f.properties.deaths === null || ['low', 'best', 'high'].every((k) => k in f.properties.deaths)));
    const unplaced = doc.features.filter((f) => !events.find((x) => x.id === f.id).place);
    check(`${label}: events without a place have a null geometry`, unplaced.every((f) => f.geometry === null));
  });
}

for (const f of icsFiles) checkIcs(f);
if (named.csv) checkCsv(named.csv, 'en');
if (named['csv-ar']) checkCsv(named['csv-ar'], 'ar');
if (named.geojson) checkGeojson(named.geojson);

finish();
