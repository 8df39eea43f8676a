import { serve, launch } from './tests/e2e/harness.mjs';
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
const hash = process.argv[2] ?? '#/gc/39';
for (let r = 0; r < 3; r++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await ctx.addInitScript(() => {
    const d = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font');
    window.fontLog = [];
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', { get: d.get, set(v) { const t = performance.now(); d.set.call(this, v); window.fontLog.push([v, +(performance.now() - t).toFixed(2), +t.toFixed(1)]); }, configurable: true });
  });
  const page = await ctx.newPage();
  await page.goto(srv.url + 'icon.png');
  await page.goto(srv.url + hash);
  await page.waitForSelector('#view[data-painted="true"]');
  const t = await page.evaluate(() => ({ n: document.querySelectorAll('*').length, log: window.fontLog.slice(0, 30), total: window.fontLog.reduce((a, x) => a + x[1], 0), count: window.fontLog.length, ff: window.goMemoryStats.firstFrame[0] }));
  console.log(JSON.stringify(t));
  await ctx.close();
}
await browser.close(); await srv.close();
