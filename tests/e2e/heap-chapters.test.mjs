// The heap chapters beyond their deep links: the pacer's sliders and the
// link that reproduces them, gctrace text, the marking views at scale, the
// C heap's leak and OOM kill, and bad knob values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, canvasStats, canvasHash, hashOf, terminalOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// A gctrace line exactly as runtime/mgc.go prints it.
const GCTRACE = /^gc \d+ @\d+\.\d{3}s \d+%: [\d.]+\+[\d.]+\+[\d.]+ ms clock, [\d.]+\+[\d.]+\/[\d.]+\/[\d.]+\+[\d.]+ ms cpu, \d+->\d+->\d+ MB, \d+ MB goal, \d+ MB stacks, \d+ MB globals, \d+ P$/;

/** Steps of chapter `gc` whose side panel shows `selector`, found by walking them. */
async function stepsShowing(selector) {
  const { page, context } = await open(browser, srv.url, '#/gc/1');
  const n = Number(await page.$eval('#scrubber', (r) => r.max));
  const found = [];
  for (let s = 1; s <= n; s++) {
    await page.evaluate((h) => { location.hash = h; }, `#/gc/${s}`);
    await page.waitForFunction((s) => document.getElementById('app').dataset.step === String(s), s);
    if (await page.isVisible(selector)) found.push(s);
  }
  await context.close();
  return found;
}

const gctraceLines = async (page) => (await terminalOf(page)).split('\n').filter((l) => l.startsWith('gc '));

