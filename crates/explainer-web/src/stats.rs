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

pub fn record(name: &str, value: f64) {
    let window = dom::window();
    let key = JsValue::from_str("goMemoryStats");
    let stats = match js_sys::Reflect::get(&window, &key) {
        Ok(v) if v.is_object() => v,
        _ => {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&window, &key, &o);
            o.into()
        }
    };
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
}
