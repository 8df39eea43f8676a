//! Touches on the picture, for swipes (session's `swipe` decides what one
//! is). Only fingers and pens: a mouse drag across the canvas is not a
//! gesture anyone expects to step the story. The stage lets the browser
//! keep vertical scrolling and pinch zoom (style.css `touch-action`), so a
//! scroll ends in `pointercancel` and never reaches here as a swipe.

use crate::dom;
use crate::shell::{self, Shared};
use session::Intent;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::PointerEvent;

/// Where and when the touch under way began: (pointer id, x, y, time).
type Down = Option<(i32, f64, f64, f64)>;

pub fn wire(sh: &Shared) -> Result<(), JsValue> {
    let stage: web_sys::EventTarget = dom::el("stage")?.into();
    let down: Rc<Cell<Down>> = Rc::default();
    {
        let down = down.clone();
        dom::on(&stage, "pointerdown", move |e: PointerEvent| {
            let touch = e.pointer_type() != "mouse" && e.is_primary();
            down.set(touch.then(|| (e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), e.time_stamp())));
        })?;
    }
    {
        let (down, sh) = (down.clone(), sh.clone());
        dom::on(&stage, "pointerup", move |e: PointerEvent| {
            let Some((id, x, y, t)) = down.take() else { return };
            if id == e.pointer_id() {
                shell::dispatch(&sh, Intent::Swipe { dx: f64::from(e.client_x()) - x, dy: f64::from(e.client_y()) - y, ms: e.time_stamp() - t });
            }
        })?;
    }
    dom::on(&stage, "pointercancel", move |_: PointerEvent| down.set(None))
}
