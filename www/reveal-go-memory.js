/*
 * reveal.js plugin for Go Memory, Through History.
 *
 * Put an explainer frame on a slide and give it a range of steps:
 *
 *   <section>
 *     <iframe data-go-memory data-steps="5-9" src="explainer/#/gc/5?embed"
 *             width="960" height="540" style="border:0"></iframe>
 *   </section>
 *
 * The plugin adds one invisible fragment per further step, so the deck's own
 * next/previous (keys, clicker, touch) step the explainer first and move to
 * the next slide after the last step; overview, PDF export (a page per
 * step) and the speaker view keep working because they are ordinary
 * fragments. Several frames on a slide take their steps one after another.
 * A frame reveal.js loads lazily (`data-src`) works as one with `src`.
 * Register it with Reveal.initialize({ plugins: [ RevealGoMemory ] }).
 *
 * The plugin gives the frame its range (`steps=5-9` in its link), so a
 * viewer who clicked into it steps only within the slide: Next past its last
 * step (Back before its first) moves the deck on, as the deck's own keys
 * would, and the deck takes the keys back.
 *
 * reveal.js itself posts "slide:start" and "slide:stop" to the frames of the
 * slide entered and left: a frame stays on the step it shows (a slide shows
 * one state), and leaving its slide pauses any playback.
 */
