import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
for (const [w, h] of [[1280, 720], [960, 540], [1920, 1080]]) {
  const { page, context } = await open(browser, srv.url, '#/gc/36?present', { width: w, height: h });
  await page.waitForTimeout(300);
  const out = [];
  for (const s of ['gc/36', 'gc/38', 'gc/39', 'gc/40', 'escape/14', 'escape/15', 'stack-growth/10', 'stack-growth/11', 'case-study/1', 'memory/3']) {
    await page.evaluate((hh) => { location.hash = hh; }, `#/${s}?present`);
    await page.waitForTimeout(150);
    out.push(`${s}:${(await page.$eval('#view', (c) => c.getBoundingClientRect().height)).toFixed(0)}`);
  }
  console.log(w, h, out.join(' '));
  await context.close();
}
await browser.close(); await srv.close();
