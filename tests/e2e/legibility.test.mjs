// The picture as drawn in Chromium: every canvas label at or above the
// size each screen needs, none cut short with an ellipsis, and a caption
// box that keeps its height so the listing under it stays put.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, canvasStats } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// Records the last frame's fillText calls: font size in CSS px and words
// (a frame starts by filling the whole canvas with its background).
const RECORD = () => {
  window.drawnText = [];
  const fillRect = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w * devicePixelRatio >= this.canvas.width && h * devicePixelRatio >= this.canvas.height) window.drawnText = [];
    return fillRect.call(this, x, y, w, h);
  };
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const px = Number(/([\d.]+)px/.exec(this.font)?.[1] ?? 0);
    // Where it starts on the canvas, in CSS px (a scaled-down picture's
    // layout units are fewer).
    const at = (x * this.getTransform().a) / devicePixelRatio;
    window.drawnText.push({ text: String(text), px, at });
    return fill.call(this, text, x, y, ...rest);
  };
};

const SIZES = [
  { width: 1280, height: 720, min: 14, flags: '' },
  { width: 1920, height: 1080, min: 18, flags: '' },
  { width: 960, height: 540, min: 12, flags: '?embed&caption' },
  { width: 390, height: 844, min: 11, flags: '' },
  // A shorter phone: the picture keeps its floor of 400 px, the canvas
  // size the native legibility test lays out at.
  { width: 360, height: 640, min: 11, flags: '', stage: [360, 400] },
];
const STEPS = ['intro/3', 'memory/8', 'stack-heap/21', 'manual-heap/18', 'gc/22', 'gc/34', 'gc/40', 'escape/9', 'stack-growth/7', 'case-study/2', 'next/2'];

test('canvas text is large enough for each screen and never cut short', async () => {
  for (const { width, height, min, flags, stage } of SIZES) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    for (const step of STEPS) {
      // A new document for each step, as a pasted link gets.
      await page.goto('about:blank');
      await page.goto(`${srv.url}#/${step}${flags}`);
      await page.waitForSelector('#view[data-painted="true"]');
      await settle(page);
      const drawn = await page.evaluate(() => window.drawnText);
      assert.ok(drawn.length > 5, `${step} at ${width}x${height}: only ${drawn.length} labels drawn`);
      if (stage) {
        // 330 px high on a step with sliders.
        const [box, knobs] = await page.$eval('#stage', (s) => [[s.getBoundingClientRect().width, s.getBoundingClientRect().height], document.getElementById('app').hasAttribute('data-knobs')]);
        assert.deepEqual(box.map(Math.round), knobs ? [stage[0], 330] : stage, `${step} at ${width}x${height}: the canvas is not the size the native test checks`);
      }
      const small = drawn.filter((t) => t.text.trim() && t.px + 0.05 < min);
      assert.deepEqual(small.slice(0, 5), [], `${step} at ${width}x${height}: labels under ${min} px`);
      const cut = drawn.filter((t) => t.text.includes('\u2026'));
      assert.deepEqual(cut, [], `${step} at ${width}x${height}: labels cut short`);
      if (step === 'gc/22' || step === 'stack-heap/21') await screenshot(page, `legible-${step.replace('/', '-')}-${width}x${height}`);
    }
    await context.close();
  }
});

test('the caption box keeps its height, so the listing stays put', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/1', { width: 1280, height: 720 });
  // The listing's place, on steps with no sliders and no links between it
  // and the caption (those push it down by design).
  const where = () => page.evaluate(() => {
    const box = (id) => document.getElementById(id).getBoundingClientRect();
    const plain = document.getElementById('knobs').hidden && document.getElementById('step-links').hidden;
    return { caption: [Math.round(box('caption').top), Math.round(box('caption').height)], listing: plain ? Math.round(box('code').top) : null };
  });
  const first = await where();
  const total = Number(await page.$eval('#scrubber', (r) => r.max));
  let plain = 0;
  for (let i = 2; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.getElementById('app').dataset.step === String(n), i);
    const now = await where();
    assert.deepEqual(now.caption, first.caption, `gc step ${i}: the caption box moved or resized`);
    if (now.listing !== null) {
      plain++;
      assert.equal(now.listing, first.listing, `gc step ${i}: the listing moved`);
    }
  }
  assert.ok(plain > 20, `only ${plain} steps compared`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Opens `#/<step>` on a touch phone of `width` × `height` at 2× (the
 *  canvas's text recorded), its picture drawn and settled. */
async function openPhone(width, height, step) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.addInitScript(RECORD);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}#/${step}`);
  await page.waitForSelector('#view[data-painted="true"]');
  await settle(page);
  return { context, page, errors };
}

