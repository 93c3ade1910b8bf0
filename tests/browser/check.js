// Loads parley's outputs in the programs people read them with, in headless
// Debian chromium, offline:
//   TimelineJS3, vis-timeline, Mermaid (timeline and gantt) and the
//   self-contained HTML page (plus a PNG screenshot of it).
//
// Usage: node check.js <outputs-dir> <screenshot.png> <expected-events>
// The outputs dir holds astana.html, astana-timelinejs.json, astana-vis.json,
// astana-timeline.mmd, astana-gantt.mmd, special-timeline.mmd,
// special-gantt.mmd and special-expected.json (texts the special diagrams
// must show). Prints "N passed, M failed"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [outDir, screenshotPath, expectedEventsArg] = process.argv.slice(2);
const expectedEvents = Number(expectedEventsArg);
const lib = path.join(__dirname, 'node_modules');

const { check, finish, crash } = require('../node/report.js');

// Harness pages; everything they load comes from this server.
const pages = {
  '/timelinejs.html': `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/lib/@knight-lab/timelinejs/dist/css/timeline.css">
</head><body><div id="tl" style="width:1100px;height:650px"></div>
<script src="/lib/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<script>
fetch('/out/astana-timelinejs.json').then((r) => r.json()).then((data) => {
  window.data = data;
  const tl = new TL.Timeline('tl', data, {
    script_path: location.origin + '/lib/@knight-lab/timelinejs/dist/js/',
    font: null,
  });
  tl.on('ready', () => { window.ready = true; });
});
</script></body></html>`,
  '/vis.html': `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="vis" style="width:1200px"></div>
<script src="/lib/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>
<script>
fetch('/out/' + new URLSearchParams(location.search).get('f')).then((r) => r.json()).then((data) => {
  window.data = data;
  const timeline = new vis.Timeline(document.getElementById('vis'),
      new vis.DataSet(data.items), new vis.DataSet(data.groups), {});
  timeline.on('changed', () => { window.ready = true; });
});
</script></body></html>`,
  '/mermaid.html': `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="out"></div>
<script src="/lib/mermaid/dist/mermaid.min.js"></script>
<script>
mermaid.initialize({ startOnLoad: false });
let n = 0;
window.draw = async (text) => {
  await mermaid.parse(text);
  const { svg } = await mermaid.render('diagram' + (++n), text);
  const box = document.createElement('div');
  box.innerHTML = svg;
  document.getElementById('out').appendChild(box);
  return { texts: box.querySelector('svg').textContent,
           shapes: box.querySelectorAll('rect, path, line, circle').length };
};
window.ready = true;
</script></body></html>`,
};

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.mmd': 'text/plain; charset=utf-8' };

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (url === '/favicon.ico') {  // chromium asks for it on every page
    res.writeHead(204);
    res.end();
    return;
  }
  if (pages[url]) {
    res.writeHead(200, { 'content-type': types['.html'] });
    res.end(pages[url]);
    return;
  }
  let file = null;
  if (url.startsWith('/lib/')) file = path.join(lib, url.slice(5));
  if (url.startsWith('/out/')) file = path.join(outDir, url.slice(5));
  if (!file || file.includes('..') || !fs.existsSync(file) ||
      !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});

