//! The sliders beside the pacer chart and the marking views.
//!
//!    GOGC        10 … 500, then `off` at the far right
//!    GOMEMLIMIT  `off` at the far left, then 4 … 256 MiB
//!    live heap   1 … 64 MiB
//!    objects     a few tree sizes, 7 … 20,000
//!
//! Each slider's value text (aria-valuetext) says what a screen reader
//! should hear: "off", "48 MiB".

use crate::dom;
use chapters::knobs::{gogc_text, Knobs, GOGC_MAX};
use chapters::View;
use memsim::pacer::MIB;
use web_sys::HtmlInputElement;

/// The GOGC slider's position for `off`: one step past the maximum.
const GOGC_OFF: u32 = GOGC_MAX + 10;
/// Tree sizes the objects slider offers (full trees, then round counts).
const OBJECT_COUNTS: [usize; 7] = [7, 31, 127, 511, 2047, 10_000, 20_000];

fn input(id: &str) -> Option<HtmlInputElement> {
    dom::typed::<HtmlInputElement>(id).ok()
}

fn value(id: &str) -> u64 {
    input(id).and_then(|i| i.value().parse().ok()).unwrap_or(0)
}

fn set(id: &str, v: u64, text: &str) {
    if let Some(i) = input(id) {
        i.set_value(&v.to_string());
        let _ = i.set_attribute("aria-valuetext", text);
    }
    dom::set_text(&format!("{id}-out"), text);
}

/// The knobs the sliders show now.
pub fn read(current: Knobs, view: &View) -> Knobs {
    if matches!(view, View::Marking { .. }) {
        let i = (value("objects") as usize).min(OBJECT_COUNTS.len() - 1);
        return Knobs { objects: OBJECT_COUNTS[i], ..current };
    }
    let gogc = value("gogc") as u32;
    let limit = value("gomemlimit");
    Knobs {
        gogc: (gogc < GOGC_OFF).then_some(gogc),
        limit: (limit > 0).then_some(limit * MIB),
        live: value("live").max(1) * MIB,
        ..current
    }
}

/// Shows the sliders `view` uses, set to `k`.
pub fn show(view: &View, k: Knobs) {
    let (pacer, marking) = (matches!(view, View::Pacer(_)), matches!(view, View::Marking { .. }));
    dom::set_hidden("knobs", !pacer && !marking);
    if !pacer && !marking {
        return;
    }
    for (id, on) in [("knobs-pacer", pacer), ("knobs-marking", marking)] {
        dom::set_hidden(id, !on);
    }
    let limit = k.limit.map_or_else(|| "off".to_string(), memview::bytes);
    set("gogc", u64::from(k.gogc.unwrap_or(GOGC_OFF)), &gogc_text(k.gogc));
    set("gomemlimit", k.limit.map_or(0, |l| l / MIB), &limit);
    set("live", k.live / MIB, &memview::bytes(k.live));
    let nearest = OBJECT_COUNTS.iter().enumerate().min_by_key(|(_, n)| n.abs_diff(k.objects)).map_or(0, |(i, _)| i);
    set("objects", nearest as u64, &k.objects.to_string());
}

/// The readouts under the sliders, for screen readers and for copying.
pub fn show_stats(text: &str) {
    dom::set_text("knob-stats", text);
}
