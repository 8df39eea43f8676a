//! The browser front end: the only crate that touches the web.
//!
//! At start it builds the [`App`] from the chapter catalog, paints the state
//! the URL names, and wires the page's controls. From then on:
//!
//!    DOM events / hashchange ──► App::go(chapter, step) ──► URL, captions, code
//!                                         │
//!    requestAnimationFrame ──► tween(previous scene, new scene, t) ──► canvas
//!
//! The simulation is never changed here: the front end only picks which
//! precomputed state to show and how to animate into it.

mod app;
mod canvas2d;
mod controls;
mod dom;
mod frame_loop;
mod knob_panel;
mod panels;
mod panic;
mod url;
mod views;

pub use app::App;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    panic::install();
    frame_loop::record("start", dom::now());
    let app = App::new()?;
    controls::wire(&app)?;
    let route = url::read(&app);
    app::App::go_route(&app, route, url::Nav::Replace);
    frame_loop::record("ready", dom::now());
    Ok(())
}
