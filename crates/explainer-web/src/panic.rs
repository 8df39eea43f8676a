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
        dom::set_text_of(&panel, "error-message", message);
        let _ = panel.remove_attribute("hidden");
    }
    if let Ok(main) = dom::el("app") {
        let _ = main.set_attribute("data-failed", "true");
    }
}
