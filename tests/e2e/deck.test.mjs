// The explainer in a real reveal.js deck: three slides embedding different
// states; entering a slide leaves its frame on its step, leaving it pauses
// playback; the
// plugin steps a frame with the deck's next key and then moves on; two
// frames on one slide stay independent; hostile messages change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, screenshot, ROOT, touchDrag } from './harness.mjs';

let srv, browser;
before(async () => {
  srv = await serve({ '/deck/': join(ROOT, 'tests/e2e/deck'), '/reveal/': join(ROOT, 'node_modules/reveal.js/dist') });
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); });

async function deck(options = {}, at = '', prepare = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  await prepare(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(srv.url + 'deck/' + at);
  await page.waitForFunction(() => window.Reveal?.isReady());
  const state = (id) => page.evaluate((id) => window.received.filter((m) => m.from === id && m.data?.type === 'go-memory').at(-1)?.data ?? null, id);
  return { page, context, errors, state };
}

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 10000 });

test('the plugin steps the frame with the deck\'s keys, then moves on', async () => {
  const { page, context, errors, state } = await deck();
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  // reveal.js told the frame the slide started; a slide shows one state, so
  // past a step's shortest reading time (2.5 s) it is still on step 10.
  await page.waitForTimeout(3000);
  const entered = await state('frame-gc');
  assert.equal(entered.step, 10, 'the slide stays on its step');
  assert.equal(entered.playing, false, 'and does not play by itself');
  for (const step of [11, 12, 13, 14]) {
    await page.keyboard.press('ArrowRight');
    await waitFor(page, (s) => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step >= s, step);
    assert.equal(await page.evaluate(() => Reveal.getCurrentSlide().id), 'gc', `step ${step} stays on the slide`);
  }
  await screenshot(page, 'deck-gc-slide');
  // Played from the deck, then left: leaving the slide pauses it. At the
  // range's last step Play plays the slide's steps over from its first.
  await page.evaluate(() => document.getElementById('frame-gc').contentWindow.postMessage({ type: 'go-memory', version: 1, command: 'play' }, '*'));
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.playing === true);
  assert.equal((await state('frame-gc')).step, 10);
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'two');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.playing === false);
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 14);
  const last = await state('frame-gc');
  assert.equal(last.chapter, 'gc');
  assert.equal(last.link, '#/gc/14?embed&caption&steps=10-14', 'the plugin gave the frame its range');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame stepped from inside moves the deck\'s fragments with it', async () => {
  const { page, context, errors } = await deck();
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  // Into the frame: two steps with its own keys.
  await page.frameLocator('#frame-gc').locator('#view').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 12);
  await waitFor(page, () => Reveal.getIndices().f === 1);
  // Back in the deck, its next key goes on from 12, not back to 11.
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator('.reveal').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 13);
  assert.equal(await page.evaluate(() => Reveal.getCurrentSlide().id), 'gc');
  assert.deepEqual(errors, []);
  await context.close();
});

