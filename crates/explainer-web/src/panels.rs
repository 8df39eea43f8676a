//! The DOM around the canvas: caption, code listing, terminal, step counter,
//! scrubber, chapter menu, notices. All text goes in as textContent.

use crate::app::App;
use crate::dom;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// States which toolchain the page's Go claims were checked against.
pub fn show_checked() {
    dom::set_text(
        "checked",
        &format!(
            "Numbers are for {} on 64-bit Linux; listings, compiler messages, program output and allocation sizes were checked against {}. Addresses are illustrative.",
            chapters::GO_VERSION,
            chapters::GO_CHECKED
        ),
    );
}

pub fn build_chapter_menu(app: &App) -> Result<(), JsValue> {
    let select: HtmlSelectElement = dom::typed("chapter")?;
    let doc = dom::document();
    for (i, c) in app.chapters.iter().enumerate() {
        let opt = doc.create_element("option")?;
        opt.set_attribute("value", c.id)?;
        opt.set_text_content(Some(&format!("{}. {}", i + 1, c.title)));
        select.append_child(&opt)?;
    }
    Ok(())
}

/// Shows the chapter's code listing: one element per line, so the current
/// line can be marked and the text stays selectable. Each chapter's listing
/// is built on first visit and kept (hidden) for the next.
fn show_code(app: &App) -> Result<(), JsValue> {
    let chapter = &app.chapters[app.chapter];
    let holder = dom::el("code")?;
    let id = format!("code-{}", chapter.id);
    let children = holder.children();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            let _ = if c.id() == id { c.remove_attribute("hidden") } else { c.set_attribute("hidden", "") };
        }
    }
    dom::set_text("code-file", chapter.code.file);
    if dom::el(&id).is_ok() {
        return Ok(());
    }
    let doc = dom::document();
    let code = doc.create_element("code")?;
    code.set_id(&id);
    code.set_class_name("listing");
    code.set_attribute("data-lang", match chapter.code.lang {
        chapters::Lang::Go => "go",
        chapters::Lang::C => "c",
        chapters::Lang::Asm => "asm",
    })?;
    for (i, line) in chapter.code.text.lines().enumerate() {
        let span = doc.create_element("span")?;
        span.set_class_name("line");
        span.set_attribute("data-line", &(i + 1).to_string())?;
        if line.is_empty() {
            span.set_text_content(Some(" "));
        }
        let syntax = match chapter.code.lang {
            chapters::Lang::Go => memview::Syntax::Go,
            chapters::Lang::C => memview::Syntax::C,
            chapters::Lang::Asm => memview::Syntax::Asm,
        };
        for (token, text) in memview::highlight(line, syntax) {
            if token == memview::Token::Plain {
                span.append_child(&doc.create_text_node(text))?;
            } else {
                let t = doc.create_element("span")?;
                t.set_class_name(token.class());
                t.set_text_content(Some(text));
                span.append_child(&t)?;
            }
        }
        code.append_child(&span)?;
        code.append_child(&doc.create_text_node("\n"))?;
    }
    holder.append_child(&code)?;
    Ok(())
}

fn mark_line(chapter: &str, line: Option<usize>) {
    let Ok(code) = dom::el(&format!("code-{chapter}")) else { return };
    if let Ok(Some(old)) = code.query_selector(".line.current") {
        let _ = old.class_list().remove_1("current");
        let _ = old.remove_attribute("aria-current");
    }
    let Some(n) = line else { return };
    let Ok(Some(el)) = code.query_selector(&format!(".line[data-line=\"{n}\"]")) else { return };
    let _ = el.class_list().add_1("current");
    let _ = el.set_attribute("aria-current", "step");
}

/// Scrolls the listing, not the page, so the current line is in view.
/// Called from the frame callback: reading layout there costs no extra
/// layout pass, where doing it while updating the DOM would force one.
pub fn scroll_code_to_current() {
    let Ok(pre) = dom::el("code") else { return };
    let Ok(Some(el)) = pre.query_selector("code:not([hidden]) .line.current") else { return };
    let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() else { return };
    let top = f64::from(el.offset_top());
    let view = f64::from(pre.client_height());
    let cur = f64::from(pre.scroll_top());
    if top < cur + 8.0 || top > cur + view - 32.0 {
        pre.set_scroll_top((top - view / 3.0).max(0.0) as i32);
    }
}

