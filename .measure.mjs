import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
const [w,h]=(process.env.SIZE??'960x540').split('x').map(Number);
for (const hash of process.argv.slice(2)) {
  const { page, context } = await open(browser, srv.url, hash, { width: w, height: h });
  await page.waitForTimeout(400);
  console.log(hash, await page.evaluate(() => { const r=document.querySelector('#view').getBoundingClientRect(); const s=document.querySelector('.side'); return [r.width, r.height, s.scrollHeight, s.clientHeight]; }));
  await context.close();
}
await browser.close(); await srv.close();
