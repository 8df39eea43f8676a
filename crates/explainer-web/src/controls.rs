//! Turns the page's events into intents: buttons, the scrubber, menus,
//! sliders, keys, hashchange/popstate, media queries and resizes. It
//! decides nothing; the session does.

use crate::shell::{self, Shared};
use crate::{chapter_menu, dom, url};
use session::{Intent, KeyTarget, Nav};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

fn on_click(id: &str, sh: &Shared, intent: impl Fn() -> Intent + 'static) -> Result<(), JsValue> {
    let sh = sh.clone();
    dom::on(&dom::el(id)?.into(), "click", move |_: Event| {
        shell::dispatch(&sh, intent());
    })
}

/// Dispatches `intent(value)` on `event` of the input or select `id`.
fn on_value<T: JsCast + Clone + 'static>(
    id: &str,
    event: &str,
    sh: &Shared,
    value: fn(&T) -> String,
    intent: impl Fn(String) -> Intent + 'static,
) -> Result<(), JsValue> {
    let el: T = dom::typed(id)?;
    let sh = sh.clone();
    let target = el.clone();
    dom::on(el.unchecked_ref::<web_sys::EventTarget>(), event, move |_: Event| {
        shell::dispatch(&sh, intent(value(&target)));
    })
}

/// A range input's moves, but not a finger's that scrolls the page
/// (`touch_slider`).
fn on_slider(id: &str, sh: &Shared, intent: impl Fn(String) -> Intent + 'static) -> Result<(), JsValue> {
    let input: HtmlInputElement = dom::typed(id)?;
    let (sh, target) = (sh.clone(), input.clone());
    crate::touch_slider::on_input(&input, move || {
        shell::dispatch(&sh, intent(target.value()));
    })
}

