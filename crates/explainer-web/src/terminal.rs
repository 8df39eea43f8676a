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

/// Sets the terminal's text; `same_step` says the step is the one shown
/// already (a slider moved), so an off-screen terminal may wait.
pub fn write(text: &str, same_step: bool, lang: Language) {
    LANG.with(|l| l.set(lang));
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
    let _ = if ja { pre.set_attribute("lang", "en") } else { pre.remove_attribute("lang") };
    if !ja || !text.chars().any(memview::text_is_wide) {
        dom::write_text(&pre, text);
        return;
    }
    // English lines as text, each Japanese line in a span of its own.
    pre.set_text_content(None);
    let mut english = String::new();
    for line in text.split_inclusive('\n') {
        if !line.chars().any(memview::text_is_wide) {
            english.push_str(line);
            continue;
        }
        if !english.is_empty() {
            let _ = pre.append_with_str_1(&std::mem::take(&mut english));
        }
        if let Ok(span) = dom::document().create_element("span") {
            let _ = span.set_attribute("lang", "ja");
            span.set_text_content(Some(line));
            let _ = pre.append_with_node_1(&span);
        }
    }
    if !english.is_empty() {
        let _ = pre.append_with_str_1(&english);
    }
}
