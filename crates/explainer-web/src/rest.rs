//! A write that waits for the burst of changes it belongs to to rest: each
//! change of the burst replaces the value held and pushes the write back,
//! so a slider drag pays for it once, when the drag stops, not on every
//! input. A flag in `goMemoryStats` says a value is held, for tests.

use crate::{dom, stats};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a burst must pause before its last value is written.
pub const SETTLE_MS: i32 = 120;

pub struct Held {
    value: RefCell<Option<String>>,
    /// Called when the burst rests; it takes the value and writes it.
    flush: Closure<dyn FnMut()>,
    /// The waiting timer's handle, if one is set.
    timer: Cell<Option<i32>>,
    flag: &'static str,
}

impl Held {
    /// Nothing held yet; `flush` runs when a burst rests, and `flag` names
    /// the `goMemoryStats` flag that is true while a value waits.
    pub fn new(flush: fn(), flag: &'static str) -> Self {
        Held { value: RefCell::new(None), flush: Closure::new(flush), timer: Cell::new(None), flag }
    }

    /// Holds `value` in place of any held before, and (re)starts the wait.
    pub fn hold(&self, value: String) {
        *self.value.borrow_mut() = Some(value);
        stats::flag(self.flag, true);
        self.cancel_timer();
        let f = self.flush.as_ref().unchecked_ref();
        self.timer.set(dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(f, SETTLE_MS).ok());
    }

    /// Takes the value held, if any, and stops the wait: to write it now,
    /// or to drop it.
    pub fn take(&self) -> Option<String> {
        self.cancel_timer();
        stats::flag(self.flag, false);
        self.value.borrow_mut().take()
    }

    fn cancel_timer(&self) {
        if let Some(id) = self.timer.take() {
            dom::window().clear_timeout_with_handle(id);
        }
    }
}
