// A soak run: autoplay every chapter in a loop, in the page (English) and
// in embed mode (Japanese) side by side, sampling WebAssembly memory and the
// JS heap once a minute, on the first step after forced collections.
// Passes when, after the first five minutes, neither grows by more than 5%
// and the consoles stay clean. Growth is the median of the run's last five
// samples against the median of the five after warm-up: a leak moves both,
// while V8's own compiled code comes and goes a few percent from one minute
// to the next. The highest single sample is printed beside, for comparison.
//
//   node tests/bench/soak.mjs [minutes]      (scripts/soak.sh builds first)
import { serve, launch } from '../e2e/harness.mjs';

const minutes = Number(process.argv[2] ?? 60);
if (!(minutes >= 1)) throw new Error(`minutes must be a number ≥ 1, not ${process.argv[2]}`);
const WARM = Math.min(5, Math.max(1, Math.floor(minutes / 4)));
const LIMIT = 0.05;

const srv = await serve();
const browser = await launch();
const pages = [];
// The page in English, the embedded frame in Japanese.
for (const [name, flags] of [['page', ''], ['embed', '?embed&controls&lang=ja']]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // The wasm instance, for its memory: start.js announces it once started.
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.soakWasm = e.detail.wasm; }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}#/intro/1${flags}`);
  await page.waitForSelector('#view[data-painted="true"]');
  await page.selectOption('#speed', '2').catch(() => {});
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  pages.push({ name, flags, page, cdp, errors, samples: [], loops: 0 });
}

/** Starts playback from the first chapter whenever it has stopped (the story's end). */
async function keepPlaying(p) {
  const playing = await p.page.$eval('#play', (b) => b.dataset.playing === 'true').catch(() => false);
  if (playing) return;
  await p.page.evaluate((h) => { location.hash = h; }, `#/intro/1${p.flags}`);
  await p.page.waitForFunction(() => document.getElementById('app').dataset.chapter === 'intro');
  await p.page.click('#play');
  p.loops++;
}

async function sample(p, minute) {
  // The heap holds the state of the step on screen: measure at the same
  // step each time, then go back to where the story was and play on.
  const app = () => p.page.evaluate(() => ({ ...document.getElementById('app').dataset }));
  const was = await app();
  const playing = await p.page.$eval('#play', (b) => b.dataset.playing === 'true').catch(() => false);
  const go = async (chapter, step) => {
    await p.page.evaluate((h) => { location.hash = h; }, `#/${chapter}/${step}${p.flags}`);
    await p.page.waitForFunction(([c, n]) => document.getElementById('app').dataset.chapter === c && document.getElementById('app').dataset.step === n, [chapter, String(step)]);
  };
  // Paused, so that the measured step stays on screen.
  if (playing) await p.page.click('#play');
  await go('intro', 1);
  // The page's timing lists for the benchmark (capped at 2000 each) would
  // count as growth while they fill: empty them, then measure.
  await p.page.evaluate(() => Object.values(window.goMemoryStats ?? {}).forEach((v) => { if (Array.isArray(v)) v.length = 0; }));
  // Twice: objects held only by weak references go on the second.
  await p.cdp.send('HeapProfiler.collectGarbage');
  await p.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await p.cdp.send('Runtime.getHeapUsage');
  const wasm = await p.page.evaluate(() => window.soakWasm?.memory?.buffer.byteLength ?? 0);
  p.samples.push({ minute, wasm, js: usedSize });
  console.log(`${String(minute).padStart(3)} min  ${p.name.padEnd(5)}  wasm ${(wasm / 1024).toFixed(0).padStart(6)} KiB  js heap ${(usedSize / 1024).toFixed(0).padStart(6)} KiB  story at ${was.chapter}/${was.step}  loops ${p.loops}`);
  if (playing) {
    await go(was.chapter, was.step);
    await p.page.click('#play');
  }
}

// Warm-up: visit every step of every chapter once, so each chapter's
// timeline is built and cached before the clock that counts growth starts.
for (const p of pages) {
  const ids = await p.page.$$eval('#chapter option', (os) => os.map((o) => o.value));
  for (const id of ids) {
    await p.page.evaluate((h) => { location.hash = h; }, `#/${id}/1${p.flags}`);
    await p.page.waitForFunction((id) => document.getElementById('app').dataset.chapter === id, id);
    const steps = Number(await p.page.$eval('#scrubber', (r) => r.max));
    for (let n = 2; n <= steps; n++) {
      await p.page.evaluate((h) => { location.hash = h; }, `#/${id}/${n}${p.flags}`);
      await p.page.waitForFunction((n) => document.getElementById('app').dataset.step === String(n), n);
    }
  }
}

const start = Date.now();
for (const p of pages) await sample(p, 0);
for (let minute = 1; minute <= minutes; minute++) {
  while (Date.now() - start < minute * 60_000) {
    for (const p of pages) await keepPlaying(p);
    await new Promise((ok) => setTimeout(ok, 3000));
  }
  for (const p of pages) await sample(p, minute);
}

let failed = false;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
console.log(`\nAfter the first ${WARM} minutes (limit: +${LIMIT * 100}%):`);
for (const p of pages) {
  const later = p.samples.filter((s) => s.minute >= WARM);
  const window = Math.min(5, Math.max(1, Math.floor(later.length / 2)));
  const first = later.slice(0, window);
  const last = later.slice(-window);
  for (const key of ['wasm', 'js']) {
    const base = median(first.map((s) => s[key]));
    const end = median(last.map((s) => s[key]));
    const growth = end / base - 1;
    const ok = growth <= LIMIT;
    failed ||= !ok;
    const peak = Math.max(...later.map((s) => s[key]));
    const atWarm = later[0][key];
    console.log(`  ${p.name.padEnd(5)} ${key.padEnd(4)} median of minutes ${first[0].minute}–${first.at(-1).minute} ${kib(base)} → of minutes ${last[0].minute}–${last.at(-1).minute} ${kib(end)}: ${(growth * 100).toFixed(1)}%  ${ok ? 'ok' : 'OVER'}` +
      `  (highest sample ${kib(peak)}, ${((peak / atWarm - 1) * 100).toFixed(1)}% over minute ${WARM}'s ${kib(atWarm)})`);
  }
  console.log(`  ${p.name.padEnd(5)} ${p.loops} loops through the story; console: ${p.errors.length ? p.errors.slice(0, 5).join(' | ') : 'clean'}`);
  failed ||= p.errors.length > 0;
}
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