// Off screen (below the listing at 1280×720), the terminal's gctrace is
// rewritten once a burst of slider inputs rests; on a new step, or scrolled
// into view, within the input itself.
test('the terminal follows a slider: off screen when the drag rests, on screen at once', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39');
  await settle(page);
  const first = await terminalOf(page);
  await page.evaluate(() => {
    window.times = { input: [], terminal: [] };
    addEventListener('input', () => window.times.input.push(performance.now()), true);
    new MutationObserver(() => window.times.terminal.push(performance.now()))
      .observe(document.getElementById('terminal'), { subtree: true, childList: true, characterData: true });
  });
  // Five inputs in one burst (one task, however slow the machine).
  const slide = (n, then = '') => page.$eval('#gogc', (el, [n, then]) => {
    for (let i = 0; i < n; i++) { el.stepDown(); el.dispatchEvent(new Event('input', { bubbles: true })); }
    if (then) document.getElementById(then).click();
  }, [n, then]);
  await slide(5);
  const rested = await terminalOf(page);
  assert.notEqual(rested, first);
  let { input, terminal } = await page.evaluate(() => window.times);
  assert.equal(input.length, 5);
  assert.equal(terminal.length, 1, 'five inputs, one rewrite');
  assert.ok(terminal[0] - input.at(-1) >= 100, `written ${terminal[0] - input.at(-1)} ms after the last input`);
  const same = await open(browser, srv.url, await hashOf(page));
  assert.equal(await terminalOf(same.page), rested, 'the text a fresh page shows for the same link');
  await same.context.close();

  // A text held back, then a new step at once: the new step's text, and
  // the held one never lands over it.
  // (The step before prints a program's output, not gctrace.)
  await slide(1, 'prev');
  await page.waitForTimeout(250);
  const before = await open(browser, srv.url, await hashOf(page));
  const own = await terminalOf(before.page);
  assert.doesNotMatch(own, /gctrace/);
  assert.equal(await page.textContent('#terminal'), own, 'the new step\'s text');
  await before.context.close();
  await page.click('#next');
  await settle(page);

  // Scrolled into view: written within the input.
  await page.$eval('#terminal-box', (e) => e.scrollIntoView());
  await page.waitForFunction(() => window.goMemoryStats.terminalShown === true);
  const shown = await page.textContent('#terminal');
  await page.evaluate(() => { window.times = { input: [], terminal: [] }; });
  await slide(1);
  ({ input, terminal } = await page.evaluate(() => window.times));
  assert.equal(terminal.length, 1);
  assert.ok(terminal[0] - input[0] < 50, 'on screen, written within the input');
  assert.notEqual(await page.textContent('#terminal'), shown);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the pacer: sliders redraw the chart, rewrite gctrace and the link; the link reproduces the chart', async () => {
  const pacer = await stepsShowing('#knobs-pacer');
  assert.ok(pacer.length >= 3, `pacer steps: ${pacer}`);
  const step = pacer[0];
  const { page, context, errors, outside } = await open(browser, srv.url, `#/gc/${step}`);
  await settle(page);
  const lines = await gctraceLines(page);
  assert.ok(lines.length > 10, `gctrace lines at GOGC=100: ${lines.length}`);
  for (const l of lines) assert.match(l, GCTRACE);
  assert.match(lines[0], /, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P$/, 'the GC guide example: goal 18 MB');
  assert.match(await terminalOf(page), /GODEBUG=gctrace=1/);
  assert.match(await page.textContent('#knob-stats'), /GC CPU \(model\): \d+\.\d\d%.*Peak heap: .*MiB/);
  assert.match(await page.textContent('#knob-stats'), /goal = live \+ \(live \+ stacks \+ globals\) × GOGC\/100 = 8 \+ \(8 \+ 1 \+ 1\) × 100\/100 = 18\sMiB/);
  const before = await canvasHash(page);

  // A key the page leaves alone paints nothing; a slider input paints
  // once, within the input, and leaves no frame to paint after it.
  await page.focus('#gogc');
  const paints = () => page.evaluate(() => [window.goMemoryStats.frame?.length ?? 0, window.goMemoryStats.recompute?.length ?? 0]);
  const twoFrames = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const [frames, inputs] = await paints();
  await page.keyboard.press('Shift');
  await twoFrames();
  assert.deepEqual(await paints(), [frames, inputs], 'Shift changed nothing and painted nothing');

  // GOGC down to 10: many more cycles, more GC CPU.
  await page.keyboard.press('Home');
  await twoFrames();
  assert.deepEqual(await paints(), [frames, inputs + 1], 'one slider input, painted once');
  assert.equal(await hashOf(page), `#/gc/${step}?GOGC=10`);
  assert.match(await page.textContent('#caption'), /Now: GOGC=10, no GOMEMLIMIT, 8\sMiB live: first goal /, 'the caption follows the slider');
  assert.doesNotMatch(await page.textContent('#caption'), /goal 18\sMiB/);
  assert.equal(await page.$eval('#app', (a) => a.dataset.step), String(step), 'arrow keys on a slider do not change step');
  // Hundreds of cycles: the terminal shows the first and last twelve and
  // says how many it left out; the readouts count them all.
  const many = await gctraceLines(page);
  const left = (await terminalOf(page)).match(/\n# … (\d+) more cycles \(gc 13 to gc (\d+)\) left out here …\n/);
  assert.ok(left, 'the terminal says which cycles it left out');
  const cycles = many.length + Number(left[1]);
  assert.equal(many.length, 24);
  assert.ok(cycles > lines.length * 3, `${cycles} cycles at GOGC=10`);
  assert.match(many[11], /^gc 12 @/);
  assert.match(many[12], new RegExp(`^gc ${Number(left[2]) + 1} @`));
  assert.match(many.at(-1), new RegExp(`^gc ${cycles} @`));
  assert.match(await page.textContent('#knob-stats'), new RegExp(`GC cycles \\(model\\): ${cycles} in 2\\ss`));
  assert.notEqual(await canvasHash(page), before, 'the chart redrew');

  // GOGC off, no limit: no cycle at all.
  await page.keyboard.press('End');
  assert.equal(await page.$eval('#gogc', (i) => i.getAttribute('aria-valuetext')), 'off');
  assert.equal((await page.textContent('#gogc-out')).trim(), 'off');
  assert.equal((await gctraceLines(page)).length, 0);
  assert.match(await terminalOf(page), /no cycle ran/);

  // A memory limit brings collection back, capped below the limit.
  await page.focus('#gomemlimit');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), `#/gc/${step}?GOGC=off&GOMEMLIMIT=48MiB`);
  const limited = await gctraceLines(page);
  assert.ok(limited.length > 0);
  for (const l of limited) assert.ok(Number(l.match(/, (\d+) MB goal/)[1]) <= 48, l);
  assert.match(await page.textContent('#knob-stats'), /GOGC=off: the goal is GOMEMLIMIT − non-heap − headroom max\(3%, 1\sMiB\) = 48 − 5 − 1.3 = 41.7\sMiB/);
  await page.focus('#live');
  await page.keyboard.press('ArrowRight');
  const url = new URL(await hashOf(page), page.url()).href;
  assert.match(new URL(url).hash, /&live=9MiB$/);
  await settle(page);
  const shared = await canvasHash(page);
  const trace = await terminalOf(page);
  await screenshot(page, 'gc-pacer-sliders');

  // The same link in a fresh page: the same sliders, text and pixels.
  const fresh = await open(browser, srv.url, new URL(url).hash);
  await settle(fresh.page);
  assert.equal(await fresh.page.$eval('#gomemlimit-out', (o) => o.textContent), '48 MiB');
  assert.equal(await fresh.page.$eval('#gogc-out', (o) => o.textContent), 'off');
  assert.equal(await terminalOf(fresh.page), trace);
  assert.equal(await canvasHash(fresh.page), shared, 'a shared link reproduces the exact chart');
  assert.equal(await fresh.page.isVisible('#notice'), false);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // Another pacer step (GOGC=400, after the first point's second step)
  // starts from its own settings, not the last ones.
  const gogc400 = pacer[2];
  await page.keyboard.press('Escape');
  await page.evaluate((h) => { location.hash = h; }, `#/gc/${gogc400}`);
  await page.waitForFunction((s) => document.getElementById('app').dataset.step === String(s), gogc400);
  assert.equal(await hashOf(page), `#/gc/${gogc400}`);
  assert.equal((await page.textContent('#gogc-out')).trim(), '400');
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await context.close();
});

