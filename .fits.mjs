import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
for (const size of ['960x540','1280x720','1920x1080','390x844']) { const [w,h]=size.split('x').map(Number);
 for (const lang of ['en','ja']) {
  const { page, context } = await open(browser, srv.url, `#/case-study/1?present&lang=${lang}`, { width: w, height: h });
  await page.waitForTimeout(300);
  for (const [ch, n] of [['case-study', 8], ['stack-growth', 13], ['escape', 15]]) for (let s = 1; s <= n; s++) {
    await page.evaluate((hh) => { location.hash = hh; }, `#/${ch}/${s}?present&lang=${lang}`);
    await page.waitForTimeout(120);
    const r = await page.evaluate(() => { const s = document.querySelector('.side'); const k = document.querySelector('#knobs'); return [s.scrollHeight, s.clientHeight, !k.hidden, document.querySelector('#view').getBoundingClientRect().height|0]; });
    if (r[0] > r[1] + 1 || r[2]) console.log(size, lang, ch, s, r);
  }
  await context.close();
 }}
await browser.close(); await srv.close();
