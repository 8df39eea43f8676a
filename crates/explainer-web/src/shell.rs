//! The session in a page: dispatches intents, carries out their effects,
//! renders the page, and paints frames with requestAnimationFrame only
//! while something moves (an idle page costs nothing).
//!
//!    controls ──Intent──► dispatch ──► Session ──► effects (URL, clipboard, focus)
//!                                         ├──► render::page (DOM, once per change)
//!                                         └──► frame ──► Canvas2d

use crate::canvas2d::Canvas2d;
use crate::{dom, focus, listing, panic, render, stats, terminal, url};
use session::{Effect, Intent, Page, Session};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub struct Shell {
    session: Session,
    canvas: Canvas2d,
    /// What the DOM shows now; the next render writes only differences.
    rendered: Option<Page>,
    dpr: f64,
    frame_pending: bool,
    /// What `goMemoryStats.framePending` says, written only when it changes:
    /// tests wait for the page to rest on it.
    pending_flag: bool,
    painted_once: bool,
    /// Something changed since the canvas was last painted. A key the page
    /// ignores, or a slider already painted in its input, leaves the next
    /// frame nothing to do.
    dirty: bool,
    /// The listing should scroll to its current line after the next paint.
    scroll_code: bool,
}

pub type Shared = Rc<RefCell<Shell>>;

/// The one requestAnimationFrame callback, made once and reused.
type FrameCallback = Closure<dyn FnMut(f64)>;

thread_local! {
    static CALLBACK: RefCell<Option<FrameCallback>> = const { RefCell::new(None) };
}

pub fn new(session: Session) -> Result<Shared, JsValue> {
    let canvas = Canvas2d::new(dom::typed("view")?)?;
    listing::build_chapter_menu(session.chapters())?;
    crate::sliders::build(session.chapters())?;
    Ok(Rc::new(RefCell::new(Shell {
        session,
        canvas,
        rendered: None,
        dpr: 1.0,
        frame_pending: false,
        pending_flag: false,
        painted_once: false,
        dirty: true,
        scroll_code: false,
    })))
}

/// Runs `f` on the session (for work beside the page's own dispatch).
pub fn with_session<T>(sh: &Shared, f: impl FnOnce(&mut Session) -> T) -> T {
    f(&mut sh.borrow_mut().session)
}

/// Whether the page shows exactly `hash` already.
pub fn shows(sh: &Shared, hash: &str) -> bool {
    sh.borrow().session.hash() == hash
}

/// What kind of timing an intent's handling counts as, for the benchmark.
fn measure_as(intent: &Intent) -> Option<&'static str> {
    match intent {
        Intent::Slider { .. } => Some("recompute"),
        Intent::Open { .. } | Intent::Next | Intent::Prev | Intent::First | Intent::Last | Intent::Scrub(_) | Intent::PickChapter(_) => Some("seek"),
        _ => None,
    }
}

/// Applies `intent`; returns whether it meant something (keys that did
/// are kept from the browser).
pub fn dispatch(sh: &Shared, intent: Intent) -> bool {
    let t0 = dom::now();
    focus::unmute_caption();
    let measure = measure_as(&intent);
    let slider = matches!(intent, Intent::Slider { .. });
    if let Intent::Resize { dpr, .. } = intent {
        sh.borrow_mut().dpr = dpr;
    }
    let (handled, effects) = {
        let mut s = sh.borrow_mut();
        let handled = s.session.dispatch(intent, t0);
        (handled, s.session.take_effects())
    };
    if !handled && effects.is_empty() {
        // Nothing changed (a key left to the browser): no render, no frame.
        return false;
    }
    let focused = focus::current();
    // Focus moves after the render, into what it shows; the rest first (a
    // new history entry before the title that names it).
    let (moves, effects): (Vec<_>, Vec<_>) = effects.into_iter().partition(|e| matches!(e, Effect::Focus(_)));
    for e in effects {
        apply(sh, e);
    }
    let again = {
        let mut s = sh.borrow_mut();
        s.dirty = true;
        if let Some(page) = s.session.page() {
            render::page(&page, s.rendered.as_ref(), s.session.chapters());
            s.rendered = Some(page);
        }
        if slider && s.painted_once {
            // A dragged slider's picture is on screen at the next
            // composite, with no frame of lag, and not painted again.
            let now = dom::now();
            s.dirty = !paint(&mut s, now);
        }
        s.dirty || s.scroll_code || s.session.moving()
    };
    for e in moves {
        apply(sh, e);
    }
    let present = sh.borrow().rendered.as_ref().is_some_and(|p| p.embed.present);
    focus::keep(focused, present);
    if let Some(name) = measure {
        stats::measure(name, t0);
    }
    if again {
        request_frame(sh);
    }
    handled
}

