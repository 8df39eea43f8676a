// Keys, buttons, scrubber, chapter menu, history, help overlay, playback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, untilWritten, settle, screenshot, hashOf, axNode } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const step = (page) => page.$eval('#app', (a) => `${a.dataset.chapter}/${a.dataset.step}`);

test('arrow keys, Home and End step through a chapter', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/1');
  const first = await page.textContent('#caption');
  await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), '#/memory/2');
  assert.notEqual(await page.textContent('#caption'), first);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await hashOf(page), '#/memory/2');
  await page.keyboard.press('End');
  const last = await page.$eval('#scrubber', (r) => r.max);
  assert.equal(await hashOf(page), `#/memory/${last}`);
  assert.equal(await page.isDisabled('#next'), false, 'the story goes on past a chapter');
  assert.equal(await page.textContent('#step-links a'), 'Next: The era of variables: the stack and the heap\u00a0→');
  await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), '#/stack-heap/1', '→ continues into the next chapter');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await hashOf(page), `#/memory/${last}`, '← comes back');
  await page.keyboard.press('Home');
  assert.equal(await hashOf(page), '#/memory/1');
  assert.equal(await page.isDisabled('#prev'), false, 'the intro lies before');
  assert.deepEqual(errors, []);
  await context.close();
});

test('buttons, scrubber and chapter menu move, and back/forward retrace', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/1');
  await page.click('#next');
  await page.click('#next');
  assert.equal(await hashOf(page), '#/memory/3');
  await page.click('#prev');
  assert.equal(await hashOf(page), '#/memory/2');
  await page.$eval('#scrubber', (r) => { r.value = '6'; r.dispatchEvent(new Event('input')); r.dispatchEvent(new Event('change')); });
  assert.equal(await hashOf(page), '#/memory/6');
  assert.equal(await step(page), 'memory/6');
  await page.selectOption('#chapter', 'stack-heap');
  assert.equal(await hashOf(page), '#/stack-heap/1');
  assert.match(await page.textContent('#code-file'), /stackheap\/main\.go/);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'memory');
  assert.equal(await step(page), 'memory/6');
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '2');
  assert.equal(await hashOf(page), '#/memory/2');
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '6');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chapter menu opens a chapter chosen by key at Enter, not at each arrow', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/4');
  await page.focus('#chapter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'manual-heap', 'the arrows move the choice');
  assert.equal(await hashOf(page), '#/memory/4', 'but open nothing');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'manual-heap');
  assert.equal(await hashOf(page), '#/manual-heap/1');
  // Leaving the menu, or Escape, puts back the chapter shown.
  await page.focus('#chapter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'manual-heap');
  await page.focus('#chapter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'manual-heap');
  assert.equal(await hashOf(page), '#/manual-heap/1');
  // → steps the chapter shown, and the menu names it again.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.equal(await hashOf(page), '#/manual-heap/2');
  assert.equal(await page.$eval('#chapter', (s) => s.value), 'manual-heap');
  // A pick with the pointer opens at once.
  await page.selectOption('#chapter', 'gc');
  assert.equal(await hashOf(page), '#/gc/1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('each history entry keeps the title of its step, however fast the steps', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/1');
  // Three steps before the browser draws a frame: the title is written
  // after the picture, so it must still reach each entry before the next.
  await page.evaluate(() => { for (let i = 0; i < 3; i++) document.getElementById('next').click(); });
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  const last = entries.slice(-4).map((e) => [new URL(e.url).hash, e.title]);
  assert.deepEqual(last.map(([h]) => h), ['#/memory/1', '#/memory/2', '#/memory/3', '#/memory/4']);
  for (const [h, title] of last) assert.match(title, new RegExp(`· step ${h.split('/').pop()} — Go Memory, Through History$`), h);
  assert.equal(await page.title(), last[3][1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the current code line follows the step', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/14');
  const current = () => page.$$eval('#code code:not([hidden]) .line.current', (ls) => ls.map((l) => l.textContent.trim()));
  assert.deepEqual(await current(), ['moveByValue(q)']);
  assert.equal(await page.$eval('#code .line.current', (l) => l.getAttribute('aria-current')), 'step');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await current(), ['pt.X += 100'], 'one current line, the next step\'s');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await current(), ['moveByValue(q)']);
  await context.close();
});

