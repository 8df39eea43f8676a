// The controls anyone reads: labelled Back / Next / Play, the first-step hint,
// the story's progress, keys whichever control has focus, tap targets and
// sliders beside their chart on a phone, and the presenter view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, hashOf, canvasHash, untilWritten, touchDrag } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const step = (page) => page.$eval('#app', (a) => `${a.dataset.chapter}/${a.dataset.step}`);
// Playing, the Play button is named Pause (and has no aria-pressed beside
// that name, which would read "Pause, pressed"); its data-playing, which
// the soak run reads, says the same.
const pressed = (page) => page.$eval('#play', (b) => {
  if (b.hasAttribute('aria-pressed')) return 'aria-pressed set';
  const named = String(b.textContent.includes('Pause'));
  return b.dataset.playing === named ? named : `data-playing ${b.dataset.playing} beside the name ${b.textContent}`;
});
const active = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const box = (page, sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right }; });

test('Back, Next and Play read as words, Play apart from the two', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/3');
  for (const [name, id] of [['Back', 'prev'], ['Next', 'next'], ['Play', 'play']]) {
    const button = page.getByRole('button', { name, exact: true });
    assert.equal(await button.count(), 1, `one button named ${name}`);
    assert.equal(await button.getAttribute('id'), id);
    assert.match(await button.innerText(), new RegExp(name));
  }
  assert.equal(await pressed(page), 'false');
  assert.equal(await page.$eval('#play', (b) => b.closest('.steps')), null, 'Play is not in the Back/Next group');
  const [next, play] = [await box(page, '#next'), await box(page, '#play')];
  assert.ok(play.x - next.right >= 16, `Play stands apart from Next (${play.x - next.right}px)`);
  await page.click('#play');
  assert.equal(await pressed(page), 'true');
  assert.equal(await page.getByRole('button', { name: 'Pause', exact: true }).count(), 1, 'playing, it reads Pause');
  await page.click('#play');
  assert.equal(await pressed(page), 'false');
  assert.match(await page.textContent('#play'), /Play/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Play keeps its place through the first step\'s hint and as it turns to Pause', async () => {
  // A learner's first click is often Play on the first step. Play had sat
  // right of the hint, and moved left when the hint went at step 2: a click
  // where Pause had been landed on the scrubber and jumped the story on.
  for (const lang of ['en', 'ja']) {
    // And on phones, where the hint is a row of its own above the buttons.
    for (const [w, h, phone] of [[800, 600], [1024, 768], [1280, 720], [1920, 1080], [390, 844, true], [360, 740, true]]) {
      const where = `${lang} at ${w}x${h}`;
      const { page, context, errors } = await open(browser, srv.url, `#/gc/1?lang=${lang}`, { width: w, height: h, isMobile: !!phone, hasTouch: !!phone });
      assert.equal(await page.isVisible('#hint'), true, `${where}: the hint shows`);
      const before = await box(page, '#play');
      await page.mouse.click(before.x + before.w / 2, before.y + before.h / 2);
      await page.waitForFunction(() => document.getElementById('app').dataset.step === '2', null, { timeout: 30000 });
      assert.equal(await page.isVisible('#hint'), false, `${where}: the hint has gone`);
      assert.deepEqual(await box(page, '#play'), before, `${where}: Pause is where Play was`);
      await page.mouse.click(before.x + before.w / 2, before.y + before.h / 2);
      assert.equal(await pressed(page), 'false', `${where}: a click there pauses`);
      assert.equal(await step(page), 'gc/2', `${where}: on the step it reached`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('the first-step hint shows until the first move, and in frames only with controls', async () => {
  const { page, context, errors } = await open(browser, srv.url, '');
  assert.equal(await page.isVisible('#hint'), true);
  assert.match(await page.textContent('#hint'), /Next or → to go on/);
  await screenshot(page, 'hint-first-step-1280x720');
  await page.click('#next');
  assert.equal(await page.isVisible('#hint'), false, 'gone after the first move');
  await page.click('#prev');
  assert.equal(await step(page), 'intro/1');
  assert.equal(await page.isVisible('#hint'), false, 'and it stays gone');
  await context.close();
  // A phone has no arrow key to name, and can swipe.
  for (const [hash, text] of [['#/gc/1', /^Tap Next or swipe to go on$/], ['#/gc/1?lang=ja', /^「次へ」かスワイプで進みます$/]]) {
    const o = await open(browser, srv.url, hash, { width: 390, height: 844, isMobile: true, hasTouch: true });
    assert.match(await o.page.textContent('#hint'), text, hash);
    await o.context.close();
  }
  // A tablet's touch hint keeps the controls in one row, and the picture its size at the first Next.
  for (const [w, h, lang] of [[768, 1024, 'en'], [768, 1024, 'ja'], [1024, 768, 'ja']]) {
    const o = await open(browser, srv.url, `#/gc/1?lang=${lang}`, { width: w, height: h, isMobile: true, hasTouch: true });
    const rows = await o.page.$$eval('.controls > *', (es) => new Set(es.filter((e) => e.offsetParent && getComputedStyle(e).position !== 'absolute').map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size);
    assert.equal(rows, 1, `${w}x${h} ${lang}: one row with the hint`);
    const before = await o.page.$eval('#stage', (s) => s.getBoundingClientRect().height);
    await o.page.click('#next');
    await settle(o.page);
    assert.equal(await o.page.$eval('#stage', (s) => s.getBoundingClientRect().height), before, `${w}x${h} ${lang}: the picture keeps its size`);
    await o.context.close();
  }
  for (const [hash, shown] of [['#/gc/1', true], ['#/gc/4', false], ['#/gc/1?embed&caption', false], ['#/gc/1?embed&controls', true], ['#/gc/1?present', false]]) {
    const o = await open(browser, srv.url, hash);
    assert.equal(await o.page.isVisible('#hint'), shown, hash);
    assert.deepEqual(o.errors, [], hash);
    await o.context.close();
  }
  assert.deepEqual(errors, []);
});

// The picture is sized by what the controls leave: a row that grew a line
// for the hint, or for "Link copied", then lost it, resized the picture
// under the reader's eyes at the first Next.
test('on a window of any width the controls keep one row through the hint, the first Next and a copy', async () => {
  const rows = (page) => page.evaluate(() => [document.querySelector('.controls').getBoundingClientRect().height, document.getElementById('view').getBoundingClientRect().height]);
  for (const lang of ['en', 'ja']) {
    for (const width of [761, 850, 950, 1024, 1150, 1280]) {
      const { page, context, errors } = await open(browser, srv.url, `#/intro/1?lang=${lang}`, { width, height: 768, permissions: ['clipboard-read', 'clipboard-write'] });
      await settle(page);
      assert.equal(await page.isVisible('#hint'), true);
      const [row, picture] = await rows(page);
      assert.ok(row < 60, `${lang} at ${width}: the controls take one row with the hint (${row} px)`);
      await page.click('#next');
      await settle(page);
      await page.click('#copy-link');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
      assert.deepEqual(await rows(page), [row, picture], `${lang} at ${width}: after Next and a copy, the controls and the picture keep their height`);
      const [status, controls] = await page.evaluate(() => ['#copy-status', '.controls'].map((q) => document.querySelector(q).getBoundingClientRect().toJSON()));
      assert.ok(status.bottom <= controls.top && status.width > 40, `${lang} at ${width}: "Link copied" floats above the row`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('progress shows the chapter among all and the step in it', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/19');
  const chapters = await page.$$eval('#chapter option', (os) => os.length);
  const total = await page.$eval('#scrubber', (r) => r.max);
  const bar = await page.$eval('#progress', (p) => ({
    segments: p.children.length, classes: [...p.children].map((s) => s.className), text: p.getAttribute('aria-valuetext'),
    role: p.getAttribute('role'), now: p.getAttribute('aria-valuenow'), fill: p.querySelector('.current i').style.width,
  }));
  assert.equal(bar.segments, chapters, 'a segment per chapter');
  assert.deepEqual(bar.classes, ['done', 'done', 'done', 'done', 'current', ...Array(chapters - 5).fill('')]);
  assert.equal(bar.text, `Chapter 5 of ${chapters} · step 19 of ${total}`);
  assert.equal(await page.textContent('#where'), bar.text, 'the same in words');
  assert.equal(bar.role, 'progressbar');
  assert.equal(bar.now, '5');
  assert.equal(bar.fill, `${(1900 / total).toFixed(1)}%`);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.getAttribute('#progress', 'aria-valuetext'), / step 20 of /);
  const parts = await page.$$eval('#chapter option', (os) => os.length);
  assert.ok(parts > 0);
  assert.equal(await page.isVisible('#part'), await page.evaluate(() => document.getElementById('part').textContent.length > 0));
  assert.deepEqual(errors, []);
  await context.close();
});

// The bar and the ticks are written by difference; after any sequence of
// seeks they must read as a fresh page opened at the same link.
// Their texts are written into the Text nodes already there, not into new
// nodes: a node per write is garbage whose collection pauses a later seek.
const TEXTS = ['caption', 'counter', 'where', 'state-desc', 'chapter-title'];
test('after seeks across chapters, the progress bar, ticks and texts are a fresh page\'s', async () => {
  const snapshot = (page) => page.evaluate((ids) => ({
    segments: [...document.getElementById('progress').children].map((s) => `${s.className}:${s.firstElementChild.style.width}`),
    ticks: document.getElementById('ticks').children.length,
    max: document.getElementById('scrubber').max,
    // The caption's own text: entering a chapter, a span out of sight
    // names it first (a fresh page is read from its heading instead).
    texts: ids.map((id) => document.getElementById(id).lastChild?.textContent ?? ''),
    title: document.querySelector('#caption .visually-hidden')?.textContent ?? null,
  }), TEXTS);
  const { page, context, errors } = await open(browser, srv.url, '#/gc/19');
  await page.evaluate((ids) => { window.textNodes = ids.map((id) => document.getElementById(id).lastChild); }, TEXTS);
  let was = 'gc';
  for (const hash of ['#/memory/2', '#/next/2', '#/gc/44', '#/gc/3', '#/intro/1', '#/stack-growth/13', '#/case-study/4']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((h) => location.hash === h && document.getElementById('app').dataset.step === h.split('/')[2], hash);
    const fresh = await open(browser, srv.url, hash);
    const [seen, fresh1] = [await snapshot(page), await snapshot(fresh.page)];
    const title = await page.$eval('#chapter', (s) => s.selectedOptions[0].textContent.replace(/^\d+\.\s*/, ''));
    const entered = hash.split('/')[1] !== was;
    was = hash.split('/')[1];
    assert.deepEqual([seen.title, fresh1.title], [entered ? `${title}. ` : null, null], hash);
    assert.deepEqual({ ...seen, title: null }, fresh1, hash);
    await fresh.context.close();
    const kept = await page.evaluate((ids) => ids.filter((id, i) => {
      const e = document.getElementById(id);
      const own = id === 'caption' ? [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE) : [...e.childNodes];
      return own.length === 1 && e.lastChild === window.textNodes[i];
    }), TEXTS);
    assert.deepEqual(kept, TEXTS, `${hash}: each text went into the node already there`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys do what the help says whichever control has focus', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/3');

  // The chapter menu: arrows step, Space plays, the chapter stays.
  await page.focus('#chapter');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(page), 'memory/4', '→ on the chapter menu steps');
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'memory', 'and does not switch chapters');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await step(page), 'memory/3');
  assert.equal(await active(page), 'chapter');

  // A focused button keeps Space, as every button does: it presses it.
  await page.click('#next');
  assert.equal(await step(page), 'memory/4');
  assert.equal(await active(page), 'next');
  await page.keyboard.press(' ');
  assert.equal(await step(page), 'memory/5', 'Space presses the focused Next');
  assert.equal(await pressed(page), 'false', 'and does not play');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(page), 'memory/6', '→ on a button steps once');
  await page.keyboard.press('Enter');
  assert.equal(await step(page), 'memory/7', 'Enter still presses the button');
  await page.focus('#play');
  await page.keyboard.press(' ');
  assert.equal(await pressed(page), 'true', 'Space on Play plays');
  await page.keyboard.press(' ');
  assert.equal(await pressed(page), 'false');

  // The scrubber: one step per arrow, Home and End as the help says.
  await page.focus('#scrubber');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(page), 'memory/8', '→ on the scrubber: one step');
  assert.equal(await hashOf(page), '#/memory/8');
  await page.keyboard.press('Home');
  assert.equal(await step(page), 'memory/1');
  const last = await page.$eval('#scrubber', (r) => r.max);
  await page.keyboard.press('End');
  assert.equal(await step(page), `memory/${last}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await step(page), `memory/${last - 1}`);
  await page.keyboard.press(' ');
  assert.equal(await pressed(page), 'true', 'Space on the scrubber plays');
  await page.keyboard.press(' ');

  // The speed menu: ← steps back, the speed stays.
  await page.focus('#speed');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await step(page), `memory/${last - 2}`);
  assert.equal(await page.$eval('#speed', (s) => s.value), '1');
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help'), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#help'), false);

  // A click in the empty header does not focus the chapter menu.
  const bar = await box(page, '.bar');
  const pick = await box(page, '.chapter-pick');
  const actions = await box(page, '.bar-actions');
  const x = pick.right < actions.x - 20 ? (pick.right + actions.x) / 2 : pick.right - 4;
  await page.mouse.click(x, bar.y + bar.h / 2);
  assert.notEqual(await active(page), 'chapter', 'the menu keeps its focus to itself');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(page), `memory/${last - 1}`);
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'memory');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a knob slider keeps its arrows while Space still plays', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/case-study/6');
  const at = await step(page);
  const knob = await page.$$eval('#knob-groups .knob:not([hidden]) input', (is) => is.find((i) => i.getClientRects().length).id);
  const before = await page.$eval(`#${knob}`, (i) => i.value);
  await page.focus(`#${knob}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(page), at, 'the step stays');
  assert.notEqual(await page.$eval(`#${knob}`, (i) => i.value), before, 'the slider moved');
  await page.keyboard.press(' ');
  assert.equal(await pressed(page), 'true');
  await page.keyboard.press(' ');
  // A screen reader hears the slider's value once: its readout is not a
  // live region. (The caption is quiet for a slider's own changes:
  // controls.test.mjs.)
  assert.equal(await page.getAttribute(`#${knob}-out`, 'aria-live'), 'off');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every visible control's box. */
const controls = (page) => page.$$eval('button, select, input, summary, a[href]', (els) => els
  .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map((e) => { const r = e.getBoundingClientRect(); return { id: e.id || `${e.tagName} ${e.textContent.trim().slice(0, 24)}`, w: r.width, h: r.height }; }));

test('every control is at least 44 × 44 px on a phone', async () => {
  const phone = { width: 390, height: 844 };
  for (const hash of ['#/intro/1', '#/gc/39', '#/case-study/6', '#/memory/abc', '#/escape/1']) {
    const { page, context, errors } = await open(browser, srv.url, hash, phone);
    await settle(page);
    if (hash === '#/escape/1') await page.keyboard.press('?');
    const small = (await controls(page)).filter((c) => c.w < 44 || c.h < 44);
    assert.deepEqual(small, [], `${hash}: controls under 44 px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${hash}: no sideways scrolling (${overflow}px)`);
    // The two rows of controls do not overlap one another.
    const rows = await page.$$eval('.controls button:not([hidden]), .controls select, .controls input', (els) => els
      .filter((e) => e.getClientRects().length).map((e) => { const r = e.getBoundingClientRect(); return [e.id, r.left, r.top, r.right, r.bottom]; }));
    for (const a of rows) for (const b of rows) {
      if (a === b) continue;
      const apart = a[3] <= b[1] || b[3] <= a[1] || a[4] <= b[2] || b[4] <= a[2];
      assert.ok(apart, `${hash}: ${a[0]} overlaps ${b[0]}`);
    }
    if (hash === '#/intro/1') await screenshot(page, 'controls-phone-390x844');
    assert.deepEqual(errors, [], hash);
    await context.close();
  }
});

/** The 1-based steps of `id` that show sliders. */
async function sliderSteps(page, id) {
  await page.evaluate((h) => { location.hash = h; }, `#/${id}/1`);
  await page.waitForFunction((id) => document.getElementById('app').dataset.chapter === id, id);
  const total = Number(await page.$eval('#scrubber', (r) => r.max));
  const found = [];
  for (let n = 1; n <= total; n++) {
    await page.evaluate((h) => { location.hash = h; }, `#/${id}/${n}`);
    await page.waitForFunction((n) => document.getElementById('app').dataset.step === String(n), n);
    if (await page.isVisible('#knobs')) found.push(n);
  }
  return found;
}

// A touch on a slider's track moves its thumb at once, before the browser
// knows the finger means to scroll: reading down a phone, a thumb crossing
// "Try it" set GOGC to 430.
test('on a phone a finger scrolling across a slider leaves it as it was; a tap or a sideways drag moves it', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39', { width: 390, height: 844, isMobile: true, hasTouch: true });
  const track = async (id) => {
    await page.evaluate(() => document.getElementById('knobs').scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(100);
    const b = await box(page, id);
    return { x: b.x, y: b.y + b.h / 2, w: b.w };
  };
  const value = (id) => page.$eval(id, (e) => e.value);
  for (const id of ['#gogc', '#gomemlimit']) {
    const t = await track(id);
    const top = await page.evaluate(() => scrollY);
    await touchDrag(page, [t.x + t.w * 0.75, t.y], [t.x + t.w * 0.75 + 3, t.y - 200], 250);
    await page.waitForTimeout(200);
    assert.ok((await page.evaluate(() => scrollY)) > top + 50, `${id}: the page scrolled`);
    assert.equal(await value(id), id === '#gogc' ? '100' : '0', `${id}: the slider kept its value`);
    assert.equal(await page.evaluate(() => location.hash), '#/gc/39', `${id}: and the link its knobs`);
  }
  const t = await track('#gogc');
  await page.touchscreen.tap(t.x + t.w * 0.8, t.y);
  await page.waitForFunction(() => /GOGC=/.test(location.hash));
  const tapped = await value('#gogc');
  assert.notEqual(tapped, '100', 'a tap on the track moves it');
  const u = await track('#gogc');
  await touchDrag(page, [u.x + u.w * 0.8, u.y], [u.x + u.w * 0.3, u.y + 2], 250);
  await page.waitForFunction((v) => document.getElementById('gogc').value !== v, tapped);
  assert.match(await page.textContent('#caption'), new RegExp(`GOGC=${await page.$eval('#gogc-out', (o) => o.textContent.trim())}`), 'a sideways drag moves it, and the caption follows');
  // The step scrubber, in the bar at the foot of the screen, likewise: a
  // scroll that started on it had jumped from step 10 to 36.
  await page.evaluate(() => { location.hash = '#/gc/10'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '10');
  await page.evaluate(() => scrollTo(0, 0));
  const s = await box(page, '#scrubber');
  await touchDrag(page, [s.x + s.w * 0.8, s.y + s.h / 2], [s.x + s.w * 0.8 + 2, s.y - 250], 250);
  await page.waitForTimeout(200);
  assert.ok((await page.evaluate(() => scrollY)) > 50, 'the page scrolled');
  assert.equal(await step(page), 'gc/10', 'on the step it was on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the sliders and the chart they drive are on screen together', async () => {
  const phone = { width: 390, height: 844 };
  const { page, context } = await open(browser, srv.url, '#/gc/1', phone);
  const steps = {};
  for (const id of ['gc', 'stack-growth', 'case-study', 'escape']) steps[id] = await sliderSteps(page, id);
  await context.close();
  for (const [id, found] of Object.entries(steps)) {
    assert.ok(found.length > 0, `${id} has slider steps`);
    for (const n of new Set([found[0], found[found.length - 1]])) {
      const o = await open(browser, srv.url, `#/${id}/${n}`, phone);
      await settle(o.page);
      const canvas = await box(o.page, '#view');
      const bar = await box(o.page, '.controls');
      const sliders = await o.page.$$eval('#knob-groups .knob:not([hidden]) input', (is) => is
        .filter((i) => i.getClientRects().length).map((i) => { const r = i.getBoundingClientRect(); return [i.id, r.top, r.bottom]; }));
      assert.ok(sliders.length > 0, `${id}/${n}`);
      assert.ok(canvas.y >= 0 && canvas.h >= 250, `${id}/${n}: the chart is on screen and readable (${canvas.h}px)`);
      for (const [sid, top, bottom] of sliders) {
        assert.ok(top >= canvas.bottom, `${id}/${n}: ${sid} sits under the chart`);
        assert.ok(bottom <= bar.y, `${id}/${n}: ${sid} (bottom ${bottom}) is above the step controls (${bar.y}) in the viewport`);
      }
      if (id === 'gc' && n === found[found.length - 1]) await screenshot(o.page, 'sliders-phone-390x844');
      assert.deepEqual(o.errors, [], `${id}/${n}`);
      await o.context.close();
    }
  }
});

test('the presenter view by link: the picture fills the screen, the caption large under it', async () => {
  for (const [width, height] of [[1280, 720], [1920, 1080], [960, 540], [390, 844]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/39?present', { width, height });
    await settle(page);
    assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), true);
    for (const hidden of ['.bar', '#knob-stats', '.code-box', '#copy-link', '#scrubber']) {
      assert.equal(await page.isVisible(hidden), false, `${width}×${height}: ${hidden} is hidden`);
    }
    const canvas = await box(page, '#view');
    const caption = await box(page, '#caption');
    const size = await page.$eval('#caption', (c) => parseFloat(getComputedStyle(c).fontSize));
    assert.ok(canvas.w >= width - 2, `${width}×${height}: the picture is as wide as the screen (${canvas.w})`);
    assert.ok(canvas.h >= height * 0.45, `${width}×${height}: and most of its height (${canvas.h})`);
    assert.ok(caption.y >= canvas.bottom - 1 && caption.bottom <= height, `${width}×${height}: the caption is under it, on screen`);
    // Large for the room: a fixed share of the screen (the page's own caption is 16 px).
    const large = width >= 960 ? Math.max(19, Math.min(width * 0.022, height * 0.035)) : 18;
    assert.ok(size >= large, `${width}×${height}: a large caption (${size}px, at least ${large})`);
    const fits = await page.$eval('.side', (s) => s.scrollHeight <= s.clientHeight + 1);
    assert.ok(fits, `${width}×${height}: the caption is not cut`);
    for (const id of ['#prev', '#next', '#play', '#present-exit']) assert.equal(await page.isVisible(id), true, `${width}×${height}: ${id}`);
    // The step's sliders stay, under the caption and on screen, so the
    // speaker can drag GOGC in front of the hall.
    for (const id of ['#gogc', '#gomemlimit', '#live']) {
      const slider = await box(page, id);
      assert.ok(slider.y >= caption.bottom - 1 && slider.bottom <= height && slider.w >= 100, `${width}×${height}: ${id} under the caption (${JSON.stringify(slider)})`);
    }
    await screenshot(page, `present-gc-39-${width}x${height}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('in the presenter view a slider still drives the picture and the link', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39?present');
  await settle(page);
  const before = await canvasHash(page);
  await page.focus('#gogc');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  await untilWritten(page, 'urlPending');
  assert.equal(await hashOf(page), '#/gc/39?GOGC=120&present');
  assert.notEqual(await canvasHash(page), before, 'the chart redrew');
  assert.match(await page.$eval('#view-desc', (d) => d.textContent), /GOGC=120/);
  // A clicker's Page Down steps even from a slider the speaker tabbed to
  // (its arrows stay the slider's).
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '40');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '39');
  // Dragged with the mouse, a slider gives the keys back when let go, so
  // the arrows step on too.
  const g = await box(page, '#gogc');
  await page.mouse.move(g.x + g.w * 0.2, g.y + g.h / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.w * 0.4, g.y + g.h / 2, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'gogc');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '40');
  assert.deepEqual(errors, []);
  await context.close();
});

// In a chapter with sliders on some steps the presenter view keeps their
// row's room on all of them: the picture jumped 26 px at gc/39 on a projector.
test('in the presenter view the picture keeps its size across a chapter with sliders', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/37?present');
  const heights = new Set();
  for (const step of ['gc/37', 'gc/38', 'gc/39', 'gc/40', 'gc/44']) {
    await page.evaluate((h) => { location.hash = h; }, `#/${step}?present`);
    await page.waitForFunction((s) => `${document.getElementById('app').dataset.chapter}/${document.getElementById('app').dataset.step}` === s, step);
    await settle(page);
    heights.add(Math.round(await page.$eval('#view', (c) => c.getBoundingClientRect().height)));
  }
  assert.equal(heights.size, 1, `one picture height across gc/37–44: ${[...heights]}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the presenter view by key rides along in links and copy link, and Escape leaves it', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-heap/5', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.keyboard.press('p');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), true);
  assert.equal(await hashOf(page), '#/stack-heap/5?present');
  await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), '#/stack-heap/6?present', 'the flag rides along');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), false, 'Escape leaves it');
  assert.equal(await hashOf(page), '#/stack-heap/6');
  await page.click('#present-button');
  assert.equal(await hashOf(page), '#/stack-heap/6?present', 'the Present button enters it');
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '5');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), true, 'back keeps the view the link names');
  // Its name says what it leaves, and holds the word it shows.
  assert.equal(await page.getByRole('button', { name: 'Exit the presenter view', exact: true }).count(), 1);
  await page.click('#present-exit');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), false, 'Exit leaves it');
  await page.keyboard.press('p');
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help'), true);
  assert.match(await page.textContent('#help'), /Presenter view/);
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), true, 'the first Escape only closes the help');
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await page.evaluate(() => document.getElementById('copy-link').click());
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
  assert.equal(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash, '#/stack-heap/5?present&lang=en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad presenter flag gets a notice and a sane page', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/3?present=%3Cimg%20src=x%20onerror=alert(1)%3E');
  assert.equal(await step(page), 'gc/3');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), false);
  assert.equal(await page.isVisible('#notice'), true);
  assert.match(await page.textContent('#notice-text'), /present=.*\(expected on or off\)/);
  assert.equal(await page.$$eval('#notice img, img', (i) => i.length), 0, 'no markup was made');
  assert.equal(await hashOf(page), '#/gc/3');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots at four sizes', async () => {
  for (const [width, height] of [[1280, 720], [1920, 1080], [960, 540], [390, 844]]) {
    for (const hash of ['#/intro/1', '#/gc/39']) {
      const { page, context, errors } = await open(browser, srv.url, hash, { width, height });
      await settle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} ${width}×${height}: no sideways scrolling`);
      await screenshot(page, `controls-${hash.slice(2).replace('/', '-')}-${width}x${height}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

// Playback held a step for its reading time with nothing moving: Play
// looked dead for seconds. The chapter's progress segment now fills on
// toward the next step while it plays, and stops when it pauses.
test('while playing, the progress bar fills on through the step', async () => {
  const width = (page) => page.$eval('#progress span.current i', (i) => i.getBoundingClientRect().width);
  const { page, context, errors } = await open(browser, srv.url, '#/escape/1');
  await settle(page);
  const still = await width(page);
  await page.click('#play');
  await page.waitForTimeout(1500);
  assert.equal(await step(page), 'escape/1', 'still on the first step');
  const moving = await width(page);
  assert.ok(moving > still + 1, `the fill moves on while playing (${still} → ${moving})`);
  await page.click('#play');
  await page.waitForTimeout(100);
  assert.ok(Math.abs(await width(page) - still) < 0.5, 'and is back at the step when paused');
  await context.close();
  // Reduced motion: the fill keeps to the step.
  const o = await open(browser, srv.url, '#/escape/1', { reducedMotion: 'reduce' });
  await settle(o.page);
  const at = await width(o.page);
  await o.page.click('#play');
  await o.page.waitForTimeout(1000);
  assert.ok(Math.abs(await width(o.page) - at) < 0.5, 'no filling under reduced motion');
  assert.deepEqual([...errors, ...o.errors], []);
  await o.context.close();
});

test('on a touch screen a swipe across the picture steps; a scroll, a tap and a mouse drag do not', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/10', { width: 390, height: 844, hasTouch: true, isMobile: true });
  const box = await page.$eval('#stage', (s) => s.getBoundingClientRect().toJSON());
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await touchDrag(page, [cx + 120, cy], [cx - 120, cy + 10]);
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '11');
  assert.equal(await hashOf(page), '#/gc/11', 'right to left: the next step, in the link too');
  await touchDrag(page, [cx - 120, cy], [cx + 120, cy - 10]);
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '10');
  // A finger scrolling the page down moves the page, not the story.
  await touchDrag(page, [cx + 20, cy + 100], [cx - 20, cy - 150], 250);
  await touchDrag(page, [cx, cy], [cx + 4, cy], 80);
  await page.mouse.move(cx + 120, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 120, cy, { steps: 8 });
  await page.mouse.up();
  await settle(page);
  assert.equal(await step(page), 'gc/10', 'a scroll, a tap and a mouse drag leave the step');
  assert.ok(await page.evaluate(() => scrollY) > 50, 'the scroll scrolled the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('zoomed in, a sideways drag moves the view, not the story; in a frame the caption takes swipes too', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/10', { width: 390, height: 844, hasTouch: true, isMobile: true });
  const box = await page.$eval('#stage', (s) => s.getBoundingClientRect().toJSON());
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  // Zoomed in as a pinch leaves it (headless Chromium synthesizes no pinch).
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 3 });
  await page.waitForFunction(() => visualViewport.scale > 1.5 && document.getElementById('app').hasAttribute('data-zoomed'));
  await touchDrag(page, [cx + 100, cy], [cx - 100, cy]);
  await settle(page);
  assert.equal(await step(page), 'gc/10', 'no step while zoomed in');
  assert.ok(await page.evaluate(() => visualViewport.offsetLeft) > 20, 'the zoomed view moved sideways');
  await context.close();
  // A frame with its caption under the picture, on a phone's slide.
  const framed = await open(browser, srv.url, '#/gc/10?embed&caption&controls', { width: 390, height: 300, hasTouch: true, isMobile: true });
  const caption = await framed.page.$eval('#caption', (c) => c.getBoundingClientRect().toJSON());
  await touchDrag(framed.page, [caption.x + caption.width * 0.8, caption.y + caption.height / 2], [caption.x + caption.width * 0.2, caption.y + caption.height / 2]);
  await framed.page.waitForFunction(() => document.getElementById('app').dataset.step === '11');
  assert.deepEqual([...errors, ...framed.errors], []);
  await framed.context.close();
});
