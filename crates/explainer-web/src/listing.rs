//! The chapter menu and the code listings: one element per listing line,
//! so the current line can be marked and the text stays selectable. Each
//! listing (a chapter's, or another program a step shows) is built on first
//! visit and kept (hidden) for the next.

use crate::dom;
use chapters::{Chapter, Code};
use wasm_bindgen::prelude::*;

pub fn build_chapter_menu(chapters: &[Chapter]) -> Result<(), JsValue> {
    let select = dom::el("chapter")?;
    let doc = dom::document();
    for (i, c) in chapters.iter().enumerate() {
        let opt = doc.create_element("option")?;
        opt.set_attribute("value", c.id)?;
        opt.set_text_content(Some(&format!("{}. {}", i + 1, c.title)));
        select.append_child(&opt)?;
    }
    Ok(())
}

/// The element id of `code` shown in `chapter`: `code-<chapter>` for the
/// chapter's own listing, else one named after the file; `-ja` after it in
/// Japanese, whose listing has its comments translated.
pub fn id(chapter: &Chapter, code: &Code) -> String {
    let suffix = chapter.language.pick("", "-ja");
    if code.file == chapter.code.file {
        format!("code-{}{suffix}", chapter.id)
    } else {
        format!("code-{}{suffix}", code.file.replace(['/', '.'], "-"))
    }
}

/// Shows `code` in `chapter`, building its listing on first visit.
pub fn show(chapter: &Chapter, code: &Code) -> Result<(), JsValue> {
    let id = id(chapter, code);
    build(&id, code, chapter.language)?;
    let holder = dom::el("code")?;
    let children = holder.children();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            let hidden = c.has_attribute("hidden");
            if (c.id() == id) == hidden {
                let _ = if hidden { c.remove_attribute("hidden") } else { c.set_attribute("hidden", "") };
            }
        }
    }
    dom::set_text("code-file", code.file);
    Ok(())
}

/// Builds `chapter`'s own listing, hidden, unless it is built already.
pub fn build_chapter(chapter: &Chapter) -> Result<(), JsValue> {
    build(&id(chapter, &chapter.code), &chapter.code, chapter.language)
}

/// Builds `code`'s listing in language `l` as element `id`, hidden, unless
/// it is built already.
fn build(id: &str, code: &Code, l: memview::Language) -> Result<(), JsValue> {
    if dom::el(id).is_ok() {
        return Ok(());
    }
    let holder = dom::el("code")?;
    let (lang, syntax) = match code.lang {
        chapters::Lang::Go => ("go", memview::Syntax::Go),
        chapters::Lang::C => ("c", memview::Syntax::C),
        chapters::Lang::Asm => ("asm", memview::Syntax::Asm),
    };
    let doc = dom::document();
    let text = chapters::comments::listing_in(code.text, l);
    let code = doc.create_element("code")?;
    code.set_id(id);
    code.set_attribute("hidden", "")?;
    code.set_class_name("listing");
    code.set_attribute("data-lang", lang)?;
    for (i, line) in text.lines().enumerate() {
        let span = doc.create_element("span")?;
        span.set_class_name("line");
        span.set_attribute("data-line", &(i + 1).to_string())?;
        if line.is_empty() {
            span.set_text_content(Some(" "));
        }
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

/// Marks line `line` (1-based) of listing `id` as the current one.
pub fn mark_line(id: &str, line: Option<usize>) {
    let Ok(code) = dom::el(id) else { return };
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
pub fn scroll_to_current() {
    dom::scroll_within("code", "code:not([hidden]) .line.current");
}
