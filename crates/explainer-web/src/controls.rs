//! Wires the page's controls, keys and browser events to the app.
//!
//!    ←/→ previous/next   Space play/pause   Home/End first/last   ? help
//!
//! Keys are ignored while a form control has focus (it has its own keys) and
//! when a modifier is held (browser shortcuts stay the browser's).

use crate::app::App;
use crate::url::{self, Nav};
use crate::{dom, frame_loop, knob_panel, panels};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

type Shared = Rc<RefCell<App>>;

fn button(id: &str, app: &Shared, f: impl Fn(&Shared) + 'static) -> Result<(), JsValue> {
    let app = app.clone();
    dom::on(&dom::el(id)?.into(), "click", move |_: Event| f(&app))
}

pub fn wire(app: &Shared) -> Result<(), JsValue> {
    button("prev", app, App::prev)?;
    button("next", app, |a| App::next(a, Nav::Push))?;
    button("play", app, |a| {
        let playing = a.borrow().playing;
        App::set_playing(a, !playing);
    })?;
    button("copy-link", app, |_| copy_link())?;
    button("help-button", app, |_| show_help(true))?;
    button("help-close", app, |_| show_help(false))?;
    button("notice-close", app, |_| panels::clear_notice())?;
    button("theme", app, |a| {
        let dark = !a.borrow().dark;
        set_theme(a, dark);
    })?;

    let scrubber: HtmlInputElement = dom::typed("scrubber")?;
    {
        let app2 = app.clone();
        let s = scrubber.clone();
        dom::on(&scrubber, "input", move |_: Event| {
            let step = s.value().parse::<usize>().unwrap_or(1).max(1) - 1;
            let c = app2.borrow().chapter;
            App::go(&app2, c, step, Nav::Keep);
        })?;
        let app = app.clone();
        dom::on(&scrubber, "change", move |_: Event| {
            let a = app.borrow();
            url::write(&a.hash(), Nav::Push);
        })?;
    }
    let select: HtmlSelectElement = dom::typed("chapter")?;
    {
        let app = app.clone();
        let s = select.clone();
        dom::on(&select, "change", move |_: Event| {
            let id = s.value();
            let Some(c) = app.borrow().chapters.iter().position(|c| c.id == id) else { return };
            App::go(&app, c, 0, Nav::Push);
        })?;
    }
    let speed: HtmlSelectElement = dom::typed("speed")?;
    {
        let app = app.clone();
        let s = speed.clone();
        dom::on(&speed, "change", move |_: Event| {
            let v = match s.value().as_str() {
                "0.5" => 0.5,
                "1.5" => 1.5,
                "2" => 2.0,
                _ => 1.0,
            };
            app.borrow_mut().speed = v;
        })?;
    }

    for id in ["gogc", "gomemlimit", "live", "objects"] {
        let app = app.clone();
        dom::on(&dom::el(id)?.into(), "input", move |_: Event| {
            let knobs = {
                let a = app.borrow();
                knob_panel::read(a.views.knobs(), &a.view())
            };
            App::set_knobs(&app, knobs);
        })?;
    }

    let window = dom::window();
    for event in ["hashchange", "popstate"] {
        let app = app.clone();
        dom::on(&window, event, move |_: Event| {
            let route = url::read(&app);
            App::go_route(&app, route, Nav::Keep);
        })?;
    }
    {
        let app = app.clone();
        dom::on(&dom::document(), "keydown", move |e: KeyboardEvent| on_key(&app, &e))?;
    }
    watch_media(app, "(prefers-color-scheme: dark)", set_theme)?;
    watch_media(app, "(prefers-reduced-motion: reduce)", |a, m| a.borrow_mut().reduced_motion = m)?;
    watch_size(app)?;
    Ok(())
}

fn on_key(app: &Shared, e: &KeyboardEvent) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let in_control = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"));
    let key = e.key();
    if key == "Escape" {
        show_help(false);
        return;
    }
    // Form fields keep every key; buttons keep Space/Enter but arrows step.
    let arrow_on_button = key.starts_with("Arrow") && !is_form_field(e);
    if in_control && !arrow_on_button {
        return;
    }
    let (chapter, last) = {
        let a = app.borrow();
        (a.chapter, a.chapters[a.chapter].steps.len() - 1)
    };
    match key.as_str() {
        "ArrowRight" => App::next(app, Nav::Push),
        "ArrowLeft" => App::prev(app),
        " " | "Spacebar" => {
            let playing = app.borrow().playing;
            App::set_playing(app, !playing);
        }
        "Home" => App::go(app, chapter, 0, Nav::Push),
        "End" => App::go(app, chapter, last, Nav::Push),
        "?" => show_help(true),
        _ => return,
    }
    e.prevent_default();
}

fn is_form_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

fn show_help(open: bool) {
    dom::set_hidden("help", !open);
    let target = if open { "help-close" } else { "help-button" };
    if let Ok(el) = dom::typed::<HtmlElement>(target) {
        if open || dom::document().active_element().is_some_and(|a| a.id() == "help-close") {
            let _ = el.focus();
        }
    }
}

fn set_theme(app: &Shared, dark: bool) {
    app.borrow_mut().dark = dark;
    if let Some(root) = dom::document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
    frame_loop::request(app);
}

fn copy_link() {
    let window = dom::window();
    let href = window.location().href().unwrap_or_default();
    let promise = window.navigator().clipboard().write_text(&href);
    let ok = Closure::<dyn FnMut(JsValue)>::new(|_| dom::set_text("copy-status", "Link copied"));
    let href2 = href.clone();
    let fail = Closure::<dyn FnMut(JsValue)>::new(move |_| panels::notice(&format!("Copy this link: {href2}")));
    let _ = promise.then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

fn watch_media(app: &Shared, query: &str, f: impl Fn(&Shared, bool) + 'static) -> Result<(), JsValue> {
    let Some(mql) = dom::window().match_media(query)? else { return Ok(()) };
    f(app, mql.matches());
    let app = app.clone();
    let m2 = mql.clone();
    dom::on(&mql, "change", move |_: Event| f(&app, m2.matches()))
}

/// Keeps the canvas the size of its box, in CSS and device pixels.
fn watch_size(app: &Shared) -> Result<(), JsValue> {
    let stage = dom::el("stage")?;
    let resize = {
        let app = app.clone();
        let stage = stage.clone();
        move || {
            let rect = stage.get_bounding_client_rect();
            let (w, h) = (rect.width().max(1.0) as f32, rect.height().max(1.0) as f32);
            let dpr = dom::window().device_pixel_ratio().max(1.0);
            {
                let mut a = app.borrow_mut();
                if a.viewport.width == w && a.viewport.height == h && a.dpr == dpr && a.scene.is_some() {
                    return;
                }
                a.viewport = memview::Viewport { width: w, height: h };
                a.dpr = dpr;
                a.relayout();
                a.anim = None;
            }
            frame_loop::request(&app);
        }
    };
    resize();
    let f = resize.clone();
    let observer = web_sys::ResizeObserver::new(Closure::<dyn FnMut()>::new(f).into_js_value().unchecked_ref())?;
    observer.observe(&stage);
    dom::on(&dom::window(), "resize", move |_: Event| resize())
}
