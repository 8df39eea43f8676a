import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
for (const lang of ['en','ja']) for (const w of [761, 800, 850, 900, 950, 1000, 1024, 1100, 1180, 1199, 1200, 1280]) {
  const { page, context } = await open(browser, srv.url, `#/intro/1?lang=${lang}`, { width: w, height: 768 });
  await page.waitForTimeout(300);
  const a = await page.evaluate(() => [document.querySelector('.controls').getBoundingClientRect().height|0, !document.getElementById('hint').hidden, document.querySelector('#view').getBoundingClientRect().height|0]);
  await page.click('#next'); await page.waitForTimeout(300);
  const b = await page.evaluate(() => [document.querySelector('.controls').getBoundingClientRect().height|0, !document.getElementById('hint').hidden, document.querySelector('#view').getBoundingClientRect().height|0]);
  console.log(lang, w, a, b);
  await context.close();
}
await browser.close(); await srv.close();