test('idle time after the first frame prepares every chapter: listings built, hidden', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/1');
  const chapters = await page.$$eval('#chapter option', (o) => o.map((x) => x.value));
  assert.equal(chapters.length, 9);
  await page.waitForFunction((n) => document.querySelectorAll('#code > code').length === n, chapters.length);
  const shown = () => page.$$eval('#code > code:not([hidden])', (c) => c.map((x) => x.id));
  assert.deepEqual(await shown(), ['code-memory']);
  assert.equal(await page.$eval('#app', (a) => a.dataset.step), '1', 'nothing on screen moved');
  // A first visit finds its listing ready and shows it alone, its line marked.
  await page.evaluate(() => { location.hash = '#/stack-heap/14'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'stack-heap');
  assert.deepEqual(await shown(), ['code-stack-heap']);
  assert.deepEqual(await page.$$eval('#code code:not([hidden]) .line.current', (ls) => ls.map((l) => l.textContent.trim())), ['moveByValue(q)']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('space plays and pauses; playback advances by itself', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/1');
  await page.evaluate(() => document.activeElement?.blur());
  await page.selectOption('#speed', '2');
  await page.keyboard.press(' ');
  assert.equal(await page.textContent('#play .label'), 'Pause');
  // The first caption's reading time, at twice the speed.
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '2', null, { timeout: 12000 });
  await page.keyboard.press(' ');
  assert.equal(await page.textContent('#play .label'), 'Play');
  const at = await step(page);
  await page.waitForTimeout(2200);
  assert.equal(await step(page), at, 'paused playback stays put');
  assert.deepEqual(errors, []);
  await context.close();
});

test('? opens the keyboard help, modal, and Escape, ? or the backdrop close it', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/3');
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  const at = () => page.$eval('#app', (a) => a.dataset.step);
  await page.focus('#next');
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help'), true);
  assert.match(await page.textContent('#help'), /Next step/);
  await screenshot(page, 'help-overlay');
  // Focus is inside; Tab stays inside (the page behind is inert); the
  // step keys do nothing behind it.
  // On its title, at its top: Close is at the foot of the card.
  assert.equal(await active(), 'help-title');
  assert.equal(await page.$eval('.help-card', (c) => c.scrollTop), 0);
  // Tab goes round its two controls: the letter keys' switch, Close.
  const round = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    round.push(await active());
  }
  assert.deepEqual(round, ['letter-keys', 'help-close', 'letter-keys', 'help-close']);
  // Shift+Tab goes round the other way, from the title to the last, Close.
  await page.focus('#help-title');
  const back = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    back.push(await active());
  }
  assert.deepEqual(back, ['help-close', 'letter-keys', 'help-close']);
  await page.focus('#help-close');
  await page.keyboard.press('ArrowRight');
  assert.equal(await at(), '3', '→ behind the help does nothing');
  assert.equal(await page.$eval('main', (m) => m.inert), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#help'), false);
  assert.equal(await active(), 'next', 'focus back where it was');
  assert.equal(await page.$eval('main', (m) => m.inert), false);
  // `?` again closes it, and so does a click on the dimmed page around it.
  await page.keyboard.press('?');
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help'), false);
  await page.keyboard.press('?');
  await page.mouse.click(5, 5);
  assert.equal(await page.isVisible('#help'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

// Speech input and a stray key set off single-character shortcuts (WCAG
// 2.1.4): the help turns them off, for this visit and the next.
test('the help turns the single-character keys off and on, and the choice is kept', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/memory/3');
  const step = () => page.$eval('#app', (a) => a.dataset.step);
  await page.click('#help-button');
  assert.equal(await page.isChecked('#letter-keys'), true, 'on at first');
  assert.equal(await page.getByRole('checkbox', { name: 'Use single-character keys: p, ?, and a deck’s letters in its frames' }).count(), 1, 'a short name, the why described');
  assert.equal(await page.getAttribute('#present-button', 'aria-keyshortcuts'), 'p');
  await page.focus('#letter-keys');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#letter-keys'), false);
  await page.keyboard.press('Escape');
  await page.focus('#next');
  for (const k of ['p', '?']) await page.keyboard.press(k);
  assert.equal(await page.isVisible('#help'), false, '? does not open the help');
  assert.equal(await page.getAttribute('#present-button', 'aria-keyshortcuts'), null, 'no key named that does nothing');
  assert.equal(await page.$eval('#app', (a) => a.hasAttribute('data-present')), false, 'p does not present');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), '4', '→ still steps');
  await page.reload();
  await page.waitForSelector('#view[data-painted="true"]');
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help'), false, 'still off after a reload');
  await page.click('#help-button');
  assert.equal(await page.isChecked('#letter-keys'), false);
  await page.click('#letter-keys');
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await page.waitForSelector('#app[data-present]');
  assert.equal(await page.evaluate(() => localStorage.getItem('go-memory-letter-keys')), null, 'on again, nothing kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus moves on when what held it goes away', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/intro/2');
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  // Back on the story's second step takes it to the first, where Back is disabled.
  await page.focus('#prev');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#prev', (b) => b.disabled), true);
  assert.equal(await active(), 'next');
  // The Present button is hidden by the view it opens; Exit takes over, and back.
  await page.focus('#present-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#app[data-present]');
  assert.equal(await active(), 'present-exit');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#app:not([data-present])');
  assert.equal(await active(), 'present-button');
  // A caption link replaced by the step it led to leaves focus on the caption.
  await page.evaluate(() => { location.hash = '#/intro/1'; });
  await page.waitForFunction(() => document.querySelector('#step-links a'));
  await page.focus('#step-links a');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter !== 'intro');
  assert.equal(await active(), 'caption');
  // Read once, as it takes focus: its live region is quiet for that change,
  // and speaks again from the next.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await page.getAttribute('#caption', 'aria-live'), 'off');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#caption', 'aria-live'), 'polite');
  // `p` on a control the presenter view hides: Exit takes over, and Escape
  // gives focus back to that control.
  await page.focus('#copy-link');
  await page.keyboard.press('p');
  await page.waitForSelector('#app[data-present]');
  assert.equal(await active(), 'present-exit');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#app:not([data-present])');
  assert.equal(await active(), 'copy-link');
  // A dismissed notice hands focus to the caption.
  await page.evaluate(() => { location.hash = '#/gc/999'; });
  await page.waitForSelector('#notice:not([hidden])');
  await page.focus('#notice-close');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#notice[hidden]', { state: 'attached' });
  assert.equal(await active(), 'caption');
  assert.deepEqual(errors, []);
  await context.close();
});