test('bad knob values in a link: a notice, the step\'s own values, no markup', async () => {
  const [step] = await stepsShowing('#knobs-pacer');
  for (const [query, message] of [['GOGC=%3Cb%3Ex%3C/b%3E', /GOGC=.*<b>x<\/b>.*cannot be used/], ['GOMEMLIMIT=64MB', /GOMEMLIMIT.*cannot be used/], ['GOGC=5', /GOGC/], ['objects=999999', /objects/]]) {
    const { page, context, errors } = await open(browser, srv.url, `#/gc/${step}?${query}`);
    await settle(page);
    assert.equal(await page.isVisible('#notice'), true, query);
    assert.match(await page.textContent('#notice-text'), message);
    assert.equal(await hashOf(page), `#/gc/${step}`, `${query}: the URL names what is shown`);
    assert.equal((await page.textContent('#gogc-out')).trim(), '100');
    assert.equal(await page.$$eval('b', (e) => e.length), 0);
    assert.ok((await canvasStats(page)).ink > 200);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('marking views: regions touched, object by object against span by span, up to 10,000 objects', async () => {
  const marking = await stepsShowing('#knobs-marking');
  assert.ok(marking.length >= 4, `marking steps: ${marking}`);
  const last = marking[marking.length - 1];
  const { page, context, errors } = await open(browser, srv.url, `#/gc/${last}`);
  await settle(page);
  const [, flood, spans] = (await page.textContent('#knob-stats')).match(/object by object (\d+), span by span (\d+)/).map(Number);
  assert.ok(spans * 2 < flood, `31 objects: ${flood} vs ${spans}`);
  assert.match(await page.textContent('#state-desc'), /Green Tea.*31 heap objects in 3 spans.*31 scanned/s);
  await page.focus('#objects');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await hashOf(page), `#/gc/${last}?objects=10000`);
  const [, f2, s2] = (await page.textContent('#knob-stats')).match(/all 10000: object by object (\d+), span by span (\d+)/).map(Number);
  assert.ok(s2 * 10 < f2, `10,000 objects: ${f2} vs ${s2}`);
  await settle(page);
  assert.ok((await canvasStats(page)).ink > 2000, 'the heap map drew');
  await screenshot(page, 'gc-marking-10000');
  // The count carries to the other marking steps.
  await page.evaluate((h) => { location.hash = h; }, `#/gc/${marking[1]}`);
  await page.waitForFunction(() => location.hash.includes('objects=10000'));
  assert.match(await page.textContent('#state-desc'), /10000 heap objects/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('between two marking steps the scan plays out object by object', async () => {
  const marking = await stepsShowing('#knobs-marking');
  const { page, context, errors } = await open(browser, srv.url, `#/gc/${marking[0]}`);
  await settle(page);
  const start = await canvasHash(page);
  await page.evaluate(() => { window.goMemoryStats.frame = []; });
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  const mid = await canvasHash(page);
  await settle(page);
  const end = await canvasHash(page);
  assert.ok(start !== mid && mid !== end && start !== end, 'the picture passes through in-between states');
  const frames = await page.evaluate(() => window.goMemoryStats.frame.length);
  assert.ok(frames > 30, `the scan took ${frames} frames`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('manual-heap: the leak ends in an OOM kill the page cannot miss', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/manual-heap/1');
  await page.keyboard.press('End');
  await settle(page);
  const term = await terminalOf(page);
  assert.match(term, /Killed\n\$ echo \$\?\n137$/);
  assert.match(await page.textContent('#state-desc'), /kill/i);
  // The Killed card and the leaked chunks are drawn in the danger colour
  // (#c62828 in the light theme): much of it at the end, little at the start.
  const danger = () => page.evaluate(() => {
    const c = document.getElementById('view');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0xc6) < 6 && Math.abs(data[i + 1] - 0x28) < 6 && Math.abs(data[i + 2] - 0x28) < 6) n++;
    return n;
  });
  const killed = await danger();
  assert.ok(killed > 500, `${killed} danger pixels`);
  await screenshot(page, 'manual-heap-killed');
  await page.keyboard.press('Home');
  await settle(page);
  assert.ok((await danger()) < killed / 10, 'before the leak there is no danger on screen');
  assert.deepEqual(errors, []);
  await context.close();
});
