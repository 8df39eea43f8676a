//! Idle-time preparation: after the first frame, each chapter's states and
//! code listing are built one chapter per idle period, so the first visit
//! to a chapter seeks as fast as the second. Nothing on screen changes.
//!
//! requestIdleCallback where the browser has it; elsewhere a short timer.

use crate::shell::{self, Shared};
use crate::{dom, listing};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Quiet time before each chapter, where idle callbacks are missing.
const FALLBACK_DELAY_MS: i32 = 200;

type Callback = Closure<dyn FnMut()>;

thread_local! {
    /// The one callback, made once; it prepares the next chapter each call.
    static NEXT: RefCell<Option<Callback>> = const { RefCell::new(None) };
}

/// Prepares every chapter, one per idle period, starting after this task.
pub fn start(sh: &Shared) {
    let sh = sh.clone();
    let mut next = 0;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let count = shell::with_session(&sh, |s| {
            s.warm(next);
            if let Some(ch) = s.chapters().get(next) {
                let _ = listing::build_chapter(ch);
            }
            s.chapters().len()
        });
        next += 1;
        if next < count {
            schedule();
        }
    });
    NEXT.with(|n| *n.borrow_mut() = Some(callback));
    schedule();
}

fn schedule() {
    NEXT.with(|n| {
        let Some(f) = n.borrow().as_ref().map(|c| c.as_ref().unchecked_ref::<js_sys::Function>().clone()) else { return };
        let window = dom::window();
        let idle = js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false);
        let _ = if idle {
            window.request_idle_callback(&f).map(drop)
        } else {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&f, FALLBACK_DELAY_MS).map(drop)
        };
    });
}