(function () {
  'use strict';
  const NS = 'go-memory';
  // The deck's keys a frame passes on (session keys.rs), by reveal.js's key
  // codes: overview, black screen (three keys), full screen, speaker view,
  // jump to a slide.
  const DECK_KEYS = { o: 79, b: 66, '.': 190, v: 86, f: 70, s: 83, g: 71 };

  function range(frame) {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(frame.dataset.steps || '');
    if (!m) return null;
    const from = Number(m[1]);
    const to = Number(m[2]);
    return to >= from && from >= 1 ? { from, to } : null;
  }

  /** The frame's link: `src`, or `data-src` where reveal.js loads it lazily. */
  function linkOf(frame) {
    return frame.getAttribute('src') || frame.getAttribute('data-src') || '';
  }

  function chapterOf(frame) {
    // A chapter's name in any case opens it, as in the frame's own links.
    const m = /#\/([A-Za-z-]+)\/\d/.exec(linkOf(frame));
    return m ? m[1].toLowerCase() : null;
  }

  function goTo(frame, step) {
    const chapter = chapterOf(frame);
    if (!chapter || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ type: NS, version: 1, command: 'goto', chapter, step }, '*');
  }

  /** `frame`'s link with its range in it (`…?embed&steps=5-9`). */
  function withRange(src, r) {
    const hash = src.indexOf('#');
    if (hash < 0 || /[?&]steps=/.test(src)) return src;
    return `${src}${src.indexOf('?', hash) < 0 ? '?' : '&'}steps=${r.from}-${r.to}`;
  }

  /** How many of `frame`'s steps past the first its slide's fragments show. */
  function shown(slide, frame) {
    return slide.querySelectorAll(`.fragment.visible[data-go-memory-step="${frame.dataset.goMemoryId}"]`).length;
  }

  /**
   * The slide's fragment index that shows `step` of `frame`: its own
   * fragments come after the author's (bullets beside the frame), so the
   * author's stay as they are.
   */
  function fragmentFor(slide, frame, step) {
    const r = range(frame);
    const own = slide.querySelectorAll(`.fragment[data-go-memory-step="${frame.dataset.goMemoryId}"]`);
    const index = (f) => Number(f.getAttribute('data-fragment-index'));
    const k = step - r.from;
    return k > 0 ? index(own[k - 1]) : index(own[0]) - 1;
  }

  /** The step of `frame` that the fragments shown in `within` say. */
  function stepShown(within, frame) {
    return range(frame).from + shown(within, frame);
  }

  /** Shows, in the explainer frames of `slide` (all but `except`), the step its fragments say. */
  function sync(slide, except) {
    if (!slide) return;
    slide.querySelectorAll('iframe[data-go-memory]').forEach((frame) => {
      if (frame !== except && range(frame)) goTo(frame, stepShown(slide, frame));
    });
  }

  /**
   * PDF export: reveal.js prints a page per fragment, each a copy of its
   * slide with its own frames, all loading the link's first step. Each
   * copy is pointed at the step its page's fragments show.
   */
  function printSteps(deck) {
    deck.getRevealElement().querySelectorAll('.pdf-page').forEach((page) => {
      page.querySelectorAll('iframe[data-go-memory]').forEach((frame) => {
        if (!range(frame)) return;
        const step = stepShown(page, frame);
        // A lazy frame (`data-src`) is loaded here: a print loads no slide.
        frame.setAttribute('src', linkOf(frame).replace(/#\/([A-Za-z-]+)\/\d+/, `#/$1/${step}`));
      });
    });
  }

  const RevealGoMemory = {
    id: 'go-memory',
    init(deck) {
      let n = 0;
      deck.getRevealElement().querySelectorAll('iframe[data-go-memory]').forEach((frame) => {
        const r = range(frame);
        // A slide that would silently do nothing says why, to the author.
        if (!r || !chapterOf(frame)) {
          console.warn(`go-memory: a frame needs data-steps="first-last" (from 1) and a src naming a chapter and step, like "explainer/#/gc/5?embed"; got data-steps="${frame.dataset.steps || ''}", src="${frame.getAttribute('src') || ''}"`);
          return;
        }
        frame.dataset.goMemoryId = String(++n);
        const slide = frame.closest('section');
        for (let s = r.from + 1; s <= r.to; s++) {
          const f = document.createElement('span');
          f.className = 'fragment go-memory-step';
          f.dataset.goMemoryStep = frame.dataset.goMemoryId;
          f.setAttribute('aria-hidden', 'true');
          f.style.display = 'none';
          slide.appendChild(f);
        }
        // The frame starts at the first step of its range once it loads.
        frame.addEventListener('load', () => sync(slide));
        ['src', 'data-src'].forEach((attr) => {
          const link = frame.getAttribute(attr);
          if (link && withRange(link, r) !== link) frame.setAttribute(attr, withRange(link, r));
        });
      });
      // A frame stepped from inside (a viewer clicked into it and pressed
      // →): while it stays within its range, the slide's fragments follow
      // it, so the deck's next key goes on from there instead of back. The
      // fragments follow without telling the frame back: a goto echoed for
      // an older state (11, when two quick keys had taken it to 12) sent
      // the frame back, and the two could chase each other.
      let following = false;
      window.addEventListener('message', (e) => {
        const d = e.data;
        if (!d || typeof d !== 'object' || d.type !== NS || d.version !== 1) return;
        // A frame that has just started (the deck reloaded on a later step
        // of its slide, or on a later slide; a page of a PDF export) was
        // sent its step before it listened: it is sent it again, wherever
        // its slide is.
        if (d.event === 'ready') {
          const frame = [...deck.getRevealElement().querySelectorAll('iframe[data-go-memory]')].find((f) => f.contentWindow === e.source);
          if (frame && range(frame)) goTo(frame, stepShown(frame.closest('section'), frame));
          return;
        }
        const slide = deck.getCurrentSlide();
        if (!slide || ![...slide.querySelectorAll('iframe')].some((f) => f.contentWindow === e.source)) return;
        // A viewer stepped past the frame's range from inside it, or swiped
        // across a frame that shows one fixed state (any frame on the slide,
        // stepped by this plugin or not): the deck moves on.
        if (d.event === 'next') return deck.next();
        if (d.event === 'prev') return deck.prev();
        // Esc in the frame, which has no use for it: the deck's overview,
        // with the keys back.
        if (d.event === 'escape') {
          giveBack();
          return deck.toggleOverview();
        }
        // One of the deck's own keys, pressed in the frame: the deck acts
        // on it as if pressed on the slide, and has the keys back.
        if (d.event === 'key' && typeof d.key === 'string' && Object.prototype.hasOwnProperty.call(DECK_KEYS, d.key)) {
          giveBack();
          return deck.triggerKey(DECK_KEYS[d.key]);
        }
        const frame = [...slide.querySelectorAll('iframe[data-go-memory]')].filter(range).find((f) => f.contentWindow === e.source);
        if (!frame || d.event !== 'state' || typeof d.step !== 'number') return;
        const r = range(frame);
        if (d.step < r.from || d.step > r.to) return;
        if (d.step - r.from === shown(slide, frame)) return;
        following = true;
        try {
          deck.navigateFragment(fragmentFor(slide, frame, d.step));
        } finally {
          following = false;
        }
        // The slide's other frames take the steps the fragments now say:
        // their steps come one frame after another, so a frame stepped
        // from inside shows those before it on their last step and those
        // after it on their first, as the deck's own keys would have.
        sync(slide, frame);
      });
      const current = () => {
        if (!following) sync(deck.getCurrentSlide());
      };
      deck.on('fragmentshown', current);
      deck.on('fragmenthidden', current);
      deck.on('slidechanged', current);
      // A frame left with the keyboard focus (any frame: a plain one too)
      // would keep the deck's keys, a clicker's too, on a slide no longer
      // shown.
      function giveBack() {
        const held = document.activeElement;
        if (held && held.tagName === 'IFRAME') {
          held.blur();
          window.focus();
        }
      }
      deck.on('slidechanged', () => {
        if (!deck.getCurrentSlide().contains(document.activeElement)) giveBack();
      });
      // In the overview a click on a slide's thumbnail must choose the
      // slide, not land in its frame.
      deck.on('overviewshown', () => {
        giveBack();
        deck.getRevealElement().querySelectorAll('iframe').forEach((f) => f.style.setProperty('pointer-events', 'none'));
      });
      deck.on('overviewhidden', () => {
        deck.getRevealElement().querySelectorAll('iframe').forEach((f) => f.style.removeProperty('pointer-events'));
      });
      deck.on('ready', current);
      deck.on('pdf-ready', () => printSteps(deck));
    },
  };

  if (typeof module === 'object' && module.exports) module.exports = RevealGoMemory;
  else window.RevealGoMemory = RevealGoMemory;
})();
