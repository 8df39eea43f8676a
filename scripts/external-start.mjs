// Trunk post-build hook: moves the start-up module Trunk writes inline into
// index.html out to start.js, so the page's Content-Security-Policy can
// allow scripts from 'self' only (no 'unsafe-inline').
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk post_build hook');
const page = join(dir, 'index.html');
const html = await readFile(page, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const found = inline.exec(html);
if (!found) throw new Error('index.html has no inline start-up module to move');
await writeFile(join(dir, 'start.js'), found[1].trim() + '\n');
const out = html.replace(inline, '<script type="module" src="./start.js"></script>');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script is left in index.html');
await writeFile(page, out);
