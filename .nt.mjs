import { serve, launch } from './tests/e2e/harness.mjs';
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
const hash = process.argv[2] ?? '#/gc/39';
for (let r = 0; r < Number(process.env.R ?? 6); r++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(srv.url + 'icon.png');
  await page.goto(srv.url + hash);
  await page.waitForSelector('#view[data-painted="true"]');
  const t = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), [e.startTime, e.responseEnd].map((x) => x.toFixed(0)).join('-')]));
    const s = window.goMemoryStats;
    return { resp: n.responseEnd.toFixed(0), dcl: n.domContentLoadedEventStart.toFixed(0), ...res, start: s.start[0].toFixed(0), ready: s.ready[0].toFixed(0), ff: s.firstFrame[0].toFixed(0) };
  });
  console.log(JSON.stringify(t));
  await ctx.close();
}
await browser.close(); await srv.close();
