//! Where keyboard focus goes when what held it goes away, and while the
//! help is open. A focused Back that becomes disabled on the first step,
//! the Present button hidden by the view it opened, a caption link
//! replaced by the step it led to: each would drop focus to the page's
//! body, and a keyboard user back to its top. Focus moves instead to the
//! control that takes over (Next for Back, Exit for Present), else to the
//! caption, the step's news.

use crate::dom;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

thread_local! {
    /// What had focus when the help opened, to return it there.
    static OPENER: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// What had focus when the presenter view hid it, to return it there.
    static PRESENT_OPENER: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// Whether the caption's live region is off because focus was just
    /// moved onto it.
    static CAPTION_MUTED: Cell<bool> = const { Cell::new(false) };
}

/// What the presenter view shows that can hold focus (style.css,
/// `#app[data-present]`); anything else it hides.
const PRESENTED: &str = "#prev, #next, #play, #present-exit, #caption, #knobs input";

/// The focused element, if it is not the body.
pub fn current() -> Option<Element> {
    let doc = dom::document();
    doc.active_element().filter(|a| doc.body().is_none_or(|b| b.unchecked_ref::<Element>() != a))
}

fn focus(id: &str) {
    if let Ok(el) = dom::typed::<HtmlElement>(id) {
        if id == "caption" {
            // Without scrolling to it: on a phone on its side the caption
            // is under the picture, and a dismissed notice's focus scrolled
            // the picture away. A screen reader reads it where it is.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        } else {
            let _ = el.focus();
        }
    }
}

/// After the page was rendered: moves focus on from `before` if that can no
/// longer hold it. Reads no layout: which control takes over is known from
/// what the change did (`present` is the presenter view's state now).
pub fn keep(before: Option<Element>, present: bool) {
    let Some(el) = before else { return };
    // Moved on already, on purpose (the help closed, back to its opener).
    if current().is_some_and(|now| now != el) {
        return;
    }
    let disabled = el.matches(":disabled").unwrap_or(false);
    // A frame's presenter view has no Exit (its host leaves it).
    let framed = dom::el("app").is_ok_and(|a| a.has_attribute("data-embed"));
    let to = match el.id().as_str() {
        "prev" if disabled => "next",
        "next" if disabled => "prev",
        "present-exit" if !present => {
            // Back where focus was when the view opened (`p` pressed on
            // Copy link), else on the button that opens it.
            let opener = PRESENT_OPENER.with(|o| o.borrow_mut().take());
            match opener.and_then(|o| o.dyn_into::<HtmlElement>().ok()).filter(|o| o.is_connected() && !o.matches(":disabled").unwrap_or(true)) {
                Some(o) => {
                    let _ = o.focus();
                    return;
                }
                None => "present-button",
            }
        }
        _ if present && !framed && !el.matches(PRESENTED).unwrap_or(true) => {
            PRESENT_OPENER.with(|o| *o.borrow_mut() = Some(el.clone()));
            "present-exit"
        }
        // Gone (a caption's link replaced by the step it led to) or hidden
        // with what holds it (the notice, dismissed).
        _ if !el.is_connected() || el.closest("[hidden]").ok().flatten().is_some() => "caption",
        _ => return,
    };
    if to == "caption" {
        // The caption is read as it takes focus; its live region would
        // read the same words again.
        if let Ok(c) = dom::el("caption") {
            let _ = c.set_attribute("aria-live", "off");
            CAPTION_MUTED.with(|m| m.set(true));
        }
    }
    focus(to);
}

/// The caption speaks as a live region again, from the next change on
/// (called before each intent is applied).
pub fn unmute_caption() {
    if CAPTION_MUTED.with(|m| m.replace(false)) {
        if let Ok(c) = dom::el("caption") {
            let _ = c.set_attribute("aria-live", "polite");
        }
    }
}

/// Into the help, remembering where focus was; the page behind is inert
/// (no focus, no pointer, hidden from assistive technology) while it is open.
pub fn open_help() {
    OPENER.with(|o| *o.borrow_mut() = current());
    set_inert(true);
    // At its top, on its title: Close, its one control, is at the foot of a
    // card taller than a phone or a slide's frame, and focusing it scrolled
    // the keys out of sight. Tab goes on to Close. A card left scrolled
    // down keeps its place while hidden, and focus would not move it.
    if let Ok(Some(card)) = dom::document().query_selector(".help-card") {
        card.set_scroll_top(0);
    }
    focus("help-title");
}

/// Tab in the help (`forward`), or Shift+Tab: on to its next or previous
/// control, round from one end to the other (its switch, then Close). From
/// its title, where it opens, Tab goes to the first and Shift+Tab to the
/// last, as from the top of a page.
pub fn help_step(forward: bool) {
    let Ok(list) = dom::document().query_selector_all("#help input, #help button") else { return };
    let controls: Vec<HtmlElement> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect();
    let n = controls.len();
    let at = current().and_then(|a| controls.iter().position(|c| c.unchecked_ref::<Element>() == &a));
    let to = match (at, forward) {
        (Some(i), true) => i + 1,
        (Some(i), false) => i + n.saturating_sub(1),
        (None, true) => 0,
        (None, false) => n.saturating_sub(1),
    };
    if let Some(next) = controls.get(to % n.max(1)) {
        let _ = next.focus();
    }
}

/// Out of the help, back to where focus was when it opened (the help
/// button if that is gone or disabled), when focus was inside it.
pub fn close_help() {
    set_inert(false);
    let opener = OPENER.with(|o| o.borrow_mut().take());
    let inside = current().is_none_or(|a| a.closest("#help").ok().flatten().is_some());
    if !inside {
        return;
    }
    match opener.and_then(|o| o.dyn_into::<HtmlElement>().ok()).filter(|o| o.is_connected() && !o.matches(":disabled").unwrap_or(true)) {
        Some(o) => {
            let _ = o.focus();
        }
        None => focus("help-button"),
    }
}

fn set_inert(on: bool) {
    let Ok(list) = dom::document().query_selector_all("#app > :not(#help)") else { return };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = if on { el.set_attribute("inert", "") } else { el.remove_attribute("inert") };
        }
    }
}
