// While the wasm is on its way (a second or more on a slow link) the page
// says it is loading, in the language it will speak, and shows no controls
// that do nothing yet; the loading bar counts the wasm's bytes as they
// arrive, compressed in transit or not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let srv;
let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Opens `hash` with the wasm held back until `release()` is called. */
async function openHeld(hash, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/explainer-web_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(srv.url + hash, { waitUntil: 'commit' });
  await page.waitForSelector('#loading', { state: 'visible' });
  // boot-check.js (deferred) has run: it puts the status in its language.
  await page.waitForLoadState('domcontentloaded');
  return { page, context, errors, release };
}

for (const [what, hash, options, said] of [
  ['in English', '#/gc/22', {}, /^Loading the explainer…$/],
  ['in the link\'s language', '#/gc/22?lang=ja', {}, /^解説を読み込んでいます…$/],
  ['in the browser\'s language', '#/gc/22', { locale: 'ja-JP' }, /^解説を読み込んでいます…$/],
  ['in the link\'s language over the browser\'s', '#/gc/22?lang=en', { locale: 'ja-JP' }, /^Loading the explainer…$/],
]) {
  test(`while the wasm loads, the page says so ${what}, with no dead controls`, async () => {
    const { page, context, errors, release } = await openHeld(hash, options);
    assert.match((await page.textContent('#loading-text')).trim(), said);
    assert.equal(await page.getAttribute('#loading', 'role'), 'status');
    for (const id of ['#next', '#prev', '#play', '#chapter', '#scrubber', '#lang', '#caption']) {
      assert.equal(await page.isVisible(id), false, `${id} is not shown while it can do nothing`);
    }
    // The panels keep their room: the stage is as wide as it will be.
    const stage = await page.$eval('#stage', (s) => s.getBoundingClientRect().width);
    if (!hash.includes('lang=ja')) await screenshot(page, `loading-${options.locale ?? 'en'}`);
    // The header's title is already in the page's language: it does not
    // change when the explainer starts.
    const title = [await page.textContent('.brand'), await page.evaluate(() => document.documentElement.lang)];
    release();
    await page.waitForSelector('#view[data-painted="true"]');
    assert.deepEqual([await page.textContent('.brand'), await page.evaluate(() => document.documentElement.lang)], title, 'the title as it was');
    assert.equal(await page.isVisible('#loading'), false, 'the status gives way to the picture');
    assert.equal(await page.isVisible('#next'), true);
    assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-loading')), false);
    assert.equal(await page.$eval('#stage', (s) => s.getBoundingClientRect().width), stage, 'nothing moved');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a frame\'s link shows the loading status without the page\'s chrome', async () => {
  const { page, context, release } = await openHeld('#/gc/22?embed&controls', { viewport: { width: 960, height: 540 } });
  assert.equal(await page.isVisible('.bar'), false, 'no page header in a slide');
  const box = await page.$eval('#loading-text', (t) => t.getBoundingClientRect().toJSON());
  assert.ok(box.left > 300 && box.right < 660, `centred in the frame (${box.left}–${box.right})`);
  release();
  await page.waitForSelector('#view[data-painted="true"]');
  assert.equal(await page.isVisible('.bar'), false);
  assert.equal(await page.isVisible('#next'), true, 'the frame\'s own controls');
  await context.close();
});

// Throttled so the wasm takes seconds; the bar is sampled as it arrives.
for (const gzip of [false, true]) {
  test(`the loading bar counts the wasm's bytes as they arrive${gzip ? ', compressed in transit' : ''}`, async () => {
    const server = gzip ? await serve({}, { gzip: true }) : srv;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: (gzip ? 100 : 300) * 1024, uploadThroughput: 100 * 1024 });
    await page.goto(server.url + '#/gc/22', { waitUntil: 'commit' });
    const seen = [];
    while (!(await page.$('#view[data-painted="true"]'))) {
      seen.push(await page.$eval('#loading-bar', (b) => b.value).catch(() => null));
      await page.waitForTimeout(100);
    }
    const values = seen.filter((v) => v !== null);
    assert.ok(values.some((v) => v > 0.05 && v < 0.95), `the bar was seen part-way (${values.map((v) => v.toFixed(2)).join(' ')})`);
    assert.deepEqual(values, [...values].sort((a, b) => a - b), 'it only moves forward');
    assert.equal(await page.$eval('#loading-bar', (b) => b.value), 1, 'it ends full: every byte counted');
    await context.close();
    if (gzip) await server.close();
  });
}

test('without JavaScript the page says what it needs, with no loading status and no dead controls', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(srv.url + '#/gc/22');
  assert.match(await page.textContent('noscript .error-panel'), /needs JavaScript and WebAssembly/);
  assert.equal(await page.isVisible('noscript .error-panel'), true);
  assert.equal(await page.isVisible('#loading'), false, 'nothing is loading');
  for (const id of ['#next', '#play', '#chapter', '#copy-link']) assert.equal(await page.isVisible(id), false, `${id} would do nothing`);
  await context.close();
});

