//! A row of readouts — a small label over a big number — above a chart or
//! a heap map: the real numbers one look away from a scaled picture.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::layout::Metrics;
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use alloc::string::String;

/// Lays out `items` (label, value) across `rect` in one row, or two when
/// narrow; returns the height used.
pub(crate) fn row(scene: &mut Scene, rect: Rect, items: &[(&str, String)], mt: &Metrics) -> f32 {
    row_from(scene, rect, items, mt, 0)
}

/// As [`row`], keyed `Stat(first)`, `Stat(first + 1)`, …, for a second row
/// in one picture.
pub(crate) fn row_from(scene: &mut Scene, rect: Rect, items: &[(&str, String)], mt: &Metrics, first: u8) -> f32 {
    let n = items.len().max(1);
    let gap = mt.f * 0.5;
    let (small, big) = (mt.small(), mt.f * 1.15);
    // As many to a row as fit whole: every label and number, never cut.
    let need = items.iter().map(|(l, v)| mt.width(l, small).max(mt.width(v, big))).fold(0.0f32, f32::max) + mt.ch * 1.8;
    let Some(per_row) = [n, n.div_ceil(2)].into_iter().find(|&k| (rect.w - gap * (k - 1) as f32) / k as f32 >= need) else {
        return list(scene, rect, items, mt, first);
    };
    let w = (rect.w - gap * (per_row - 1) as f32) / per_row as f32;
    let h = mt.f * 3.0;
    for (i, (label, value)) in items.iter().enumerate() {
        let (col, line) = (i % per_row, i / per_row);
        let r = Rect::new(rect.x + col as f32 * (w + gap), rect.y + line as f32 * (h + gap), w, h);
        let vsize = if mt.width(value, big) + mt.ch * 1.6 <= w { big } else { mt.f };
        scene.nodes.push(
            Node::new(Key::Stat(first + i as u8), r)
                .fill(Role::Cell)
                .stroke(Role::CellBorder)
                .radius(6.0)
                .text(mt.ch * 0.8, h * 0.3, small, Role::Muted, *label, TextAlign::Left, false)
                .text(mt.ch * 0.8, h * 0.68, vsize, Role::Text, value.as_str(), TextAlign::Left, true),
        );
    }
    let lines = n.div_ceil(per_row) as f32;
    lines * h + (lines - 1.0) * gap
}

/// Narrow: one line per readout, its label on the left and its number on
/// the right, so a phone keeps room for the chart under them.
fn list(scene: &mut Scene, rect: Rect, items: &[(&str, String)], mt: &Metrics, first: u8) -> f32 {
    let line = mt.f * 1.5;
    for (i, (label, value)) in items.iter().enumerate() {
        let r = Rect::new(rect.x, rect.y + i as f32 * line, rect.w, line - 2.0);
        let small = mt.small();
        let vsize = if mt.width(label, small) + mt.width(value, mt.f) + mt.ch * 2.0 <= rect.w { mt.f } else { small };
        scene.nodes.push(
            Node::new(Key::Stat(first + i as u8), r)
                .fill(Role::Cell)
                .radius(4.0)
                .text(mt.ch * 0.6, r.h / 2.0, small, Role::Muted, *label, TextAlign::Left, false)
                .text(r.w - mt.ch * 0.6, r.h / 2.0, vsize, Role::Text, value.as_str(), TextAlign::Right, true),
        );
    }
    items.len() as f32 * line
}
