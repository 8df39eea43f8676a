// The canvas: crisp at any devicePixelRatio, resizes with the window,
// animates between steps (or cuts with reduced motion), follows the theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, canvasStats, canvasHash, terminalOf, axNode } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const frames = (page) => page.evaluate(() => (window.goMemoryStats?.frame ?? []).length);

test('the backing store matches devicePixelRatio', async () => {
  for (const dpr of [1, 2, 3]) {
    const { page, context } = await open(browser, srv.url, '#/stack-heap/11', { deviceScaleFactor: dpr });
    await settle(page);
    const { width, cssWidth } = await page.$eval('#view', (c) => ({ width: c.width, cssWidth: c.getBoundingClientRect().width }));
    assert.equal(width, Math.round(cssWidth * dpr), `dpr ${dpr}`);
    if (dpr === 2) await screenshot(page, 'dpr2-stack-heap-11');
    await context.close();
  }
});

test('the canvas follows the window size, phone included', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/19', { width: 1280, height: 720 });
  await settle(page);
  const wide = await page.$eval('#view', (c) => c.width);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction((w) => document.getElementById('view').width !== w, wide);
  await settle(page);
  const narrow = await page.$eval('#view', (c) => ({ w: c.width, css: c.getBoundingClientRect().width }));
  assert.ok(narrow.css <= 390, 'the canvas fits the phone width');
  assert.ok((await canvasStats(page)).ink > 200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
  await screenshot(page, 'phone-stack-heap-19');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step animates through in-between frames', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/2');
  await settle(page);
  const before = await frames(page);
  const start = await canvasHash(page);
  const pending = () => page.evaluate(() => window.goMemoryStats.framePending);
  await page.keyboard.press('ArrowRight');
  // The flag the tests' settle() waits on: a frame is scheduled while the
  // step animates, and none once it has ended.
  assert.equal(await pending(), true, 'the step asked for a frame');
  await page.waitForTimeout(180);
  const mid = await canvasHash(page);
  assert.equal(await pending(), true, 'mid-animation, the next frame is scheduled');
  await settle(page);
  assert.equal(await pending(), false);
  const end = await canvasHash(page);
  assert.ok((await frames(page)) - before >= 5, 'several frames were painted');
  assert.notEqual(mid, start);
  assert.notEqual(mid, end, 'a frame between the two states was shown');
  await context.close();
});

test('prefers-reduced-motion cuts instead of moving', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/2', { reducedMotion: 'reduce' });
  await settle(page);
  const before = await frames(page);
  const picture = await canvasHash(page);
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await page.$eval('#app', (a) => a.dataset.step), '3', 'the step moved on');
  const painted = (await frames(page)) - before;
  assert.ok(painted >= 1 && painted <= 2, `one paint, no tween (${painted})`);
  assert.notEqual(await canvasHash(page), picture, 'the new state is on the canvas');
  await context.close();
});

test('dark theme repaints the canvas dark, and the toggle switches it', async () => {
  const { page, context } = await open(browser, srv.url, '#/memory/3', { colorScheme: 'dark' });
  await settle(page);
  const dark = (await canvasStats(page)).bg;
  assert.ok(dark[0] + dark[1] + dark[2] < 150, `dark background ${dark}`);
  await screenshot(page, 'dark-memory-3');
  // A toggle button: a screen reader hears whether the dark theme is on.
  const pressed = () => page.getByRole('button', { name: 'Dark theme', pressed: true }).count();
  assert.equal(await pressed(), 1);
  await page.click('#theme');
  await settle(page);
  const light = (await canvasStats(page)).bg;
  assert.ok(light[0] + light[1] + light[2] > 600, `light background ${light}`);
  assert.equal(await pressed(), 0);
  // The choice outlasts a reload, over the system's dark; a link's own
  // `theme` still decides.
  await page.reload();
  await page.waitForSelector('#view[data-painted="true"]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'kept after a reload');
  // A new document (the query string), as a deck's frame would load.
  await page.goto(`${srv.url}?frame#/memory/3?embed&theme=dark`);
  await page.waitForSelector('#view[data-painted="true"]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', "the link's theme wins");
  // A frame without one follows the system (dark here), not the choice
  // made on the explainer's own page.
  await page.goto(`${srv.url}?frame2#/memory/3?embed`);
  await page.waitForSelector('#view[data-painted="true"]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', "a frame ignores the page's remembered theme");
  await context.close();
});

test('terminal output is real, selectable text', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/10');
  const text = await terminalOf(page);
  assert.match(text, /\$ go build -gcflags=-m/);
  assert.match(text, /moved to heap: p/);
  const selected = await page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('terminal'));
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return getSelection().toString();
  });
  assert.match(selected, /moved to heap: p/);
  const { page: p2, context: c2 } = await open(browser, srv.url, '#/stack-heap/25');
  assert.match(await terminalOf(p2), /30\n1\n101\n110 1048576/);
  await c2.close();
  await context.close();
});

