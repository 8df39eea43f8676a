//! Touches on the picture, for swipes (session's `swipe` decides what one
//! is). Only fingers and pens: a mouse drag across the canvas is not a
//! gesture anyone expects to step the story. The stage lets the browser
//! keep vertical scrolling and pinch zoom (style.css `touch-action`), so a
//! scroll ends in `pointercancel` and never reaches here as a swipe. In a
//! frame and the presenter view the caption under the picture takes swipes
//! too: on a phone it is a fifth of a slide.
//!
//! Zoomed in, a sideways drag moves the zoomed view instead: `data-zoomed`
//! gives the stage back every touch gesture (style.css) and no swipe steps.

use crate::dom;
use crate::shell::{self, Shared};
use session::Intent;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, PointerEvent};

/// Where and when the touch under way began: (pointer id, x, y, time).
type Down = Option<(i32, f64, f64, f64)>;

pub fn wire(sh: &Shared) -> Result<(), JsValue> {
    let app = dom::el("app")?;
    let down: Rc<Cell<Down>> = Rc::default();
    {
        let (down, app2) = (down.clone(), app.clone());
        dom::on(&app.clone().into(), "pointerdown", move |e: PointerEvent| {
            let touch = e.pointer_type() != "mouse" && e.is_primary() && !zoomed();
            let on = e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| takes_swipes(&app2, &t));
            down.set((touch && on).then(|| (e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()), e.time_stamp())));
        })?;
    }
    {
        let (down, sh) = (down.clone(), sh.clone());
        dom::on(&app.clone().into(), "pointerup", move |e: PointerEvent| {
            let Some((id, x, y, t)) = down.take() else { return };
            if id == e.pointer_id() {
                shell::dispatch(&sh, Intent::Swipe { dx: f64::from(e.client_x()) - x, dy: f64::from(e.client_y()) - y, ms: e.time_stamp() - t });
            }
        })?;
    }
    dom::on(&app.clone().into(), "pointercancel", move |_: PointerEvent| down.set(None))?;
    if let Some(viewport) = dom::window().visual_viewport() {
        dom::on(&viewport.into(), "resize", move |_: Event| {
            let _ = if zoomed() { app.set_attribute("data-zoomed", "") } else { app.remove_attribute("data-zoomed") };
        })?;
    }
    Ok(())
}

/// The picture, and in a frame or the presenter view the caption under it.
fn takes_swipes(app: &Element, target: &Element) -> bool {
    let within = |selector: &str| target.closest(selector).ok().flatten().is_some();
    within("#stage") || (app.matches("[data-embed], [data-present]").unwrap_or(false) && within(".side"))
}

/// Whether the viewer has pinched the page larger than it lays out.
fn zoomed() -> bool {
    dom::window().visual_viewport().is_some_and(|v| v.scale() > 1.01)
}
