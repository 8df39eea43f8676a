import { serve, launch, open } from './tests/e2e/harness.mjs';
const [w,h]=(process.env.SIZE??'844x390').split('x').map(Number);
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
let i=0;
for (const hash of process.argv.slice(2)) {
  const { page, context, errors } = await open(browser, srv.url, hash, { width: w, height: h, ...(process.env.MOBILE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  await page.waitForTimeout(700);
  if (process.env.NEXT) { for (let k=0;k<Number(process.env.NEXT);k++){ await page.click('#next'); await page.waitForTimeout(400);} }
  await page.screenshot({ path: `/tmp/full-${i}.png`, fullPage: !process.env.VIEW });
  console.log(`/tmp/full-${i}.png`, hash, errors.length ? errors : 'clean', await page.evaluate(() => [document.documentElement.scrollHeight, scrollY]));
  await context.close(); i++;
}
await browser.close(); await srv.close();
