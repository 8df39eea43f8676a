import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
const { page } = await open(browser, srv.url, process.argv[2]);
await page.waitForTimeout(500);
console.log(await page.evaluate((s) => document.querySelector(s).outerHTML, process.argv[3]));
await browser.close(); await srv.close();
