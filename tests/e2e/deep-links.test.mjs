// Every step of every chapter, opened fresh from its deep link: the right
// step shows, the canvas drew, the console is clean, nothing left the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, reopen, settle, screenshot, canvasStats, chapterIndex, hashOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function catalog() {
  const { page, context } = await open(browser, srv.url, '');
  const index = await chapterIndex(page);
  await context.close();
  return index;
}

test('the chapter menu lists the chapters in story order', async () => {
  const index = await catalog();
  assert.deepEqual(index.map(([id]) => id), ['intro', 'memory', 'stack-heap', 'manual-heap', 'gc', 'escape', 'stack-growth', 'case-study', 'next']);
  for (const [id, n] of index) assert.ok(n >= 2, `${id} has its steps`);
});

test('a deep link to every step shows exactly that step', async () => {
  const steps = (await catalog()).flatMap(([id, n]) => Array.from({ length: n }, (_, i) => [id, i + 1, n]));
  const captions = new Map();
  // Two pages at once, each opening every other link afresh: a load waits
  // on the network, the compiler and the next frame more than on either core.
  const visit = async (share) => {
    const opened = await open(browser, srv.url, '');
    const { page, errors, outside } = opened;
    for (const [id, step, n] of share) {
      await reopen(opened, srv.url, `#/${id}/${step}`);
      await settle(page);
      const where = `${id} step ${step}`;
      assert.equal(await hashOf(page), `#/${id}/${step}`, where);
      assert.equal(await page.$eval('#app', (a) => a.dataset.step), String(step), where);
      assert.equal((await page.textContent('#counter')).trim(), `${step} / ${n}`, where);
      const caption = (await page.textContent('#caption')).trim();
      assert.ok(caption.length > 20, `${where}: caption`);
      if (!captions.has(id)) captions.set(id, new Set());
      captions.get(id).add(caption);
      assert.equal(await page.isVisible('#notice'), false, `${where}: no notice`);
      const desc = (await page.textContent('#state-desc')).trim();
      assert.ok(desc.length > 10, `${where}: text alternative`);
      const stats = await canvasStats(page);
      assert.ok(stats.ink > 200, `${where}: canvas drew (${stats.ink} ink samples)`);
      assert.ok(stats.colours > 8, `${where}: canvas has a picture, not a fill`);
      assert.deepEqual(errors, [], `${where}: console errors`);
      assert.deepEqual(outside, [], `${where}: requests outside the page`);
      await screenshot(page, `${id}-${String(step).padStart(2, '0')}`);
    }
    await opened.context.close();
  };
  await Promise.all([0, 1].map((k) => visit(steps.filter((_, i) => i % 2 === k))));
  for (const [id, , n] of steps.filter(([, step, n]) => step === n)) {
    assert.equal(captions.get(id).size, n, `${id}: every step has its own caption`);
  }
});
