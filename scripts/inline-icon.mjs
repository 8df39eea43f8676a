// Trunk post-build hook: puts the favicon into index.html as a data: URL
// and drops the file.
//
// Chromium fetches a page's favicon again at every same-document
// navigation, and each step rewrites the link: one request per step, each
// leaving a resource-timing entry in the page (and, under DevTools, a
// network record) until the buffers fill. A page left playing in a deck
// piled up hundreds. A data: URL is never fetched (the CSP's img-src
// allows data:).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk post_build hook');
const page = join(dir, 'index.html');
const html = await readFile(page, 'utf8');
// Trunk's copy of `<link data-trunk rel="icon" href="icon.png">`, its
// attributes in any order and quoting (release builds minify the HTML).
const link = /<link\b[^>]*\brel="?icon"?[^>]*>/;
const found = link.exec(html);
if (!found) throw new Error('index.html has no <link rel="icon">; update scripts/inline-icon.mjs');
const href = /\bhref="?(?:\.\/)?([^"\s>]+\.png)"?/.exec(found[0]);
if (!href) throw new Error(`the icon link no longer names a PNG: ${found[0]}`);
const png = await readFile(join(dir, href[1]));
await writeFile(page, html.replace(link, `<link rel="icon" href="data:image/png;base64,${png.toString('base64')}">`));
await rm(join(dir, href[1]));
