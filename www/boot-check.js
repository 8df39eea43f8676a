/*
 * Says why the page is empty when the explainer's own scripts cannot run at
 * all, which start.js (itself one of them) cannot report:
 *
 *  - the page was opened as a file: browsers load no modules and no
 *    WebAssembly from file://, so it must be served (any static server);
 *  - start.js or the wasm-bindgen glue did not load (a partial copy of
 *    dist/, a host that does not serve .js).
 *
 * A classic deferred script before the start-up module: it runs first, and
 * a module that fails to load fires `error` on its <script> at its turn.
 * Everything after that, start.js reports itself.
 */
(function () {
  'use strict';
  function show(why) {
    var panel = document.getElementById('error-panel');
    if (!panel || !panel.hidden) return;
    document.getElementById('error-message').textContent = why;
    // Nothing else on the page was put in a language yet: say it in both.
    var heading = panel.querySelector('h2');
    if (heading) heading.textContent = 'Something went wrong \u00b7 \u554f\u984c\u304c\u767a\u751f\u3057\u307e\u3057\u305f';
    // "Start again from the beginning" cannot help a page whose scripts
    // never ran; the message says what can.
    var again = panel.querySelector('a[href^="#"]');
    if (again) again.parentNode.hidden = true;
    panel.hidden = false;
    var app = document.getElementById('app');
    if (app) app.setAttribute('data-failed', 'true');
  }
  // While loading the page already looks as it will once started, so
  // nothing flips when it does: its language is the link's `lang`, else
  // the browser's first that the explainer speaks (as words::preferred
  // does); a frame's link (`embed`) and the presenter view's (`present`)
  // leave out the page's chrome; the theme is the link's, else (outside a
  // frame) the one this browser remembers (controls.rs), else the system's.
  var app = document.getElementById('app');
  var flags = (location.hash.split('?')[1] || '').split('&').concat(location.search.slice(1).split('&'));
  var lang = '';
  var theme = '';
  for (var i = 0; i < flags.length; i++) {
    var f = decodeFlag(flags[i]);
    var l = f.toLowerCase();
    if (l === 'lang=ja' || l === 'lang=en') lang = lang || l.slice(5);
    if (f === 'theme=dark' || f === 'theme=light') theme = theme || f.slice(6);
    if (f === 'embed' || f === 'present') app.setAttribute('data-' + f, '');
  }
  if (!theme && !app.hasAttribute('data-embed')) {
    try {
      var kept = String(localStorage.getItem('go-memory-theme'));
      if (kept === 'dark' || kept === 'light') theme = kept;
    } catch (e) {
      // Storage refused (a private window): the system's theme.
    }
  }
  if (theme) document.documentElement.setAttribute('data-theme', theme);
  if (!lang) {
    var tags = (navigator.languages || []).concat(navigator.language || '');
    for (var k = 0; k < tags.length && !lang; k++) {
      var primary = String(tags[k]).split(/[-_]/)[0].toLowerCase();
      if (primary === 'ja' || primary === 'en') lang = primary;
    }
  }
  // In Japanese, the status and the header's title (the only words shown
  // while loading; the explainer writes all of them once started).
  if (lang === 'ja') {
    document.documentElement.lang = 'ja';
    document.title = '歴史でたどる Go のメモリ';
    var text = document.getElementById('loading-text');
    if (text) text.textContent = '解説を読み込んでいます…';
    var named = { brand: 'Go のメモリ', 'brand.sub': '歴史でたどる' };
    var spans = document.querySelectorAll('.brand [data-t]');
    for (var n = 0; n < spans.length; n++) {
      var word = named[spans[n].getAttribute('data-t')];
      if (word) spans[n].textContent = word;
    }
  }
  // A reload opens at the top, or on a phone on its side at the picture:
  // the browser's own restoring of the old place came while the page was
  // still loading, shorter, and left it a few pixels down, cutting the bar.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  // A phone on its side opens scrolled to the picture (controls.rs
  // watch_sideways): while loading too, so nothing jumps when it starts.
  var stage = document.getElementById('stage');
  if (stage && !window.scrollY && window.matchMedia && matchMedia('(max-height: 500px) and (orientation: landscape)').matches) {
    window.scrollTo(0, stage.getBoundingClientRect().top);
    app.setAttribute('data-opened-at-picture', '');
  }
  function decodeFlag(f) {
    try {
      return decodeURIComponent(f);
    } catch (e) {
      return f;
    }
  }

  if (location.protocol === 'file:') {
    show(
      'This page was opened as a file, and browsers run no WebAssembly from file:// pages. Serve its folder over HTTP ' +
        '(for example \u201cpython3 -m http.server\u201d in it) and open http://localhost:8000/ — it needs no internet. ' +
        'このページはファイルとして開かれています。ブラウザは file:// のページでは WebAssembly を実行しません。' +
        'このページのフォルダを HTTP で配信し（例：そのフォルダで「python3 -m http.server」を実行）、http://localhost:8000/ を開いてください。インターネット接続は不要です。'
    );
    return;
  }
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target;
      if (!t || t.tagName !== 'SCRIPT') return;
      var src = String(t.getAttribute('src') || '');
      show(
        'The explainer could not load its scripts (' + src + ' or what it imports). Reload the page; if it stays empty, ' +
          'the copy of the site is incomplete. 解説のスクリプト（' + src + '、またはそこから読み込むファイル）を読み込めませんでした。' +
          'ページを再読み込みしてください。それでも何も表示されない場合は、サイトのコピーに欠けているファイルがあります。'
      );
    },
    true
  );
})();
