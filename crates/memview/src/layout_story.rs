//! The story's pictures, for chapters that tell rather than simulate: cards
//! (a headline number, a title, a few lines), a pipeline of stages lit one
//! by one (source → compiler → binary with its runtime → a running
//! process), and a timeline of releases.
//!
//! Text is wrapped, not cut: a card grows to the lines it needs, and the
//! font shrinks a little before anything is cut.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::layout::{panel, Metrics, Viewport};
use crate::palette::Role;
use crate::scene::{Edge, Key, Node, Scene};
use crate::text;
use alloc::string::String;
use alloc::vec::Vec;

/// One card: an optional big figure, a title, and lines of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub big: Option<String>,
    pub title: String,
    pub body: String,
}

impl Card {
    pub fn new(big: Option<&str>, title: &str, body: &str) -> Card {
        Card { big: big.map(String::from), title: String::from(title), body: String::from(body) }
    }
}

/// Lays one card's text into `r`; returns the node.
fn card_node(key: Key, r: Rect, c: &Card, mt: &Metrics, lit: bool, dim: bool) -> Node {
    let mut node = Node::new(key, r).fill(if lit { Role::FocusFill } else { Role::Cell }).stroke(if lit { Role::Focus } else { Role::CellBorder }).radius(8.0);
    let pad = mt.ch * 1.2;
    let mut y = pad;
    if let Some(big) = &c.big {
        let size = (r.h * 0.28).min(mt.f * 3.2).max(mt.f * 1.4);
        node = node.text(pad, y + size * 0.55, size, Role::Focus, big.as_str(), TextAlign::Left, true);
        y += size * 1.25;
    }
    let chars = ((r.w - 2.0 * pad) / (mt.f * 0.6)) as usize;
    for line in text::wrap(&c.title, chars.max(8)) {
        node = node.text(pad, y + mt.f * 0.6, mt.f, Role::Text, line, TextAlign::Left, true);
        y += mt.f * 1.3;
    }
    y += mt.f * 0.4;
    let size = mt.f * 0.9;
    let chars = ((r.w - 2.0 * pad) / (size * 0.6)) as usize;
    for line in text::wrap(&c.body, chars.max(8)) {
        if y + size * 1.35 > r.h {
            break;
        }
        node = node.text(pad, y + size * 0.6, size, Role::Muted, line, TextAlign::Left, false);
        y += size * 1.35;
    }
    if dim {
        node.alpha = 0.35;
    }
    node
}

/// Cards in a grid: up to three a row on wide screens, one a row on phones.
pub fn cards(title: &str, sub: &str, cards: &[Card], vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let inner = panel(&mut scene, "story", mt.area(vp), title, sub, &mt);
    let n = cards.len().max(1);
    let per_row = if vp.width >= 640.0 { n.min(3) } else { 1 };
    let rows = n.div_ceil(per_row);
    let gap = mt.f;
    let w = (inner.w - gap * (per_row - 1) as f32) / per_row as f32;
    let h = ((inner.h - gap * (rows - 1) as f32) / rows as f32).min(mt.f * 14.0);
    for (i, c) in cards.iter().enumerate() {
        let (col, row) = (i % per_row, i / per_row);
        let r = Rect::new(inner.x + col as f32 * (w + gap), inner.y + row as f32 * (h + gap), w, h);
        scene.nodes.push(card_node(Key::Part("card", i as u32), r, c, &mt, false, false));
    }
    scene
}

