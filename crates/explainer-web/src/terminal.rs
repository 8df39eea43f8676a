//! The terminal under the listing prints a run's output, which a slider
//! rewrites on every input. Where the terminal is off screen (at 1280×720
//! it sits below the listing, too near for `content-visibility` to skip
//! it), Chromium lays out and paints the new text all the same, about
//! 0.6 ms an input; there a rewrite within a step waits for the drag to
//! rest, or for the terminal to scroll into view, whichever comes first.
//! On screen, and on a new step, it is written at once.
//!
//! The output is the tools' own, in English, whatever the page's language;
//! in a Japanese page the block says so (`lang="en"`) and each line of the
//! page's own Japanese (a `#` comment) says its language, so a screen
//! reader reads each in its own voice.

use crate::rest::Held;
use crate::{dom, stats};
use memview::Language;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

thread_local! {
    static HELD: Held = Held::new(flush, "terminalPending");
    /// Whether any of the terminal is on screen; until the observer first
    /// reports, it counts as shown.
    static SHOWN: Cell<bool> = const { Cell::new(true) };
    /// The page's language at the last write, for a text written later.
    static LANG: Cell<Language> = const { Cell::new(Language::En) };
    /// The line to light at the last write (0-based), for a text written later.
    static MARK: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Follows whether the terminal is on screen.
pub fn watch() -> Result<(), JsValue> {
    let seen = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        if let Some(last) = entries.iter().last() {
            let shown = last.unchecked_into::<IntersectionObserverEntry>().is_intersecting();
            SHOWN.with(|s| s.set(shown));
            stats::flag("terminalShown", shown);
            if shown {
                flush();
            }
        }
    });
    let observer = IntersectionObserver::new(seen.as_ref().unchecked_ref())?;
    observer.observe(&dom::el("terminal-box")?);
    seen.forget();
    Ok(())
}

/// Sets the terminal's text, with line `mark` lit; `same_step` says the
/// step is the one shown already (a slider moved), so an off-screen
/// terminal may wait.
pub fn write(text: &str, mark: Option<usize>, same_step: bool, lang: Language) {
    LANG.with(|l| l.set(lang));
    MARK.with(|m| m.set(mark));
    if same_step && !SHOWN.with(Cell::get) {
        HELD.with(|h| h.hold(text.to_string()));
        return;
    }
    HELD.with(Held::take);
    put(text);
}

/// Writes a waiting text now.
fn flush() {
    if let Some(text) = HELD.with(Held::take) {
        put(&text);
    }
}

fn put(text: &str) {
    let Ok(pre) = dom::el("terminal") else { return };
    let ja = LANG.with(Cell::get) == Language::Ja;
    let mark = MARK.with(Cell::get);
    let _ = if ja { pre.set_attribute("lang", "en") } else { pre.remove_attribute("lang") };
    if mark.is_none() && (!ja || !text.chars().any(memview::text_is_wide)) {
        dom::write_text(&pre, text);
        return;
    }
    // Plain runs of lines as text; the lit line, and each line of the
    // page's own Japanese, in a span of its own.
    pre.set_text_content(None);
    let mut plain = String::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let lit = mark == Some(i);
        let japanese = ja && line.chars().any(memview::text_is_wide);
        if !lit && !japanese {
            plain.push_str(line);
            continue;
        }
        if !plain.is_empty() {
            let _ = pre.append_with_str_1(&std::mem::take(&mut plain));
        }
        // The newline stays outside, so the light ends with the words.
        let (words, end) = line.strip_suffix('\n').map_or((line, ""), |w| (w, "\n"));
        if let Ok(span) = dom::document().create_element("span") {
            if japanese {
                let _ = span.set_attribute("lang", "ja");
            }
            if lit {
                span.set_class_name("mark");
            }
            span.set_text_content(Some(words));
            let _ = pre.append_with_node_1(&span);
        }
        plain.push_str(end);
    }
    if !plain.is_empty() {
        let _ = pre.append_with_str_1(&plain);
    }
}

/// Scrolls the terminal, not the page, so its lit line is in view.
pub fn scroll_to_mark() {
    dom::scroll_within("terminal", ".mark");
}