async function main() {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--font-render-hinting=none'],
  });

  // A page that fails the check on any request off this server, any page
  // error and any console error.
  async function open(name, url, viewport) {
    const page = await browser.newPage();
    await page.setViewport(viewport || { width: 1280, height: 900 });
    const problems = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = req.url();
      if (u.startsWith(origin + '/') || u.startsWith('data:') ||
          u.startsWith('blob:') || u.startsWith('about:')) {
        req.continue();
      } else {
        problems.push('request off 127.0.0.1: ' + u);
        req.abort();
      }
    });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push('console error: ' + m.text());
    });
    page.on('requestfailed', (req) => {
      if (req.url().startsWith(origin)) problems.push('failed: ' + req.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(origin + url, { waitUntil: 'load' });
    return { page, problems, done: () => check(`${name}: no errors, no network`, problems.length === 0, problems.join('; ')) };
  }

  // --- TimelineJS3 ---
  {
    const { page, done } = await open('timelinejs', '/timelinejs.html', { width: 1200, height: 750 });
    const ready = await page.waitForFunction('window.ready === true', { timeout: 15000 })
      .then(() => true, () => false);
    check('timelinejs: ready fired', ready);
    const data = await page.evaluate('window.data');
    const events = data ? data.events.length : -1;
    check('timelinejs: one slide per event of the data', events === expectedEvents, `${events} vs ${expectedEvents}`);
    const slides = await page.$$eval('.tl-slide', (e) => e.length);
    check('timelinejs: .tl-slide = events + title', slides === events + 1, `${slides} slides`);
    const markers = await page.$$eval('.tl-timemarker', (e) => e.length);
    check('timelinejs: .tl-timemarker = events', markers === events, `${markers} markers`);
    done();
    await page.close();
  }

  // --- vis-timeline: the Astana items, and a document with a BCE date ---
  for (const file of ['astana-vis.json', 'special-vis.json']) {
    const { page, done } = await open(`vis ${file}`, '/vis.html?f=' + file);
    await page.waitForFunction('window.ready === true', { timeout: 15000 }).catch(() => {});
    const data = await page.evaluate('window.data');
    const want = data ? data.items.length : -1;
    // vis draws a box as box + line + dot, all .vis-item: count the items.
    const count = () => page.$$eval('.vis-item.vis-box, .vis-item.vis-point, .vis-item.vis-range', (e) => e.length);
    let got = await count();
    for (let i = 0; i < 30 && got !== want; i++) {
      await new Promise((r) => setTimeout(r, 100));
      got = await count();
    }
    check(`vis ${file}: every item drawn`, want > 0 && got === want, `${got} of ${want}`);
    const groups = await page.$$eval('.vis-label', (e) => e.length);
    check(`vis ${file}: one label per group`, data && groups === data.groups.length, `${groups} labels`);
    done();
    await page.close();
  }

  // --- Mermaid ---
  {
    const { page, problems, done } = await open('mermaid', '/mermaid.html');
    await page.waitForFunction('window.ready === true', { timeout: 15000 });
    const expected = JSON.parse(fs.readFileSync(path.join(outDir, 'special-expected.json'), 'utf8'));
    const squash = (s) => s.replace(/\s+/g, '');
    for (const name of ['astana-timeline', 'astana-gantt', 'special-timeline', 'special-gantt']) {
      const text = fs.readFileSync(path.join(outDir, name + '.mmd'), 'utf8');
      let result = null;
      try {
        result = await page.evaluate((t) => window.draw(t), text);
      } catch (e) {
        problems.push(`${name}: ${e.message.split('\n')[0]}`);
      }
      check(`mermaid: ${name} parses and renders`, result && result.shapes > 3, result ? `${result.shapes} shapes` : 'threw');
      if (result && name.startsWith('special')) {
        const missing = expected.texts.filter((t) => !squash(result.texts).includes(squash(t)));
        check(`mermaid: ${name} shows titles with ':', '#' and ';' whole`, missing.length === 0, 'missing ' + JSON.stringify(missing));
      }
      if (result && name === 'astana-timeline') {
        check('mermaid: astana-timeline shows the round title', squash(result.texts).includes(squash('Second Astana round on Syria')));
      }
    }
    done();
    await page.close();
  }

  // --- the HTML page ---
  {
    const { page, done } = await open('html', '/out/astana.html', { width: 1400, height: 900 });
    const ready = await page.evaluate(() => document.body.getAttribute('data-ready') === '1');
    check('html: inline script ran', ready);
    const rows = await page.$$eval('.row', (e) => e.length);
    check('html: one row per event', rows === expectedEvents, `${rows} rows`);
    const marks = await page.$$eval('svg g.ev', (e) => e.length);
    check('html: one mark group per event', marks === expectedEvents, `${marks}`);
    const scripts = await page.$$eval('script[src], link[href], img[src]', (e) => e.length);
    check('html: no external script, style or image', scripts === 0, `${scripts}`);
    const rtl = await page.$$eval('[lang="ar"]', (els) => els.length > 0 &&
      els.every((el) => getComputedStyle(el).direction === 'rtl'));
    check('html: Arabic text is laid out right to left', rtl);
    // Hover a row: the details panel shows that event.
    const target = await page.$('.row[data-event="event:ceasefire-committee-agreement"]');
    if (target) await target.hover();
    const panel = await page.$eval('#details', (e) => e.textContent);
    check('html: hover shows the details (a denial)', panel.includes('Agreement to form a ceasefire committee') && panel.includes('denies'), panel.slice(0, 80));
    const slip = await page.$$eval('text.slip', (e) => e.map((x) => x.textContent));
    check('html: the slip is drawn ("1 day late")', slip.includes('1 day late'), JSON.stringify(slip));
    // Back to the initial panel for the screenshot.
    const first = await page.$('.row.slipped');
    if (first) await first.hover();
    const png = await page.screenshot({ fullPage: true, encoding: 'base64' });
    fs.writeFileSync(screenshotPath, Buffer.from(png, 'base64'));
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) {
        colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
      }
      return { w: c.width, h: c.height, colours: colours.size, ink: ink / (px.length / 4) };
    }, png);
    check('html: screenshot is not blank', stats.colours > 50 && stats.ink > 0.02,
      `${stats.w}x${stats.h}, ${stats.colours} colours, ${(stats.ink * 100).toFixed(1)}% ink`);
    done();
    await page.close();
  }

  await browser.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
  finish();
}

main().catch(crash);