// A phone on its side: beside the caption the picture was a strip about
// 220 px high, too low for the pacer's chart. It now spans the width, as
// tall as the screen above one row of controls that stays at the bottom.
test('a phone on its side shows the whole picture above one row of controls', async () => {
  // 568 × 320, a 4-inch phone: its picture is laid out larger and drawn
  // scaled down (the next test).
  for (const [width, height] of [[844, 390], [667, 375], [568, 320]]) {
    for (const step of ['gc/39?GOGC=10', 'stack-heap/19', 'stack-growth/11']) {
      const { context, page, errors } = await openPhone(width, height, step);
      const at = `${step} at ${width}x${height}`;
      const box = () => page.evaluate(() => {
        const r = (s) => { const b = document.querySelector(s).getBoundingClientRect(); return { top: b.top, bottom: b.bottom, width: b.width, height: b.height }; };
        return { stage: r('#stage'), controls: r('.controls'), next: r('#next'), copy: r('#copy-embed'), vh: innerHeight };
      });
      const start = await box();
      assert.equal(Math.round(start.stage.width), width, `${at}: the picture spans the width`);
      assert.ok(Math.abs(start.stage.height - (start.vh - start.controls.height)) <= 1, `${at}: the picture is as tall as the screen above the controls (${JSON.stringify(start)})`);
      assert.ok(Math.abs(start.controls.bottom - start.vh) <= 1, `${at}: the controls sit at the bottom of the screen`);
      assert.ok(Math.abs(start.next.top - start.copy.top) <= 1 && start.controls.height < 60, `${at}: the controls are one row`);
      // The page opens scrolled to the picture: all of it in view above the
      // controls, the bar a scroll up.
      assert.ok(Math.abs(start.stage.top) <= 1 && start.stage.bottom <= start.controls.top + 1, `${at}: the picture is not all in view (${JSON.stringify(start)})`);
      await page.evaluate(() => window.scrollTo(0, 0));
      const top = await box();
      assert.ok(top.stage.top > 40, `${at}: the bar is above the picture`);
      assert.ok(Math.abs(top.controls.bottom - top.vh) <= 1, `${at}: the controls stay at the bottom`);
      const drawn = await page.evaluate(() => window.drawnText);
      // The layout's sizes: at 568 × 320 the picture is drawn scaled down.
      const small = drawn.filter((t) => t.text.trim() && t.px + 0.05 < 11);
      assert.deepEqual(small.slice(0, 5), [], `${at}: the layout's labels under 11 px`);
      assert.deepEqual(drawn.filter((t) => t.text.includes('\u2026')), [], `${at}: labels cut short`);
      // The pacer's chart is drawn, not only its readouts: its time axis ends at 2 s.
      if (step.startsWith('gc/')) assert.ok(drawn.some((t) => t.text === '2 s'), `${at}: no chart under the readouts`);
      await screenshot(page, `landscape-${step.replace(/[/?=]/g, '-')}-${width}x${height}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

// A bad link's notice stays in view above the picture (controls.rs); the
// picture gives it room rather than slide its foot under the controls.
test('a phone on its side shows a bad link\'s notice above the whole picture', async () => {
  for (const [width, height] of [[844, 390], [568, 320]]) {
    const { context, page, errors } = await openPhone(width, height, 'gc/999');
    const box = () => page.evaluate(() => {
      const r = (s) => { const b = document.querySelector(s).getBoundingClientRect(); return { top: b.top, bottom: b.bottom, height: b.height }; };
      return { notice: r('#notice'), stage: r('#stage'), controls: r('.controls'), vh: innerHeight };
    });
    const at = `${width}x${height}`;
    const shown = await box();
    assert.ok(shown.notice.height > 20 && shown.notice.top >= -1, `${at}: the notice is in view (${JSON.stringify(shown)})`);
    assert.ok(Math.abs(shown.stage.top - shown.notice.bottom) <= 1, `${at}: the picture follows the notice`);
    assert.ok(shown.stage.bottom <= shown.controls.top + 1, `${at}: the picture's foot is under the controls (${JSON.stringify(shown)})`);
    // The chart is drawn whole: its time axis ends at 2 s.
    assert.ok((await page.evaluate(() => window.drawnText)).some((t) => t.text === '2 s'), `${at}: no chart under the readouts`);
    await screenshot(page, `landscape-notice-${at}`);
    await page.click('#notice-close');
    await settle(page);
    const gone = await box();
    assert.ok(Math.abs(gone.stage.height - (gone.vh - gone.controls.height)) <= 1, `${at}: the picture takes the notice's room back (${JSON.stringify(gone)})`);
    assert.ok(gone.stage.bottom <= gone.controls.top + 1, `${at}: the picture's foot is under the controls after the notice`);
    // Focus goes on to the caption, under the picture, without scrolling
    // the picture away.
    assert.ok(Math.abs(gone.stage.top) <= 1, `${at}: the picture scrolled away (${JSON.stringify(gone)})`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'caption');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A canvas smaller than the layouts are made for (a 4-inch phone on its
// side, a small frame in a blog post) showed panels run together and the
// pacer without its chart. It is laid out at the nearest size that reads
// and drawn scaled down, filling its canvas.
test('a small canvas shows the whole picture, scaled down to fit', async () => {
  const cases = [
    { size: [568, 320], hash: '#/stack-heap/19', layout: [653, 306], dpr: 2 },
    // A step with sliders: its floor is 330 px high at any width.
    { size: [480, 270], hash: '#/gc/39?embed&lang=ja', layout: [null, 330], dpr: 1 },
    // The caption takes about 60 px: a canvas of about 560 × 255, laid out
    // 306 px high and as wide as that makes it.
    { size: [560, 315], hash: '#/escape/15?embed&caption', layout: [null, 306], dpr: 1 },
    // Under 300 px high a frame leaves its caption out for the picture.
    { size: [480, 270], hash: '#/escape/15?embed&caption', layout: [null, 330], dpr: 1 },
  ];
  for (const { size: [width, height], hash, layout, dpr } of cases) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    await page.goto(srv.url + hash);
    await page.waitForSelector('#view[data-painted="true"]');
    await settle(page);
    const at = `${hash} at ${width}x${height}`;
    const c = await page.$eval('#view', (v) => {
      const r = v.getBoundingClientRect();
      return { css: [r.width, r.height], store: [v.width, v.height], scale: v.getContext('2d').getTransform().a };
    });
    // The backing store is the canvas's own size: nothing is stretched.
    assert.deepEqual(c.store, c.css.map((n) => Math.round(n * dpr)), `${at}: backing store ${c.store} for ${c.css}`);
    // The layout's width times the scale is the canvas's width.
    const zoom = c.scale / dpr;
    assert.ok(zoom < 1, `${at}: drawn at ${zoom}`);
    const laid = c.css.map((n) => n / zoom);
    assert.ok((layout[0] === null ? laid[0] >= 320 && laid[0] > width : Math.abs(laid[0] - layout[0]) < 2) && Math.abs(laid[1] - layout[1]) < 2, `${at}: laid out at ${laid.map(Math.round)}, not ${layout}`);
    const drawn = await page.evaluate(() => window.drawnText);
    assert.deepEqual(drawn.filter((t) => t.text.trim() && t.px + 0.05 < 11).slice(0, 5), [], `${at}: the layout's labels under 11 px`);
    assert.deepEqual(drawn.filter((t) => t.text.includes('\u2026')), [], `${at}: labels cut short`);
    if (hash.includes('gc/39')) assert.ok(drawn.some((t) => t.text === '2 s'), `${at}: no chart under the readouts`);
    // The whole picture is on the canvas and spans it: labels start across
    // its width, none past its right edge.
    const starts = drawn.map((t) => t.at);
    assert.ok(Math.max(...starts) < c.css[0] && Math.max(...starts) > c.css[0] / 2 && Math.min(...starts) >= 0, `${at}: labels start from ${Math.min(...starts)} to ${Math.max(...starts)} px on a ${c.css[0]} px canvas`);
    const ink = await canvasStats(page);
    assert.ok(ink.ink > 200 && ink.colours > 8, `${at}: a picture`);
    await screenshot(page, `small-canvas-${hash.replace(/[#/?=&]/g, '-')}-${width}x${height}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Small frames and narrow windows on their side: controls that floated over
// a small embed's picture hid a third of it, a caption was sliced mid-line,
// and a 480 px window on its side ran its controls off the screen.
test('small frames and narrow windows keep the controls and caption off the picture', async () => {
  const boxes = (page) => page.evaluate(() => {
    const r = (s) => { const b = document.querySelector(s).getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, height: b.height }; };
    const side = document.querySelector('.side');
    return { stage: r('#stage'), controls: r('.controls'), next: r('#next'), copy: r('#copy-embed'), hint: document.getElementById('hint').hidden ? null : r('#hint'),
      vw: innerWidth, vh: innerHeight, scrollW: document.scrollingElement.scrollWidth,
      // A frame without a caption in sight keeps it out of sight, clipped, for screen readers.
      caption: side.getBoundingClientRect().height > 1 ? { scroll: side.scrollHeight, client: side.clientHeight } : { scroll: 0, client: 0 } };
  });
  for (const [width, height, hash] of [[480, 270, '#/escape/11?embed&controls'], [480, 270, '#/intro/1?embed&controls'], [400, 300, '#/memory/7?embed&caption&controls']]) {
    const { page, context, errors } = await open(browser, srv.url, hash, { width, height });
    await settle(page);
    const b = await boxes(page);
    const at = `${hash} at ${width}x${height}`;
    assert.ok(b.controls.top >= b.stage.bottom - 1, `${at}: the controls cover the picture (${JSON.stringify(b)})`);
    assert.ok(b.controls.bottom <= b.vh + 1 && b.stage.height > 100, `${at}: the picture and the controls share the frame`);
    if (b.hint) assert.ok(b.hint.top >= b.stage.bottom - 1 && b.hint.bottom <= b.vh + 1, `${at}: the hint covers the picture or leaves the frame`);
    assert.ok(b.caption.scroll <= b.caption.client + 1, `${at}: the caption is cut`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // The caption in the smallest frame is whole.
  for (const hash of ['#/gc/39?embed&caption', '#/intro/5?embed&caption&lang=ja']) {
    const { page, context } = await open(browser, srv.url, hash, { width: 320, height: 180 });
    const b = await boxes(page);
    assert.ok(b.caption.scroll <= b.caption.client + 1, `${hash} at 320x180: the caption is cut (${b.caption.scroll} > ${b.caption.client})`);
    await context.close();
  }
  // A 480 px window on its side: one row of controls, nothing off the screen.
  const { page, context, errors } = await open(browser, srv.url, '#/gc/40', { width: 480, height: 320, isMobile: true, hasTouch: true });
  const b = await boxes(page);
  assert.ok(b.scrollW <= b.vw, `the page scrolls sideways: ${b.scrollW} px on a ${b.vw} px screen`);
  assert.ok(Math.abs(b.next.top - b.copy.top) <= 1 && b.copy.right <= b.vw, `the controls are one row on the screen (${JSON.stringify(b)})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The first step's hint floated above Next, over the foot of the picture,
// where a legend starts ("what this step is about" lost its first words).
test('the first-step hint covers neither the picture nor another control', async () => {
  for (const [width, height, hash, touch] of [[1280, 720, '#/gc/1'], [1024, 768, '#/gc/1?lang=ja'], [800, 600, '#/stack-heap/1'], [844, 390, '#/gc/1'],
    [390, 844, '#/gc/1'], [667, 375, '#/gc/1', true], [667, 375, '#/memory/1?lang=ja', true], [568, 320, '#/stack-heap/1', true], [568, 320, '#/gc/1?lang=ja', true], [740, 360, '#/gc/1?lang=ja', true]]) {
    const { page, context, errors } = await open(browser, srv.url, hash, { width, height, ...(touch ? { isMobile: true, hasTouch: true } : {}) });
    await settle(page);
    const b = await page.evaluate(() => {
      const r = (e) => { const x = e.getBoundingClientRect(); return { top: x.top, bottom: x.bottom, left: x.left, right: x.right }; };
      const hint = document.getElementById('hint');
      const shown = [...document.querySelectorAll('.controls button, .controls select, .controls input, .controls output')].filter((e) => e.offsetParent);
      return { hint: hint.hidden ? null : r(hint), stage: r(document.getElementById('stage')), controls: shown.map((e) => ({ id: e.id, ...r(e) })), vw: innerWidth, scrollW: document.scrollingElement.scrollWidth };
    });
    const at = `${hash} at ${width}x${height}`;
    assert.ok(b.hint, `${at}: the hint shows`);
    const overlap = (a, c) => a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1;
    assert.ok(!overlap(b.hint, b.stage), `${at}: the hint covers the picture (${JSON.stringify(b.hint)} over ${JSON.stringify(b.stage)})`);
    for (const c of b.controls) assert.ok(!overlap(b.hint, c), `${at}: the hint covers #${c.id}`);
    assert.ok(b.hint.right <= b.vw && b.scrollW <= b.vw, `${at}: the hint or the row runs off the screen`);
    await screenshot(page, `hint-${hash.replace(/[#/?=&]/g, '-')}-${width}x${height}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A contrast theme repaints every background and border in the system's
// colours, which left the listing's current line unmarked and every line
// with the same dark edge.
test('under a contrast theme the current line keeps its own mark', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/19', { width: 1280, height: 720, forcedColors: 'active' });
  const pageBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const marks = await page.evaluate(() => [...document.querySelectorAll('#code .listing:not([hidden]) .line')].map((l) => {
    const s = getComputedStyle(l);
    return { current: l.classList.contains('current'), outline: s.outlineStyle, edge: s.borderLeftColor };
  }));
  const current = marks.filter((m) => m.current);
  const others = marks.filter((m) => !m.current);
  assert.equal(current.length, 1);
  assert.equal(current[0].outline, 'solid', 'the current line is outlined');
  // The other lines' edges vanish into the background.
  assert.ok(others.length > 10 && others.every((m) => m.outline === 'none' && m.edge === pageBg), `only the current line is marked (${JSON.stringify(others[0])}, ${pageBg})`);
  assert.notEqual(current[0].edge, pageBg);
  assert.deepEqual(errors, []);
  await context.close();
});

// A 4-inch phone: its controls took three rows, a third of the screen.
test('on a 4-inch phone the controls take two rows and Play keeps its name', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-growth/12', { width: 320, height: 568, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  // Rows: the controls' tops, sorted, split where they jump by more than 20 px.
  const rows = await page.evaluate(() => [...document.querySelectorAll('.controls button, .controls select, .controls input')]
    .filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect().top).sort((a, b) => a - b)
    .filter((top, i, tops) => i === 0 || top - tops[i - 1] > 20).length);
  assert.equal(rows, 2, 'the controls take two rows');
  const play = await page.$eval('#play', (b) => ({ name: b.textContent.trim(), width: b.getBoundingClientRect().width }));
  assert.match(play.name, /Play$/);
  assert.ok(play.width >= 44 && play.width < 60, `Play is an icon button, ${play.width} px wide`);
  const stage = await page.$eval('#stage', (s) => s.getBoundingClientRect().height);
  assert.ok(Math.abs(stage - 330) <= 1, `the picture keeps its floor of 330 px on a step with sliders (${stage})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The gc chapter's 44 step ticks on a scrubber squeezed into a phone's
// row ran together into a grey bar; where they would, they are left out.
test('the step ticks under the scrubber stand apart or are not drawn', async () => {
  for (const [width, height] of [[1280, 720], [390, 844], [320, 568], [844, 390], [568, 320]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/39', { width, height, isMobile: width < height || height < 500, hasTouch: true });
    const ticks = await page.$$eval('#ticks span', (ts) => ts.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.left));
    const scrubber = await page.$eval('#scrubber', (s) => s.getBoundingClientRect().width);
    if (ticks.length) {
      assert.equal(ticks.length, 44, `${width}x${height}: one tick a step`);
      const gap = Math.min(...ticks.slice(1).map((x, i) => x - ticks[i]));
      // 1 px ticks with at least 1.5 px of track between them.
      assert.ok(gap >= 2.5, `${width}x${height}: ticks ${gap.toFixed(1)} px apart on a ${scrubber} px scrubber`);
    } else {
      assert.ok(scrubber < 150, `${width}x${height}: ticks left out on a ${scrubber} px scrubber, wide enough for them`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Where the controls stay at the bottom of the screen (a phone, a small
// window, a phone on its side), what takes focus is scrolled clear of them.
test('an element taking focus is not hidden under the controls', async () => {
  for (const [width, height] of [[700, 600], [844, 390]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/19', { width, height });
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const r = await page.evaluate(() => {
      const s = document.querySelector('.desc-box summary');
      s.focus();
      const [a, c] = [s.getBoundingClientRect(), document.querySelector('.controls').getBoundingClientRect()];
      return { focused: document.activeElement === s, bottom: a.bottom, top: a.top, controls: c.top };
    });
    assert.ok(r.focused);
    assert.ok(r.top >= 0 && r.bottom <= r.controls, `at ${width}x${height} the focused summary is under the controls (${JSON.stringify(r)})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// The keyboard help is taller than a phone on its side: it ran off the
// screen, Close with it, and a phone has no Esc key.
test('the help fits the screen and Close is in reach on a phone on its side', async () => {
  for (const [width, height] of [[844, 390], [320, 568]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/19', { width, height, isMobile: true, hasTouch: true });
    await page.click('#help-button');
    await page.waitForSelector('#help:not([hidden])');
    const card = await page.$eval('.help-card', (c) => { const r = c.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
    assert.ok(card.top >= 0 && card.bottom <= height, `at ${width}x${height} the help runs off the screen (${JSON.stringify(card)})`);
    await page.tap('#help-close');
    await page.waitForSelector('#help[hidden]', { state: 'attached' });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A phone on its side opens scrolled down to the picture; a notice about a
// bad link, above the picture, must stay in view.
test('on a phone on its side a notice about the link stays in view', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39?GOGC=abc', { width: 844, height: 390, isMobile: true, hasTouch: true });
  const notice = await page.$eval('#notice', (n) => { const r = n.getBoundingClientRect(); return { hidden: n.hidden, top: r.top, bottom: r.bottom, text: n.textContent }; });
  assert.equal(notice.hidden, false);
  assert.match(notice.text, /GOGC/);
  assert.ok(notice.top >= -1 && notice.bottom <= 390, `the notice is scrolled out of view (${JSON.stringify(notice)})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A phone's copy buttons show only their icons, and "Link copied" used to be
// hidden there: a copy said nothing. It floats above them until the step
// changes (everywhere, the status goes with the step it was said of).
test('on a phone a copied link says so above the buttons, until the step changes', async () => {
  for (const [width, height] of [[390, 844], [844, 390]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/7', { width, height, isMobile: true, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const before = await page.evaluate(() => scrollY);
    await page.tap('#copy-link');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
    assert.equal(await page.evaluate(() => scrollY), before, `at ${width}x${height} tapping Copy link scrolled the page`);
    const r = await page.evaluate(() => {
      const [s, b, c] = ['#copy-status', '#copy-link', '.controls'].map((q) => document.querySelector(q).getBoundingClientRect());
      return { text: document.getElementById('copy-status').textContent, w: s.width, bottom: s.bottom, buttonTop: b.top, controlsTop: c.top };
    });
    assert.equal(r.text, 'Link copied');
    assert.ok(r.w > 40 && r.bottom <= r.controlsTop, `at ${width}x${height} the status is not shown above the controls (${JSON.stringify(r)})`);
    await page.tap('#next');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === '');
    assert.equal(await page.isVisible('#copy-status'), false);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Turned upright again at the picture, the page is back at its top, bar and
// all (it stayed 58 px down, the bar cut); a reload opens at the top (the
// browser's restoring of the old place came while the page was still
// loading, and left it a few pixels down).
test('a phone turned upright, or reloaded, shows the bar at the top', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/5', { width: 844, height: 390, isMobile: true, hasTouch: true });
  assert.ok(await page.evaluate(() => scrollY) > 30, 'on its side, at the picture');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => scrollY === 0, null, { timeout: 5000 });
  // Scrolled down to the caption, a reload opens at the top.
  await page.evaluate(() => scrollTo(0, 600));
  assert.ok(await page.evaluate(() => scrollY) > 300);
  await page.reload();
  await page.waitForSelector('#view[data-painted="true"]');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), 0, 'a reload opens at the top');
  // On its side and scrolled on down to the caption, then turned upright,
  // it keeps its place.
  await page.setViewportSize({ width: 844, height: 390 });
  await page.waitForFunction(() => scrollY > 30, null, { timeout: 5000 });
  await page.evaluate(() => scrollTo(0, scrollY + 300));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => scrollY) > 0, 'a reader further down is left where they are');
  assert.deepEqual(errors, []);
  await context.close();
});
