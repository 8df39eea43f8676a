//! A finger that lands on a slider and goes on to scroll the page leaves
//! the slider as it was.
//!
//! A touch on a range input's track moves its thumb there at once, before
//! the browser knows whether the finger will drag the thumb or scroll the
//! page: on a phone, a reader scrolling down past "Try it" set GOGC from
//! 100 to 430 and GOMEMLIMIT from off to 128 MiB. So a touch's change
//! waits: a tap applies it on release, a sideways move applies it from
//! then on, and a scroll (the browser cancels the touch to pan) puts the
//! value back, never applied. A mouse, a pen and the keyboard act at once.

use crate::dom;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlInputElement, PointerEvent};

/// How far a finger moves sideways, more than up or down, before it is
/// taken to be dragging the thumb (CSS px).
const SIDEWAYS_PX: f64 = 8.0;

/// A touch on the slider not yet known to be a drag.
struct Touch {
    /// The value before the touch, to put back if it scrolls.
    before: String,
    x: f64,
    y: f64,
    /// An `input` came meanwhile, held back.
    held: bool,
}

/// Calls `apply` at each `input` of `input`, holding back a touch's until
/// it is known not to be a scroll.
pub fn on_input(input: &HtmlInputElement, apply: impl Fn() + 'static) -> Result<(), JsValue> {
    let touch: Rc<RefCell<Option<Touch>>> = Rc::new(RefCell::new(None));
    let apply = Rc::new(apply);
    let target: &web_sys::EventTarget = input.as_ref();
    {
        let (touch, input) = (touch.clone(), input.clone());
        dom::on(target, "pointerdown", move |e: PointerEvent| {
            let finger = e.pointer_type() == "touch";
            *touch.borrow_mut() = finger.then(|| Touch { before: input.value(), x: f64::from(e.client_x()), y: f64::from(e.client_y()), held: false });
        })?;
    }
    {
        let (touch, apply) = (touch.clone(), apply.clone());
        dom::on(target, "input", move |_: Event| {
            if let Some(t) = touch.borrow_mut().as_mut() {
                t.held = true;
                return;
            }
            apply();
        })?;
    }
    {
        let (touch, apply) = (touch.clone(), apply.clone());
        dom::on(target, "pointermove", move |e: PointerEvent| {
            let sideways = touch.borrow().as_ref().is_some_and(|t| {
                let (dx, dy) = ((f64::from(e.client_x()) - t.x).abs(), (f64::from(e.client_y()) - t.y).abs());
                dx >= SIDEWAYS_PX && dx > dy
            });
            if sideways {
                // A drag: what was held applies now, the rest as it comes.
                if touch.borrow_mut().take().is_some_and(|t| t.held) {
                    apply();
                }
            }
        })?;
    }
    {
        // Let go without scrolling: a tap, which applies.
        let (touch, apply) = (touch.clone(), apply.clone());
        dom::on(target, "pointerup", move |_: PointerEvent| {
            if touch.borrow_mut().take().is_some_and(|t| t.held) {
                apply();
            }
        })?;
    }
    {
        // The browser took the touch to scroll: the value goes back.
        let input = input.clone();
        dom::on(target, "pointercancel", move |_: PointerEvent| {
            if let Some(t) = touch.borrow_mut().take().filter(|t| t.held) {
                input.set_value(&t.before);
            }
        })?;
    }
    Ok(())
}
