// Japanese, end to end in Chromium: every step of every chapter by deep link
// in `ja` (a screenshot each, the page's words and the canvas's in Japanese,
// a clean console); every label the canvas draws measured with the real font
// against the width the layouts allowed it; `lang` kept through navigation,
// copy link, copy embed, embed mode and the language menu; the browser's
// language on first open; a bad `lang` gets a notice and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settle, screenshot, chapterIndex, hashOf } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

// Records every label the canvas draws, with the real font's width of it.
const RECORD = () => {
  window.drawnText = new Map();
  window.drawnStep = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    window.drawnStep.push(text);
    const key = `${this.font}|${text}`;
    if (!window.drawnText.has(key)) window.drawnText.set(key, { text, font: this.font, width: this.measureText(text).width });
    return fill.call(this, text, x, y, ...rest);
  };
};

// The layouts' width of a label (memview's Metrics::width): 0.62 em per
// character, a Japanese one counting as 1.65 of them.
const wide = (c) => {
  const u = c.codePointAt(0);
  return (u >= 0x1100 && u <= 0x115f) || (u >= 0x2e80 && u <= 0x303e) || (u >= 0x3041 && u <= 0x33ff) || (u >= 0x3400 && u <= 0x4dbf)
    || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xa000 && u <= 0xa4cf) || (u >= 0xac00 && u <= 0xd7a3) || (u >= 0xf900 && u <= 0xfaff)
    || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xff60) || (u >= 0xffe0 && u <= 0xffe6) || (u >= 0x20000 && u <= 0x3fffd);
};
const modelWidth = (text, font) => {
  const size = Number(/([\d.]+)px/.exec(font)[1]);
  return [...text].reduce((w, c) => w + (wide(c) ? 1.65 : 1), 0) * 0.62 * size;
};

/** Labels the real font draws wider than the layout allowed. */
const overflows = (drawn) => drawn
  .filter(({ text, font, width }) => width > modelWidth(text, font) + 0.5)
  .map(({ text, font, width }) => `${JSON.stringify(text)} at ${font}: ${width.toFixed(1)} px > ${modelWidth(text, font).toFixed(1)} px`);

