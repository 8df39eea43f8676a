//! The one place the page around the canvas is written: each element from
//! one field of the session's [`Page`], and only when that field changed
//! (a terminal text held back while off screen is written later by
//! `terminal.rs`).
//! All text goes in as text (a Text node's data or textContent), never as
//! markup.

use crate::{controls, dom, knob_news, listing, sliders, terminal, url, words};
use chapters::Chapter;
use session::{Page, Words};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// Writes what differs between `page` and `old` (everything when `old` is
/// `None`).
pub fn page(page: &Page, old: Option<&Page>, chapters: &[Chapter]) {
    // Another language rewrites every word.
    let first = old.is_none();
    let old = old.filter(|o| o.lang == page.lang);
    if old.is_none() && !(first && words::already(page.lang)) {
        words::apply(page.lang, chapters);
    }
    let changed = |f: &dyn Fn(&Page) -> bool| old.is_none_or(f);
    if changed(&|o| o.chapter_id != page.chapter_id) {
        build_ticks(page.total);
        if let Ok(s) = dom::typed::<HtmlSelectElement>("chapter") {
            s.set_value(page.chapter_id);
        }
        dom::set_text("chapter-title", page.chapter_title);
    }
    // The listing: the chapter's, or another program the step shows.
    let file = |p: &Page| p.code.map(|c| c.file);
    let shown = chapters.get(page.chapter).zip(page.code.as_ref());
    if changed(&|o| o.chapter_id != page.chapter_id || file(o) != file(page)) {
        if let Some((ch, code)) = shown {
            let _ = listing::show(ch, code);
        }
        dom::set_text("checked", &page.checked);
    }
    if changed(&|o| o.chapter_id != page.chapter_id || file(o) != file(page) || o.line != page.line) {
        if let Some((ch, code)) = shown {
            listing::mark_line(&listing::id(ch, code), page.line);
        }
    }
    if changed(&|o| o.chapter_id != page.chapter_id || o.step != page.step || o.playing != page.playing || o.dwell_ms != page.dwell_ms) {
        let rebuild = old.is_none_or(|o| o.progress.chapters != page.progress.chapters);
        progress(page, old.filter(|_| !rebuild), chapters);
    }
    if changed(&|o| o.chapter_id != page.chapter_id || o.step != page.step) {
        dom::set_text("counter", &page.counter);
        url::set_title(&page.title);
        if let Ok(r) = dom::typed::<HtmlInputElement>("scrubber") {
            if old.is_none_or(|o| o.total != page.total) {
                r.set_max(&page.total.to_string());
            }
            r.set_value(&(page.step + 1).to_string());
            let _ = r.set_attribute("aria-valuetext", &(Words::of(page.lang).step_of)(page.step + 1, page.total));
        }
        let _ = dom::el("prev").map(|b| toggle_disabled(&b, !page.has_prev));
        let _ = dom::el("next").map(|b| toggle_disabled(&b, !page.has_next));
        if let Ok(app) = dom::el("app") {
            let _ = app.set_attribute("data-chapter", page.chapter_id);
            let _ = app.set_attribute("data-step", &(page.step + 1).to_string());
        }
    }
    // A figure's caption follows its sliders, so it may change within a step.
    if changed(&|o| o.caption != page.caption) {
        caption(page, old);
    }
    if changed(&|o| o.progress.part != page.progress.part) {
        dom::set_hidden("part", page.progress.part.is_none());
        dom::set_text("part", page.progress.part.as_deref().unwrap_or(""));
    }
    if changed(&|o| o.hint != page.hint) {
        dom::set_hidden("hint", page.hint.is_none());
        dom::set_text("hint", page.hint.map_or("", |h| if touch_only() { h.touch } else { h.keys }));
    }
    if changed(&|o| o.sliders.is_empty() != page.sliders.is_empty()) {
        // On a phone the sliders move up under the picture they drive.
        if let Ok(app) = dom::el("app") {
            let _ = if page.sliders.is_empty() { app.remove_attribute("data-knobs") } else { app.set_attribute("data-knobs", "") };
        }
    }
    if changed(&|o| o.chapter_sliders != page.chapter_sliders) {
        if let Ok(app) = dom::el("app") {
            let _ = if page.chapter_sliders { app.set_attribute("data-chapter-knobs", "") } else { app.remove_attribute("data-chapter-knobs") };
        }
    }
    if changed(&|o| o.links != page.links) {
        links(&page.links);
    }
    if changed(&|o| o.picture != page.picture) {
        if let Ok(view) = dom::el("view") {
            let _ = view.set_attribute("aria-label", &page.picture);
        }
    }
    if changed(&|o| o.description != page.description) {
        dom::set_text("state-desc", &page.description);
        dom::set_text("view-desc", &page.description);
    }
    if changed(&|o| o.terminal != page.terminal || o.terminal_mark != page.terminal_mark) {
        dom::set_hidden("terminal-box", page.terminal.is_none());
        let same_step = old.is_some_and(|o| o.chapter_id == page.chapter_id && o.step == page.step && o.terminal.is_some());
        terminal::write(page.terminal.as_deref().unwrap_or(""), page.terminal_mark, same_step, page.lang);
    }
    sliders::render(page, old);
    if changed(&|o| o.readout != page.readout) {
        dom::set_text("knob-stats", &memview::keep_units(&page.readout));
        let same_step = old.is_some_and(|o| o.chapter_id == page.chapter_id && o.step == page.step);
        if same_step && !page.news.is_empty() {
            knob_news::moved(&page.news, page.lang);
        }
    }
    if changed(&|o| o.chapter_id != page.chapter_id || o.step != page.step) {
        knob_news::clear();
    }
    if changed(&|o| o.notice != page.notice) {
        dom::set_text("notice-text", page.notice.as_deref().unwrap_or(""));
        dom::set_hidden("notice", page.notice.is_none());
        // Dismissed on a phone on its side: the picture, not the bar,
        // fills the screen again.
        if page.notice.is_none() && old.is_some() {
            controls::picture_in_view();
        }
    }
    // Its name says what it will do (Play, Pause): no aria-pressed beside
    // it, which would read "Pause, pressed".
    if changed(&|o| o.playing != page.playing) {
        if let Ok(b) = dom::el("play") {
            // For scripts that drive the page (the soak run), in any language.
            let _ = b.set_attribute("data-playing", if page.playing { "true" } else { "false" });
            dom::set_text_of(&b, ".icon", if page.playing { "\u{275a}\u{275a}" } else { "\u{25b6}\u{fe0e}" });
            let w = Words::of(page.lang);
            let (name, other) = if page.playing { (w.pause, w.play) } else { (w.play, w.pause) };
            if let Ok(Some(label)) = b.query_selector(".label") {
                dom::write_text(&label, name);
                // Its other name, unseen, holds the button as wide as the
                // longer of the two in any font: it keeps its place, and
                // the speed menu beside it, when it turns.
                let _ = label.set_attribute("data-other", other);
            }
        }
    }
    if changed(&|o| o.letter_keys != page.letter_keys) {
        if let Ok(b) = dom::typed::<HtmlInputElement>("letter-keys") {
            b.set_checked(page.letter_keys);
        }
        // The buttons name their keys only while the keys work.
        for (id, key) in [("present-button", "p"), ("help-button", "?")] {
            if let Ok(b) = dom::el(id) {
                let _ = if page.letter_keys { b.set_attribute("aria-keyshortcuts", key) } else { b.remove_attribute("aria-keyshortcuts") };
            }
        }
    }
    if changed(&|o| o.help_open != page.help_open) {
        dom::set_hidden("help", !page.help_open);
    }
    if changed(&|o| o.embed != page.embed) {
        if let Ok(app) = dom::el("app") {
            let e = page.embed;
            let flags =
                [("data-embed", e.on), ("data-embed-caption", e.on && e.caption), ("data-embed-controls", e.on && e.controls), ("data-present", e.present)];
            for (name, on) in flags {
                let _ = if on { app.set_attribute(name, "") } else { app.remove_attribute(name) };
            }
        }
    }
    if changed(&|o| o.dark != page.dark) {
        if let Some(root) = dom::document().document_element() {
            let _ = root.set_attribute("data-theme", if page.dark { "dark" } else { "light" });
        }
        // A toggle: a screen reader says whether the dark theme is on.
        if let Ok(b) = dom::el("theme") {
            let _ = b.set_attribute("aria-pressed", if page.dark { "true" } else { "false" });
        }
    }
    if changed(&|o| o.copy_status != page.copy_status) {
        dom::set_text("copy-status", &page.copy_status);
    }
}

