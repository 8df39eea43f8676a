// Trunk post-build hook: moves the start-up module Trunk writes inline into
// index.html out to start.js, so the page's Content-Security-Policy can
// allow scripts from 'self' only (no 'unsafe-inline').
//
// start.js keeps Trunk's static import of the wasm-bindgen glue (a dynamic
// one starts the wasm's fetch later: about 15 ms more to the first frame)
// and runs the rest inside a try: if the explainer cannot start (no
// WebAssembly, a wasm that failed to load, an error before the first
// picture), the page's error panel says so instead of an empty page.
//
// It also fills the loading bar: a copy of the wasm's response is read as
// it arrives and counted against the file's size as built. A host that
// compresses the file sends fewer bytes, but the stream yields them
// decompressed, so the count still ends at that size. The response itself
// goes to the compiler untouched (a stream rebuilt in JS would lose the
// browser's cache of the compiled module, which is keyed by its URL).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk post_build hook');
const page = join(dir, 'index.html');
const html = await readFile(page, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const found = inline.exec(html);
if (!found) throw new Error('index.html has no inline start-up module to move');

// Trunk's module: `import init, * as bindings from './x.js';` then its body.
const glue = /^\s*import init, \* as bindings from '([^']+)';\n/;
const parts = glue.exec(found[1]);
if (!parts) throw new Error(`Trunk's start-up module has changed shape; update scripts/external-start.mjs:\n${found[1]}`);
const wasmPath = /module_or_path: '([^']+\.wasm)'/;
const wasm = wasmPath.exec(found[1]);
if (!wasm) throw new Error(`Trunk's start-up module no longer names the wasm as module_or_path; update scripts/external-start.mjs:\n${found[1]}`);
const { size } = await stat(join(dir, wasm[1]));
const body = found[1].slice(parts[0].length).trim().replace(wasmPath, `module_or_path: counted('$1', ${size})`);
const start = `${parts[0]}function counted(url, size) {
  return fetch(url).then((r) => {
    const bar = document.getElementById('loading-bar');
    if (r.ok && r.body && bar) {
      const reader = r.clone().body.getReader();
      let got = 0;
      const read = () => reader.read().then(({ done, value }) => {
        if (done) return;
        got += value.byteLength;
        bar.value = Math.min(1, got / size);
        return read();
      });
      read().catch(() => {});
    }
    return r;
  });
}
try {
  ${body.split('\n').join('\n  ')}
} catch (e) {
  // A panic has already filled the panel with its own message.
  const panel = document.getElementById('error-panel');
  if (panel && panel.hidden) {
    const why = String(e && e.message ? e.message : e);
    document.getElementById('error-message').textContent =
      \`The explainer could not start (\${why}). It needs JavaScript and WebAssembly: reload the page, or open it in a current browser. \` +
      \`解説を開始できませんでした（\${why}）。JavaScript と WebAssembly が必要です。ページを再読み込みするか、最新のブラウザで開いてください。\`;
    // As boot-check.js does: the heading in both languages, and no "start
    // again" link, which cannot help a page whose explainer never started.
    const heading = panel.querySelector('h2');
    if (heading) heading.textContent = 'Something went wrong \u00b7 \u554f\u984c\u304c\u767a\u751f\u3057\u307e\u3057\u305f';
    const again = panel.querySelector('a[href^="#"]');
    if (again) again.parentNode.hidden = true;
    panel.hidden = false;
    document.getElementById('app')?.setAttribute('data-failed', 'true');
  }
  throw e;
}
`;
await writeFile(join(dir, 'start.js'), start);
const out = html.replace(inline, '<script type="module" src="./start.js"></script>');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script is left in index.html');
await writeFile(page, out);
