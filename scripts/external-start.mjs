// Trunk post-build hook: moves the start-up module Trunk writes inline into
// index.html out to start.js, so the page's Content-Security-Policy can
// allow scripts from 'self' only (no 'unsafe-inline').
//
// start.js keeps Trunk's static import of the wasm-bindgen glue (a dynamic
// one starts the wasm's fetch later: about 15 ms more to the first frame)
// and runs the rest inside a try: if the explainer cannot start (no
// WebAssembly, a wasm that failed to load, an error before the first
// picture), the page's error panel says so instead of an empty page.
import { readFile, writeFile } from 'node:fs/promises';
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
const body = found[1].slice(parts[0].length).trim();
const start = `${parts[0]}try {
  ${body.split('\n').join('\n  ')}
} catch (e) {
  // A panic has already filled the panel with its own message.
  const panel = document.getElementById('error-panel');
  if (panel && panel.hidden) {
    const why = String(e && e.message ? e.message : e);
    document.getElementById('error-message').textContent =
      \`The explainer could not start (\${why}). It needs JavaScript and WebAssembly: reload the page, or open it in a current browser. \` +
      \`解説を開始できませんでした（\${why}）。JavaScript と WebAssembly が必要です。ページを再読み込みするか、最新のブラウザで開いてください。\`;
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
