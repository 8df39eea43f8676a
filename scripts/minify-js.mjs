// Trunk post-build hook: minifies the page's JavaScript in release builds
// (Trunk minifies HTML and CSS but not the wasm-bindgen glue or the deck
// plugin it copies). Export names and property names stay as they are: the
// start-up module and decks import by name, and the wasm imports its
// functions by property name.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk post_build hook');
if (process.env.TRUNK_PROFILE === 'release') {
  for (const [file, module] of [['explainer-web.js', true], ['reveal-go-memory.js', false], ['boot-check.js', false]]) {
    const path = join(dir, file);
    const { code } = await minify(await readFile(path, 'utf8'), { module, compress: true, mangle: true, format: { comments: false } });
    await writeFile(path, code);
  }
}
