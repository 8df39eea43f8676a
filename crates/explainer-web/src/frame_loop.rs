//! requestAnimationFrame, only while something moves.
//!
//! A frame is requested when the state changes, and again each frame while
//! an animation runs or playback is on; an idle page costs nothing. Paint
//! times are recorded as performance measures ("frame", "seek",
//! "first-frame") so the benchmark reads the browser's own clock.

use crate::app::App;
use crate::{dom, panels};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The one requestAnimationFrame callback, made once and reused.
type FrameCallback = Closure<dyn FnMut(f64)>;

thread_local! {
    static CALLBACK: RefCell<Option<FrameCallback>> = const { RefCell::new(None) };
}

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

pub fn request(app: &Rc<RefCell<App>>) {
    if app.borrow().frame_pending {
        return;
    }
    app.borrow_mut().frame_pending = true;
    let app2 = app.clone();
    CALLBACK.with(|cb| {
        let mut cb = cb.borrow_mut();
        if cb.is_none() {
            *cb = Some(Closure::<dyn FnMut(f64)>::new(move |_t: f64| frame(&app2)));
        }
        if let Some(f) = cb.as_ref() {
            let _ = dom::window().request_animation_frame(f.as_ref().unchecked_ref());
        }
    });
}

/// Draws the scene on screen at time `now`; false when there is none yet.
fn paint(a: &mut App, now: f64) -> bool {
    let Some(scene) = a.shown_scene(now) else { return false };
    let cmds = memview::paint(&scene, &a.palette());
    let (w, h, dpr) = (f64::from(a.viewport.width), f64::from(a.viewport.height), a.dpr);
    a.canvas.resize(w, h, dpr);
    a.canvas.paint(&cmds);
    true
}

/// Paints right away, in the current task: a dragged slider's chart is on
/// screen at the browser's next composite, with no frame of lag.
pub fn paint_now(app: &Rc<RefCell<App>>) {
    let mut a = app.borrow_mut();
    if a.painted_once {
        paint(&mut a, dom::now());
    }
}

fn frame(app: &Rc<RefCell<App>>) {
    let t0 = dom::now();
    if !app.borrow().painted_once {
        record("firstCallback", t0);
    }
    app.borrow_mut().frame_pending = false;
    App::tick_playback(app, t0);
    let again = {
        let mut a = app.borrow_mut();
        let now = dom::now();
        if a.anim.as_ref().is_some_and(|an| now >= an.start + an.duration) {
            a.anim = None;
        }
        if !paint(&mut a, now) {
            return;
        }
        if std::mem::take(&mut a.scroll_code) {
            panels::scroll_code_to_current();
        }
        if !a.painted_once {
            a.painted_once = true;
            let _ = a.canvas.canvas.set_attribute("data-painted", "true");
            record("firstFrame", dom::now());
        }
        a.anim.is_some() || a.playing
    };
    measure("frame", t0);
    if again {
        request(app);
    }
}
