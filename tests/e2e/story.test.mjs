// The story around the chapters: a bare link opens the intro, → walks
// every step of every chapter in order to the last, the timeline's and
// the talks' links land where they say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, reopen, settle, screenshot, chapterIndex } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const where = (page) => page.$eval('#app', (a) => `${a.dataset.chapter}/${a.dataset.step}`);

test('a bare link opens the intro, and its hook leads to the case study', async () => {
  const { page, context, errors } = await open(browser, srv.url, '');
  assert.equal(await where(page), 'intro/1');
  assert.match(await page.textContent('#caption'), /57%.*99%.*reported/s);
  await screenshot(page, 'story-intro');
  await page.click('#step-links a');
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'case-study');
  assert.equal(new URL(page.url()).hash, '#/case-study/1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('→ from the intro reaches the last step through every chapter, in a few MiB of memory', async () => {
  const opened = await open(browser, srv.url, '');
  const { page, context, errors } = opened;
  // The wasm instance, for its memory: start.js announces it once started.
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.startedWasm = e.detail.wasm; }));
  await reopen(opened, srv.url, '');
  const index = await chapterIndex(page);
  await page.evaluate(() => { location.hash = '#/intro/1'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '1' && document.getElementById('app').dataset.chapter === 'intro');
  const expected = index.flatMap(([id, n]) => Array.from({ length: n }, (_, i) => `${id}/${i + 1}`));
  const seen = [await where(page)];
  for (let i = 1; i < expected.length; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(await where(page));
  }
  assert.deepEqual(seen, expected);
  assert.equal(await page.isDisabled('#next'), true, 'the story ends at the last step of next');
  await page.keyboard.press('ArrowRight');
  assert.equal(await where(page), expected.at(-1));
  // Every chapter's states built and kept: about 4 MiB. A stack frame that
  // held all its words took it to 21 MiB with the C stack's 9,000 frames.
  const mib = await page.evaluate(() => window.startedWasm.memory.buffer.byteLength / 2 ** 20);
  assert.ok(mib <= 8, `the wasm's memory is ${mib} MiB`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every link a step shows lands on a real step', async () => {
  const { page, context, errors } = await open(browser, srv.url, '');
  const index = await chapterIndex(page);
  let checked = 0;
  const probe = await open(browser, srv.url, '');
  for (const [id, n] of index) {
    for (let s = 1; s <= n; s++) {
      await page.evaluate((h) => { location.hash = h; }, `#/${id}/${s}`);
      await page.waitForFunction(([id, s]) => document.getElementById('app').dataset.chapter === id && document.getElementById('app').dataset.step === String(s), [id, s]);
      const links = await page.$$eval('#step-links a', (as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) {
        assert.match(href, /^#\/[a-z-]+\/\d+$/, `${id} ${s}: links stay on this page`);
        await reopen(probe, srv.url, href);
        assert.equal(await probe.page.isVisible('#notice'), false, `${id} ${s}: ${href} is a real step`);
        assert.equal(`#/${await where(probe.page)}`, href);
        assert.deepEqual(probe.errors, [], `${id} ${s}: ${href}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `${checked} links checked`);
  assert.deepEqual(errors, []);
  await probe.context.close();
  await context.close();
});

test('the timeline and the talks read well on a phone', async () => {
  for (const hash of ['#/intro/7', '#/next/2']) {
    const { page, context, errors } = await open(browser, srv.url, hash, { width: 390, height: 844 });
    await settle(page);
    assert.ok((await page.$$('#step-links a')).length >= 5, hash);
    await screenshot(page, `story-${hash.slice(2).replace('/', '-')}-phone`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