test('while loading, the page already has the theme and the layout its link asks for', async () => {
  for (const [hash, theme, layout] of [['#/gc/22?theme=dark', 'dark', null], ['#/gc/22?present', null, 'data-present'], ['#/gc/22?embed&theme=light', 'light', 'data-embed']]) {
    const { page, context, release } = await openHeld(hash);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), theme, `${hash}: theme while loading`);
    if (layout) assert.equal(await page.$eval('#app', (a, l) => a.hasAttribute(l), layout), true, `${hash}: ${layout} while loading`);
    if (layout === 'data-present') assert.equal(await page.isVisible('.bar'), false, 'the presenter view has no header');
    release();
    await page.waitForSelector('#view[data-painted="true"]');
    if (theme) assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), theme, `${hash}: the same once started`);
    if (layout) assert.equal(await page.$eval('#app', (a, l) => a.hasAttribute(l), layout), true);
    await context.close();
  }
  // The theme a viewer chose on an earlier visit, outside a frame.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => localStorage.setItem('go-memory-theme', 'dark'));
  const page = await context.newPage();
  await page.route('**/explainer-web_bg.wasm', () => {});
  await page.goto(srv.url + '#/gc/22', { waitUntil: 'commit' });
  await page.waitForSelector('#loading', { state: 'visible' });
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark', 'remembered while loading');
  await context.close();
});

// A phone on its side opens scrolled to the picture, the bar a short scroll
// up: already while loading, so the page does not jump when the explainer
// starts. A bad link's notice, shown at the start, is in view above the
// picture.
test('a phone on its side is at the picture while loading, and stays there', async () => {
  for (const [hash, notice] of [['#/gc/22', false], ['#/gc/39?GOGC=banana', true]]) {
    const { page, context, errors, release } = await openHeld(hash, { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true });
    const at = () => page.evaluate(() => [Math.round(scrollY), Math.round(document.getElementById('stage').getBoundingClientRect().top) + 0]);
    const [loadingY, loadingTop] = await at();
    assert.ok(loadingY > 30, `${hash}: scrolled past the bar while loading (${loadingY} px)`);
    assert.equal(loadingTop, 0, `${hash}: the stage at the top while loading`);
    release();
    await page.waitForSelector('#view[data-painted="true"]');
    await page.waitForTimeout(300);
    if (notice) {
      const top = await page.$eval('#notice', (n) => n.getBoundingClientRect().top);
      assert.ok(await page.isVisible('#notice') && Math.abs(top) < 2, `${hash}: the notice is at the top (${top})`);
    } else {
      assert.deepEqual(await at(), [loadingY, 0], `${hash}: nothing moved when the explainer started`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// On a phone the message is a box at the top as tall as its words; it had
// stretched to the foot of the screen, a few lines in a tall empty frame.
test('on a phone a page that cannot start says so in a box as tall as its words', async () => {
  for (const [what, options, setup, panel] of [
    ['without JavaScript', { javaScriptEnabled: false }, async () => {}, 'noscript .error-panel'],
    ['when the wasm fails to load', {}, (page) => page.route('**/explainer-web_bg.wasm', (r) => r.abort()), '#error-panel:not([hidden])'],
  ]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...options });
    const page = await context.newPage();
    await setup(page);
    await page.goto(srv.url + '#/gc/22');
    await page.waitForSelector(panel, { timeout: 10000 });
    const box = await page.$eval(panel, (p) => {
      const r = p.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(p);
      return { top: r.top, height: r.height, words: range.getBoundingClientRect().height };
    });
    assert.ok(box.top <= 12, `${what}: at the top (${box.top})`);
    assert.ok(box.height < box.words + 40, `${what}: as tall as its words (${box.height} px for ${box.words} px of text)`);
    await context.close();
  }
});

test('once started, stepping through the story fetches nothing, not even the favicon', async () => {
  // Chromium fetches a favicon again at each step's link rewrite: one
  // request and one resource-timing entry per step, piling up in a page
  // left playing. The icon is a data: URL in index.html instead.
  const { page, context, errors } = await open(browser, srv.url, '#/gc/1');
  const icon = await page.$eval('link[rel="icon"]', (l) => l.getAttribute('href'));
  assert.match(icon, /^data:image\/png;base64,/, 'the favicon is inline');
  const requests = srv.requests.length;
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').length);
  for (let n = 2; n <= 12; n++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.getElementById('app').dataset.step === String(n), n);
    await page.waitForFunction((h) => location.hash.startsWith(h), `#/gc/${n}`);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(srv.requests.slice(requests), [], 'requests after the first picture');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').length), entries, 'resource-timing entries');
  assert.deepEqual(errors, []);
  await context.close();
});