fn apply(sh: &Shared, effect: Effect) {
    match effect {
        Effect::Url { hash, nav } => url::write(&hash, nav),
        Effect::CopyLink(hash) => copy_link(sh, &hash),
        Effect::CopyEmbed(hash) => copy_embed(sh, &hash),
        Effect::Post(reply) => crate::embed::post(&reply),
        Effect::Focus("help") => focus::open_help(),
        Effect::Focus("help-button") => focus::close_help(),
        Effect::Focus("help-next") => focus::help_step(true),
        Effect::Focus("help-prev") => focus::help_step(false),
        Effect::Focus(id) => {
            if let Ok(el) = dom::typed::<web_sys::HtmlElement>(id) {
                let _ = el.focus();
            }
        }
        Effect::ScrollCode => sh.borrow_mut().scroll_code = true,
        Effect::Failed(message) => panic::show(&message),
    }
}

/// Copies an `<iframe>` showing this state chromeless.
fn copy_embed(sh: &Shared, hash: &str) {
    let location = dom::window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    // Escaped for the attribute it goes in.
    let title = sh.borrow().session.embed_title().replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let snippet = format!("<iframe src=\"{base}{hash}\" width=\"960\" height=\"540\" style=\"border:0\" title=\"{title}\" loading=\"lazy\"></iframe>");
    write_clipboard(sh, snippet);
}

fn copy_link(sh: &Shared, hash: &str) {
    let href = dom::window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    write_clipboard(sh, format!("{base}{hash}"));
}

fn write_clipboard(sh: &Shared, href: String) {
    let navigator = dom::window().navigator();
    // A page served over plain HTTP (not localhost) has no clipboard API at
    // all: it copies by selection, and failing that offers the text to copy
    // by hand, as when a write is refused.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    let promise = if has_clipboard {
        navigator.clipboard().write_text(&href)
    } else if copy_by_selection(&href) {
        js_sys::Promise::resolve(&JsValue::UNDEFINED)
    } else {
        js_sys::Promise::reject(&JsValue::from_str("no clipboard"))
    };
    let ok = {
        let sh = sh.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            dispatch(&sh, Intent::Copied(Ok(())));
            clear_copy_status_later(&sh);
        })
    };
    let fail = {
        let sh = sh.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            dispatch(&sh, Intent::Copied(Err(href.clone())));
        })
    };
    let _ = promise.then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

