//! A write that waits for the burst of changes it belongs to to rest: each
//! change of the burst pushes the write back, so a slider drag pays for it
//! once, when the drag stops, not on every input.

use crate::dom;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a burst must pause before its last change is written.
pub const SETTLE_MS: i32 = 120;

pub struct Rest {
    write: Closure<dyn FnMut()>,
    /// The waiting timer's handle, if one is set.
    timer: Cell<Option<i32>>,
}

impl Rest {
    /// A wait that calls `write` when it ends.
    pub fn new(write: fn()) -> Self {
        Rest { write: Closure::new(write), timer: Cell::new(None) }
    }

    /// (Re)starts the wait.
    pub fn restart(&self) {
        self.cancel();
        let f = self.write.as_ref().unchecked_ref();
        self.timer.set(dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(f, SETTLE_MS).ok());
    }

    pub fn cancel(&self) {
        if let Some(id) = self.timer.take() {
            dom::window().clear_timeout_with_handle(id);
        }
    }
}
