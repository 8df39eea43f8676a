//! The browser front end: the only crate that touches the web.
//!
//! At start it builds a [`session::Session`] from the chapter catalog, the
//! page's menus and sliders from the same data, and wires the controls.
//! From then on:
//!
//!    DOM event ──► controls ──Intent──► shell::dispatch ──► Session
//!                                             │
//!                     URL, clipboard, focus ◄─┤─► render (DOM, one place per element)
//!    requestAnimationFrame ──► Session::frame ──► Scene ──► canvas2d
//!
//! The simulation is never changed here: the session only picks which
//! precomputed state to show and how to animate into it.

mod canvas2d;
mod controls;
mod dom;
mod listing;
mod panic;
mod render;
mod shell;
mod sliders;
mod stats;
mod url;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use session::{Intent, Nav, Session};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    panic::install();
    stats::record("start", dom::now());
    let session = Session::new(chapters::catalog());
    let ids = sliders::ids(session.chapters());
    let sh = shell::new(session)?;
    controls::wire(&sh, &ids)?;
    shell::dispatch(&sh, Intent::Open { hash: url::read(), nav: Nav::Replace });
    stats::record("ready", dom::now());
    Ok(())
}
