// The overview page's inline CSS and script. Each is kept as pieces under
// 4,095 characters, the longest string literal ISO C++ promises to handle
// (-Wpedantic's -Woverlength-strings), written one after the other.
//
// The script unpacks and reads the data object (html_overview.hpp), draws
// the overview strip and the axis on canvases and the rows as absolutely
// positioned elements inside a spacer as tall as all rows, only those
// scrolled into view (plus a few), redrawn on scroll. Text from the data
// only ever goes in through textContent, isolated in <bdi dir="auto">.
// When the first draw has been painted it sets window.parleyPainted (ms
// since navigation start) and <body data-ready="1">; window.parley exposes
// what the page shows (matched(), shown(), rows(), view(), axisLabels(),
// zoom(from, to)) for tests.
#include <iterator>
#include <ostream>

#include "render/html_overview.hpp"

namespace parley::render_detail {

namespace {

constexpr const char* kStyle[] = {
    R"css(*{box-sizing:border-box}
body{font:14px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic","DejaVu Sans",sans-serif;margin:20px;color:#222;background:#fff}
h1{font-size:20px;margin:0 0 4px}
.sub{color:#555;margin:0 0 10px}
.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 8px}
#filter{flex:0 1 520px;min-width:240px;font:inherit;padding:4px 8px;border:1px solid #bbb;border-radius:4px}
.bar button{font:inherit;padding:3px 10px;border:1px solid #bbb;border-radius:4px;background:#f7f7f7;cursor:pointer}
#range{color:#555}
#overview{position:relative;height:96px;border:1px solid #ddd;border-radius:6px;cursor:crosshair;user-select:none}
#overview canvas{display:block;width:100%;height:100%}
#legend{color:#666;font-size:12px;margin:3px 0 10px}
#legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 0;vertical-align:-1px}
.chart{border:1px solid #ddd;border-radius:6px;overflow:hidden}
.axis{display:grid;grid-template-columns:380px 1fr;height:34px;border-bottom:1px solid #ccc}
.axis .lab{padding:9px 8px 0;color:#666;font-size:12px;border-right:1px solid #ddd}
.axis canvas{display:block;width:100%;height:34px}
#rows{position:relative;height:62vh;min-height:360px;overflow-y:auto;overflow-x:hidden}
#spacer{position:relative;width:100%}
.row{position:absolute;left:0;right:0;height:24px;display:grid;grid-template-columns:380px 1fr;border-bottom:1px solid #f0f0f0}
.row .t{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:3px 8px;border-right:1px solid #ddd}
.row .p{position:relative;overflow:hidden}
.row .m{position:absolute;top:6px;height:12px;border-radius:2px}
.row.lane{background:#f4f4f4;font-weight:600}
.row.lane canvas{position:absolute;left:0;top:0;width:100%;height:24px}
.row .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.row .n{color:#777;font-weight:400;margin-left:6px}
.row.ev{cursor:default}
.empty{margin:0;padding:10px 12px;color:#666}
.row.on{background:#fff6d6}
#details{margin-top:14px;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-height:80px;background:#fcfcfc;max-width:900px}
#details h2{font-size:16px;margin:0 0 4px}
#details dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 0}
#details dt{color:#666}
#details dd{margin:0}
)css"};

constexpr const char* kScript[] = {
    R"js((async function () {
  'use strict';
  // The data: JSON, gzipped, in base64 (src/render/html_overview.hpp).
  const packed = atob(document.getElementById('parley-data').textContent);
  const bytes = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  // Read chunk by chunk: several times faster than Response.text().
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  writer.write(bytes);
  writer.close();
  const reader = gunzip.readable.getReader(), parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.length;
  }
  const json = new Uint8Array(size);
  for (let i = 0, at = 0; i < parts.length; at += parts[i].length, i++) json.set(parts[i], at);
  const data = JSON.parse(new TextDecoder().decode(json));
  const C = data.events, N = C.id.length, ROW = 24, LABEL = 380;
  // Where each event's mark starts and ends (end exclusive), in days; NaN
  // when unknown. Starts are stored as steps from the previous known one.
  const S = new Float64Array(N), End = new Float64Array(N);
  for (let i = 0, day = 0; i < N; i++) {
    const step = C.start[i], length = C.length[i];
    if (step !== null) day += step;
    S[i] = step === null ? NaN : day;
    End[i] = length === null ? NaN : step === null ? length : day + length;
  }
  // Deaths low, best, high per event; NaN where not given.
  const deathsOf = [new Float64Array(N), new Float64Array(N), new Float64Array(N)];
  deathsOf.forEach((column) => column.fill(NaN));
  for (let k = 0; k + 3 < C.deaths.length; k += 4) {
    for (let j = 0; j < 3; j++) {
      if (C.deaths[k + 1 + j] !== null) deathsOf[j][C.deaths[k]] = C.deaths[k + 1 + j];
    }
  }
  const idOf = (i) => data.id_prefix + C.id[i];
  // [actor, role, actor, role, ...] of an event.
  const who = (i) => (C.who[i] ? C.who[i].split(' ').map(Number) : []);
  const DAY_MS = 864e5;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
                  'Sep', 'Oct', 'Nov', 'Dec'];
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const isolated = (text) => {
    const b = el('bdi', '', text);
    b.dir = 'auto';
    return b;
  };
  const count = (n) => n.toLocaleString('en');

  // ---- dates: days since 1970-01-01 --------------------------------------
  // Howard Hinnant's civil_from_days: no Date object per call.
  const civil = (day) => {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const m = mp < 10 ? mp + 2 : mp - 10;
    return { y: yoe + era * 400 + (m < 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  };
  const dayOf = (y, m, d) => {
    const t = new Date(0);
    t.setUTCFullYear(y, m, d || 1);
    return Math.floor(t.getTime() / DAY_MS);
  };
  const yearText = (y) => (y > 0 ? String(y) : (1 - y) + ' BCE');
  const dayText = (day, unit) => {
    const c = civil(day);
    if (unit === 'y') return yearText(c.y);
    if (unit === 'm') return MONTHS[c.m] + ' ' + yearText(c.y);
    return c.d + ' ' + MONTHS[c.m] + ' ' + yearText(c.y);
  };
  // The day an event is counted on: its first day, else the day before
  // its end; NaN when neither is known.
  const starts = new Float64Array(N);
  for (let i = 0; i < N; i++) {
)js",
    R"js(    starts[i] = !isNaN(S[i]) ? S[i] : End[i] - 1;
  }

  // ---- extent, lanes ------------------------------------------------------
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < N; i++) {
    const s = S[i], e = End[i];
    if (!isNaN(s)) { lo = Math.min(lo, s); hi = Math.max(hi, s + 1); }
    if (!isNaN(e)) { hi = Math.max(hi, e); lo = Math.min(lo, e - 1); }
  }
  if (!isFinite(lo)) { lo = 0; hi = 1; }
  const view = { from: lo, to: hi };
  const laneEvents = data.lanes.map(() => []);
  for (let i = 0; i < N; i++) laneEvents[C.lane[i]].push(i);

  // ---- page skeleton --------------------------------------------------------
  const sub = document.getElementById('sub');
  const bar = el('div', 'bar');
  const filter = el('input');
  filter.id = 'filter';
  filter.type = 'search';
  filter.placeholder = 'Filter: words, or actor: place: kind: text:';
  filter.setAttribute('aria-label', 'Filter events');
  const reset = el('button', '', 'All time');
  reset.type = 'button';
  const rangeText = el('span');
  rangeText.id = 'range';
  bar.append(filter, reset, rangeText);
  const overview = el('div');
  overview.id = 'overview';
  overview.title = 'Drag to zoom the lanes to a range; click a period to zoom to it';
  const ovCanvas = el('canvas');
  overview.append(ovCanvas);
  const legend = el('div');
  legend.id = 'legend';
  const chart = el('div', 'chart');
  const axis = el('div', 'axis');
  const axisCanvas = el('canvas');
  axis.append(el('div', 'lab', 'Event'), axisCanvas);
  const rowsBox = el('div');
  rowsBox.id = 'rows';
  const spacer = el('div');
  spacer.id = 'spacer';
  rowsBox.append(spacer);
  chart.append(axis, rowsBox);
  const details = el('aside');
  details.id = 'details';
  details.setAttribute('aria-live', 'polite');
  details.append(el('p', '', 'Hover or focus an event for its details.'));
  sub.after(bar, overview, legend, chart, details);

  const plotWidth = () => Math.max(100, rowsBox.clientWidth - LABEL);
  const xOf = (day, width) =>
    ((day - view.from) / (view.to - view.from)) * width;

  // A canvas sized to its box in device pixels; returns its 2D context.
  const fit = (canvas, width, height) => {
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.font = '11px system-ui, sans-serif';
    return g;
  };

  // ---- axis ticks: the finest step whose labels do not overlap -----------
  const STEPS = [[1, 'd'], [2, 'd'], [7, 'd'], [14, 'd'], [1, 'm'], [3, 'm'],
    [6, 'm'], [1, 'y'], [2, 'y'], [5, 'y'], [10, 'y'], [25, 'y'], [50, 'y'],
    [100, 'y'], [250, 'y'], [500, 'y'], [1000, 'y']];
  const tickDays = (from, to, n, unit) => {
    const days = [];
    if (unit === 'd') {
      for (let d = Math.ceil(from / n) * n; d < to; d += n) days.push(d);
      return days;
    }
    const c = civil(from);
    let months = unit === 'm' ? c.y * 12 + c.m : c.y * 12;
    const stride = unit === 'm' ? n : n * 12;
    months = Math.ceil(months / stride) * stride;
    for (;; months += stride) {
      const d = dayOf(Math.floor(months / 12), months % 12, 1);
      if (d >= to) break;
      if (d >= from) days.push(d);
    }
    return days;
  };
  // Ticks over [from, to) drawn `width` px wide, as {x, w, text}: labels
  // left-aligned after their tick, each at least 10 px clear of the next,
  // none past the right edge.
  const ticks = (g, from, to, width) => {
    const perDay = width / (to - from);
    for (const [n, unit] of STEPS) {
      const approx = n * (unit === 'd' ? 1 : unit === 'm' ? 30.44 : 365.25);
)js",
    R"js(      if (approx * perDay < 24) continue;
      const out = tickDays(from, to, n, unit).map((d) => {
        const text = dayText(d, unit);
        return { day: d, x: (d - from) * perDay, w: g.measureText(text).width, text };
      });
      let clear = true;
      for (let k = 0; k + 1 < out.length && clear; k++) {
        clear = out[k + 1].x - out[k].x >= out[k].w + 14;
      }
      if (clear) return out.filter((t) => t.x + 3 + t.w <= width);
    }
    return [];
  };
  let axisLabels = [];
  const drawAxis = (width) => {
    const g = fit(axisCanvas, width, 34);
    g.clearRect(0, 0, width, 34);
    const list = ticks(g, view.from, view.to, width);
    axisLabels = list.map((t) => ({ x: t.x + 3, w: t.w, text: t.text }));
    g.fillStyle = '#555';
    for (const t of list) {
      g.fillRect(Math.round(t.x), 20, 1, 14);
      g.fillText(t.text, t.x + 3, 16);
    }
  };

  // ---- filter ---------------------------------------------------------------
  const fold = (s) => String(s).normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627').toLowerCase();
  let titles = null, ids = null, actorsOf = null;
  let actorNames = null, placeNames = null, kindNames = null;
  const parse = (query) => {
    const terms = [];
    const re = /(actor|place|kind|text):/gi;
    let field = 'any', from = 0, m;
    const push = (text) => {
      const t = fold(text.trim());
      if (t) terms.push({ field, text: t });
    };
    while ((m = re.exec(query)) !== null) {
      push(query.slice(from, m.index));
      field = m[1].toLowerCase();
      from = re.lastIndex;
    }
    push(query.slice(from));
    return terms;
  };
  const hits = (names, t) => names.map((n) => (n.includes(t) ? 1 : 0));
  // Places whose name, or a containing place's, holds `t`.
  const placeHits = (t) => {
    const own = hits(placeNames, t), out = new Int8Array(own.length).fill(-1);
    const visit = (p) => {
      if (out[p] < 0) {
        out[p] = 0;
        const parent = data.places[p][1];
        out[p] = own[p] || (parent >= 0 ? visit(parent) : 0);
      }
      return out[p];
    };
    for (let p = 0; p < own.length; p++) visit(p);
    return out;
  };
  const termMatcher = (term) => {
    const f = term.field, t = term.text;
    const actor = f === 'any' || f === 'actor' ? hits(actorNames, t) : null;
    const place = f === 'any' || f === 'place' ? placeHits(t) : null;
    const kind = f === 'any' || f === 'kind' ? hits(kindNames, t) : null;
    const text = f === 'any' || f === 'text';
    return (i) => {
      if (text && (titles[i].includes(t) || ids[i].includes(t))) return true;
      if (kind && kind[C.kind[i]]) return true;
      if (place && C.place[i] >= 0 && place[C.place[i]]) return true;
      if (actor) {
        const pairs = actorsOf[i];
        for (let k = 0; k < pairs.length; k += 2) if (actor[pairs[k]]) return true;
      }
      return false;
    };
  };
  const matched = new Uint8Array(N).fill(1);
  let matchCount = N;
  const applyFilter = (query) => {
    const terms = parse(query);
    if (terms.length && !titles) {
      titles = C.title.map(fold);
      ids = C.id.map((id) => fold(data.id_prefix + id));
      actorsOf = C.who.map((w, i) => who(i));
      actorNames = data.actors.map(fold);
      placeNames = data.places.map((p) => fold(p[0]));
      kindNames = data.kinds.map((k) => fold(k.replace(/_/g, ' ')));
    }
    const tests = terms.map(termMatcher);
    matchCount = 0;
    for (let i = 0; i < N; i++) {
      let ok = 1;
      for (let k = 0; k < tests.length && ok; k++) ok = tests[k](i) ? 1 : 0;
      matched[i] = ok;
      matchCount += ok;
    }
  };

  // ---- overview strip: events and deaths per period -------------------------
  const span = hi - lo;
)js",
    R"js(  const unit = span > 40 * 365 ? 'y' : span > 3 * 365 ? 'm' : span > 120 ? 'w' : 'd';
  const unitWord = { y: 'year', m: 'month', w: 'week', d: 'day' }[unit];
  const first = civil(lo);
  const bucketOf = (day) => {
    if (unit === 'd') return day - lo;
    if (unit === 'w') return Math.floor((day - lo) / 7);
    const c = civil(day);
    return unit === 'y' ? c.y - first.y : (c.y - first.y) * 12 + c.m - first.m;
  };
  const bucketStart = (b) => {
    if (unit === 'd') return lo + b;
    if (unit === 'w') return lo + 7 * b;
    if (unit === 'y') return dayOf(first.y + b, 0, 1);
    const months = first.y * 12 + first.m + b;
    return dayOf(Math.floor(months / 12), months % 12, 1);
  };
  const buckets = bucketOf(hi - 1) + 1;
  const bucketOfEvent = new Int32Array(N);
  for (let i = 0; i < N; i++) bucketOfEvent[i] = isNaN(starts[i]) ? -1 : bucketOf(starts[i]);
  const ovFrom = bucketStart(0), ovTo = bucketStart(buckets);
  const anyDeaths = deathsOf[1].some((n) => !isNaN(n));
  const drawOverview = () => {
    const width = overview.clientWidth, height = overview.clientHeight;
    const g = fit(ovCanvas, width, height);
    const counts = new Float64Array(buckets), deaths = new Float64Array(buckets);
    for (let i = 0; i < N; i++) {
      const b = bucketOfEvent[i];
      if (!matched[i] || b < 0) continue;
      counts[b]++;
      if (!isNaN(deathsOf[1][i])) deaths[b] += deathsOf[1][i];
    }
    const maxCount = Math.max(1, ...counts), maxDeaths = Math.max(1, ...deaths);
    const top = 6, plot = height - 22;
    const xAt = (day) => ((day - ovFrom) / (ovTo - ovFrom)) * width;
    g.clearRect(0, 0, width, height);
    g.fillStyle = '#6d8fb3';
    for (let b = 0; b < buckets; b++) {
      if (!counts[b]) continue;
      const x0 = xAt(bucketStart(b)), x1 = xAt(bucketStart(b + 1));
      const h = Math.max(1, (counts[b] / maxCount) * (plot - top));
      g.fillRect(x0, top + plot - top - h, Math.max(1, x1 - x0 - 0.5), h);
    }
    if (anyDeaths) {
      g.strokeStyle = '#b3261e';
      g.lineWidth = 1.5;
      g.beginPath();
      for (let b = 0; b < buckets; b++) {
        const x = (xAt(bucketStart(b)) + xAt(bucketStart(b + 1))) / 2;
        const y = plot - (deaths[b] / maxDeaths) * (plot - top);
        if (b) g.lineTo(x, y); else g.moveTo(x, y);
      }
      g.stroke();
    }
    // The zoomed range stays clear; the rest is dimmed.
    g.fillStyle = 'rgba(255,255,255,0.6)';
    const z0 = xAt(view.from), z1 = xAt(view.to);
    g.fillRect(0, 0, Math.max(0, z0), plot);
    g.fillRect(z1, 0, Math.max(0, width - z1), plot);
    g.strokeStyle = '#333';
    g.lineWidth = 1;
    g.strokeRect(z0 + 0.5, 0.5, Math.max(1, z1 - z0 - 1), plot - 1);
    g.fillStyle = '#555';
    g.fillRect(0, plot, width, 1);
    for (const t of ticks(g, ovFrom, ovTo, width)) {
      g.fillRect(Math.round(t.x), plot, 1, 5);
      g.fillText(t.text, t.x + 3, height - 5);
    }
    legend.textContent = '';
    const sw = (colour) => {
      const s = el('span', 'sw');
      s.style.background = colour;
      return s;
    };
    legend.append(sw('#6d8fb3'), 'events per ' + unitWord + ' (most: ' +
      count(maxCount) + ')');
    if (anyDeaths) {
      legend.append(' · ', sw('#b3261e'), 'deaths per ' + unitWord +
        ', best estimate (most: ' + count(maxDeaths) + ')');
    }
    legend.append(' · drag over the strip to zoom, click a ' + unitWord +
      ' to zoom to it');
    return xAt;
  };
  let overviewX = null;

  // ---- the rows: a list of lanes and events, drawn only where visible ------
  let rows = [], shown = 0, density = new Map();
  const overlaps = (i) => {
    const s = S[i], e = End[i];
    return !(s >= view.to) && !(e <= view.from);  // NaN: unknown, open
  };
  const relist = () => {
    rows = [];
    shown = 0;
)js",
    R"js(    density = new Map();
    laneEvents.forEach((list, lane) => {
      const head = rows.length;
      rows.push(-1 - lane);
      for (const i of list) if (matched[i] && overlaps(i)) rows.push(i);
      if (rows.length === head + 1) rows.pop();
      else shown += rows.length - head - 1;
    });
    spacer.style.height = rows.length * ROW + 'px';
    sub.textContent = count(N) + ' events in ' + data.lanes.length +
      (data.lanes.length === 1 ? ' lane' : ' lanes') + '; ' + count(matchCount) +
      ' match the filter, ' + count(shown) + ' in the range shown.';
    rangeText.textContent = dayText(view.from, 'd') + ' – ' +
      dayText(view.to - 1, 'd');
  };
  const laneRow = (lane, width) => {
    const [name, lang, colour] = data.lanes[lane];
    const row = el('div', 'row lane');
    const label = el('div', 't');
    const swatch = el('span', 'sw');
    swatch.style.background = colour;
    const title = isolated(name);
    title.lang = lang;
    let n = density.get(lane);
    if (!n) {
      n = { count: 0, cells: new Float64Array(Math.ceil(width / 2)) };
      for (const i of laneEvents[lane]) {
        if (!matched[i] || !overlaps(i)) continue;
        n.count++;
        const c = Math.floor(Math.max(0, xOf(starts[i], width)) / 2);
        if (c < n.cells.length) n.cells[c]++;
      }
      density.set(lane, n);
    }
    label.append(swatch, title, el('span', 'n', count(n.count)));
    const plot = el('div', 'p');
    const canvas = el('canvas');
    plot.append(canvas);
    const g = fit(canvas, width, ROW);
    const most = Math.max(1, ...n.cells);
    g.fillStyle = colour;
    n.cells.forEach((c, k) => {
      if (!c) return;
      g.globalAlpha = 0.25 + 0.75 * (c / most);
      const h = 3 + (ROW - 8) * (c / most);
      g.fillRect(k * 2, ROW - 2 - h, 2, h);
    });
    row.append(label, plot);
    return row;
  };
  const eventRow = (i, width) => {
    const row = el('div', 'row ev');
    row.tabIndex = 0;
    row.dataset.i = i;
    row.dataset.event = idOf(i);
    const label = el('div', 't');
    label.append(isolated(C.title[i]));
    const plot = el('div', 'p');
    const s = isNaN(S[i]) ? view.from : Math.max(S[i], view.from);
    const e = isNaN(End[i]) ? view.to : Math.min(End[i], view.to);
    if (!isNaN(S[i]) || !isNaN(End[i])) {
      const mark = el('span', 'm');
      const left = xOf(s, width), right = Math.max(xOf(e, width), left + 3);
      mark.style.left = left + 'px';
      mark.style.width = right - left + 'px';
      mark.style.background = data.lanes[C.lane[i]][2];
      if (!(End[i] - S[i] <= 1)) mark.style.opacity = 0.45;  // imprecise
      plot.append(mark);
    }
    row.title = C.label[i];
    row.append(label, plot);
    return row;
  };
  let selected = null;
  const drawRows = () => {
    const width = plotWidth();
    const firstRow = Math.max(0, Math.floor(rowsBox.scrollTop / ROW) - 4);
    const last = Math.min(rows.length, firstRow + Math.ceil(rowsBox.clientHeight / ROW) + 8);
    const parts = [];
    for (let r = firstRow; r < last; r++) {
      const item = rows[r];
      const row = item < 0 ? laneRow(-1 - item, width) : eventRow(item, width);
      row.style.top = r * ROW + 'px';
      if (item === selected) row.classList.add('on');
      parts.push(row);
    }
    if (!rows.length) parts.push(el('p', 'empty', 'No event matches the filter in this range.'));
    spacer.replaceChildren(...parts);
  };
  let pending = false;
  rowsBox.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; drawRows(); });
  });

  // ---- details of one event ---------------------------------------------------
  const placePath = (p) => {
    const names = [];
)js",
    R"js(    for (let k = 0; p >= 0 && k < 32; k++, p = data.places[p][1]) names.push(data.places[p][0]);
    return names.join(', ');
  };
  const show = (i) => {
    if (i === selected) return;
    selected = i;
    for (const r of spacer.querySelectorAll('.row.on')) r.classList.remove('on');
    const row = spacer.querySelector('[data-i="' + i + '"]');
    if (row) row.classList.add('on');
    const h2 = el('h2');
    h2.append(isolated(C.title[i]));
    const dl = el('dl');
    const item = (term, value) => {
      if (value === '' || value === null) return;
      const dd = el('dd');
      dd.append(isolated(value));
      dl.append(el('dt', '', term), dd);
    };
    item('When', C.label[i]);
    item('Kind', data.kinds[C.kind[i]].replace(/_/g, ' '));
    item('Lane', data.lanes[C.lane[i]][0]);
    item('Where', C.place[i] >= 0 ? placePath(C.place[i]) : '');
    const pairs = who(i), names = [];
    for (let k = 0; k < pairs.length; k += 2) {
      names.push(data.actors[pairs[k]] + ' (' + data.roles[pairs[k + 1]] + ')');
    }
    item('Who', names.join('; '));
    const deaths = deathsOf.map((column) => column[i]);
    if (deaths.some((n) => !isNaN(n))) {
      const [low, best, high] = deaths.map((n) => (isNaN(n) ? '?' : count(n)));
      item('Deaths', best + ' (low ' + low + ', high ' + high + ')');
    }
    item('Id', idOf(i));
    details.replaceChildren(h2, dl);
  };
  const pick = (event) => {
    const row = event.target.closest && event.target.closest('.row.ev');
    if (row) show(Number(row.dataset.i));
  };
  rowsBox.addEventListener('mouseover', pick);
  rowsBox.addEventListener('focusin', pick);

  // ---- zoom: drag or click on the overview ---------------------------------------
  const redraw = () => {
    relist();
    const width = plotWidth();
    drawAxis(width);
    overviewX = drawOverview();
    rowsBox.scrollTop = 0;
    drawRows();
  };
  const zoom = (from, to) => {
    from = Math.max(lo, Math.floor(from));
    to = Math.min(hi, Math.ceil(to));
    if (to - from < 1) to = from + 1;
    view.from = from;
    view.to = to;
    redraw();
  };
  const dayAtOverview = (x) =>
    ovFrom + (x / overview.clientWidth) * (ovTo - ovFrom);
  let dragFrom = null;
  const brush = el('div');
  brush.style.cssText = 'position:absolute;top:0;bottom:22px;background:rgba(31,111,178,.18);border:1px solid #1f6fb2;display:none;pointer-events:none';
  overview.append(brush);
  const localX = (event) => event.clientX - overview.getBoundingClientRect().left;
  overview.addEventListener('mousedown', (event) => {
    dragFrom = localX(event);
    event.preventDefault();
  });
  window.addEventListener('mousemove', (event) => {
    if (dragFrom === null) return;
    const x = localX(event);
    brush.style.display = 'block';
    brush.style.left = Math.min(x, dragFrom) + 'px';
    brush.style.width = Math.abs(x - dragFrom) + 'px';
  });
  window.addEventListener('mouseup', (event) => {
    if (dragFrom === null) return;
    const x = Math.max(0, Math.min(overview.clientWidth, localX(event)));
    brush.style.display = 'none';
    const a = Math.min(x, dragFrom), b = Math.max(x, dragFrom);
    dragFrom = null;
    if (b - a >= 4) {
      zoom(dayAtOverview(a), dayAtOverview(b));
    } else {
      const period = bucketOf(Math.floor(dayAtOverview(a)));
      zoom(bucketStart(period), bucketStart(period + 1));
    }
  });
  reset.addEventListener('click', () => zoom(lo, hi));
  let typing = null;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { applyFilter(filter.value); redraw(); }, 120);
  });
  let resizing = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(redraw, 100);
  });

  // For tests and scripts: what the page shows.
)js",
    R"js(  window.parley = {
    events: N,
    matched: () => matchCount,
    shown: () => shown,
    rows: () => rows.slice(),
    view: () => ({ from: view.from, to: view.to }),
    axisLabels: () => axisLabels.slice(),
    zoom,
  };
  redraw();
  requestAnimationFrame(() => setTimeout(() => {
    window.parleyPainted = performance.now();
    document.body.setAttribute('data-ready', '1');
  }, 0));
})();
)js"};

}  // namespace

void write_overview_style(std::ostream& out) {
  for (const char* piece : kStyle) out << piece;
}

void write_overview_script(std::ostream& out) {
  for (const char* piece : kScript) out << piece;
}

}  // namespace parley::render_detail