/// The older way to copy, where there is no clipboard API: the text
/// selected in a text area out of sight, and the document asked to copy
/// it. Focus goes back where it was (the copy button).
fn copy_by_selection(text: &str) -> bool {
    let document = dom::document();
    let (Some(body), Ok(area)) = (document.body(), document.create_element("textarea")) else { return false };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else { return false };
    let held = document.active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    area.style().set_css_text("position:fixed;left:-9999px;top:0;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    area.remove();
    if let Some(held) = held {
        let _ = held.focus();
    }
    copied
}

/// How long "Link copied" stays on screen.
const COPY_STATUS_MS: i32 = 4000;

thread_local! {
    /// Counts copies, so only the latest copy's timer clears its status.
    static COPIES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn clear_copy_status_later(sh: &Shared) {
    let copy = COPIES.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let sh = sh.clone();
    let read = Closure::once_into_js(move || {
        if COPIES.with(|c| c.get()) == copy {
            dispatch(&sh, Intent::CopyStatusRead);
        }
    });
    let _ = dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(read.unchecked_ref(), COPY_STATUS_MS);
}

pub fn request_frame(sh: &Shared) {
    if std::mem::replace(&mut sh.borrow_mut().frame_pending, true) {
        return;
    }
    set_pending_flag(&mut sh.borrow_mut(), true);
    let sh2 = sh.clone();
    CALLBACK.with(|cb| {
        let mut cb = cb.borrow_mut();
        if cb.is_none() {
            *cb = Some(Closure::<dyn FnMut(f64)>::new(move |_t: f64| frame(&sh2)));
        }
        if let Some(f) = cb.as_ref() {
            let _ = dom::window().request_animation_frame(f.as_ref().unchecked_ref());
        }
    });
}

/// Draws what the session shows at `now`; false when it shows nothing yet.
fn paint(s: &mut Shell, now: f64) -> bool {
    let Some(scene) = s.session.frame(now) else { return false };
    let cmds = memview::paint(&scene, &s.session.palette());
    let ((w, h), zoom) = (s.session.canvas(), s.session.zoom());
    s.canvas.resize(f64::from(w), f64::from(h), s.dpr, f64::from(zoom));
    s.canvas.paint(&cmds);
    true
}

fn frame(sh: &Shared) {
    let t0 = dom::now();
    let (again, changed) = {
        let mut s = sh.borrow_mut();
        s.frame_pending = false;
        if !s.painted_once {
            stats::record("firstCallback", t0);
        }
        if !s.dirty && !s.scroll_code && !s.session.moving() {
            set_pending_flag(&mut s, false);
            return;
        }
        // Playback may move on a step (or stop) during this frame.
        let before = (s.session.position(), s.session.playing());
        if !paint(&mut s, t0) {
            set_pending_flag(&mut s, false);
            return;
        }
        s.dirty = false;
        let moved = before != (s.session.position(), s.session.playing());
        (s.session.moving(), (moved, s.session.take_effects()))
    };
    let (moved, effects) = changed;
    // What had focus, only when the page is about to change (painting the
    // canvas moves no focus): not a DOM call on every frame.
    let focused = if moved { focus::current() } else { None };
    for e in effects {
        apply(sh, e);
    }
    if moved {
        focus::unmute_caption();
    }
    {
        let mut s = sh.borrow_mut();
        if let Some(page) = s.session.page().filter(|_| moved) {
            render::page(&page, s.rendered.as_ref(), s.session.chapters());
            s.rendered = Some(page);
        }
        if std::mem::take(&mut s.scroll_code) {
            listing::scroll_to_current();
            terminal::scroll_to_mark();
        }
        url::write_title();
        if !s.painted_once {
            s.painted_once = true;
            let _ = s.canvas.canvas.set_attribute("data-painted", "true");
            // The loading status (www/index.html) gives way to the picture
            // and the controls, all in the same frame.
            if let Ok(app) = dom::el("app") {
                let _ = app.remove_attribute("data-loading");
            }
            stats::record("firstFrame", dom::now());
            drop(s);
            crate::warm::start(sh);
        }
    }
    // A step playback moved on to may have taken what had focus (Next,
    // disabled on the story's last step; a caption's link; a slider): it
    // moves on as after a key.
    if moved {
        let present = sh.borrow().rendered.as_ref().is_some_and(|p| p.embed.present);
        focus::keep(focused, present);
    }
    stats::measure("frame", t0);
    if again {
        request_frame(sh);
    } else {
        let mut s = sh.borrow_mut();
        // An effect or render above may have asked for a frame already.
        if !s.frame_pending {
            set_pending_flag(&mut s, false);
        }
    }
}

/// Keeps `goMemoryStats.framePending` true while a frame is scheduled.
fn set_pending_flag(s: &mut Shell, on: bool) {
    if s.pending_flag != on {
        s.pending_flag = on;
        stats::flag("framePending", on);
    }
}
