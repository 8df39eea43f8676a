//! A row of readouts — a small label over a big number — above a chart or
//! a heap map: the real numbers one look away from a scaled picture.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::layout::Metrics;
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::text;
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
    let per_row = if rect.w / n as f32 >= mt.ch * 15.0 { n } else { n.div_ceil(2) };
    let gap = mt.f * 0.5;
    let w = (rect.w - gap * (per_row - 1) as f32) / per_row as f32;
    let h = mt.f * 3.0;
    for (i, (label, value)) in items.iter().enumerate() {
        let (col, line) = (i % per_row, i / per_row);
        let r = Rect::new(rect.x + col as f32 * (w + gap), rect.y + line as f32 * (h + gap), w, h);
        let chars = ((w - mt.ch) / (mt.ch * 0.85)).max(4.0) as usize;
        scene.nodes.push(
            Node::new(Key::Stat(first + i as u8), r)
                .fill(Role::Cell)
                .stroke(Role::CellBorder)
                .radius(6.0)
                .text(mt.ch * 0.8, h * 0.3, mt.f * 0.8, Role::Muted, text::fit(label, chars), TextAlign::Left, false)
                .text(mt.ch * 0.8, h * 0.68, mt.f * 1.15, Role::Text, text::fit(value, (chars as f32 / 1.35) as usize), TextAlign::Left, true),
        );
    }
    let lines = n.div_ceil(per_row) as f32;
    lines * h + (lines - 1.0) * gap
}