test('past its range a frame stepped from inside moves the deck on, and the deck gets its keys back', async () => {
  const { page, context, errors } = await deck();
  const last = () => page.evaluate(() => window.received.filter((m) => m.from === 'frame-gc' && m.data?.type === 'go-memory').at(-1)?.data);
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  await page.frameLocator('#frame-gc').locator('#view').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc' && m.data?.event === 'state').at(-1)?.data?.step === 14);
  assert.equal(await page.evaluate(() => Reveal.getCurrentSlide().id), 'gc');
  // One more: the frame stays on its last step and the deck moves on.
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'two');
  assert.equal((await last()).event, 'next');
  assert.equal((await last()).step, 14, 'the frame did not leave its range');
  // The deck has its keys again: the frame on the slide left does not keep them.
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  await page.waitForTimeout(300);
  const states = await page.evaluate(() => window.received.filter((m) => m.from === 'frame-gc' && m.data?.event === 'state').map((m) => m.data.step));
  assert.ok(states.every((n) => n >= 10 && n <= 14), `every state within 10-14: ${states}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slide keeps its link\'s slider values on every step of its range', async () => {
  const { page, context, errors } = await deck();
  const last = () => page.evaluate(() => window.received.filter((m) => m.from === 'frame-pacer' && m.data?.type === 'go-memory').at(-1)?.data);
  await page.evaluate(() => Reveal.slide(4));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-pacer' && m.data?.event === 'ready'));
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-pacer').at(-1)?.data?.step === 40);
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-pacer').at(-1)?.data?.step === 39);
  assert.equal((await last()).link, '#/gc/39?GOGC=400&embed&caption&steps=39-41', 'back on its first step, still GOGC=400');
  assert.equal((await last()).knobs.GOGC, '400');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame beside the author\'s own fragments leaves them as they are', async () => {
  const { page, context, errors } = await deck();
  const step = () => page.evaluate(() => window.received.filter((m) => m.from === 'frame-bullets' && m.data?.type === 'go-memory').at(-1)?.data?.step);
  await page.evaluate(() => Reveal.slide(3));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-bullets' && m.data?.event === 'ready'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => document.getElementById('bullet-2').classList.contains('visible'));
  assert.equal(await step(), 5);
  await page.frameLocator('#frame-bullets').locator('#view').click();
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-bullets').at(-1)?.data?.step === 6);
  await waitFor(page, () => Reveal.getIndices().f === 2);
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-bullets').at(-1)?.data?.step === 5);
  await waitFor(page, () => Reveal.getIndices().f === 1);
  assert.deepEqual(await page.evaluate(() => ['bullet-1', 'bullet-2'].map((id) => document.getElementById(id).classList.contains('visible'))), [true, true], 'the bullets stay');
  // Esc in the frame is the deck's: its overview, where a click on a
  // thumbnail chooses the slide instead of landing in its frame.
  await page.keyboard.press('Escape');
  await waitFor(page, () => Reveal.isOverview());
  const pacer = await page.$eval('#pacer', (s) => { const r = s.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.click(pacer.x, pacer.y);
  await waitFor(page, () => !Reveal.isOverview() && Reveal.getCurrentSlide().id === 'pacer');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the deck has the keys');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plain frame on a slide the deck leaves gives the keys back too', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-a' && m.data?.event === 'ready'));
  await page.frameLocator('#frame-a').locator('#view').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'frame-a');
  await page.evaluate(() => Reveal.next());
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'bullets');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'frame-a');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in a frame the deck\'s own keys reach the deck: its black screen and overview', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-a' && m.data?.event === 'ready'));
  const into = async () => {
    await page.frameLocator('#frame-a').locator('#view').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'frame-a', 'the frame has the keys');
  };
  await into();
  await page.keyboard.press('b');
  await waitFor(page, () => Reveal.isPaused());
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the deck has the keys back');
  await page.keyboard.press('b');
  await waitFor(page, () => !Reveal.isPaused());
  await into();
  await page.keyboard.press('o');
  await waitFor(page, () => Reveal.isOverview());
  await page.keyboard.press('o');
  await waitFor(page, () => !Reveal.isOverview());
  // Only those keys, named as strings, in the protocol's version: another
  // name, one inherited by every object, a list holding a key's name or a
  // message of another version changes nothing.
  const frame = page.frames().find((f) => f.url().includes('#/memory'));
  for (const [key, version] of [['x', 1], ['__proto__', 1], ['toString', 1], [79, 1], [['o'], 1], ['o', 2], ['o', undefined]]) {
    await frame.evaluate(([key, version]) => parent.postMessage({ type: 'go-memory', version, event: 'key', key }, '*'), [key, version]);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => [Reveal.isOverview(), Reveal.isPaused(), Reveal.getCurrentSlide().id]), [false, false, 'two']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two frames on one slide stay independent', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => ['frame-a', 'frame-b'].every((id) => window.received.some((m) => m.from === id && m.data?.event === 'ready')));
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage({ type: 'go-memory', version: 1, command: 'goto', chapter: 'memory', step: 7 }, '*'));
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-a').at(-1)?.data?.step === 7);
  const b = await page.evaluate(() => window.received.filter((m) => m.from === 'frame-b').map((m) => m.data.step));
  assert.ok(b.every((s) => s === 5), `frame b stayed on step 5: ${b}`);
  await screenshot(page, 'deck-two-frames');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame showing one fixed state passes a clicker\'s and an arrow\'s step to the deck, and keeps its state', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-a' && m.data?.event === 'ready'));
  // A speaker clicked the picture to point at something, then the clicker.
  await page.frameLocator('#frame-a').locator('#view').click();
  await page.keyboard.press('PageDown');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'bullets');
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'two');
  await page.frameLocator('#frame-b').locator('#view').click();
  for (const key of ['End', 'Home', ' ']) await page.keyboard.press(key);
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'gc');
  const steps = await page.evaluate(() => ['frame-a', 'frame-b'].map((id) => window.received.filter((m) => m.from === id && m.data?.type === 'go-memory').map((m) => m.data.step)));
  assert.ok(steps[0].every((n) => n === 3), `frame a stayed on step 3: ${steps[0]}`);
  assert.ok(steps[1].every((n) => n === 5), `frame b stayed on step 5: ${steps[1]}`);
  assert.equal(await page.evaluate(() => window.received.filter((m) => m.from === 'frame-b').at(-1).data.playing), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deck opened on a later step of a slide shows that step in its frame', async () => {
  // As after a reload mid-talk: the deck's link names the slide and how
  // many of its fragments are shown, and the frame, its wasm slow to come,
  // starts well after the deck has sent it that step.
  const slowWasm = (context) => context.route('**/*.wasm', (route) => new Promise((ok) => setTimeout(ok, 800)).then(() => route.continue()));
  const { page, context, errors } = await deck({}, '#/gc/1', slowWasm);
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 12);
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 13);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two stepped frames on one slide: stepping one from inside, the deck and the other follow', async () => {
  const { page, context, errors } = await deck();
  const step = (id) => page.evaluate((id) => window.received.filter((m) => m.from === id && m.data?.type === 'go-memory').at(-1)?.data?.step, id);
  await page.evaluate(() => Reveal.slide(5));
  await waitFor(page, () => ['frame-p1', 'frame-p2'].every((id) => window.received.some((m) => m.from === id && m.data?.event === 'ready')));
  // frame-p2's link names its chapter in capitals; the plugin steps it all the same.
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-p1').at(-1)?.data?.step === 4);
  // Into the second frame: its steps come after the first's, so the first
  // shows its last step, and the deck's fragments say where the second is.
  await page.frameLocator('#frame-p2').locator('#view').click();
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-p2').at(-1)?.data?.step === 6);
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-p1').at(-1)?.data?.step === 5);
  assert.equal(await page.evaluate(() => Reveal.getIndices().f), 2, 'the deck is on the second frame\'s first fragment');
  // Back before the second frame's first step is the deck's step back: the
  // first frame's last fragment.
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-p2').at(-1)?.data?.step === 5);
  await page.keyboard.press('ArrowLeft');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-p1').at(-1)?.data?.step === 4);
  assert.equal(await step('frame-p2'), 5);
  assert.equal(await page.evaluate(() => Reveal.getCurrentSlide().id), 'pair');
  // From the deck again, the two go on in order.
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator('.reveal').click({ position: { x: 5, y: 5 } });
  for (const [p1, p2] of [[5, 5], [5, 6], [5, 7]]) {
    await page.keyboard.press('ArrowRight');
    await waitFor(page, ([p1, p2]) => window.received.filter((m) => m.from === 'frame-p1').at(-1)?.data?.step === p1 && window.received.filter((m) => m.from === 'frame-p2').at(-1)?.data?.step === p2, [p1, p2]);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame reveal.js loads lazily (data-src) gets its range and steps', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(6));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-lazy' && m.data?.event === 'ready'));
  assert.equal(await page.evaluate(() => window.received.filter((m) => m.from === 'frame-lazy').at(-1).data.link), '#/gc/12?embed&steps=12-13');
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-lazy').at(-1)?.data?.step === 13);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PDF export prints each step of a frame\'s range on its own page', async () => {
  const { page, context, errors } = await deck({}, '?print-pdf');
  await waitFor(page, () => document.querySelectorAll('.pdf-page').length > 0);
  // Every copy of the gc slide's frame, page by page, once started.
  await waitFor(page, () => [...document.querySelectorAll('.pdf-page iframe[data-go-memory-id="1"]')].every((f) => f.contentDocument?.getElementById('view')?.dataset.painted === 'true'));
  const steps = await page.evaluate(() => [...document.querySelectorAll('.pdf-page iframe[data-go-memory-id="1"]')].map((f) => f.contentDocument.getElementById('app').dataset.step));
  assert.deepEqual(steps, ['10', '11', '12', '13', '14']);
  // A frame reveal.js would load lazily is printed too, on each of its steps.
  await waitFor(page, () => [...document.querySelectorAll('.pdf-page #frame-lazy')].every((f) => f.contentDocument?.getElementById('view')?.dataset.painted === 'true'));
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.pdf-page #frame-lazy')].map((f) => f.contentDocument.getElementById('app').dataset.step)), ['12', '13']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('steps taken inside a frame leave the deck\'s history alone', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(1));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  const before = await page.evaluate(() => history.length);
  // Keys in the frame, as a viewer clicking into it and pressing → would.
  const frame = page.frameLocator('#frame-gc');
  await frame.locator('#view').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === 13);
  assert.equal(await page.evaluate(() => history.length), before, 'the host\'s Back still leaves the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile messages change nothing, inject nothing and break nothing', async () => {
  const { page, context, errors } = await deck();
  await page.evaluate(() => Reveal.slide(2));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-a' && m.data?.event === 'ready'));
  // Paused, as a slide's frame is, so only messages could move it.
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage({ type: 'go-memory', version: 1, command: 'pause' }, '*'));
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-a').at(-1)?.data?.playing === false);
  const at = await page.evaluate(() => window.received.filter((m) => m.from === 'frame-a').at(-1).data.step);
  const sent = await page.evaluate(() => {
    const w = document.getElementById('frame-a').contentWindow;
    const base = { type: 'go-memory', version: 1 };
    const bad = [
      42, null, true, [], 'next', '<img src=x onerror=alert(1)>', 'x'.repeat(10 * 1024 * 1024),
      { ...base }, { ...base, command: 7 }, { ...base, command: 'goto' }, { ...base, command: 'goto', chapter: 'gc' },
      { ...base, command: 'goto', chapter: 'gc', step: NaN }, { ...base, command: 'goto', chapter: 'gc', step: -3 },
      { ...base, command: 'goto', chapter: 'gc', step: 1e300 }, { ...base, command: 'goto', chapter: '<script>alert(1)</script>', step: 1 },
      { ...base, command: 'goto', chapter: 'gc', step: 2, knobs: { GOGC: '<b>x</b>' } }, { ...base, command: 'goto', chapter: 'x'.repeat(10 * 1024 * 1024), step: 1 },
      JSON.parse('{"__proto__": {"polluted": 1}, "type": "go-memory", "version": 1, "command": "next"}'),
      { type: 'go-memory', version: 99, command: 'next' }, { type: 'other', version: 1, command: 'next' },
    ];
    for (const m of bad) w.postMessage(m, '*');
    for (let i = 0; i < 10000; i++) w.postMessage(i % 2 ? { ...base, command: 'get-state' } : { junk: i }, '*');
    return bad.length;
  });
  assert.ok(sent > 15);
  await waitFor(page, () => window.received.filter((m) => m.from === 'frame-a' && m.data?.event === 'state').length >= 5000);
  const frame = await (await page.$('#frame-a')).contentFrame();
  assert.ok(frame, 'frame a is still there');
  // Only the one well-formed command moved it: the "next" carrying a
  // __proto__ key, which is read as data and otherwise ignored.
  assert.equal(await frame.evaluate(() => document.getElementById('app').dataset.step), String(at + 1));
  assert.equal(await frame.evaluate(() => document.querySelectorAll('img, svg:not(.icon), [onerror], [onload]').length + document.querySelectorAll('svg').length), 3, 'no injected element beside the three icons');
  assert.equal(await frame.evaluate(() => ({}).polluted), undefined, 'no prototype pollution');
  assert.equal(await frame.evaluate(() => document.getElementById('view').dataset.painted), 'true');
  const errorsReplied = await page.evaluate(() => window.received.filter((m) => m.from === 'frame-a' && m.data?.event === 'error').length);
  assert.ok(errorsReplied >= 10, `${errorsReplied} error replies`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a touch screen a swipe across a frame steps its range, then moves the deck; over a fixed frame it moves the deck', async () => {
  const { page, context, errors } = await deck({ hasTouch: true });
  await page.evaluate(() => Reveal.slide(1));
  await waitFor(page, () => window.received.some((m) => m.from === 'frame-gc' && m.data?.event === 'ready'));
  const across = async (id) => {
    const b = await page.$eval(`#${id}`, (f) => f.getBoundingClientRect().toJSON());
    await touchDrag(page, [b.x + b.width * 0.75, b.y + b.height / 2], [b.x + b.width * 0.25, b.y + b.height / 2 + 8]);
  };
  for (const step of [11, 12, 13, 14]) {
    await across('frame-gc');
    await waitFor(page, (s) => window.received.filter((m) => m.from === 'frame-gc').at(-1)?.data?.step === s, step);
    assert.equal(await page.evaluate(() => Reveal.getCurrentSlide().id), 'gc', `step ${step} stays on the slide`);
  }
  await across('frame-gc');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'two');
  // Two frames that each show one state, which the plugin does not step:
  // a swipe over either is the deck's.
  await page.waitForTimeout(300);
  await across('frame-a');
  await waitFor(page, () => Reveal.getCurrentSlide().id === 'bullets');
  assert.equal(await page.evaluate(() => window.received.filter((m) => m.from === 'frame-a').at(-1)?.data?.step), 3, 'the fixed frame kept its state');
  assert.deepEqual(errors, []);
  await context.close();
});