/// The step's links, as plain anchors: only links into this page
/// (`#/…`) or to https pages are made, and their text is text.
fn links(list: &[(String, String)]) {
    let Ok(nav) = dom::el("step-links") else { return };
    nav.set_text_content(None);
    let doc = dom::document();
    for (label, href) in list {
        let external = href.starts_with("https://");
        if !(href.starts_with("#/") || external) {
            continue;
        }
        let Ok(a) = doc.create_element("a") else { continue };
        let _ = a.set_attribute("href", href);
        if external {
            let _ = a.set_attribute("rel", "noopener noreferrer");
        }
        a.set_text_content(Some(label));
        let _ = nav.append_child(&a);
    }
    let _ = if nav.child_element_count() == 0 { nav.set_attribute("hidden", "") } else { nav.remove_attribute("hidden") };
}

/// The story's progress: a segment per chapter (those before done, this
/// one filled to the step), its accessible text, and the same in words.
/// Only segments that change are written: a seek within a chapter touches
/// one, a jump between chapters the two ends and those between.
fn progress(page: &Page, old: Option<&Page>, chapters: &[Chapter]) {
    let Ok(bar) = dom::el("progress") else { return };
    let doc = dom::document();
    if old.is_none() {
        bar.set_text_content(None);
        for c in chapters.iter().take(page.progress.chapters) {
            let (Ok(seg), Ok(fill)) = (doc.create_element("span"), doc.create_element("i")) else { continue };
            let _ = seg.set_attribute("title", c.title);
            let _ = seg.append_child(&fill);
            let _ = bar.append_child(&seg);
        }
        let _ = bar.set_attribute("aria-valuemax", &page.progress.chapters.to_string());
    }
    // A segment's look: its class and its fill in tenths of a percent,
    // rounded, as integers (float formatting would bring its code into the
    // wasm).
    let tenths_at = |p: &Page, step: usize| (2000 * step.min(p.total) / p.total.max(1)).div_ceil(2);
    // While playing, the current segment fills on toward the next step
    // over the step's reading time, so playback is seen to run: (to, ms,
    // and the step's parity, whose animation name restarts it each step).
    let look = |p: &Page, i: usize| {
        let class = match i.cmp(&p.chapter) {
            std::cmp::Ordering::Less => "done",
            std::cmp::Ordering::Equal => "current",
            std::cmp::Ordering::Greater => "",
        };
        let here = i == p.chapter;
        let filling = (here && p.playing && p.dwell_ms > 0).then(|| (tenths_at(p, p.step + 2), p.dwell_ms, p.step % 2));
        (class, if here { tenths_at(p, p.step + 1) } else { 0 }, filling)
    };
    let segments = bar.children();
    for i in 0..segments.length() {
        let Some(seg) = segments.item(i) else { continue };
        let (class, tenths, filling) = look(page, i as usize);
        if old.map(|o| look(o, i as usize)) == Some((class, tenths, filling)) {
            continue;
        }
        seg.set_class_name(class);
        if let Some(fill) = seg.first_element_child() {
            let mut style = format!("width:{}.{}%", tenths / 10, tenths % 10);
            if let Some((to, ms, parity)) = filling {
                style += &format!(";--from:{}.{}%;--to:{}.{}%;animation:fill-{parity} {ms}ms linear forwards", tenths / 10, tenths % 10, to / 10, to % 10);
            }
            let _ = fill.set_attribute("style", &style);
        }
    }
    let _ = bar.set_attribute("aria-valuenow", &(page.chapter + 1).to_string());
    let _ = bar.set_attribute("aria-valuetext", &page.progress.text);
    dom::set_text("where", &page.progress.text);
}

