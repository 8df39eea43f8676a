//! The terminal under the listing prints a run's output, which a slider
//! rewrites on every input. Where the terminal is off screen (at 1280×720
//! it sits below the listing), Chromium lays out and paints the new text
//! all the same, about half a millisecond an input; there a rewrite within
//! a step waits for the drag to rest, or for the terminal to scroll into
//! view, whichever comes first. On screen, and on a new step, it is
//! written at once.

use crate::rest::Rest;
use crate::{dom, stats};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

thread_local! {
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    static REST: Rest = Rest::new(flush);
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
        PENDING.with(|p| *p.borrow_mut() = Some(text.to_string()));
        stats::flag("terminalPending", true);
        REST.with(Rest::restart);
        return;
    }
    REST.with(Rest::cancel);
    PENDING.with(|p| p.borrow_mut().take());
    stats::flag("terminalPending", false);
    dom::set_text("terminal", text);
}

/// Writes a waiting text now.
fn flush() {
    REST.with(Rest::cancel);
    if let Some(text) = PENDING.with(|p| p.borrow_mut().take()) {
        dom::set_text("terminal", &text);
    }
    stats::flag("terminalPending", false);
}
