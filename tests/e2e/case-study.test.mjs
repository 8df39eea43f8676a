// The case study beyond its deep links: the list length and call rate
// sliders rewrite the numbers, the -benchmem lines, the picture and the
// link; a shared link redraws the same; bad values get a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, reopen, settle, screenshot, canvasHash, hashOf, terminalOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const bench = async (page) => (await terminalOf(page)).split('\n').filter((l) => l.startsWith('BenchmarkFilter'));
// -benchmem's own layout: name, iterations, ns/op, B/op, allocs/op.
const BENCH = /^BenchmarkFilter(Alloc|InPlace)\/n=\d+-4\s+\t\s*\d+\t\s*[\d.]+ ns\/op\t\s*(\d+) B\/op\t\s*(\d+) allocs\/op$/;

test('sliders rewrite the numbers, the picture and the link', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/case-study/6');
  await settle(page);
  let lines = await bench(page);
  assert.equal(lines.length, 2);
  for (const l of lines) assert.match(l, BENCH);
  assert.deepEqual(lines.map((l) => l.match(BENCH).slice(2, 4).map(Number)), [[16384, 1], [0, 0]], 'one 16 KiB slice per call, then none');
  const stats = await page.textContent('#knob-stats');
  assert.match(stats, /Reported by the talk: CPU −57%, memory −99%\./);
  assert.match(stats, /This model, n = 1,000, 1,000 calls\/s: CPU [\d.]+% → [\d.]+% \(−\d+%\)/);
  const before = await canvasHash(page);

  await page.focus('#n');
  await page.keyboard.press('End');
  assert.equal(await hashOf(page), '#/case-study/6?n=100000');
  assert.equal(await page.$eval('#app', (a) => a.dataset.step), '6', 'a slider keeps its arrow keys');
  lines = await bench(page);
  assert.equal(Number(lines[0].match(BENCH)[2]), 1605632, '100,000 values: 196 pages of 8 KiB');
  assert.notEqual(await canvasHash(page), before, 'the picture redrew');
  await page.focus('#rate');
  await page.keyboard.press('Home');
  assert.equal(await hashOf(page), '#/case-study/6?n=100000&rate=10');
  assert.equal((await page.textContent('#rate-out')).trim(), '10');
  await settle(page);
  const shared = await canvasHash(page);
  const text = [await terminalOf(page), await page.textContent('#knob-stats'), await page.textContent('#state-desc')];
  await screenshot(page, 'case-study-sliders');
  // The knobs carry to the next step, and into its link.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), '#/case-study/7?n=100000&rate=10');
  assert.deepEqual(errors, []);

  const fresh = await open(browser, srv.url, '#/case-study/6?n=100000&rate=10');
  await settle(fresh.page);
  assert.equal(await canvasHash(fresh.page), shared, 'a shared link reproduces the exact picture');
  assert.deepEqual([await terminalOf(fresh.page), await fresh.page.textContent('#knob-stats'), await fresh.page.textContent('#state-desc')], text);
  assert.equal(await fresh.page.isVisible('#notice'), false);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  await context.close();

  // The sliders' far corner asks for more than the CPUs have: said so, not
  // given as a share over 100%.
  const full = await open(browser, srv.url, '#/case-study/6?n=100000&rate=10000');
  await settle(full.page);
  assert.match(await full.page.textContent('#knob-stats'), /CPU [\d.]+% needed, more than the CPUs have → [\d.]+%, heap/);
  assert.match(await full.page.textContent('#state-desc'), /program \+ GC CPU over 100%/);
  assert.doesNotMatch(await full.page.textContent('#state-desc'), /1\d\d\.\d\d% \+/);
  assert.deepEqual(full.errors, []);
  await full.context.close();
});

test('one call shows only the list length, and the path past 32,760 B', async () => {
  const opened = await open(browser, srv.url, '#/case-study/3?n=2049');
  const { page, context, errors } = opened;
  await settle(page);
  assert.equal(await page.isVisible('#n'), true);
  assert.equal(await page.isVisible('#rate'), false, 'this step does not use the call rate');
  assert.match(await page.textContent('#state-desc'), /large: 5 pages = 40,960 B/);
  // 2,047 values and their malloc header are class 67's last request;
  // 2,048 values (32,768 B), though class 67's size, are a large object.
  for (const [n, path] of [['2047', /size class 67: 32,768 B/], ['2048', /large: 4 pages = 32,768 B/]]) {
    await reopen(opened, srv.url, `#/case-study/3?n=${n}`);
    await settle(page);
    assert.match(await page.textContent('#state-desc'), path, `n=${n}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad knob values keep the step\'s own and say why', async () => {
  for (const [query, message] of [['n=0', /n=“0” cannot be used \(expected 1–100000\)/], ['rate=%3Cb%3E', /rate=“<b>” cannot be used \(expected 10–10000\)/]]) {
    const { page, context, errors } = await open(browser, srv.url, `#/case-study/6?${query}`);
    assert.equal(await page.isVisible('#notice'), true, query);
    assert.match(await page.textContent('#notice-text'), message);
    assert.equal(await page.$$eval('#notice-text *', (e) => e.length), 0, 'no markup');
    assert.equal(await hashOf(page), '#/case-study/6', `${query}: the URL names what is shown`);
    assert.equal((await page.textContent('#n-out')).trim(), '1000');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