pub fn wire(sh: &Shared, slider_ids: &[&'static str]) -> Result<(), JsValue> {
    on_click("prev", sh, || Intent::Prev)?;
    on_click("next", sh, || Intent::Next)?;
    on_click("play", sh, || Intent::TogglePlay)?;
    on_click("copy-link", sh, || Intent::CopyLink)?;
    on_click("copy-embed", sh, || Intent::CopyEmbed)?;
    on_click("help-button", sh, || Intent::Help(true))?;
    on_click("help-close", sh, || Intent::Help(false))?;
    // A click on the dimmed page around the help's card closes it.
    {
        let sh = sh.clone();
        dom::on(&dom::el("help")?.into(), "click", move |e: Event| {
            if e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| t.id() == "help") {
                shell::dispatch(&sh, Intent::Help(false));
            }
        })?;
    }
    on_click("notice-close", sh, || Intent::DismissNotice)?;
    on_click("theme", sh, || Intent::ToggleTheme)?;
    // After the toggle's own listener: keeps the theme it now shows.
    dom::on(&dom::el("theme")?.into(), "click", |_: Event| remember_theme())?;
    on_click("lang", sh, || Intent::Language(dom::el("lang").ok().and_then(|b| b.get_attribute("data-lang")).unwrap_or_default()))?;
    on_click("present-button", sh, || Intent::Present(true))?;
    on_click("present-exit", sh, || Intent::Present(false))?;

    let input_value: fn(&HtmlInputElement) -> String = |i| i.value();
    let select_value: fn(&HtmlSelectElement) -> String = |s| s.value();
    on_slider("scrubber", sh, |v| Intent::Scrub(v.parse().unwrap_or(1)))?;
    on_value("scrubber", "change", sh, input_value, |_| Intent::ScrubDone)?;
    chapter_menu::wire(sh)?;
    on_value("speed", "change", sh, select_value, Intent::Speed)?;
    // The help's switch for single-character keys, kept for the next visit.
    {
        let switch: HtmlInputElement = dom::typed("letter-keys")?;
        let (sh, on) = (sh.clone(), switch.clone());
        dom::on(&switch, "change", move |_: Event| {
            if let Ok(Some(store)) = dom::window().local_storage() {
                let _ = if on.checked() { store.remove_item(LETTER_KEYS_KEY) } else { store.set_item(LETTER_KEYS_KEY, LETTER_KEYS_OFF) };
            }
            shell::dispatch(&sh, Intent::LetterKeys(on.checked()));
        })?;
    }
    for id in slider_ids {
        let id: &'static str = id;
        on_slider(id, sh, move |v| Intent::Slider { id: id.to_string(), position: v.parse().unwrap_or(0) })?;
    }
    // In the presenter view a slider dragged with the mouse or a finger
    // gives the keys back once let go: it kept the focus, and a clicker's
    // next step then moved the slider instead. Tabbed to, it keeps them.
    // (Let go anywhere: a drag can end off the slider.)
    let window = dom::window();
    dom::on(&window, "pointerup", move |_: Event| {
        let presenting = dom::el("app").is_ok_and(|a| a.has_attribute("data-present"));
        let held = dom::document().active_element().and_then(|a| a.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = held.filter(|i| presenting && i.closest("#knobs").ok().flatten().is_some()) {
            let _ = input.blur();
        }
    })?;

    for event in ["hashchange", "popstate"] {
        let sh = sh.clone();
        dom::on(&window, event, move |_: Event| {
            url::forget_pending();
            let hash = url::read();
            // A fragment navigation fires both events: the second finds
            // the page already showing its link.
            if !shell::shows(&sh, &hash) {
                shell::dispatch(&sh, Intent::Open { hash, nav: Nav::Keep });
            }
        })?;
    }
    {
        let sh = sh.clone();
        dom::on(&dom::document(), "keydown", move |e: KeyboardEvent| {
            // Space on a two-way toggle (the escape lab's) flips it, as on a
            // switch; elsewhere it plays, and would leave the lab.
            if let Some(flip) = toggle_flip(&e) {
                shell::dispatch(&sh, flip);
                e.prevent_default();
                return;
            }
            // Shift+Tab is a key of its own: it goes the other way round
            // the help.
            let key = if e.shift_key() && e.key() == "Tab" { String::from("Shift+Tab") } else { e.key() };
            let intent = Intent::Key { key, modifier: e.ctrl_key() || e.meta_key() || e.alt_key(), target: key_target(&e) };
            if shell::dispatch(&sh, intent) {
                e.prevent_default();
            }
        })?;
    }
    watch_media(sh, "(prefers-color-scheme: dark)", Intent::Dark)?;
    watch_media(sh, "(prefers-reduced-motion: reduce)", Intent::ReducedMotion)?;
    watch_size(sh)?;
    Ok(())
}

/// A phone on its side shows the picture as tall as the screen above the
/// controls (style.css); the page opens, or turns, scrolled down to it, the
/// bar a short scroll up. A notice (a bad link) stays in view above it.
/// Turned upright again at the picture, the page goes back to its top, bar
/// and all. Called once the first step is open, when any notice is already
/// shown.
pub fn watch_sideways() -> Result<(), JsValue> {
    let Some(mql) = dom::window().match_media(SIDEWAYS)? else { return Ok(()) };
    let to_picture = || {
        let notice = dom::el("notice").ok().filter(|n| !n.has_attribute("hidden"));
        if let Some(target) = notice.or_else(|| dom::el("stage").ok()) {
            scroll_to_top_of(&target);
        }
    };
    // boot-check.js has scrolled to the picture while loading (and marked it
    // so); a notice shown since went above it, and the browser's scroll
    // anchoring kept the picture in place, so this brings the notice into
    // view. Otherwise only from the top: a viewer who scrolled stays put.
    let opened_at_picture = dom::el("app").is_ok_and(|a| a.has_attribute("data-opened-at-picture"));
    if mql.matches() && (opened_at_picture || dom::window().scroll_y().unwrap_or(0.0) == 0.0) {
        to_picture();
    }
    watch_notice_height()?;
    let turned = mql.clone();
    dom::on(&mql, "change", move |_: Event| {
        if turned.matches() {
            to_picture();
        } else if dom::el("stage").is_ok_and(|s| s.get_bounding_client_rect().top() >= -1.0) {
            dom::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    })
}

/// A phone on its side (style.css gives it the picture-first layout).
const SIDEWAYS: &str = "(max-height: 500px) and (orientation: landscape)";

/// On a phone on its side, scrolls the page back to the picture (a notice
/// above it was dismissed); elsewhere nothing.
pub fn picture_in_view() {
    if dom::window().match_media(SIDEWAYS).ok().flatten().is_some_and(|m| m.matches()) {
        if let Ok(stage) = dom::el("stage") {
            scroll_to_top_of(&stage);
        }
    }
}

/// Scrolls the page so `el` starts at the top of the window.
fn scroll_to_top_of(el: &web_sys::Element) {
    let window = dom::window();
    window.scroll_to_with_x_and_y(0.0, el.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0));
}

/// Keeps `--notice-height` on #app the notice's height (0 while hidden):
/// on a phone on its side the picture takes the screen's height less the
/// notice's (style.css), or a bad link's notice would push its foot under
/// the controls until it was dismissed. The notice is above the stage in
/// the page, so the stage's own observer sees the change in the same frame.
fn watch_notice_height() -> Result<(), JsValue> {
    let notice = dom::typed::<web_sys::HtmlElement>("notice")?;
    let app = dom::typed::<web_sys::HtmlElement>("app")?;
    let set = {
        let notice = notice.clone();
        move || {
            // As u32: an i32's Display would be new code in the wasm.
            let _ = app.style().set_property("--notice-height", &format!("{}px", notice.offset_height().max(0) as u32));
        }
    };
    // The observer reports a shown notice's first size itself, after
    // layout: measuring here would force a layout before the first frame.
    let observer = web_sys::ResizeObserver::new(Closure::<dyn FnMut()>::new(set).into_js_value().unchecked_ref())?;
    observer.observe(&notice);
    Ok(())
}

/// What kind of control a key was pressed on: the session decides which
/// keys it leaves to it (see `session::keys`).
/// For Space on a knob's slider with two stops: the other stop.
fn toggle_flip(e: &KeyboardEvent) -> Option<Intent> {
    if e.key() != " " || e.ctrl_key() || e.meta_key() || e.alt_key() || e.shift_key() {
        return None;
    }
    let input = e.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    if input.type_() != "range" || input.id() == "scrubber" {
        return None;
    }
    let stop = |name: &str| input.get_attribute(name).and_then(|v| v.parse::<i64>().ok());
    let (min, max) = (stop("min")?, stop("max")?);
    if max - min != 1 {
        return None;
    }
    let position = if input.value().parse::<i64>().ok()? == min { max } else { min };
    input.set_value(&position.to_string());
    Some(Intent::Slider { id: input.id(), position })
}

fn key_target(e: &KeyboardEvent) -> KeyTarget {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return KeyTarget::Page };
    match el.tag_name().as_str() {
        "INPUT" => match el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str() {
            "range" if el.id() == "scrubber" => KeyTarget::Scrubber,
            "range" => KeyTarget::Slider,
            "button" | "submit" | "reset" | "checkbox" | "radio" => KeyTarget::Button,
            _ => KeyTarget::Text,
        },
        "SELECT" => KeyTarget::Menu,
        "TEXTAREA" => KeyTarget::Text,
        "BUTTON" | "SUMMARY" => KeyTarget::Button,
        _ if el.is_content_editable() => KeyTarget::Text,
        _ => KeyTarget::Page,
    }
}

