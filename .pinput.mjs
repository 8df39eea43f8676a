import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
const { page, context } = await open(browser, srv.url, process.env.HASH ?? '#/gc/39');
await page.waitForTimeout(600);
await page.focus(process.env.SEL ?? '#gogc');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
await cdp.send('Profiler.start');
const N = 120;
for (let i = 0; i < N; i++) { await page.keyboard.press(i % 10 < 5 ? 'ArrowRight' : 'ArrowLeft'); await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))); }
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = profile.timeDeltas; const counts = {};
profile.samples.forEach((id, i) => { counts[id] = (counts[id] ?? 0) + (dt[i + 1] ?? 0); });
const self = {}, incl = {};
for (const [id, us] of Object.entries(counts)) {
  const n = byId.get(Number(id)); const name = n.callFrame.functionName || '(anon)';
  self[name] = (self[name] ?? 0) + us / N;
  const seen = new Set(); let cur = Number(id);
  while (cur !== undefined) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl[nm] = (incl[nm] ?? 0) + us / N; } cur = parent.get(cur); }
}
const show = (o, k) => Object.entries(o).filter(([n]) => !/^\((idle|program|root)\)$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([n, v]) => console.log((v / 1000).toFixed(3).padStart(7), n.slice(0, 120)));
console.log('--- self ms/input'); show(self, 25); console.log('--- inclusive ms/input'); show(incl, 45);
await browser.close(); await srv.close();