// A slider says only its value, and the caption is quiet while one has
// focus: once the moves rest, what they did is said once, in a few words.
test('a moved slider\'s readout is said once the moves rest', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39');
  assert.equal(await page.getAttribute('#knob-news', 'aria-live'), 'polite');
  assert.equal(await page.textContent('#knob-news'), '', 'nothing to say on opening');
  await page.focus('#gogc');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await untilWritten(page, 'knobNewsPending');
  const said = await page.textContent('#knob-news');
  const stats = await page.textContent('#knob-stats');
  // The results, not the formula worked out above them (thirty words
  // read aloud, with the goal said twice).
  const [formula, results] = stats.split('\n');
  const first = results.split(' \u00b7 ')[0].replace(/\u00a0/g, ' ');
  assert.ok(said.includes(first) && !said.includes('\u00b7'), `said: ${said} / stats: ${stats}`);
  assert.ok(formula.startsWith('goal =') && !said.includes('goal =') && said.split(' ').length <= 20, `said: ${said}`);
  await page.evaluate(() => { location.hash = '#/gc/40'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '40');
  assert.equal(await page.textContent('#knob-news'), '', 'another step: nothing left to say');
  assert.deepEqual(errors, []);
  await context.close();
});

// Playback moves on as a key does: what had focus may go (Next on the
// story's last step, a slider on a step without one), and focus goes on
// to what takes over, never to the page's body.
test('playback hands focus on when what held it goes away', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/next/1');
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await page.selectOption('#speed', '2');
  await page.click('#play');
  await page.focus('#next');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '2', null, { timeout: 20_000 });
  await page.waitForFunction(() => document.getElementById('next').disabled);
  assert.equal(await active(), 'prev');
  // A slider playing on into a step that hides it: the caption takes focus.
  // (Paused first: the story's last step plays out its time.)
  if (await page.$eval('#play', (b) => b.dataset.playing === 'true')) await page.click('#play');
  await page.evaluate(() => { location.hash = '#/gc/44'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '44');
  await page.focus('#gogc');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'escape', null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await active(), 'caption');
  assert.deepEqual(errors, []);
  await context.close();
});

