//! The chapter menu opens a chapter when one is picked, not at each key.
//!
//! On a closed `<select>` the browser changes the choice at each ↑/↓ (or a
//! typed digit) and fires `change` every time: as a plain `change` handler,
//! a keyboard user looking down the list was taken to every chapter on the
//! way (WCAG 3.2.2, On Input). A choice made by key is held in the menu
//! until Enter opens it; leaving the menu puts back the chapter shown. A
//! pick with the pointer, or from the opened list, opens at once.

use crate::dom;
use crate::shell::{self, Shared};
use session::Intent;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{Event, HtmlSelectElement, KeyboardEvent};

pub fn wire(sh: &Shared) -> Result<(), JsValue> {
    let menu: HtmlSelectElement = dom::typed("chapter")?;
    // Whether the next `change` comes from a key pressed on the closed menu.
    let keyed = Rc::new(Cell::new(false));
    let shown = || dom::el("app").ok().and_then(|a| a.get_attribute("data-chapter")).unwrap_or_default();
    let open = {
        let (sh, menu) = (sh.clone(), menu.clone());
        move || {
            if menu.value() != shown() {
                shell::dispatch(&sh, Intent::PickChapter(menu.value()));
            }
        }
    };
    // The menu back on the chapter shown, its held choice let go.
    let back = {
        let (keyed, menu) = (keyed.clone(), menu.clone());
        move || {
            keyed.set(false);
            let chapter = shown();
            if menu.value() != chapter {
                menu.set_value(&chapter);
            }
        }
    };
    {
        let (keyed, open, menu_back, menu_read) = (keyed.clone(), open.clone(), back.clone(), menu.clone());
        dom::on(&menu, "keydown", move |e: KeyboardEvent| {
            let key = e.key();
            // Space, F4 and Alt+↓ open the list, where a choice is a pick.
            let opens_list = key == " " || key == "F4" || (e.alt_key() && key.starts_with("Arrow"));
            let held = || menu_read.value() != shown();
            keyed.set(!opens_list && !matches!(key.as_str(), "Enter" | "Tab" | "Escape"));
            match key.as_str() {
                // Chromium on Linux opens the list at Enter; not when it
                // opens a chapter.
                "Enter" if held() => {
                    e.prevent_default();
                    open();
                }
                // Keys that step the chapter shown: the menu names it again.
                "Escape" | "ArrowLeft" | "ArrowRight" | "Home" | "End" => menu_back(),
                _ => {}
            }
        })?;
    }
    {
        let keyed = keyed.clone();
        dom::on(&menu, "pointerdown", move |_: Event| keyed.set(false))?;
    }
    {
        let keyed = keyed.clone();
        dom::on(&menu, "change", move |_: Event| {
            if !keyed.get() {
                open();
            }
        })?;
    }
    dom::on(&menu, "blur", move |_: Event| back())
}
