// Malformed and hostile links: a visible notice, the nearest sane state,
// no injected markup, no panic, no blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, settle, screenshot, canvasStats, hashOf, DIST } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const cases = [
  ['#/<img src=x onerror=alert(1)>/99999', /no chapter/i, '#/intro/1', 'hostile'],
  ['#/%3Cscript%3Ealert(1)%3C/script%3E/2', /no chapter/i, '#/intro/1', 'encoded-script'],
  ['#/gc/-1', /does not exist/i, '#/gc/1', 'gc-negative-step'],
  ['#/nope/3', /no chapter/i, '#/intro/1', 'unknown-chapter'],
  ['#/memory/-1', /does not exist/i, '#/memory/1', 'negative-step'],
  ['#/stack-heap/99999', /does not exist/i, '#/stack-heap/25', 'step-too-big'],
  ['#/memory/abc', /not a step number/i, '#/memory/1', 'step-not-a-number'],
  ['#/memory/3?x=<b>1</b>', /not used here/i, '#/memory/3', 'unknown-param'],
  ['#/' + 'x'.repeat(10000), /too long/i, '#/intro/1', 'very-long'],
];

for (const [hash, message, expected, name] of cases) {
  test(`bad link: ${name}`, async () => {
    const { page, context, errors, outside } = await open(browser, srv.url, hash);
    await settle(page);
    assert.equal(await page.isVisible('#notice'), true, 'a notice is shown');
    assert.match(await page.textContent('#notice-text'), message);
    assert.equal(await hashOf(page), expected, 'the URL names the state shown');
    assert.equal(await page.$$eval('img, script:not([type]):not([src="./boot-check.js"]), b', (e) => e.length), 0, 'no markup injected');
    assert.equal(await page.isVisible('#error-panel'), false, 'no crash');
    assert.ok((await canvasStats(page)).ink > 200, 'the canvas drew');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
    await screenshot(page, `bad-link-${name}`);
    await context.close();
  });
}

test('a bad hash typed into a running page is handled the same way', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/5');
  await page.evaluate(() => { location.hash = '#/nope/<svg onload=alert(1)>'; });
  await page.waitForFunction(() => !document.getElementById('notice').hidden);
  assert.equal(await hashOf(page), '#/intro/1');
  // The page's own three icons only, untouched.
  assert.deepEqual(await page.$$eval('svg', (e) => e.map((s) => `${s.getAttribute('class')} ${s.attributes.length} ${s.childElementCount}`)), ['icon 3 1', 'icon 3 1', 'icon 3 1']);
  assert.equal(await page.$$eval('[onload], [onerror]', (e) => e.length), 0);
  await page.click('#notice-close');
  assert.equal(await page.isVisible('#notice'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

// The explainer cannot start: its wasm fails to load, the browser has no
// WebAssembly, or (before start.js can say anything) its own module or the
// glue it imports does not load. The page says so in both languages, as
// text; it is never left blank with buttons that do nothing.
const COULD_NOT_START = [/^The explainer could not start \(.+\)\. It needs JavaScript and WebAssembly/, /解説を開始できませんでした/];
const COULD_NOT_LOAD = [/^The explainer could not load its scripts/, /読み込めませんでした/];
for (const [what, setup, said] of [
  ['the wasm fails to load', async (page) => page.route('**/explainer-web_bg.wasm', (r) => r.abort()), COULD_NOT_START],
  ['the browser has no WebAssembly', async (page) => page.addInitScript(() => { delete globalThis.WebAssembly; }), COULD_NOT_START],
  ['start.js does not load', async (page) => page.route('**/start.js', (r) => r.fulfill({ status: 404, body: '' })), [/\(\.\/start\.js or what it imports\)/, ...COULD_NOT_LOAD]],
  ['the glue start.js imports does not load', async (page) => page.route('**/explainer-web.js', (r) => r.abort()), COULD_NOT_LOAD],
]) {
  test(`when ${what}, the page says so`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await setup(page);
    await page.goto(`${srv.url}#/gc/39`);
    await page.waitForSelector('#error-panel:not([hidden])', { timeout: 10000 });
    const message = await page.textContent('#error-message');
    for (const s of said) assert.match(message, s);
    assert.equal(await page.$eval('#error-message', (m) => m.childElementCount), 0, 'text, not markup');
    assert.equal(await page.$eval('#app', (a) => a.dataset.failed), 'true');
    assert.equal(await page.isVisible('#next'), false, 'no dead controls around it');
    assert.equal(await page.isVisible('#loading'), false, 'no loading status that will never end');
    // A link back to the first step cannot help an explainer that never
    // started; the message says to reload. Its heading is in both languages.
    assert.equal(await page.isVisible('#error-panel a'), false, 'no dead "start again" link');
    assert.equal(await page.textContent('#error-panel h2'), 'Something went wrong \u00b7 問題が発生しました');
    await context.close();
  });
}

test('a page opened as a file says to serve it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`file://${join(DIST, 'index.html')}#/gc/5`);
  await page.waitForSelector('#error-panel:not([hidden])', { timeout: 10000 });
  const message = await page.textContent('#error-message');
  assert.match(message, /^This page was opened as a file.+“python3 -m http\.server”/);
  assert.match(message, /ファイルとして開かれています/);
  assert.equal(await page.textContent('#error-panel h2'), 'Something went wrong \u00b7 問題が発生しました');
  assert.equal(await page.isVisible('#next'), false, 'no dead controls around it');
  assert.equal(await page.isVisible('#loading'), false, 'no loading status that will never end');
  await screenshot(page, 'opened-as-file');
  await context.close();
  // In a deck's small frame, the whole message is on screen, scrolled if need be.
  const small = await browser.newContext({ viewport: { width: 470, height: 300 } });
  const framed = await small.newPage();
  await framed.goto(`file://${join(DIST, 'index.html')}#/gc/5?embed`);
  await framed.waitForSelector('#error-panel:not([hidden])', { timeout: 10000 });
  const fits = await framed.$eval('#error-panel', (p) => { const r = p.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; });
  assert.ok(fits, 'the panel fits the frame');
  await screenshot(framed, 'opened-as-file-470x300');
  await small.close();
});

