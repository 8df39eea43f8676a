//! The address bar: `#/<chapter>/<step>?knobs` names what is shown (see
//! chapters::route). The session decides how each move treats history.

use crate::{dom, stats};
use session::Nav;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// The hash the address bar holds now.
pub fn read() -> String {
    dom::window().location().hash().unwrap_or_default()
}

/// The language the link names (`?lang=ja`), if it names one the page
/// speaks; the session reports a bad one when it opens the link.
pub fn language() -> Option<memview::Language> {
    let hash = read();
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|p| p.strip_prefix("lang=")).and_then(memview::Language::parse)
}

/// Writes `hash` to the address bar. A rewrite in place (a slider drag,
/// playback, a corrected link) waits for the burst it belongs to to rest
/// for `SETTLE_MS`:
/// Chromium takes about a millisecond per `replaceState`, and only the last
/// of a drag matters. A new entry writes at once, after any rewrite still
/// waiting for the entry it leaves.
pub fn write(hash: &str, nav: Nav) {
    match nav {
        Nav::Keep => {}
        Nav::Push => {
            flush();
            // The entry being left keeps its own title.
            write_title();
            write_now(hash, Nav::Push);
        }
        Nav::Replace => {
            PENDING.with(|p| *p.borrow_mut() = Some(hash.to_string()));
            schedule();
        }
    }
}

/// The viewer went somewhere (back, forward, a link): a rewrite still
/// waiting was for the entry they left, and must not land on this one.
pub fn forget_pending() {
    cancel_timer();
    PENDING.with(|p| p.borrow_mut().take());
    stats::flag("urlPending", false);
}

/// Writes a waiting rewrite now.
pub fn flush() {
    cancel_timer();
    if let Some(hash) = PENDING.with(|p| p.borrow_mut().take()) {
        write_now(&hash, Nav::Replace);
    }
    stats::flag("urlPending", false);
}

/// How long a burst of rewrites must pause before its last is written.
const SETTLE_MS: i32 = 120;

thread_local! {
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    static TIMER: Closure<dyn FnMut()> = Closure::new(flush);
    /// The waiting timer's handle, if one is set.
    static TIMER_ID: RefCell<Option<i32>> = const { RefCell::new(None) };
}

/// (Re)starts the wait: each rewrite of a burst pushes the write back, so a
/// drag writes the address bar once, when it rests.
fn schedule() {
    stats::flag("urlPending", true);
    cancel_timer();
    let id = TIMER.with(|t| dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(t.as_ref().unchecked_ref(), SETTLE_MS).ok());
    TIMER_ID.with(|t| *t.borrow_mut() = id);
}

fn cancel_timer() {
    if let Some(id) = TIMER_ID.with(|t| t.borrow_mut().take()) {
        dom::window().clear_timeout_with_handle(id);
    }
}

fn write_now(hash: &str, nav: Nav) {
    let window = dom::window();
    if window.location().hash().ok().as_deref() == Some(hash) {
        return;
    }
    let Ok(history) = window.history() else { return };
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(hash)),
        Nav::Replace | Nav::Keep => history.replace_state_with_url(&JsValue::NULL, "", Some(hash)),
    };
}

thread_local! {
    static TITLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets the tab's title to `title` after the next picture is painted (see
/// [`write_title`]): Chromium takes about 0.2 ms per title change, which a
/// seek need not wait for.
pub fn set_title(title: &str) {
    TITLE.with(|t| *t.borrow_mut() = Some(title.to_string()));
}

/// Writes a title still waiting: called once a frame is painted, and before
/// a new history entry, so each entry has the title of the step it names.
pub fn write_title() {
    if let Some(title) = TITLE.with(|t| t.borrow_mut().take()) {
        dom::document().set_title(&title);
    }
}