/// Where the theme the viewer chose is kept, on this browser only.
const THEME_KEY: &str = "go-memory-theme";
/// Where the single-character keys are kept off, when the reader turned them off.
const LETTER_KEYS_KEY: &str = "go-memory-letter-keys";
const LETTER_KEYS_OFF: &str = "off";

/// Single-character keys stay off once the reader turned them off, on the
/// page and in a deck's frames alike (it is how they type, not a look).
pub fn remembered_letter_keys(sh: &Shared) {
    let stored = dom::window().local_storage().ok().flatten().and_then(|s| s.get_item(LETTER_KEYS_KEY).ok().flatten());
    if stored.as_deref() == Some(LETTER_KEYS_OFF) {
        shell::dispatch(sh, Intent::LetterKeys(false));
    }
}

/// Keeps the theme now shown as the viewer's choice. Storage may be
/// refused (a frame, a private window): the choice then lasts the visit.
fn remember_theme() {
    let theme = dom::document().document_element().and_then(|r| r.get_attribute("data-theme"));
    if let (Some(theme), Ok(Some(store))) = (theme, dom::window().local_storage()) {
        let _ = store.set_item(THEME_KEY, &theme);
    }
}

/// The viewer's own choice, from an earlier visit, over the system's; once
/// the first link is open, as its flags decide: a link's `theme` wins, and
/// a deck's frame follows its link or the system, not a choice once made
/// on the explainer's own page.
pub fn remembered_theme_over_system(sh: &Shared) {
    let flags = shell::with_session(sh, |s| s.embed());
    if let Some(dark) = remembered_theme().filter(|_| !flags.on && flags.dark.is_none()) {
        shell::dispatch(sh, Intent::Dark(dark));
    }
}