/// The caption, a live region. Read out when the step changes, however it
/// changed (a key, playback, a clicker's key from a slider); quiet while a
/// slider under "Try it" has focus and changes only its numbers: each move
/// would have it read out again, and the slider says its own value. On
/// entering a chapter a span out of sight before it says the chapter's
/// title. Written in place: a slider rewrites a figure's caption at each
/// move, and a node per write is garbage (see `dom::set_text`).
fn caption(page: &Page, old: Option<&Page>) {
    let Ok(el) = dom::el("caption") else { return };
    let same_step = old.is_some_and(|o| o.chapter_id == page.chapter_id && o.step == page.step);
    let in_sliders = crate::focus::current().and_then(|f| f.closest("#knobs").ok().flatten()).is_some();
    let live = if same_step && in_sliders { "off" } else { "polite" };
    // Only when it changes: a write, even of the same value, is a mutation
    // the page's style and accessibility tree hear about at every move.
    if el.get_attribute("aria-live").as_deref() != Some(live) {
        let _ = el.set_attribute("aria-live", live);
    }
    let entering = old.is_some_and(|o| o.chapter_id != page.chapter_id);
    let title = el.first_element_child().filter(|c| c.class_name() == "visually-hidden");
    match (entering, title) {
        (true, Some(t)) => t.set_text_content(Some(&chapter_title(page))),
        (true, None) => {
            if let Ok(t) = dom::document().create_element("span") {
                t.set_class_name("visually-hidden");
                t.set_text_content(Some(&chapter_title(page)));
                let _ = el.prepend_with_node_1(&t);
            }
        }
        (false, Some(t)) => t.remove(),
        (false, None) => {}
    }
    // A number and its unit stay on one line.
    let text = memview::keep_units(&page.caption);
    match el.last_child().filter(|n| n.node_type() == web_sys::Node::TEXT_NODE) {
        Some(n) if n.node_value().as_deref() != Some(text.as_str()) => n.set_node_value(Some(&text)),
        Some(_) => {}
        None => {
            let _ = el.append_with_str_1(&text);
        }
    }
}

fn chapter_title(page: &Page) -> String {
    format!("{}{}", page.chapter_title, page.lang.pick(". ", "\u{3002}"))
}

fn toggle_disabled(el: &Element, disabled: bool) {
    let _ = if disabled { el.set_attribute("disabled", "") } else { el.remove_attribute("disabled") };
}

/// The scrubber's ticks, one per step: added or removed to the count, not
/// rebuilt.
fn build_ticks(total: usize) {
    let Ok(ticks) = dom::el("ticks") else { return };
    while ticks.child_element_count() as usize > total {
        if let Some(last) = ticks.last_element_child() {
            last.remove();
        }
    }
    let doc = dom::document();
    for _ in ticks.child_element_count() as usize..total {
        if let Ok(t) = doc.create_element("span") {
            let _ = ticks.append_child(&t);
        }
    }
}

/// Whether the screen is touched, with no mouse or keyboard at hand (a
/// phone): its hint names no key.
fn touch_only() -> bool {
    dom::window().match_media("(hover: none) and (pointer: coarse)").ok().flatten().is_some_and(|m| m.matches())
}
