//! The address bar: `#/<chapter>/<step>?knobs` names what is shown (see
//! chapters::route). The session decides how each move treats history.

use crate::dom;
use crate::rest::Held;
use session::Nav;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// The hash the address bar holds now.
pub fn read() -> String {
    dom::window().location().hash().unwrap_or_default()
}

/// Moves a query written before the hash (`/?lang=ja#/gc/5`, as a link to
/// a plain page would carry it) into the hash, where the page reads its
/// parameters: the hash's own values win, and the address bar drops the
/// query. Called once, before anything reads the hash.
pub fn adopt_query() {
    let location = dom::window().location();
    let search = location.search().unwrap_or_default();
    let outer = search.trim_start_matches('?');
    if outer.is_empty() {
        return;
    }
    let hash = read();
    let (path, inner) = hash.split_once('?').unwrap_or((&hash, ""));
    let path = if path.trim_start_matches('#').is_empty() { "#/" } else { path };
    let name = |p: &str| p.split('=').next().unwrap_or_default().to_string();
    let inner_names: Vec<String> = inner.split('&').filter(|p| !p.is_empty()).map(name).collect();
    let params: Vec<&str> = outer
        .split('&')
        .filter(|p| !p.is_empty() && !inner_names.contains(&name(p)) && !tracking(&name(p)))
        .chain(inner.split('&').filter(|p| !p.is_empty()))
        .collect();
    let merged = if params.is_empty() { path.to_string() } else { format!("{}?{}", path, params.join("&")) };
    let url = format!("{}{}", location.pathname().unwrap_or_default(), merged);
    if let Ok(history) = dom::window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A parameter a site or a newsletter adds to a shared link to count its
/// clicks (`fbclid`, `utm_source`): not the page's, and dropped without a
/// notice, which every visit from such a link showed.
fn tracking(name: &str) -> bool {
    const NAMES: [&str; 12] = ["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"];
    name.starts_with("utm_") || NAMES.contains(&name)
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
/// for [`crate::rest::SETTLE_MS`]:
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
            HELD.with(|h| h.hold(hash.to_string()));
        }
    }
}

/// The viewer went somewhere (back, forward, a link): a rewrite still
/// waiting was for the entry they left, and must not land on this one.
pub fn forget_pending() {
    HELD.with(Held::take);
}

/// Writes a waiting rewrite now.
pub fn flush() {
    if let Some(hash) = HELD.with(Held::take) {
        write_now(&hash, Nav::Replace);
    }
}

thread_local! {
    static HELD: Held = Held::new(flush, "urlPending");
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
