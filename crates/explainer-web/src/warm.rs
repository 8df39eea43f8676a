//! Idle-time preparation: after the first frame, each chapter's states and
//! code listing are built, and then each of its steps is laid out, painted
//! and described once and thrown away, so the first visit to a chapter
//! seeks as fast as the second. Nothing on screen changes.
//!
//! The work is cut into units (one chapter's states, one step), and each
//! idle period takes units for at most `SLICE_MS` and not past its
//! deadline, so a key pressed meanwhile waits about that long at most
//! (manual-heap's states, one unit, take longer: its leak runs 16,384
//! mallocs). requestIdleCallback where the browser has it; elsewhere a
//! short timer, one unit each.

use crate::shell::{self, Shared};
use crate::{dom, listing};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Quiet time before each unit, where idle callbacks are missing.
const FALLBACK_DELAY_MS: i32 = 200;

/// Another unit starts only while this much of the idle period is left:
/// a step takes up to about 2 ms.
const UNIT_MS: f64 = 3.0;

/// The most an idle period spends before it yields to the page.
const SLICE_MS: f64 = 8.0;

type Callback = Closure<dyn FnMut(JsValue)>;

thread_local! {
    /// The one callback, made once; it goes on where the last call stopped.
    static NEXT: RefCell<Option<Callback>> = const { RefCell::new(None) };
}

/// Where the preparation stands: chapter `chapter`'s states are built once
/// `step` is `Some`, and its steps before `step` are rehearsed.
#[derive(Clone, Copy)]
struct Cursor {
    chapter: usize,
    step: Option<usize>,
}

/// Prepares every chapter, in idle periods, starting after this task.
pub fn start(sh: &Shared) {
    let sh = sh.clone();
    let mut at = Cursor { chapter: 0, step: None };
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |deadline: JsValue| {
        let t0 = dom::now();
        let deadline = deadline.dyn_into::<web_sys::IdleDeadline>().ok();
        let more = loop {
            let Some(next) = unit(&sh, at) else { break false };
            at = next;
            let room = deadline.as_ref().map_or(0.0, |d| d.time_remaining().min(SLICE_MS - (dom::now() - t0)));
            if room <= UNIT_MS {
                break true;
            }
        };
        // Idle time spent, which the benchmark prints.
        crate::stats::measure("warm", t0);
        if more {
            schedule();
        }
    });
    NEXT.with(|n| *n.borrow_mut() = Some(callback));
    schedule();
}

/// Does the unit at `at`; returns where the next one is, or `None` when
/// every chapter is done.
fn unit(sh: &Shared, at: Cursor) -> Option<Cursor> {
    shell::with_session(sh, |s| {
        let ch = s.chapters().get(at.chapter)?;
        let steps = ch.steps.len();
        Some(match at.step {
            None => {
                let _ = listing::build_chapter(ch);
                s.warm(at.chapter);
                Cursor { step: Some(0), ..at }
            }
            Some(step) if step < steps => {
                s.rehearse(at.chapter, step);
                Cursor { step: Some(step + 1), ..at }
            }
            Some(_) => Cursor { chapter: at.chapter + 1, step: None },
        })
    })
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
