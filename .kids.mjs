import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(); const browser = await launch();
const [w,h]=(process.env.SIZE??'900x768').split('x').map(Number);
const { page, context } = await open(browser, srv.url, process.argv[2], { width: w, height: h });
await page.waitForTimeout(300);
if (process.env.NEXT) { await page.click('#next'); await page.waitForTimeout(300); }
console.log(await page.evaluate(() => [...document.querySelectorAll('.controls *')].filter(e=>e.offsetParent).map(e => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().top)}+${Math.round(e.getBoundingClientRect().height)} w${Math.round(e.getBoundingClientRect().width)}`).join('\n')));
await browser.close(); await srv.close();
