// Shared by the end-to-end tests and the benchmark: serves dist/ on a
// loopback port chosen by the OS, and launches the system Chromium headless
// with the network switched off beyond that port.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};

/**
 * Serves dist/ on 127.0.0.1:<random>; resolves to { url, close, requests }.
 * `mounts` serves other folders under a path prefix (`{ '/deck/': dir }`);
 * `gzip` compresses responses for clients that accept it, as a real host
 * would (the benchmark's Lighthouse run).
 */
export async function serve(mounts = {}, { gzip = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    requests.push(path);
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    const [root, rest] = mount ? [mounts[mount], path.slice(mount.length - 1)] : [DIST, path];
    try {
      const body = await readFile(join(root, rest.endsWith('/') ? rest + 'index.html' : rest));
      const type = TYPES[extname(path) || '.html'] ?? 'application/octet-stream';
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
        res.end(gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

/** Opens `hash` in a fresh page; collects console errors and warnings, and outside requests. */
export async function open(browser, base, hash = '', { width = 1280, height = 720, ...opts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...opts });
  const page = await context.newPage();
  const errors = [];
  const outside = [];
  page.on('console', (m) => {
    // The tests' own pixel readbacks (getImageData) draw this hint; the page never reads its canvas.
    if (m.text().includes('willReadFrequently')) return;
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => { if (!/^(data|about):/.test(r.url()) && !r.url().startsWith(base)) outside.push(r.url()); });
  await page.goto(base + hash);
  await page.waitForSelector('#view[data-painted="true"]', { timeout: 10000 });
  return { page, context, errors, outside };
}

/** Opens `hash` afresh in a page `open` made: a new document, as a pasted
 *  link gets, without the cost of a new browser context (the page keeps no
 *  storage). The errors and outside requests start empty again. */
export async function reopen(opened, base, hash) {
  opened.errors.length = 0;
  opened.outside.length = 0;
  await opened.page.goto('about:blank');
  await opened.page.goto(base + hash);
  await opened.page.waitForSelector('#view[data-painted="true"]', { timeout: 10000 });
}

/** Waits until animation is over: the page has no frame scheduled for two
 *  animation frames running (an event handled meanwhile, a resize or a
 *  hash change, would have asked for one), and nothing is held back. */
export async function settle(page) {
  await page.evaluate(() => new Promise((ok) => {
    let quiet = 0;
    const tick = () => {
      quiet = window.goMemoryStats?.framePending ? 0 : quiet + 1;
      if (quiet >= 2) ok(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  // An off-screen terminal's text waits for a burst of slider moves to rest.
  await untilWritten(page, 'terminalPending');
}

/** Waits until nothing the page holds back while a burst of slider moves
 *  lasts is still waiting: `flag` is `urlPending` (the link) or
 *  `terminalPending` (an off-screen terminal's text). */
export const untilWritten = (page, flag) => page.waitForFunction((f) => !window.goMemoryStats?.[f], flag);

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Colour statistics of the canvas: how many distinct colours, and non-background pixels. */
export async function canvasStats(page) {
  return page.evaluate(() => {
    const c = document.getElementById('view');
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const bg = [data[0], data[1], data[2]];
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) {
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) ink++;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { width: c.width, height: c.height, ink, colours: colours.size, bg };
  });
}

/** [[chapter id, step count], …] as the page's own menu and scrubber report them. */
export async function chapterIndex(page) {
  const ids = await page.$$eval('#chapter option', (os) => os.map((o) => o.value));
  const index = [];
  for (const id of ids) {
    await page.evaluate((h) => { location.hash = h; }, `#/${id}/1`);
    await page.waitForFunction((id) => document.getElementById('app').dataset.chapter === id, id);
    index.push([id, Number(await page.$eval('#scrubber', (r) => r.max))]);
  }
  return index;
}

/** A fingerprint of the canvas's pixels (every 29th byte), to compare two pictures. */
export const canvasHash = (page) => page.evaluate(() => {
  const c = document.getElementById('view');
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 29 === 0)).join(',');
}).then((s) => createHash('sha256').update(s).digest('hex'));

/** The terminal's text, once any rewrite an off-screen terminal holds
 *  back until a burst of slider moves ends has been written. */
export const terminalOf = async (page) => {
  await untilWritten(page, 'terminalPending');
  return page.textContent('#terminal');
};

/** The page's hash as the page itself sees it (page.url() learns of a
 *  history.replaceState a moment later), once any rewrite the page holds
 *  back until a burst of slider moves ends has been written. */
/** What Chromium's own accessibility tree holds for the element `selector`
 *  matches: its AX node (`ignored`, `name`, `description`, …). */
export async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0];
}

export const hashOf = async (page) => {
  await untilWritten(page, 'urlPending');
  return page.evaluate(() => location.hash);
};

/** A finger dragged from (x0, y0) to (x1, y1) in `ms`, as the touch screen
 *  sends it (CDP touch events: the page sees pointer and touch events,
 *  and its `touch-action`). The page's context needs `hasTouch`. */
export async function touchDrag(page, [x0, y0], [x1, y1], ms = 160) {
  const cdp = await page.context().newCDPSession(page);
  const moves = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  for (let i = 1; i <= moves; i++) {
    await new Promise((ok) => setTimeout(ok, ms / moves));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / moves, y: y0 + ((y1 - y0) * i) / moves }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
