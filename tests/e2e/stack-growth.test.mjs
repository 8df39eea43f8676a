// The stack-growth chapter beyond its deep links: the depth and frame
// sliders in the link, the overflow text at the limit, bad values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, canvasHash, hashOf, terminalOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The first step whose side panel shows the depth slider. */
async function ladderStep() {
  const { page, context } = await open(browser, srv.url, '#/stack-growth/1');
  const n = Number(await page.$eval('#scrubber', (r) => r.max));
  for (let s = 1; s <= n; s++) {
    await page.evaluate((h) => { location.hash = h; }, `#/stack-growth/${s}`);
    await page.waitForFunction((s) => document.getElementById('app').dataset.step === String(s), s);
    if (await page.isVisible('#depth')) { await context.close(); return s; }
  }
  throw new Error('no step shows the depth slider');
}

test('depth and frame size drive the ladder, the link and the overflow text', async () => {
  const step = await ladderStep();
  const { page, context, errors } = await open(browser, srv.url, `#/stack-growth/${step}`);
  await settle(page);
  assert.equal(await page.isVisible('#terminal-box'), false, 'no overflow at the step\'s own depth');
  const before = await canvasHash(page);
  await page.focus('#depth');
  await page.keyboard.press('End');
  assert.match(await hashOf(page), new RegExp(`^#/stack-growth/${step}\\?depth=10000000`));
  await page.focus('#frame');
  await page.keyboard.press('End');
  const hash = await hashOf(page);
  assert.equal(hash, `#/stack-growth/${step}?depth=10000000&frame=8KiB`);
  await settle(page);
  assert.notEqual(await canvasHash(page), before);
  const terminal = await terminalOf(page);
  assert.match(terminal, /^runtime: goroutine stack exceeds 1000000000-byte limit$/m);
  assert.match(terminal, /^runtime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]$/m);
  assert.match(terminal, /^fatal error: stack overflow$/m);
  assert.match(terminal, /exit status 2$/);
  assert.match(await page.textContent('#state-desc'), /fatal error: stack overflow/);
  await screenshot(page, 'stack-growth-limit');
  const shared = await canvasHash(page);
  const fresh = await open(browser, srv.url, hash);
  await settle(fresh.page);
  assert.equal(await canvasHash(fresh.page), shared, 'a shared link redraws the same picture');
  assert.equal(await terminalOf(fresh.page), terminal);
  assert.equal((await fresh.page.textContent('#frame-out')).trim(), '8 KiB');
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.context.close();
  await context.close();
});

test('frame sizes read as Go byte counts; bad values keep the step\'s own', async () => {
  const step = await ladderStep();
  const ok = await open(browser, srv.url, `#/stack-growth/${step}?frame=1KiB&depth=1000000`);
  assert.equal((await ok.page.textContent('#frame-out')).trim(), '1 KiB');
  // A million frames of 1 KiB pass the 1 GB limit: the readout says where.
  assert.match(await ok.page.textContent('#knob-stats'), /copies, .* copied in all, up to .* of frames; call 524,288 passes the 1\sGB limit: stack overflow/);
  assert.equal(await ok.page.isVisible('#notice'), false);
  await ok.context.close();
  const { page, context, errors } = await open(browser, srv.url, `#/stack-growth/${step}?frame=1KB`);
  assert.match(await page.textContent('#notice-text'), /frame=“1KB” cannot be used \(expected 8B–64KiB\)/);
  assert.equal(await hashOf(page), `#/stack-growth/${step}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the C program the chapter opens on is the listing, then main.go takes over', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/stack-growth/1');
  assert.equal(await page.textContent('#code-file'), 'stackgrowth/overflow.c');
  const shown = () => page.$eval('#code code:not([hidden])', (c) => ({ lang: c.dataset.lang, current: c.querySelector('.line.current')?.textContent.trim() }));
  assert.deepEqual(await shown(), { lang: 'c', current: 'return depth(n + 1) + frame[0];' });
  assert.match(await page.textContent('#checked'), /gcc/);
  assert.match(await terminalOf(page), /Segmentation fault[\s\S]*139/);
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await page.textContent('#code-file'), 'stackgrowth/main.go');
  assert.equal((await shown()).lang, 'go');
  assert.doesNotMatch(await page.textContent('#checked'), /gcc/);
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  assert.equal(await page.textContent('#code-file'), 'stackgrowth/overflow.c');
  assert.deepEqual(errors, []);
  await context.close();
});
