//! Puts the page's words in the session's language: `<html lang>`, the
//! description, every `data-t` (text), `data-t-aria` (aria-label) and
//! `data-t-title` (title) element of index.html from [`session::Words`],
//! the chapter menu, the slider labels and the language switch itself. Runs
//! at start-up (unless the page opens in index.html's own language) and on
//! every change of language; text goes in as textContent and attributes,
//! never as markup.

use crate::dom;
use chapters::Chapter;
use memview::Language;
use session::Words;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The language index.html, the chapter menu and the slider labels are
/// built in (`session/tests/language.rs` holds index.html to its table).
pub const STATIC: Language = Language::En;

/// Whether the page, at start-up, is already in `lang`: index.html's own
/// words, unless boot-check.js put the loading page in Japanese (it marks
/// `<html lang>` when it does). Writing each word again cost a DOM call and
/// dirtied its layout before the first frame.
pub fn already(lang: Language) -> bool {
    let root = dom::document().document_element().and_then(|r| r.get_attribute("lang"));
    lang == STATIC && root.as_deref() == Some(STATIC.code())
}

pub fn apply(lang: Language, chapters: &[Chapter]) {
    let w = Words::of(lang);
    let doc = dom::document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", w.description);
    }
    for (attr, set) in [("data-t", Set::Text), ("data-t-aria", Set::Attr("aria-label")), ("data-t-title", Set::Attr("title"))] {
        let Ok(list) = doc.query_selector_all(&format!("[{attr}]")) else { continue };
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(text) = el.get_attribute(attr).and_then(|k| w.page(&k)) else { continue };
            match set {
                Set::Text => el.set_text_content(Some(text)),
                Set::Attr(name) => {
                    let _ = el.set_attribute(name, text);
                }
            }
        }
    }
    if let Ok(menu) = dom::el("chapter") {
        let options = menu.children();
        for (i, c) in chapters.iter().enumerate() {
            if let Some(o) = options.item(i as u32) {
                o.set_text_content(Some(&format!("{}. {}", i + 1, c.title)));
            }
        }
    }
    for k in chapters.iter().flat_map(|c| c.knobs) {
        if let Ok(Some(label)) = doc.query_selector(&format!("label[for={}]", k.id)) {
            label.set_text_content(Some(k.label.get(lang)));
        }
    }
    // The switch offers the other language, named in that language (only
    // the name: its tooltip is in the page's, and read in the page's voice).
    if let (Ok(switch), Ok(name), Some(other)) = (dom::el("lang"), dom::el("lang-name"), Language::ALL.into_iter().find(|l| *l != lang)) {
        name.set_text_content(Some(other.autonym()));
        let _ = name.set_attribute("lang", other.code());
        let _ = switch.set_attribute("data-lang", other.code());
    }
}

#[derive(Clone, Copy)]
enum Set {
    Text,
    Attr(&'static str),
}

/// The browser's preferred languages, best first (`navigator.languages`).
pub fn preferred() -> Language {
    let nav = dom::window().navigator();
    let tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    let first = nav.language();
    Language::preferred(tags.iter().map(String::as_str).chain(first.as_deref())).unwrap_or_default()
}
