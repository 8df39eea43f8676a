// node .trace5.mjs [blank]: trace of a Shift press that changes one character (gogc-out), top-level breakdown
import { serve, launch, open } from './tests/e2e/harness.mjs';
const srv = await serve(process.env.DISTDIR ? { '/': process.env.DISTDIR } : {}); const browser = await launch();
const blankMode = process.argv[2] === 'blank';
const { page, context } = await open(browser, srv.url, '#/gc/39');
if (blankMode) { await page.setContent('<!doctype html><p>GOGC <output id=gogc-out>0</output></p><canvas width=830 height=620></canvas><p id=caption tabindex=0>text</p>'); }
await page.waitForTimeout(500);
await page.focus('#caption');
await page.evaluate(() => { let n = 0; const out = document.getElementById('gogc-out'); addEventListener('keydown', (e) => { if (e.key === 'Shift') out.textContent = String(++n % 10); }, true); });
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((ok) => cdp.on('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink', transferMode: 'ReportEvents' });
const N = 40;
for (let i = 0; i < N; i++) { await page.keyboard.press('Shift'); await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))); }
await cdp.send('Tracing.end'); await done;
const tids = {}; for (const e of events) if (e.name === 'RunTask' && e.dur) tids[e.tid] = (tids[e.tid] ?? 0) + e.dur;
const tid = Number(Object.entries(tids).sort((a, b) => b[1] - a[1])[0][0]);
const xs = events.filter((e) => e.tid === tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const agg = {}; const stack = [];
for (const e of xs) { while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop(); if (stack.length <= 2) { const k = stack.slice(0, 3).map((x) => x.name).concat(e.name).join(' > '); agg[k] = (agg[k] ?? 0) + e.dur; } stack.push(e); }
for (const [k, v] of Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / N / 1000).toFixed(3).padStart(8), k);
await browser.close(); await srv.close();
