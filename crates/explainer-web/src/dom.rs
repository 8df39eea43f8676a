//! Small helpers over web-sys for the page's fixed elements.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget, Node, Window};

pub fn window() -> Window {
    web_sys::window().expect_throw("no window")
}

pub fn document() -> Document {
    window().document().expect_throw("no document")
}

pub fn el(id: &str) -> Result<Element, JsValue> {
    document().get_element_by_id(id).ok_or_else(|| JsValue::from_str(&format!("the page has no #{id}")))
}

pub fn typed<T: JsCast>(id: &str) -> Result<T, JsValue> {
    el(id)?.dyn_into::<T>().map_err(|_| JsValue::from_str(&format!("#{id} has the wrong element type")))
}

/// Sets the text of `#id` (markup in `text` stays text).
pub fn set_text(id: &str, text: &str) {
    if let Ok(e) = el(id) {
        write_text(&e, text);
    }
}

/// Sets the text of the first element matching `selector` inside `parent`.
pub fn set_text_of(parent: &Element, selector: &str, text: &str) {
    if let Ok(Some(e)) = parent.query_selector(selector) {
        write_text(&e, text);
    }
}

/// Makes `text` the whole content of `e`. When that content is one Text
/// node already, its data is changed in place: setting textContent would
/// replace the node, and a node per write costs its style and layout
/// object and leaves garbage for the collector.
pub fn write_text(e: &Element, text: &str) {
    if let Some(node) = e.first_child() {
        if node.node_type() == Node::TEXT_NODE && node.next_sibling().is_none() {
            if node.node_value().as_deref() != Some(text) {
                node.set_node_value(Some(text));
            }
            return;
        }
    }
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

pub fn set_hidden(id: &str, hidden: bool) {
    if let Ok(e) = el(id) {
        let _ = if hidden { e.set_attribute("hidden", "") } else { e.remove_attribute("hidden") };
    }
}

/// Adds a listener that lives as long as the page.
pub fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(target: &EventTarget, event: &str, f: impl FnMut(E) + 'static) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    closure.forget();
    Ok(())
}

pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Scrolls `container`, not the page, so that its descendant matching
/// `selector` is in view, a third of the way down when it must move. Called
/// from the frame callback: reading layout there costs no extra layout
/// pass, where doing it while updating the DOM would force one.
pub fn scroll_within(container: &str, selector: &str) {
    let Ok(pre) = el(container) else { return };
    let Ok(Some(el)) = pre.query_selector(selector) else { return };
    let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() else { return };
    let top = f64::from(el.offset_top());
    let view = f64::from(pre.client_height());
    let cur = f64::from(pre.scroll_top());
    if top < cur + 8.0 || top > cur + view - 32.0 {
        pre.set_scroll_top((top - view / 3.0).max(0.0) as i32);
    }
}
