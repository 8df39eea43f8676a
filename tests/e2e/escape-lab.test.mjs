// The escape lab: every combination of its three toggles, by link and by
// keyboard on the sliders, shows that version's real compiler output and
// its B/op; bad toggle values get a notice and the step's own settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, canvasHash, hashOf, terminalOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function labStep() {
  const { page, context } = await open(browser, srv.url, '#/escape/1');
  const n = Number(await page.$eval('#scrubber', (r) => r.max));
  await context.close();
  return n;
}

// What each version allocates per call at n = 16, as go test -benchmem measures it.
const cost = (ret, size, type) => (ret === 'pointer' ? 16 : 0) + (type === 'any' ? 16 : 0) + (size === 'var' ? 128 : 0);

test('every combination by link shows its own verdicts and B/op', async () => {
  const step = await labStep();
  const pictures = new Set();
  for (const ret of ['value', 'pointer']) for (const size of ['const', 'var']) for (const type of ['Point', 'any']) {
    const hash = `#/escape/${step}?ret=${ret}&size=${size}&type=${type}`;
    const { page, context, errors } = await open(browser, srv.url, hash);
    await settle(page);
    const dir = `${ret}-${size}-${type.toLowerCase()}`;
    const term = await terminalOf(page);
    assert.match(term, new RegExp(`^\\$ go build -gcflags=-m \\./escapelab/${dir}\\n# example\\.com/gomemory/escapelab/${dir}\\n`));
    assert.equal(/moved to heap: p/.test(term), ret === 'pointer', `${dir}: moved to heap`);
    assert.equal(/p escapes to heap/.test(term), type === 'any', `${dir}: the interface`);
    assert.match(term, size === 'var' ? /make\(\[\]int, n\) does not escape/ : /make\(\[\]int, 4\) does not escape/);
    assert.match(await page.textContent('#knob-stats'), new RegExp(`^${cost(ret, size, type)}\\sB/op`));
    // Only values that differ from the step's own are written.
    const expect = [ret !== 'value' && `ret=${ret}`, size !== 'const' && `size=${size}`, type !== 'Point' && `type=${type}`].filter(Boolean).join('&');
    assert.equal(await hashOf(page), `#/escape/${step}${expect ? `?${expect}` : ''}`);
    pictures.add(await canvasHash(page));
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.equal(pictures.size, 8, 'eight different pictures');
});

test('toggling with the keyboard rewrites the lab and the link', async () => {
  const step = await labStep();
  const { page, context, errors } = await open(browser, srv.url, `#/escape/${step}`);
  await settle(page);
  assert.match(await page.textContent('#knob-stats'), /^0\sB\/op, 0\sallocs\/op/);
  // The listing is the file Go compiled for the toggles, marked at the lab's function.
  const listing = () => page.$eval('#code code:not([hidden])', (c) => ({ text: c.textContent, current: c.querySelector('.line.current')?.textContent.trim() }));
  assert.equal(await page.textContent('#code-file'), 'escapelab/value-const-point/lab.go');
  assert.match((await listing()).text, /return p\n/);
  assert.equal((await listing()).current, 'func Lab(n int) Point {');
  await page.focus('#lab-ret');
  await page.keyboard.press('End');
  await page.focus('#lab-type');
  await page.keyboard.press('End');
  assert.equal(await hashOf(page), `#/escape/${step}?ret=pointer&type=any`);
  assert.equal((await page.textContent('#lab-ret-out')).trim(), 'pointer');
  assert.match(await page.textContent('#knob-stats'), /^32\sB\/op, 2 allocs\/op/);
  assert.equal(await page.textContent('#code-file'), 'escapelab/pointer-const-any/lab.go');
  const after = await listing();
  assert.match(after.text, /var sink any[\s\S]*return &p/);
  assert.equal(after.current, 'func Lab(n int) *Point {');
  await screenshot(page, 'escape-lab-pointer-any');
  // Space flips a toggle, as on a switch, and leaves the step where it is
  // (elsewhere Space plays, which would leave the lab).
  await page.focus('#lab-ret');
  await page.keyboard.press(' ');
  await settle(page);
  assert.equal(await hashOf(page), `#/escape/${step}?type=any`);
  assert.equal((await page.textContent('#lab-ret-out')).trim(), 'value');
  assert.equal(await page.$eval('#lab-ret', (r) => r.value), '0');
  assert.notEqual(await page.getAttribute('#play', 'data-playing'), 'true', 'not playing');
  await page.keyboard.press(' ');
  assert.equal(await hashOf(page), `#/escape/${step}?ret=pointer&type=any`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad toggle values keep the step\'s own and say why', async () => {
  const step = await labStep();
  const { page, context, errors } = await open(browser, srv.url, `#/escape/${step}?ret=<b>ptr</b>`);
  assert.match(await page.textContent('#notice-text'), /ret=“<b>ptr<\/b>” cannot be used \(expected value or pointer\)/);
  assert.equal(await page.$$eval('#notice-text *', (e) => e.length), 0);
  assert.equal(await hashOf(page), `#/escape/${step}`);
  assert.equal((await page.textContent('#lab-ret-out')).trim(), 'value');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the terminal lights the verdict the caption quotes, scrolled into its view', async () => {
  for (const lang of ['en', 'ja']) {
    const { page, context, errors } = await open(browser, srv.url, `#/escape/8?lang=${lang}`);
    await settle(page);
    const mark = await page.$eval('#terminal', (pre) => {
      const m = pre.querySelector('.mark');
      const [a, b] = [m?.getBoundingClientRect(), pre.getBoundingClientRect()];
      return m && { text: m.textContent, top: a.top - b.top - pre.clientTop, h: a.height, scroll: 0, view: pre.clientHeight, marks: pre.querySelectorAll('.mark').length };
    });
    assert.ok(mark, `${lang}: a lit line`);
    assert.match(mark.text, /leaking param: p$/, lang);
    assert.equal(mark.marks, 1);
    assert.ok(mark.top >= mark.scroll && mark.top + mark.h <= mark.scroll + mark.view, `${lang}: the lit line is in the terminal's view: ${JSON.stringify(mark)}`);
    // The terminal's text is the tool's, lit line and all.
    assert.match(await terminalOf(page), /leaking param: p$/m);
    // A step that quotes no line of its terminal lights none.
    await page.goto(`${srv.url}#/escape/13?lang=${lang}`);
    await settle(page);
    assert.equal(await page.$$eval('#terminal .mark', (m) => m.length), 0, `${lang}: escape 13 lights nothing`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
