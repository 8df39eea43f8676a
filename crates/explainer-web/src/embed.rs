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
    match serde_wasm_bindgen::from_value(data.clone()) {
        Ok(envelope) => Message::Envelope(envelope),
        Err(_) => Message::Invalid(String::from("message has fields of the wrong type")),
    }
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

/// Sends `reply` to the parent frame.
pub fn post(reply: &Reply) {
    let Some(p) = parent() else { return };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(v) = serde::Serialize::serialize(reply, &serializer) {
        let _ = p.post_message(&v, "*");
    }
}