for (const [size, shots] of [[{ width: 1280, height: 720 }, true], [{ width: 390, height: 844 }, false]]) {
  test(`every step of every chapter in Japanese at ${size.width}x${size.height}`, async () => {
    // Without motion each step is drawn at once: the final pictures are the
    // ones measured and photographed.
    const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce' });
    await context.addInitScript(RECORD);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${srv.url}#/intro/1?lang=ja`);
    await page.waitForSelector('#view[data-painted="true"]');
    const index = await chapterIndex(page);
    const problems = [];
    let visited = 0;
    for (const [id, steps] of index) {
      for (let n = 1; n <= steps; n++) {
        await page.evaluate((h) => { window.drawnStep = []; location.hash = h; }, `#/${id}/${n}?lang=ja`);
        await page.waitForFunction(([c, s]) => document.getElementById('app').dataset.chapter === c && document.getElementById('app').dataset.step === String(s), [id, n]);
        await settle(page);
        const shown = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          caption: document.getElementById('caption').textContent,
          desc: document.getElementById('state-desc').textContent,
          title: document.title,
          next: document.querySelector('#next [data-t]').textContent,
          canvas: window.drawnStep.join(' '),
        }));
        const where = `${id}/${n}`;
        if (shown.lang !== 'ja') problems.push(`${where}: <html lang=${shown.lang}>`);
        for (const k of ['caption', 'desc', 'title', 'canvas']) if (!JAPANESE.test(shown[k])) problems.push(`${where}: ${k} not Japanese: ${shown[k].slice(0, 80)}`);
        if (shown.next !== '次へ') problems.push(`${where}: Next reads ${shown.next}`);
        if (shots) await screenshot(page, `ja/${id}-${n}`);
        visited++;
      }
    }
    const drawn = await page.evaluate(() => [...window.drawnText.values()]);
    assert.ok(visited > 130, `visited ${visited} steps`);
    assert.ok(drawn.filter((d) => JAPANESE.test(d.text)).length > 200, `the canvas drew ${drawn.length} labels, few in Japanese`);
    assert.deepEqual(problems, []);
    assert.deepEqual(overflows(drawn), [], 'every label fits the width its layout gave it');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('lang rides along through navigation, copy link, copy embed, embed mode and the switch', async () => {
  const { page, context, errors, outside } = await open(browser, srv.url, '#/stack-heap/3?lang=ja', { permissions: ['clipboard-read', 'clipboard-write'] });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.equal(await page.textContent('#help-title'), 'キーボード操作');
  assert.equal(await page.getAttribute('#copy-link', 'title'), 'このステップへのリンクをコピーします');
  assert.match(await page.textContent('#chapter option[value="gc"]'), /^5\. .*ガベージコレクション/);
  await page.click('#next');
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '4');
  assert.equal(await hashOf(page), '#/stack-heap/4?lang=ja');
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
  assert.equal(await page.textContent('#copy-status'), 'リンクをコピーしました');
  assert.equal(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash, '#/stack-heap/4?lang=ja');
  await page.click('#copy-embed');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /#\/stack-heap\/4\?embed&amp;lang=ja"|#\/stack-heap\/4\?embed&lang=ja"/);
  // Titled by chapter and step, so frames in one deck are told apart.
  assert.match(snippet, /title="[^"]+ · ステップ 4\/25 — 歴史でたどる Go のメモリ"/);

  // The switch offers English, in English, and changes in place: same
  // step, every word in the other language.
  assert.deepEqual(await page.$eval('#lang-name', (b) => [b.textContent, b.lang]), ['English', 'en']);
  assert.equal(await page.$eval('#lang', (b) => b.lang), '', 'its tooltip in the page\'s language');
  const caption = await page.textContent('#caption');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await hashOf(page), '#/stack-heap/4?lang=en');
  assert.equal(await page.getAttribute('#app', 'data-step'), '4');
  assert.doesNotMatch(await page.textContent('#caption'), JAPANESE);
  assert.notEqual(await page.textContent('#caption'), caption);
  assert.equal(await page.textContent('#help-title'), 'Keyboard');
  assert.deepEqual(await page.$eval('#lang-name', (b) => [b.textContent, b.lang]), ['日本語', 'ja']);
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  assert.equal(await page.textContent('#caption'), caption);
  // Sliders keep their values; their labels change language.
  await page.evaluate(() => { location.hash = '#/gc/39?GOGC=50&lang=ja'; });
  await page.waitForFunction(() => document.getElementById('app').dataset.step === '39');
  await page.focus('#lang');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await hashOf(page), '#/gc/39?GOGC=50&lang=en');
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, [], 'Japanese uses the system fonts: nothing is fetched from elsewhere');
  await context.close();

  const embed = await open(browser, srv.url, '#/stack-heap/4?embed&caption&lang=ja', { width: 960, height: 540 });
  assert.equal(await embed.page.evaluate(() => document.documentElement.lang), 'ja');
  assert.match(await embed.page.textContent('#caption'), JAPANESE);
  assert.deepEqual(embed.errors, []);
  await embed.context.close();
});

