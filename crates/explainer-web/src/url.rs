//! The address bar: `#/<chapter>/<step>?knobs` names what is shown (see
//! chapters::route). The session decides how each move treats history.

use crate::dom;
use session::Nav;
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

pub fn write(hash: &str, nav: Nav) {
    let window = dom::window();
    if window.location().hash().ok().as_deref() == Some(hash) || nav == Nav::Keep {
        return;
    }
    let Ok(history) = window.history() else { return };
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(hash)),
        Nav::Replace | Nav::Keep => history.replace_state_with_url(&JsValue::NULL, "", Some(hash)),
    };
}
