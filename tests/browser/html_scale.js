// The HTML page at scale, in headless Debian chromium, offline: the page of
// 100,000 generated events and the page of the 16,566 UCDP Syria events.
// For each: the budgets (file size is checked by the caller; first paint
// here), no errors and no network, rows drawn only where visible, the
// filter against the ids computed from the source (expected.json), zoom by
// dragging and clicking on the overview strip, axis labels that never
// overlap at any zoom; a PNG screenshot of the UCDP page.
//
// Usage: node html_scale.js <dir> <screenshot.png>
// <dir> holds generated.html, ucdp.html and expected.json (written by
// tests/html_scale/expected.py). Prints "N passed, M failed"; exits 1 on
// any failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const { check, finish, crash } = require('../node/report.js');

const [dir, screenshotPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
const PAINT_BUDGET_MS = 3000;

// Every pair of neighbouring labels clear of each other, inside the width.
function overlapping(labels) {
  const sorted = labels.slice().sort((a, b) => a.x - b.x);
  for (let k = 0; k + 1 < sorted.length; k++) {
    if (sorted[k].x + sorted[k].w > sorted[k + 1].x) return [sorted[k], sorted[k + 1]];
  }
  return null;
}

// The ids of every event row the page draws while its row list is scrolled
// from top to bottom.
async function scrolledIds(page) {
  return page.evaluate(async () => {
    const box = document.getElementById('rows');
    const ids = new Set();
    let maxRows = 0;
    const frame = () => new Promise((r) => requestAnimationFrame(() =>
      requestAnimationFrame(() => setTimeout(r, 0))));
    box.scrollTop = 0;
    await frame();
    for (;;) {
      const rows = box.querySelectorAll('.row');
      maxRows = Math.max(maxRows, rows.length);
      for (const r of box.querySelectorAll('.row.ev')) ids.add(r.dataset.event);
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
      box.scrollTop += box.clientHeight - 24;
      await frame();
    }
    return { ids: [...ids], maxRows };
  });
}

// When the page says its chart was first painted (ms from navigation
// start: window.parleyPainted, set after the frame that shows it); printed
// with the first contentful paint and the load event.
async function paintTime(page, name) {
  const timing = await page.evaluate(() => ({
    painted: window.parleyPainted,
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
  }));
  console.log(`      ${name}: chart painted at ${Math.round(timing.painted)} ms, ` +
    `first contentful paint ${Math.round(timing.fcp)} ms, load ${Math.round(timing.load)} ms`);
  return timing.painted;
}

// The page is opened as a user opens a saved file: from file://, so the
// first paint includes reading and parsing the whole file.
async function checkPage(browser, name, want) {
  const url = 'file://' + path.resolve(dir, name + '.html');
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const problems = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url() === url) req.continue();
    else { problems.push('request for anything but the page: ' + req.url()); req.abort(); }
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  const ready = await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 })
    .then(() => true, () => false);
  check(`${name}: the page drew itself`, ready);
  // First paint: this load and two more, each in a fresh tab; the median
  // counts, so that one slice of CPU taken by another process on the
  // machine does not decide it. Every figure is printed.
  const painted = [await paintTime(page, name)];
  for (let k = 0; k < 2; k++) {
    const again = await browser.newPage();
    await again.setViewport({ width: 1400, height: 900 });
    await again.goto(url, { waitUntil: 'load', timeout: 60000 });
    await again.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
    painted.push(await paintTime(again, name));
    await again.close();
  }
  const median = painted.slice().sort((a, b) => a - b)[1];
  check(`${name}: first paint of the chart within ${PAINT_BUDGET_MS} ms (median of 3)`,
    median > 0 && median <= PAINT_BUDGET_MS, `${painted.map(Math.round).join(', ')} ms`);
  const events = await page.evaluate(() => window.parley.events);
  check(`${name}: every event is in the page`, events === want.events, `${events} of ${want.events}`);
  const drawn = await page.$$eval('#rows .row', (e) => e.length);
  check(`${name}: only the visible rows are in the DOM`, drawn > 10 && drawn < 100, `${drawn} rows`);

  // Axis labels at every zoom: all time, a year, a month, a week, 3 days.
  const full = await page.evaluate(() => window.parley.view());
  for (const days of [null, 365, 31, 7, 3]) {
    const labels = await page.evaluate((d, f) => {
      if (d) window.parley.zoom(f.from + 30, f.from + 30 + d);
      return window.parley.axisLabels();
    }, days, full);
    const clash = overlapping(labels);
    check(`${name}: axis labels clear of each other (${days ? days + ' days' : 'all time'})`,
      labels.length >= 2 && !clash, clash ? JSON.stringify(clash) : `${labels.length} labels`);
  }

  // Zoom with the mouse: a drag over the middle of the strip, then a click.
  await page.evaluate(() => document.querySelector('.bar button').click());
  const strip = await (await page.$('#overview')).boundingBox();
  await page.mouse.move(strip.x + strip.width * 0.4, strip.y + 30);
  await page.mouse.down();
  await page.mouse.move(strip.x + strip.width * 0.5, strip.y + 30, { steps: 5 });
  await page.mouse.up();
  const dragged = await page.evaluate(async () => {
    const v = window.parley.view();
    // The data (src/render/html_overview.hpp): JSON, gzipped, in base64;
    // its columns hold start as steps from the previous known start and
    // length to the end.
    const packed = atob(document.getElementById('parley-data').textContent);
    const bytes = Uint8Array.from(packed, (ch) => ch.charCodeAt(0));
    const json = await new Response(new Blob([bytes]).stream()
      .pipeThrough(new DecompressionStream('gzip'))).text();
    const c = JSON.parse(json).events;
    const outside = [];
    for (let i = 0, day = 0; i < c.id.length; i++) {
      if (c.start[i] !== null) day += c.start[i];
      const start = c.start[i] === null ? null : day;
      const end = c.length[i] === null ? null : start === null ? c.length[i] : start + c.length[i];
      const overlaps = (start === null || start < v.to) && (end === null || end > v.from);
      if (!overlaps) outside.push(i);
    }
    const listed = new Set(window.parley.rows().filter((i) => i >= 0));
    const strays = outside.filter((i) => listed.has(i));
    return { v, outside: strays.length, shown: window.parley.shown() };
  });
  const fraction = (dragged.v.to - dragged.v.from) / (full.to - full.from);
  check(`${name}: dragging over a tenth of the strip zooms to about a tenth`,
    fraction > 0.07 && fraction < 0.13 && dragged.outside === 0 && dragged.shown > 0,
    JSON.stringify(dragged) + ` fraction ${fraction.toFixed(3)}`);
  await page.mouse.click(strip.x + strip.width * 0.3, strip.y + 30);
  const clicked = await page.evaluate(() => window.parley.view());
  const clickedDays = clicked.to - clicked.from;
  check(`${name}: a click zooms to one period of the strip`, clickedDays >= 1 && clickedDays <= 31,
    `${clickedDays} days`);
  await page.evaluate(() => document.querySelector('.bar button').click());

  // The filter: typed, then every row scrolled through.
  for (const filter of want.filters) {
    await page.click('#filter', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#filter', filter.query);
    await page.waitForFunction((n) => window.parley.matched() === n ||
      window.parley.matched() < window.parley.events, { timeout: 10000 }, filter.ids.length).catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    const matched = await page.evaluate(() => window.parley.matched());
    check(`${name}: "${filter.query}" matches the ${filter.ids.length} events the source has`,
      matched === filter.ids.length, `${matched}`);
    const { ids, maxRows } = await scrolledIds(page);
    const wanted = new Set(filter.ids);
    const stray = ids.filter((id) => !wanted.has(id));
    check(`${name}: "${filter.query}": scrolling shows exactly those rows`,
      ids.length === filter.ids.length && stray.length === 0,
      `${ids.length} rows, ${stray.length} not expected (${stray.slice(0, 3)})`);
    check(`${name}: "${filter.query}": never more than a screenful of rows in the DOM`, maxRows < 100, `${maxRows}`);
  }
  const sub = await page.$eval('#sub', (e) => e.textContent);
  check(`${name}: the line under the title counts the matches`,
    sub.includes(want.filters[want.filters.length - 1].ids.length.toLocaleString('en') + ' match'), sub);

  if (name === 'ucdp') {
    await page.click('#filter', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => window.parley.matched() === window.parley.events);
    const legend = await page.$eval('#legend', (e) => e.textContent);
    check('ucdp: the strip sums deaths per period', legend.includes('deaths per month'), legend);
    const row = await page.$('#rows .row.ev');
    if (row) await row.hover();
    const details = await page.$eval('#details', (e) => e.textContent);
    check('ucdp: hovering a row shows its deaths and actors', details.includes('Deaths') &&
      details.includes('(perpetrator)'), details.slice(0, 120));
    await page.screenshot({ path: screenshotPath });
  }
  check(`${name}: no errors, no network`, problems.length === 0, problems.join('; '));
  await page.close();
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    protocolTimeout: 120000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--font-render-hinting=none'],
  });
  await checkPage(browser, 'generated', expected.generated);
  await checkPage(browser, 'ucdp', expected.ucdp);
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
  finish();
}

main().catch(crash);
