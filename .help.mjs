import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
let i = 0;
for (const [hash, w, h] of [['#/gc/5?lang=ja', 1280, 720], ['#/gc/5', 390, 844]]) {
  const { page, context, errors } = await open(browser, srv.url, hash, { width: w, height: h });
  await page.waitForTimeout(400);
  await page.keyboard.press('?');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/help-${i++}.png` });
  console.log(errors);
  await context.close();
}
await browser.close(); await srv.close();
