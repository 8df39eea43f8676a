//! The frame's side of the deck protocol (see session::embed): messages
//! from the parent become intents, replies go back to the parent.
//!
//! Only the frame's own parent is heard, and only when the page is in a
//! frame. A message is measured before it is decoded: over 4 KiB of JSON,
//! or not JSON at all, it is refused without being read.

use crate::dom;
use crate::shell::{self, Shared};
use session::{Intent, Message, Reply};
use wasm_bindgen::prelude::*;
use web_sys::MessageEvent;

/// Largest message read, as JSON text.
const MAX_JSON: u32 = 4096;

fn parent() -> Option<web_sys::Window> {
    let w = dom::window();
    let p = w.parent().ok().flatten()?;
    // A top-level page is its own parent: nobody to talk to.
    (!js_sys::Object::is(&p, &w)).then_some(p)
}

fn decode(data: &JsValue) -> Message {
    if let Some(s) = data.as_string() {
        return match s.as_str() {
            "slide:start" => Message::Slide(true),
            "slide:stop" => Message::Slide(false),
            _ => Message::Invalid(String::from("unknown message")),
        };
    }
    if !data.is_object() {
        return Message::Invalid(String::from("a message must be an object or a reveal.js event"));
    }
    match js_sys::JSON::stringify(data) {
        Ok(text) if text.length() <= MAX_JSON => {}
        Ok(_) => return Message::Invalid(String::from("message too large")),
        Err(_) => return Message::Invalid(String::from("message is not JSON")),
    }
    match envelope(data) {
        Some(envelope) => Message::Envelope(envelope),
        None => Message::Invalid(String::from("message has fields of the wrong type")),
    }
}

/// Reads the envelope's fields by hand (a decoding library would be most of
/// this crate's size for seven fields). A field that is there must have its
/// type: a string, a whole number in range, or an object of strings; a
/// missing or null field is absent.
fn envelope(data: &JsValue) -> Option<session::embed::Envelope> {
    let field = |name: &str| js_sys::Reflect::get(data, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let text = |name: &str| -> Option<Option<String>> {
        match field(name) {
            None => Some(None),
            Some(v) => v.as_string().map(Some),
        }
    };
    let whole = |name: &str, max: f64| -> Option<Option<f64>> {
        match field(name) {
            None => Some(None),
            Some(v) => v.as_f64().filter(|n| n.fract() == 0.0 && (0.0..=max).contains(n)).map(Some),
        }
    };
    let knobs = match field("knobs") {
        None => None,
        Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => {
            let mut map = std::collections::BTreeMap::new();
            for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                map.insert(pair.get(0).as_string()?, pair.get(1).as_string()?);
            }
            Some(map)
        }
        Some(_) => return None,
    };
    Some(session::embed::Envelope {
        kind: text("type")?,
        version: whole("version", f64::from(u32::MAX))?.map(|n| n as u32),
        command: text("command")?,
        chapter: text("chapter")?,
        step: whole("step", 9_007_199_254_740_991.0)?.map(|n| n as u64),
        knobs,
    })
}

pub fn wire(sh: &Shared) -> Result<(), JsValue> {
    let Some(parent) = parent() else { return Ok(()) };
    let sh = sh.clone();
    dom::on(&dom::window(), "message", move |e: MessageEvent| {
        // Messages from anyone but the parent (another frame, a popup) are ignored.
        let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if from_parent {
            shell::dispatch(&sh, Intent::Message(decode(&e.data())));
        }
    })
}

/// Sends `reply` to the parent frame, as a plain object of JSON types.
pub fn post(reply: &Reply) {
    let Some(p) = parent() else { return };
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    let knobs = js_sys::Object::new();
    for (k, v) in &reply.knobs {
        let _ = js_sys::Reflect::set(&knobs, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    set("type", JsValue::from_str(reply.kind));
    set("version", JsValue::from(reply.version));
    set("event", JsValue::from_str(reply.event));
    set("chapter", JsValue::from_str(&reply.chapter));
    set("step", JsValue::from(reply.step as u32));
    set("steps", JsValue::from(reply.steps as u32));
    set("knobs", knobs.into());
    set("link", JsValue::from_str(&reply.link));
    set("playing", JsValue::from_bool(reply.playing));
    set("message", reply.message.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    if let Some(key) = reply.key {
        set("key", JsValue::from_str(key));
    }
    let _ = p.post_message(&o, "*");
}
