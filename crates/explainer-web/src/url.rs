//! The URL hash as the source of truth for "where am I".
//!
//! `#/<chapter>/<step>` (1-based step, see chapters::route). User moves push
//! a history entry so back/forward retrace them; playback and the initial
//! fix-up of a bad link replace the current entry instead.

use crate::app::App;
use crate::dom;
use chapters::route::{self, Problem, Route};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// A new history entry (a user's step, seek or chapter change).
    Push,
    /// Rewrite the current entry (playback, corrected links).
    Replace,
    /// Leave the URL alone (it already says this: back/forward).
    Keep,
}

/// The route the address bar names, and what is wrong with it, if anything.
pub fn read(app: &Rc<RefCell<App>>) -> (Route, Option<Problem>) {
    let hash = dom::window().location().hash().unwrap_or_default();
    let (index, params): (Vec<_>, Vec<_>) = {
        let a = app.borrow();
        (a.index(), a.chapters.iter().map(|c| c.params).collect())
    };
    route::parse(&hash, &index, &|i| params.get(i).copied().unwrap_or(&[]))
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