test('the text alternative describes the state', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/19');
  const desc = await page.textContent('#state-desc');
  assert.match(desc, /Frame main:/);
  assert.match(desc, /pt \(\*Point\) = a pointer to main's q on the stack/);
  assert.equal(await page.getAttribute('#caption', 'aria-live'), 'polite');
  // What a screen reader is given for the canvas, as Chromium computes it:
  // the description, with "What the picture shows" closed (as it opens),
  // and in a frame and the presenter view, which show no description box.
  const described = async (p) => (await axNode(p, '#view'))?.description?.value ?? '';
  assert.equal(await page.$eval('.desc-box', (d) => d.open), false);
  assert.match(await described(page), /Frame main:.*pt \(\*Point\) = a pointer to main's q on the stack/s);
  for (const hash of ['#/stack-heap/19?embed', '#/stack-heap/19?present']) {
    const o = await open(browser, srv.url, hash);
    assert.match(await described(o.page), /Frame main:/, hash);
    await o.context.close();
  }
  // Said once: the copy that describes the canvas is not read again in
  // the page's reading order.
  assert.equal(await page.$eval('#view-desc', (p) => p.hidden), true);
  // Its name says what it is of, from its panels' titles, and follows the
  // step and the language.
  const named = async (p) => (await axNode(p, '#view'))?.name?.value ?? '';
  assert.equal(await named(page), 'Picture: Stack · goroutine 1; Heap');
  await page.evaluate(() => { location.hash = '#/gc/39'; });
  await page.waitForFunction(() => document.getElementById('view').getAttribute('aria-label') === 'Picture: Heap over time');
  assert.equal(await named(page), 'Picture: Heap over time');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  assert.equal(await named(page), '図：ヒープの推移');
  await context.close();
});

test('a frame without a caption in sight keeps it for screen readers', async () => {
  // Frames with a slide's range, which a deck steps.
  for (const [hash, width, height] of [['#/stack-heap/19?embed&steps=19-21', 960, 540], ['#/stack-heap/19?embed&caption&steps=19-21', 480, 270]]) {
    const { page, context, errors } = await open(browser, srv.url, hash, { width, height });
    const at = `${hash} at ${width}x${height}`;
    assert.equal((await axNode(page, '#caption')).ignored, false, `${at}: the caption is out of the accessibility tree`);
    assert.equal(await page.getAttribute('#caption', 'aria-live'), 'polite');
    const before = await page.textContent('#caption');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const after = await page.textContent('#caption');
    assert.ok(after && after !== before, `${at}: the caption follows the step`);
    // Out of sight: the picture still fills the frame, nothing else drawn.
    const box = await page.evaluate(() => {
      const c = document.querySelector('.side').getBoundingClientRect();
      return { stage: document.querySelector('#stage').getBoundingClientRect().height, caption: c.width * c.height, vh: innerHeight };
    });
    assert.ok(Math.abs(box.stage - box.vh) <= 1 && box.caption <= 1, `${at}: ${JSON.stringify(box)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the page names the toolchain each listing was checked against', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/1');
  assert.match(await page.textContent('#checked'), /checked against Go 1\.27\.3/);
  // A C listing was checked against gcc and glibc, not Go.
  await page.evaluate(() => { location.hash = '#/manual-heap/1'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'manual-heap');
  assert.match(await page.textContent('#checked'), /gcc 12\.2\.0 and glibc 2\.36/);
  assert.doesNotMatch(await page.textContent('#checked'), /Go 1\.27/);
  await context.close();
});

// In the presenter view the picture changed height with the caption's line
// count, so its panels jumped by up to a line at most presses.
test('in the presenter view the picture keeps its size from step to step', async () => {
  for (const [width, height] of [[1920, 1080], [1280, 720]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/18?present', { width, height });
    await settle(page);
    const heights = new Set();
    for (let i = 0; i < 10; i++) {
      heights.add(Math.round(await page.$eval('#stage', (e) => e.getBoundingClientRect().height)));
      assert.ok(await page.$eval('.side', (s) => s.scrollHeight <= s.clientHeight + 1), `the caption fits at gc/${18 + i}`);
      await page.keyboard.press('ArrowRight');
      await settle(page);
    }
    assert.equal(heights.size, 1, `${width}x${height}: picture heights ${[...heights]}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// The window dragged to a screen of another pixel ratio, at the same size:
// the canvas is redrawn at the new ratio (it stayed at the old one, blurred).
// Headless Chromium changes the ratio under emulation without firing the
// media query's change event, so the test fires it as a browser would.
test('a change of pixel ratio alone redraws the canvas sharp', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    window.ratioListeners = [];
    const match = window.matchMedia.bind(window);
    window.matchMedia = (q) => {
      const m = match(q);
      if (/resolution/.test(q)) {
        window.ratioQuery = q;
        const add = m.addEventListener.bind(m);
        m.addEventListener = (type, f, o) => { window.ratioListeners.push(f); add(type, f, o); };
      }
      return m;
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}#/gc/20`);
  await page.waitForSelector('#view[data-painted="true"]');
  await settle(page);
  const [before, css] = await page.$eval('#view', (c) => [c.width, c.getBoundingClientRect().width]);
  assert.equal(before, Math.round(css), 'one device pixel per CSS pixel');
  assert.equal(await page.evaluate(() => window.ratioListeners.length), 1, 'the page listens for a change of ratio');
  assert.ok(await page.evaluate(() => matchMedia(window.ratioQuery).matches), 'on a query the present ratio matches');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 2, mobile: false });
  await page.evaluate(() => window.ratioListeners.shift()(new Event('change')));
  await page.waitForFunction(() => { const c = document.getElementById('view'); return c.width >= 2 * c.getBoundingClientRect().width - 1; }, null, { timeout: 5000 });
  await settle(page);
  assert.ok((await canvasStats(page)).ink > 200, 'and drew');
  assert.equal(await page.evaluate(() => window.ratioListeners.length), 1, 'and listens for the next change');
  assert.deepEqual(await page.evaluate(() => [window.ratioQuery, matchMedia(window.ratioQuery).matches]), ['(min-resolution: 1.999dppx) and (max-resolution: 2.001dppx)', true]);
  assert.deepEqual(errors, []);
  await context.close();
});

// A frame too low for a caption and controls under the picture (a
// thumbnail in a blog post) shows the picture: squeezed under them it was
// 60 px high, or nothing at all.
test('a small frame keeps its picture', async () => {
  for (const [width, height, caption, controls] of [[200, 150, false, false], [320, 180, false, true], [480, 270, false, true], [640, 360, true, true]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/22?embed&caption&controls', { width, height });
    await settle(page);
    const canvas = await page.$eval('#view', (c) => c.getBoundingClientRect().height);
    assert.ok(canvas >= height * (caption ? 0.45 : 0.6), `${width}×${height}: the picture is ${canvas} px high`);
    // In sight: kept out of it, the caption is still there for screen readers.
    const seen = await page.isVisible('#caption') && await page.$eval('.side', (s) => { const r = s.getBoundingClientRect(); return r.width * r.height > 1; });
    assert.equal(seen, caption, `${width}×${height}: caption`);
    assert.equal(await page.isVisible('#next'), controls, `${width}×${height}: controls`);
    assert.ok((await canvasStats(page)).ink > 100, `${width}×${height}: drawn`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