// The caption is quiet while a slider moves only its numbers, and read
// when the step changes, whatever changed it; entering a chapter, it says
// the chapter's title first (out of sight).
test('the caption is read on a new step even from a slider, and names a new chapter', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/gc/39?present');
  await page.focus('#gogc');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('GOGC='));
  assert.equal(await page.getAttribute('#caption', 'aria-live'), 'off', 'a slider\'s own numbers are not read again');
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '40');
  assert.equal(await page.getAttribute('#caption', 'aria-live'), 'polite', 'a new step is read');
  assert.equal(await page.$$eval('#caption .visually-hidden', (s) => s.length), 0, 'the same chapter is not named again');
  // Into the next chapter: its title comes first in the caption's words.
  await page.evaluate(() => { location.hash = '#/intro/7'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '7');
  await page.focus('#next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'memory');
  const title = await page.$eval('#chapter', (s) => s.selectedOptions[0].textContent.replace(/^\d+\.\s*/, ''));
  const said = await page.$eval('#caption', (c) => c.textContent);
  assert.ok(said.startsWith(`${title}. `), `${said} / ${title}`);
  assert.equal(await page.$eval('#caption .visually-hidden', (s) => getComputedStyle(s).position), 'absolute', 'out of sight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$$eval('#caption .visually-hidden', (s) => s.length), 0, 'said once, on entering');
  assert.deepEqual(errors, []);
  await context.close();
});

// With the letter keys off, a keyboard user at 200% zoom (1280 px at 640)
// still has a control that opens the presenter view.
test('the presenter view has a button at 200% zoom; a phone goes without', async () => {
  for (const [width, height, shown] of [[640, 360, true], [760, 600, true], [390, 844, false]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/5', { width, height });
    const box = await page.$eval('#present-button', (b) => { const r = b.getBoundingClientRect(); return r.width > 0 && r.right <= innerWidth; });
    assert.equal(box, shown, `${width}x${height}`);
    if (shown) {
      await page.click('#present-button');
      await page.waitForSelector('#app[data-present]');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the listing and the terminal are named regions; a phone keeps the page heading', async () => {
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/39', { width, height });
    assert.equal(await page.getByRole('region', { name: 'Terminal' }).count(), 1, `${width}: the terminal`);
    assert.equal(await page.getByRole('region', { name: /^Source code/ }).count(), 1, `${width}: the listing`);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `${width}: one h1`);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Go Memory, Through History' }).count(), 1, `${width}: the whole of it`);
    // The chapter's title reaches a screen reader as written, not in the
    // capitals it is drawn in (Chromium's own accessibility tree).
    assert.equal((await axNode(page, '#chapter-title'))?.name?.value, 'Automatic heap management: garbage collection', `${width}: the chapter title`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Served over plain HTTP on another machine's address, a page has no
// clipboard API at all (Copy link threw a TypeError and said nothing): it
// copies the older way, by selection, and where that fails too it offers
// the text to copy by hand.
test('without a clipboard API, copy still copies, or offers the text by hand', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    // What a copy put on the clipboard: the selection in the text area copied from.
    document.addEventListener('copy', () => {
      const a = document.activeElement;
      window.copied = a && 'value' in a ? a.value.slice(a.selectionStart, a.selectionEnd) : String(getSelection());
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${srv.url}#/gc/39?GOGC=200`);
  await page.waitForSelector('#view[data-painted="true"]');
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Link copied');
  assert.match(await page.evaluate(() => window.copied), /#\/gc\/39\?GOGC=200&lang=en$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'copy-link', 'focus stays on the button');
  await page.click('#copy-embed');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Embed code copied');
  assert.match(await page.evaluate(() => window.copied), /^<iframe src=".+#\/gc\/39\?GOGC=200&embed&lang=en"/);
  // Where the document will not copy either, the text is offered by hand.
  await page.evaluate(() => { document.execCommand = () => false; });
  for (const [button, said] of [['#copy-link', /^Copy this link: .+#\/gc\/39\?GOGC=200&lang=en$/], ['#copy-embed', /^Copy this embed code: <iframe src=/]]) {
    await page.click(button);
    await page.waitForFunction(() => !document.getElementById('notice').hidden);
    assert.match(await page.textContent('#notice-text'), said, button);
    await page.click('#notice-close');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy link puts the exact step on the clipboard', async () => {
  const { page, context } = await open(browser, srv.url, '#/stack-heap/7', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).hash, '#/stack-heap/7?lang=en', 'the link names its language');
  await context.close();
});