fn remembered_theme() -> Option<bool> {
    let value = dom::window().local_storage().ok()??.get_item(THEME_KEY).ok()??;
    match value.as_str() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

fn watch_media(sh: &Shared, query: &str, intent: fn(bool) -> Intent) -> Result<(), JsValue> {
    let Some(mql) = dom::window().match_media(query)? else { return Ok(()) };
    shell::dispatch(sh, intent(mql.matches()));
    let sh = sh.clone();
    let m2 = mql.clone();
    dom::on(&mql, "change", move |_: Event| {
        shell::dispatch(&sh, intent(m2.matches()));
    })
}

/// Tells the session the stage's size, in CSS pixels, and the device
/// pixel ratio, if either changed.
fn measure_stage(sh: &Shared) {
    let Ok(stage) = dom::el("stage") else { return };
    let rect = stage.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0) as f32, rect.height().max(1.0) as f32);
    let dpr = dom::window().device_pixel_ratio().max(1.0);
    // The observer's first report repeats start-up's measurement: that
    // would only paint the same picture again.
    if MEASURED.replace(Some((width, height, dpr))) != Some((width, height, dpr)) {
        shell::dispatch(sh, Intent::Resize { width, height, dpr });
    }
}

thread_local! {
    /// The stage's size and pixel ratio last told to the session.
    static MEASURED: std::cell::Cell<Option<(f32, f32, f64)>> = const { std::cell::Cell::new(None) };
}

/// Measures the stage again when the device pixel ratio changes with no
/// change of size (the window dragged to a Retina screen or a projector):
/// the canvas stayed at the old ratio, blurred. A query on the present
/// ratio fires once when it stops matching, and is made anew for the next.
fn watch_pixel_ratio(sh: &Shared) -> Result<(), JsValue> {
    let window = dom::window();
    // A narrow band around the ratio, written in thousandths: formatting
    // the float itself would bring float formatting (16 KB) into the wasm.
    let milli = (window.device_pixel_ratio() * 1000.0).round() as u64;
    let dppx = |m: u64| format!("{}.{:03}dppx", m / 1000, m % 1000);
    let query = format!("(min-resolution: {}) and (max-resolution: {})", dppx(milli.saturating_sub(1)), dppx(milli + 1));
    let Some(mql) = window.match_media(&query)? else { return Ok(()) };
    let sh = sh.clone();
    let changed = Closure::once_into_js(move || {
        measure_stage(&sh);
        let _ = watch_pixel_ratio(&sh);
    });
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    mql.add_event_listener_with_callback_and_add_event_listener_options("change", changed.unchecked_ref(), &once)
}

/// Keeps the canvas the size of its box, in CSS and device pixels.
fn watch_size(sh: &Shared) -> Result<(), JsValue> {
    watch_pixel_ratio(sh)?;
    let resize = {
        let sh = sh.clone();
        move || measure_stage(&sh)
    };
    resize();
    let f = resize.clone();
    let observer = web_sys::ResizeObserver::new(Closure::<dyn FnMut()>::new(f).into_js_value().unchecked_ref())?;
    observer.observe(&dom::el("stage")?);
    dom::on(&dom::window(), "resize", move |_: Event| resize())
}