/// Brings every panel in line with the app's chapter and step.
pub fn update(app: &App) {
    let chapter = &app.chapters[app.chapter];
    let step = &chapter.steps[app.step];
    let total = chapter.steps.len();
    let ticks = dom::el("ticks").ok();
    if ticks.as_ref().and_then(|c| c.get_attribute("data-chapter")).as_deref() != Some(chapter.id) {
        let _ = show_code(app);
        build_ticks(total);
        if let Some(t) = ticks {
            let _ = t.set_attribute("data-chapter", chapter.id);
        }
    }
    dom::set_text("caption", &step.caption);
    dom::set_text("counter", &format!("{} / {total}", app.step + 1));
    dom::set_text("chapter-title", chapter.title);
    mark_line(chapter.id, chapter.line(app.step));
    if let Ok(s) = dom::typed::<HtmlSelectElement>("chapter") {
        s.set_value(chapter.id);
    }
    if let Ok(r) = dom::typed::<HtmlInputElement>("scrubber") {
        r.set_max(&total.to_string());
        r.set_value(&(app.step + 1).to_string());
        let _ = r.set_attribute("aria-valuetext", &format!("Step {} of {total}", app.step + 1));
    }
    let _ = dom::el("prev").map(|b| toggle_disabled(&b, app.step == 0));
    let _ = dom::el("next").map(|b| toggle_disabled(&b, app.step + 1 >= total));
    if let Some(m) = app.machine() {
        dom::set_text("state-desc", &memview::describe(m));
        update_terminal(chapter, step, m);
    }
    dom::document().set_title(&format!("{} \u{b7} step {} \u{2014} Go Memory, Through History", chapter.title, app.step + 1));
    if let Ok(body) = dom::el("app") {
        let _ = body.set_attribute("data-chapter", chapter.id);
        let _ = body.set_attribute("data-step", &(app.step + 1).to_string());
    }
}

fn toggle_disabled(el: &Element, disabled: bool) {
    let _ = if disabled { el.set_attribute("disabled", "") } else { el.remove_attribute("disabled") };
}

fn update_terminal(chapter: &chapters::Chapter, step: &chapters::Step, m: &memsim::Machine) {
    let text = match (&step.terminal, chapter.run_command) {
        (Some(t), _) => Some(format!("$ {}\n{}", t.command, t.output.trim_end())),
        (None, Some(cmd)) if !m.stdout.is_empty() || m.killed.is_some() => {
            // The shell reports a SIGKILL with "Killed" and status 137.
            let killed = if m.killed.is_some() { "\nKilled\n$ echo $?\n137" } else { "" };
            let head = step.output_note.map_or_else(|| format!("$ {cmd}"), |n| format!("# {n}"));
            Some(format!("{head}\n{}{killed}", m.stdout.join("\n")))
        }
        _ => None,
    };
    dom::set_hidden("terminal-box", text.is_none());
    dom::set_text("terminal", text.as_deref().unwrap_or(""));
}

fn build_ticks(total: usize) {
    let Ok(ticks) = dom::el("ticks") else { return };
    ticks.set_text_content(None);
    let doc = dom::document();
    for _ in 0..total {
        if let Ok(t) = doc.create_element("span") {
            let _ = ticks.append_child(&t);
        }
    }
}

pub fn update_play(app: &App) {
    if let Ok(b) = dom::el("play") {
        let _ = b.set_attribute("aria-pressed", if app.playing { "true" } else { "false" });
        let _ = b.set_attribute("aria-label", if app.playing { "Pause" } else { "Play" });
        b.set_text_content(Some(if app.playing { "\u{275a}\u{275a}" } else { "\u{25b6}" }));
    }
}

/// Shows a dismissible notice (for bad links and messages).
pub fn notice(text: &str) {
    dom::set_text("notice-text", text);
    dom::set_hidden("notice", false);
}

pub fn clear_notice() {
    dom::set_hidden("notice", true);
}
