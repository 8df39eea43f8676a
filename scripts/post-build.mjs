// Trunk post-build hook: the steps that rewrite the staged site, one after
// another. Trunk starts a stage's hooks together, and two that each read
// and rewrite index.html would race: the later write loses the earlier's
// change (a build once kept Trunk's inline start-up script, which the CSP
// then refused).
await import('./external-start.mjs');
await import('./inline-icon.mjs');
await import('./minify-js.mjs');