/// Stages in order, lit up to `lit` (later ones dimmed), with arrows.
pub fn pipeline(title: &str, sub: &str, stages: &[Card], lit: usize, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let inner = panel(&mut scene, "story", mt.area(vp), title, sub, &mt);
    let n = stages.len().max(1);
    let wide = vp.width >= 640.0;
    let gap = mt.f * 2.4;
    for (i, c) in stages.iter().enumerate() {
        let r = if wide {
            let w = (inner.w - gap * (n - 1) as f32) / n as f32;
            Rect::new(inner.x + i as f32 * (w + gap), inner.y, w, inner.h.min(mt.f * 22.0))
        } else {
            let h = (inner.h - gap * (n - 1) as f32) / n as f32;
            Rect::new(inner.x, inner.y + i as f32 * (h + gap), inner.w, h)
        };
        scene.nodes.push(card_node(Key::Part("stage", i as u32), r, c, &mt, i == lit, i > lit));
        if i > 0 && i <= lit {
            if wide {
                scene.edges.push(Edge { from: Key::Part("stage", i as u32 - 1), to: Key::Part("stage", i as u32), alpha: 1.0, focus: i == lit, danger: false });
            } else {
                scene.nodes.push(Node::new(Key::Part("stage-arrow", i as u32), Rect::new(inner.x + mt.ch * 3.0, r.y - gap / 2.0, 1.0, 1.0)).text(
                    0.0,
                    0.0,
                    mt.f * 1.3,
                    Role::Pointer,
                    "\u{2193}",
                    TextAlign::Center,
                    true,
                ));
            }
        }
    }
    scene
}

/// One release on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub version: &'static str,
    pub date: &'static str,
    pub what: &'static str,
}

/// Releases top to bottom along a line, `lit` highlighted.
pub fn timeline(title: &str, sub: &str, items: &[Milestone], lit: Option<usize>, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let inner = panel(&mut scene, "story", mt.area(vp), title, sub, &mt);
    let n = items.len().max(1) as f32;
    let row = (inner.h / n).min(mt.f * 3.4);
    let size = (row * 0.42).min(mt.f);
    let line_x = inner.x + mt.ch * 1.5;
    scene.nodes.push(Node::new(Key::Part("timeline-line", 0), Rect::new(line_x - 1.0, inner.y + row * 0.5, 2.0, row * (n - 1.0))).fill(Role::Muted));
    // "Go 1.19 · 2022-08-02" in bold, then what happened: beside it when
    // there is room, under it on a phone.
    let label_w = size * 0.66 * 22.0;
    let beside = ((inner.w - label_w - mt.ch * 4.0) / (size * 0.6)) as usize;
    let two_lines = beside < 44;
    let chars = if two_lines { ((inner.w - mt.ch * 3.0) / (size * 0.6)) as usize } else { beside };
    for (i, m) in items.iter().enumerate() {
        let y = inner.y + i as f32 * row;
        let on = lit == Some(i);
        let dot = size * 0.9;
        let (what_dx, what_dy, label_dy) =
            if two_lines { (mt.ch * 2.0, dot / 2.0 + size * 0.65, dot / 2.0 - size * 0.65) } else { (mt.ch * 2.0 + label_w, dot / 2.0, dot / 2.0) };
        let mut node = Node::new(Key::Part("milestone", i as u32), Rect::new(line_x - dot / 2.0, y + row * 0.5 - dot / 2.0, dot, dot))
            .fill(if on { Role::Focus } else { Role::Pointer })
            .radius(dot / 2.0)
            .text(mt.ch * 2.0, label_dy, size, Role::Text, alloc::format!("Go {} \u{b7} {}", m.version, m.date), TextAlign::Left, true)
            .text(what_dx, what_dy, size * 0.95, if on { Role::Text } else { Role::Muted }, text::fit(m.what, chars.max(8)), TextAlign::Left, false);
        node.focus = on;
        scene.nodes.push(node);
    }
    scene
}

/// Cards or stages in words, for the text alternative.
pub fn describe_cards(title: &str, cards: &[Card]) -> String {
    let mut s = alloc::format!("{title}.");
    for c in cards {
        let big = c.big.as_deref().map_or(String::new(), |b| alloc::format!("{b}: "));
        s.push_str(&alloc::format!(" {big}{}. {}", c.title, c.body));
    }
    s
}

pub fn describe_timeline(items: &[Milestone]) -> String {
    let parts: Vec<String> = items.iter().map(|m| alloc::format!("Go {} ({}): {}", m.version, m.date, m.what)).collect();
    alloc::format!("A timeline of Go releases: {}.", parts.join("; "))
}