test("without lang, the browser's language decides on first open", async () => {
  for (const [locale, lang] of [['ja-JP', 'ja'], ['en-US', 'en'], ['fr-FR', 'en']]) {
    const { page, context, errors } = await open(browser, srv.url, '#/gc/2', { locale });
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, locale);
    assert.equal(await page.$eval('#lang', (b) => b.dataset.lang), lang === 'ja' ? 'en' : 'ja', 'the switch offers the other');
    assert.equal(await hashOf(page), '#/gc/2', 'the browser\'s own language needs no parameter');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Rewriting index.html's words with the same words cost a DOM call each and
// dirtied their layout before the first frame.
test("an English page opens without rewriting index.html's own words; a Japanese one rewrites them", async () => {
  for (const [hash, japanese] of [['#/gc/2', false], ['#/gc/2?lang=ja', true]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    // From the end of parsing (the parser's own insertions are not rewrites)
    // until the first picture: each word element written, by its key.
    await context.addInitScript(() => {
      window.rewritten = [];
      // A text's key for a text written, an attribute's for an attribute.
      const KEY = { 'aria-label': 'data-t-aria', title: 'data-t-title' };
      const seen = new MutationObserver((list) => {
        for (const m of list) {
          const el = m.type === 'characterData' ? m.target.parentElement : m.target;
          const key = el?.getAttribute?.(m.type === 'attributes' ? KEY[m.attributeName] : 'data-t');
          if (key != null && !document.querySelector('#view[data-painted="true"]')) window.rewritten.push(key);
        }
      });
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        seen.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title'] });
      });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(srv.url + hash);
    await page.waitForSelector('#view[data-painted="true"]');
    await page.waitForTimeout(50);
    const rewritten = await page.evaluate(() => window.rewritten);
    if (japanese) {
      assert.ok(rewritten.includes('brand') && rewritten.includes('stage.aria') && rewritten.includes('lang.title'), `rewritten: ${rewritten.join(' ')}`);
      assert.equal(await page.textContent('.brand .sub'), '歴史でたどる');
    } else {
      assert.deepEqual(rewritten, [], 'no word of index.html written again');
      assert.equal(await page.textContent('.brand .sub'), 'Through History');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a bad lang gets a notice and English', async () => {
  for (const bad of ['xx', '%3Cimg%20src=x%20onerror=alert(1)%3E']) {
    const { page, context, errors } = await open(browser, srv.url, `#/gc/3?lang=${bad}`, { locale: 'ja-JP' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // boot-check.js had put the loading page in the browser's Japanese.
    assert.equal(await page.textContent('.brand .sub'), 'Through History');
    assert.equal(await page.isVisible('#notice'), true);
    assert.match(await page.textContent('#notice-text'), /There is no language .* showing English/);
    assert.equal(await page.$$eval('#notice img', (i) => i.length), 0, 'quoted as text, not markup');
    assert.equal(await hashOf(page), '#/gc/3?lang=en');
    assert.equal(await page.getAttribute('#app', 'data-step'), '3');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// A link written as a plain page's (`/?lang=ja#/gc/5`, `/?embed#/…`) was
// read as if it had no parameters.
test('parameters before the hash count, and move into it', async () => {
  for (const [link, hash, lang, embed] of [
    ['?lang=ja#/gc/5', '#/gc/5?lang=ja', 'ja', false],
    ['?lang=ja#/gc/5?lang=en', '#/gc/5?lang=en', 'en', false],
    ['?embed&caption#/gc/39?GOGC=200', '#/gc/39?GOGC=200&embed&caption', 'en', true],
    ['?lang=ja', '#/intro/1?lang=ja', 'ja', false],
    // What a site or a newsletter adds to count clicks is not the page's, and says nothing.
    ['?fbclid=IwAR0x&utm_source=news&utm_medium=email&lang=ja#/gc/39?GOGC=off', '#/gc/39?GOGC=off&lang=ja', 'ja', false],
    ['?fbclid=IwAR0x#/gc/39', '#/gc/39', 'en', false],
  ]) {
    const { page, context, errors } = await open(browser, srv.url, link, { locale: 'en-US' });
    await settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, link);
    assert.equal(await page.evaluate(() => location.search), '', `${link}: the query moved`);
    assert.equal(await hashOf(page), hash, link);
    assert.equal(await page.evaluate(() => document.getElementById('app').hasAttribute('data-embed')), embed, link);
    assert.equal(await page.isVisible('#notice'), false, `${link}: no notice`);
    assert.deepEqual(errors, [], link);
    await context.close();
  }
});

test('in Japanese the listing\'s comments are translated and every line stays where it was', async () => {
  const { page, context, errors } = await open(browser, srv.url, '#/escape/3');
  const listing = () => page.$eval('#code code:not([hidden])', (c) => ({
    id: c.id,
    lines: [...c.querySelectorAll('.line')].map((l) => l.textContent),
    current: c.querySelector('.line.current')?.dataset.line,
    // How wide the code is set: the first line with code and no comment.
    width: (() => {
      const line = [...c.querySelectorAll('.line')].find((l) => /\w/.test(l.textContent) && !l.textContent.includes('//'));
      const r = document.createRange();
      r.selectNodeContents(line);
      return r.getBoundingClientRect().width;
    })(),
  }));
  const en = await listing();
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await settle(page);
  const ja = await listing();
  assert.notEqual(ja.id, en.id, 'a listing of its own');
  assert.equal(ja.lines.length, en.lines.length, 'as many lines');
  assert.equal(ja.current, en.current, 'the step\'s line is the same line');
  // In the page's monospace font in both languages: the browser's generic
  // one (the <code> element's own style) follows the language, and on Linux
  // set a Japanese page's code in a CJK font a fifth narrower.
  assert.equal(ja.width, en.width, 'the code is set in the same font');
  let translated = 0;
  en.lines.forEach((line, i) => {
    const at = line.indexOf('// ');
    if (at < 0) return assert.equal(ja.lines[i], line, `line ${i + 1}: code as compiled`);
    assert.equal(ja.lines[i].slice(0, at + 3), line.slice(0, at + 3), `line ${i + 1}: the code before the comment`);
    assert.match(ja.lines[i].slice(at + 3), JAPANESE, `line ${i + 1}: its comment in Japanese`);
    translated++;
  });
  assert.ok(translated >= 10, `comments translated (${translated})`);
  // Comments in Japanese are set upright: CJK has no italic.
  assert.equal(await page.$eval('#code code:not([hidden]) .tok-cm', (c) => getComputedStyle(c).fontStyle), 'normal');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual((await listing()).lines, en.lines, 'back in English, the file as written');
  assert.deepEqual(errors, []);
  await context.close();
});

test("in Japanese the terminal's tool output is marked English and its comments Japanese", async () => {
  // A screen reader reads a part in the language it is marked with: the
  // tools' English output in a Japanese voice was read letter by letter.
  const { page, context, errors } = await open(browser, srv.url, '#/case-study/1?lang=ja');
  const terminal = () => page.evaluate(() => {
    const pre = document.getElementById('terminal');
    const outside = [...pre.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
    return { lang: pre.getAttribute('lang'), spans: [...pre.querySelectorAll('span')].map((s) => [s.lang, s.textContent]), outside, text: pre.textContent };
  });
  const ja = await terminal();
  assert.equal(ja.lang, 'en', 'the block is English');
  assert.ok(ja.spans.length >= 1, 'its comment lines are spans of their own');
  for (const [lang, text] of ja.spans) {
    assert.equal(lang, 'ja');
    assert.match(text, /^# .*[\u3040-\u30ff\u4e00-\u9fff]/, `a Japanese comment line: ${text}`);
  }
  assert.doesNotMatch(ja.outside, JAPANESE, 'no Japanese outside the spans');
  assert.match(ja.outside, /allocs\/op/, 'the tool output is there');
  // The same step in English: one text, no marks (the page is English).
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await terminal();
  assert.equal(en.lang, null);
  assert.deepEqual(en.spans, []);
  assert.equal(en.outside, en.text);
  assert.doesNotMatch(en.text, JAPANESE);
  assert.deepEqual(errors, []);
  await context.close();
});
