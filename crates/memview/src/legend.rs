//! The key to the colours a picture uses, along its bottom edge.
//!
//! Each colour means one thing throughout (palette.rs); the key names only
//! those on screen, so a step with no pointers has no "pointer" entry. Its
//! strip is reserved on every step, so nothing moves when entries come and go.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::Language;
use crate::layout::Metrics;
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use alloc::vec::Vec;

/// Splits the strip for the key off the bottom of `area`: one line, or two
/// on a narrow screen.
pub(crate) fn reserve(area: Rect, mt: &Metrics) -> (Rect, Rect) {
    let lines = if area.w < 470.0 { 2.0 } else { 1.0 };
    let h = lines * mt.small() * 1.5 + mt.small() * 0.3;
    (Rect::new(area.x, area.y, area.w, area.h - h), Rect::new(area.x, area.bottom() - h + mt.small() * 0.3, area.w, h - mt.small() * 0.3))
}

/// One entry: its swatch's fill and outline, and its words (long, short).
struct Entry {
    fill: Role,
    stroke: Option<Role>,
    long: &'static str,
    short: &'static str,
}

fn entries(scene: &Scene, l: Language) -> Vec<Entry> {
    let mut out = Vec::new();
    let fills = |r: Role| scene.nodes.iter().any(|n| n.alpha > 0.01 && n.fill == Some(r));
    if scene.edges.iter().any(|e| !e.danger && !e.focus) {
        out.push(Entry { fill: Role::Pointer, stroke: None, long: l.pick("pointer", "ポインタ"), short: l.pick("pointer", "ポインタ") });
    }
    if scene.nodes.iter().any(|n| n.focus) || scene.edges.iter().any(|e| e.focus) || fills(Role::FocusFill) {
        out.push(Entry {
            fill: Role::Focus,
            stroke: None,
            long: l.pick("what this step is about", "このステップの注目点"),
            short: l.pick("this step", "注目点"),
        });
    }
    let danger_text = scene.nodes.iter().any(|n| n.texts.iter().any(|t| t.role == Role::Danger));
    if scene.edges.iter().any(|e| e.danger) || scene.nodes.iter().any(|n| n.danger) || danger_text {
        // Raw memory's bug is bytes two programs both use; the heap's are
        // memory freed, a stale pointer, or a leak.
        let clash = scene.nodes.iter().any(|n| n.danger && matches!(n.key, Key::Cell(_)));
        out.push(Entry {
            fill: Role::Danger,
            stroke: None,
            long: if clash {
                l.pick("a bug: bytes two programs both use", "バグ：2 つのプログラムが使うバイト")
            } else {
                l.pick("a bug: freed, stale or leaked", "バグ：解放済み・古い参照・リーク")
            },
            short: l.pick("bug", "バグ"),
        });
    }
    if fills(Role::GcWhite) || fills(Role::GcGrey) || fills(Role::GcBlack) {
        out.push(Entry {
            fill: Role::GcWhite,
            stroke: Some(Role::CellBorder),
            long: l.pick("white: not reached", "白：未到達"),
            short: l.pick("not reached", "未到達"),
        });
        out.push(Entry {
            fill: Role::GcGrey,
            stroke: Some(Role::CellBorder),
            long: l.pick("grey: marked, not yet scanned", "灰色：マーク済み・スキャン待ち"),
            short: l.pick("to scan", "スキャン待ち"),
        });
        out.push(Entry {
            fill: Role::GcBlack,
            stroke: Some(Role::GcBlackBorder),
            long: l.pick("black: scanned", "黒：スキャン済み"),
            short: l.pick("scanned", "スキャン済み"),
        });
    }
    if scene.lines.iter().any(|l| l.role == Role::Scan && l.points.len() > 1) {
        out.push(Entry { fill: Role::Scan, stroke: None, long: l.pick("scan path", "スキャンの経路"), short: l.pick("path", "経路") });
    }
    out
}

/// Draws the key for what `scene` shows into `strip`.
pub(crate) fn draw(scene: &mut Scene, strip: Rect, mt: &Metrics) {
    let entries = entries(scene, mt.lang);
    if entries.is_empty() {
        return;
    }
    let size = mt.small();
    let swatch = size * 0.9;
    let line = size * 1.5;
    let lines = (strip.h / line).max(1.0) as usize;
    let item_w = |words: &str| swatch + size * 0.5 + mt.width(words, size) + size * 1.4;
    // The long words if they fit the strip's lines, else the short ones.
    let fits = |long: bool| {
        let (mut x, mut used) = (0.0, 1);
        for e in &entries {
            let w = item_w(if long { e.long } else { e.short });
            if x + w > strip.w && x > 0.0 {
                used += 1;
                x = 0.0;
            }
            x += w;
        }
        used <= lines
    };
    let long = fits(true);
    let (mut x, mut y) = (strip.x, strip.y + line / 2.0);
    for (i, e) in entries.iter().enumerate() {
        let words = if long { e.long } else { e.short };
        let w = item_w(words);
        if x + w > strip.right() && x > strip.x {
            x = strip.x;
            y += line;
        }
        let mut node = Node::new(Key::Part("legend", i as u32), Rect::new(x, y - swatch / 2.0, swatch, swatch)).fill(e.fill).radius(2.0).text(
            swatch + size * 0.5,
            swatch / 2.0,
            size,
            Role::Muted,
            words,
            TextAlign::Left,
            false,
        );
        node.stroke = e.stroke;
        scene.nodes.push(node);
        x += w;
    }
}
