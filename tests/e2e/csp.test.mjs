// The page runs under a strict Content-Security-Policy: scripts from the
// page's own origin only (plus WebAssembly compilation), nothing inline.
// Every step of every chapter, in the page and in embed mode, is visited
// while listening for policy violations; there must be none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, chapterIndex } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const LISTEN = () => {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test('the policy allows no inline script', async () => {
  const { page, context } = await open(browser, srv.url, '#/intro/1');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  const scripts = /script-src ([^;]*)/.exec(csp)?.[1].trim();
  assert.equal(scripts, "'self' 'wasm-unsafe-eval'");
  assert.equal(await page.$$eval('script:not([src])', (s) => s.length), 0, 'no inline <script> in the page');
  await context.close();
});

for (const mode of ['', '?embed&caption&controls']) {
  test(`no policy violation on any step${mode ? ' in embed mode' : ''}`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(LISTEN);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${srv.url}#/intro/1${mode}`);
    await page.waitForSelector('#view[data-painted="true"]');
    const index = await chapterIndex(page);
    let visited = 0;
    for (const [id, steps] of index) {
      for (let n = 1; n <= steps; n++) {
        await page.evaluate((h) => { location.hash = h; }, `#/${id}/${n}${mode}`);
        await page.waitForFunction(([c, s]) => document.getElementById('app').dataset.chapter === c && document.getElementById('app').dataset.step === String(s), [id, n]);
        visited++;
      }
    }
    assert.ok(visited > 130, `visited ${visited} steps`);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
