//! Failure is visible: a panic or a fatal error replaces the picture with a
//! message, and also reaches the console (console_error_panic_hook).

use crate::dom;
use wasm_bindgen::JsValue;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&format!("The explainer stopped because of an internal error: {info}"));
    }));
}

/// Shows `message` in the error panel (as text, never as markup) and hides
/// the stage, so a dead canvas is never left on screen.
pub fn show(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    if let Ok(panel) = dom::el("error-panel") {
        dom::set_text_of(&panel, "#error-message", message);
        let _ = panel.remove_attribute("hidden");
    }
    if let Ok(main) = dom::el("app") {
        let _ = main.set_attribute("data-failed", "true");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn an_error_shows_a_panel_with_plain_text() {
        let doc = dom::document();
        let body = doc.body().expect("body");
        let panel = doc.create_element("div").expect("div");
        panel.set_id("error-panel");
        panel.set_attribute("hidden", "").expect("attr");
        let msg = doc.create_element("p").expect("p");
        msg.set_id("error-message");
        panel.append_child(&msg).expect("append");
        body.append_child(&panel).expect("append");
        show("boom <img src=x onerror=alert(1)>");
        assert!(!panel.has_attribute("hidden"), "the panel is visible");
        assert_eq!(msg.text_content().as_deref(), Some("boom <img src=x onerror=alert(1)>"));
        assert_eq!(msg.child_element_count(), 0, "no markup was created");
    }
}
