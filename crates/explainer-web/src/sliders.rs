//! The sliders, built from the chapters' knob tables (`chapters::knob`):
//! one `<input type=range>` per knob, grouped in `#knobs-<group>`, with an
//! `<output>` and an aria-valuetext saying the value as the page shows it
//! ("off", "48 MiB"). Nothing about a knob is written in the HTML.

use crate::dom;
use chapters::Chapter;
use session::Page;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Builds every knob of every chapter once, each id once.
pub fn build(chapters: &[Chapter]) -> Result<(), JsValue> {
    let holder = dom::el("knob-groups")?;
    let doc = dom::document();
    for knob in chapters.iter().flat_map(|c| c.knobs) {
        if dom::el(knob.id).is_ok() {
            continue;
        }
        let group_id = format!("knobs-{}", knob.group);
        let group = match dom::el(&group_id) {
            Ok(g) => g,
            Err(_) => {
                let g = doc.create_element("div")?;
                g.set_id(&group_id);
                g.set_attribute("hidden", "")?;
                holder.append_child(&g)?;
                g
            }
        };
        let row = doc.create_element("div")?;
        row.set_class_name("knob");
        row.set_id(&format!("knob-row-{}", knob.id));
        let label = doc.create_element("label")?;
        label.set_attribute("for", knob.id)?;
        label.set_text_content(Some(knob.label.get(crate::words::STATIC)));
        let input = doc.create_element("input")?;
        let (min, max, step) = knob.slider();
        for (k, v) in [("id", knob.id.to_string()), ("type", "range".into()), ("min", min.to_string()), ("max", max.to_string()), ("step", step.to_string())] {
            input.set_attribute(k, &v)?;
        }
        let output = doc.create_element("output")?;
        output.set_id(&format!("{}-out", knob.id));
        output.set_attribute("for", knob.id)?;
        // The slider says its value itself (aria-valuetext); an <output> is
        // also a live region, and would say it again on every move.
        output.set_attribute("aria-live", "off")?;
        row.append_child(&label)?;
        row.append_child(&input)?;
        row.append_child(&output)?;
        group.append_child(&row)?;
    }
    Ok(())
}

/// The ids of every slider, for wiring.
pub fn ids(chapters: &[Chapter]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for k in chapters.iter().flat_map(|c| c.knobs) {
        if !ids.contains(&k.id) {
            ids.push(k.id);
        }
    }
    ids
}

/// Shows the sliders `page` uses, set to its values.
pub fn render(page: &Page, old: Option<&Page>) {
    let groups = page.groups();
    let ids = |p: &Page| p.sliders.iter().map(|s| s.knob.id).collect::<Vec<_>>();
    if old.is_none_or(|o| ids(o) != ids(page)) {
        // A group's sliders the step does not use are hidden.
        if let Ok(rows) = dom::document().query_selector_all("#knob-groups .knob") {
            for i in 0..rows.length() {
                let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
                let on = page.sliders.iter().any(|s| row.id() == format!("knob-row-{}", s.knob.id));
                let _ = if on { row.remove_attribute("hidden") } else { row.set_attribute("hidden", "") };
            }
        }
    }
    if old.is_none_or(|o| o.groups() != groups) {
        dom::set_hidden("knobs", groups.is_empty());
        if let Ok(holder) = dom::el("knob-groups") {
            let children = holder.children();
            for i in 0..children.length() {
                if let Some(g) = children.item(i) {
                    let on = groups.iter().any(|name| g.id() == format!("knobs-{name}"));
                    let _ = if on { g.remove_attribute("hidden") } else { g.set_attribute("hidden", "") };
                }
            }
        }
    }
    for s in &page.sliders {
        if old.is_some_and(|o| o.sliders.contains(s)) {
            continue;
        }
        if let Ok(i) = dom::typed::<HtmlInputElement>(s.knob.id) {
            i.set_value(&s.position.to_string());
            let _ = i.set_attribute("aria-valuetext", &s.text);
        }
        dom::set_text(&format!("{}-out", s.knob.id), &s.text);
    }
}
