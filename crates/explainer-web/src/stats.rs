//! Timings the benchmark reads: `window.goMemoryStats.<name>` lists of
//! milliseconds on the browser's own clock ("frame", "seek", "recompute",
//! "firstFrame").

use crate::dom;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Appends `now - start` (ms) to `goMemoryStats[name]`, a plain object on
/// the window that the benchmark reads. Each list keeps its last 2000.
pub fn measure(name: &str, start: f64) {
    record(name, dom::now() - start);
}

/// `goMemoryStats`, made on first use.
fn stats() -> JsValue {
    let window = dom::window();
    let key = JsValue::from_str("goMemoryStats");
    match js_sys::Reflect::get(&window, &key) {
        Ok(v) if v.is_object() => v,
        _ => {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&window, &key, &o);
            o.into()
        }
    }
}

/// Sets `goMemoryStats[name]` to `on`: a state tests wait on (a link
/// rewrite or a terminal text still waiting to be written, whether the
/// terminal is on screen).
pub fn flag(name: &str, on: bool) {
    let _ = js_sys::Reflect::set(&stats(), &JsValue::from_str(name), &JsValue::from_bool(on));
}

pub fn record(name: &str, value: f64) {
    let stats = stats();
    let name = JsValue::from_str(name);
    let list = match js_sys::Reflect::get(&stats, &name) {
        Ok(v) if js_sys::Array::is_array(&v) => v.unchecked_into::<js_sys::Array>(),
        _ => {
            let a = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&stats, &name, &a);
            a
        }
    };
    if list.length() >= 2000 {
        list.shift();
    }
    list.push(&JsValue::from_f64(value));
    // A running count beside the capped list, so a reader can tell that
    // another frame was drawn even when the list is full.
    let count = JsValue::from_str(&alloc_count_key(&name));
    let n = js_sys::Reflect::get(&stats, &count).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&stats, &count, &JsValue::from_f64(n + 1.0));
}

/// `frame` → `frameCount`.
fn alloc_count_key(name: &JsValue) -> String {
    let mut key = name.as_string().unwrap_or_default();
    key.push_str("Count");
    key
}
