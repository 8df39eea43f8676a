//! The terminal under the listing prints a run's output, which a slider
//! rewrites on every input. Where the terminal is off screen (at 1280×720
//! it sits below the listing, too near for `content-visibility` to skip
//! it), Chromium lays out and paints the new text all the same, about
//! 0.6 ms an input; there a rewrite within a step waits for the drag to
//! rest, or for the terminal to scroll into view, whichever comes first.
//! On screen, and on a new step, it is written at once.

use crate::rest::Held;
use crate::{dom, stats};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

thread_local! {
    static HELD: Held = Held::new(flush, "terminalPending");
    /// Whether any of the terminal is on screen; until the observer first
    /// reports, it counts as shown.
    static SHOWN: Cell<bool> = const { Cell::new(true) };
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
pub fn write(text: &str, same_step: bool) {
    if same_step && !SHOWN.with(Cell::get) {
        HELD.with(|h| h.hold(text.to_string()));
        return;
    }
    HELD.with(Held::take);
    dom::set_text("terminal", text);
}

/// Writes a waiting text now.
fn flush() {
    if let Some(text) = HELD.with(Held::take) {
        dom::set_text("terminal", &text);
    }
}
