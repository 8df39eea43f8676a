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
mod chapter_menu;
mod controls;
mod dom;
mod embed;
mod focus;
mod knob_news;
mod listing;
mod panic;
mod render;
mod rest;
mod shell;
mod sliders;
mod stats;
mod swipe;
mod terminal;
mod touch_slider;
mod url;
mod warm;
mod words;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

// Talc in place of the default dlmalloc: a few KB less wasm, and faster
// (each slider input allocates its run and scene afresh).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use session::{Intent, Nav, Session};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    panic::install();
    stats::record("start", dom::now());
    url::adopt_query();
    // The chapters are built once, in the language the first link will
    // show: the link's `lang`, else the browser's.
    let preferred = words::preferred();
    let mut session = Session::new(chapters::catalog_in(url::language().unwrap_or(preferred)));
    session.set_preferred(preferred);
    let ids = sliders::ids(session.chapters());
    let sh = shell::new(session)?;
    controls::wire(&sh, &ids)?;
    embed::wire(&sh)?;
    swipe::wire(&sh)?;
    // Without an observer the terminal is always written at once.
    let _ = terminal::watch();
    shell::dispatch(&sh, Intent::Open { hash: url::read(), nav: Nav::Replace });
    controls::remembered_theme_over_system(&sh);
    controls::remembered_letter_keys(&sh);
    controls::watch_sideways()?;
    stats::record("ready", dom::now());
    Ok(())
}

#[cfg(test)]
mod golden {
    use session::{Intent, Nav, Session};
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The wasm build computes every step's state bit for bit as the native
    /// build does: both equal the committed digests.
    #[wasm_bindgen_test]
    fn state_digests_in_the_browser_equal_the_committed_ones() {
        let here = session::golden::digest_table(&chapters::catalog());
        assert_eq!(here, include_str!("../../session/tests/golden/digests.txt"));
    }

    /// And draws the same picture: the pacer's display list equals the
    /// native one.
    #[wasm_bindgen_test]
    fn a_display_list_in_the_browser_equals_the_committed_one() {
        let mut s = Session::default();
        s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
        s.dispatch(Intent::Open { hash: "#/gc/39?GOGC=200".into(), nav: Nav::Replace }, 0.0);
        let scene = s.frame(0.0).expect("a picture");
        let here = memview::dump(&memview::paint(&scene, &memview::Palette::LIGHT));
        assert_eq!(here, include_str!("../../session/tests/golden/gc-39-GOGC-200.txt"));
    }
}
