//! The story's pictures, for chapters that tell rather than simulate: cards
//! (a headline number, a title, a few lines), a pipeline of stages lit one
//! by one (source → compiler → binary with its runtime → a running
//! process), and a timeline of releases.
//!
//! Text is wrapped, not cut: a card grows to the lines it needs, and the
//! font shrinks a little before anything is cut.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::{Language, Tr};
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

/// A card's padding inside its edges, in columns.
const PAD: f32 = 1.2;

/// The height a card needs at width `w`: title only, or with its body.
fn card_height(c: &Card, w: f32, mt: &Metrics, body: bool) -> f32 {
    card_height_padded(c, w, mt, body, PAD)
}

/// [`card_height`] with `pad` (in columns) inside the card's edges.
fn card_height_padded(c: &Card, w: f32, mt: &Metrics, body: bool, pad: f32) -> f32 {
    let room = w - 2.0 * mt.ch * pad;
    let title = text::wrap(&c.title, mt.fits(room, mt.f)).len() as f32 * mt.f * 1.3;
    let rest = if body { mt.f * 0.4 + text::wrap(&c.body, mt.fits(room, mt.small())).len() as f32 * mt.small() * 1.35 } else { 0.0 };
    mt.ch * 2.0 * pad + title + rest
}

/// Whether a card reads at width `w` with sizes `mt`: a line of its text
/// holds at least 14 columns (8 Japanese characters), and every word fits
/// at the smallest size [`card_node`] would shrink it to.
fn reads_at(c: &Card, w: f32, mt: &Metrics) -> bool {
    let room = w - 2.0 * mt.ch * 1.2;
    let longest = |s: &str| s.split(' ').map(|w| if w.chars().any(text::is_wide) { 0.0 } else { text::columns(w) }).fold(0.0, f32::max);
    // Lines of code keep whole at the body size.
    let code = code_columns(&c.body) * crate::layout::ADVANCE * mt.f * 0.9 <= room;
    code && room >= 14.0 * crate::layout::ADVANCE * mt.f * 0.9 && longest(&c.title).max(longest(&c.body)) * crate::layout::ADVANCE * mt.small() <= room
}

/// A body of several lines is code (the escape lab's snippet): its widest
/// line, which must not wrap; 0 for running text.
fn code_columns(body: &str) -> f32 {
    if body.contains('\n') {
        body.lines().map(text::columns).fold(0.0, f32::max)
    } else {
        0.0
    }
}

/// The height of a card's big figure, if it has one.
fn big_height(c: &Card, h: f32, mt: &Metrics) -> f32 {
    c.big.as_ref().map_or(0.0, |_| (h * 0.28).min(mt.f * 3.2).max(mt.f * 1.4) * 1.25)
}

/// The least height a card's text fits in, its big figure included: that
/// figure grows with the card, by at most 0.35 of the height, so any
/// taller card fits it too.
fn fitting_height(c: &Card, w: f32, mt: &Metrics, body: bool, pad: f32) -> f32 {
    let text = card_height_padded(c, w, mt, body, pad);
    if c.big.is_none() {
        return text;
    }
    // The figure at its smallest, growing with the card, at its largest.
    let (small, large) = (mt.f * 1.4, mt.f * 3.2);
    [text + small * 1.25, text / 0.65, text + large * 1.25].into_iter().find(|&h| text + big_height(c, h, mt) <= h + 0.01).unwrap_or(text + large * 1.25)
}

/// Lays one card's text into `r`; returns the node. The body is left out
/// when `body` is false (a stage not in focus, or a card, on a screen too
/// short for all their text).
/// The type sizes of a card's big figure, title and body laid into `r`:
/// each as large as fits. The longest word must fit its line: sizes come
/// down for it (to the smallest legible size) rather than a word being
/// cut; Japanese breaks between its characters, so a word holding any
/// counts its longest unbreakable piece. The body is 0.9 of the body size,
/// or smaller if it would not all fit; code smaller still, down to the
/// smallest size, before a line wraps.
fn card_sizes(r: Rect, c: &Card, mt: &Metrics, pad: f32) -> [f32; 3] {
    let room = r.w - 2.0 * mt.ch * pad;
    let word = |w: &str| if w.chars().any(text::is_wide) { text::wrap(w, 1).iter().map(|p| text::columns(p)).fold(0.0, f32::max) } else { text::columns(w) };
    let longest = |s: &str| s.split(' ').map(word).fold(0.0, f32::max).max(1.0);
    let fit = |s: &str, size: f32| size.min(room / (longest(s) * crate::layout::ADVANCE)).max(mt.small());
    let big = c.big.as_ref().map(|b| (r.h * 0.28).min(mt.f * 3.2).max(mt.f * 1.4).min(room / (text::columns(b) * crate::layout::ADVANCE)));
    let title = fit(&c.title, mt.f);
    let y = mt.ch * pad + big.unwrap_or(0.0) * 1.25 + text::wrap(&c.title, mt.fits(room, title)).len() as f32 * title * 1.3 + mt.f * 0.4;
    let code = code_columns(&c.body);
    let mut body = fit(&c.body, mt.f * 0.9);
    if code > 0.0 {
        body = body.min(room / (code * crate::layout::ADVANCE)).max(mt.small());
    }
    if y + text::wrap(&c.body, mt.fits(room, body)).len() as f32 * body * 1.35 > r.h {
        body = body.min(fit(&c.body, mt.small()));
    }
    // A card without a big figure sets no bound on its siblings'.
    [big.unwrap_or(f32::MAX), title, body]
}

/// The smallest of each size over sibling cards, so they read alike; a
/// body counts only where it is shown (`shown(i)`).
fn common_sizes(cards: &[Card], rects: &[Rect], mt: &Metrics, pad: f32, shown: impl Fn(usize) -> bool) -> [f32; 3] {
    let mut out = [f32::MAX; 3];
    for (i, (c, r)) in cards.iter().zip(rects).enumerate() {
        let s = card_sizes(*r, c, mt, pad);
        out = [out[0].min(s[0]), out[1].min(s[1]), if shown(i) { out[2].min(s[2]) } else { out[2] }];
    }
    out
}

/// Lays one card's text into `r` at `sizes` (see [`card_sizes`]); returns
/// the node. The body is left out when `body` is false (a stage not in
/// focus, or a card, on a screen too short for all their text).
#[allow(clippy::too_many_arguments)] // one card: where, what, how lit, and its type sizes
fn card_node(key: Key, r: Rect, c: &Card, mt: &Metrics, lit: bool, dim: bool, body: bool, sizes: [f32; 3], pad: f32) -> Node {
    let mut node = Node::new(key, r).fill(if lit { Role::FocusFill } else { Role::Cell }).stroke(if lit { Role::Focus } else { Role::CellBorder }).radius(8.0);
    let pad = mt.ch * pad;
    let room = r.w - 2.0 * pad;
    let [big_size, title_size, body_size] = sizes;
    let mut y = pad;
    if let Some(big) = &c.big {
        node = node.text(pad, y + big_size * 0.55, big_size, Role::Focus, big.as_str(), TextAlign::Left, true);
        y += big_size * 1.25;
    }
    for line in text::wrap(&c.title, mt.fits(room, title_size)) {
        node = node.text(pad, y + title_size * 0.6, title_size, Role::Text, line, TextAlign::Left, true);
        y += title_size * 1.3;
    }
    y += mt.f * 0.4;
    if !body {
        return node;
    }
    for line in text::wrap(&c.body, mt.fits(room, body_size)) {
        node = node.text(pad, y + body_size * 0.6, body_size, Role::Muted, line, TextAlign::Left, false);
        y += body_size * 1.35;
    }
    if dim {
        node.alpha = 0.5;
    }
    node
}

/// The largest body size a story picture's few words take: on a projector,
/// half again the other pictures' 26 px.
const STORY_MAX: f32 = 40.0;

/// Larger type sizes than `mt`'s to try, largest first: up to 1.6 times,
/// and at most [`STORY_MAX`].
fn larger_type(mt: &Metrics) -> impl Iterator<Item = Metrics> + '_ {
    (1..=6).rev().map(move |k| mt.at((mt.f * (1.0 + 0.1 * k as f32)).min(STORY_MAX))).filter(move |m| m.f > mt.f)
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
    let room_h = (inner.h - gap * (rows - 1) as f32) / rows as f32;
    // The tallest card's least height with all its text, at a type size.
    let need = |mt: &Metrics| cards.iter().map(|c| fitting_height(c, w, mt, true, PAD)).fold(0.0, f32::max);
    // Cards 14 lines of body type tall, or as tall as their text needs
    // where the stage has the room.
    let base = need(&mt);
    let h = room_h.min(mt.f * 14.0).max(base.min(room_h));
    // Cards with room to spare (a slide, a short list, a phone's column)
    // take larger type rather than leave half the stage empty.
    let reads = |m: &Metrics| cards.iter().all(|c| reads_at(c, w, m));
    let larger = if base <= h { larger_type(&mt).find(|m| reads(m) && need(m) <= room_h) } else { None };
    let (mt, h) = match larger {
        Some(m) => {
            let h = h.max(need(&m)).min(room_h);
            (m, h)
        }
        None => (mt, h),
    };
    let all = cards.iter().all(|c| card_height(c, w, &mt, true) + big_height(c, h, &mt) <= h);
    let room = inner.h - gap * (n - 1) as f32;
    // Each card's height stacked full width: by title alone, and with its text.
    let heights_at = |pad: f32| -> Vec<[f32; 2]> { cards.iter().map(|c| [false, true].map(|b| fitting_height(c, inner.w, &mt, b, pad))).collect() };
    let titles: f32 = heights_at(PAD).iter().map(|h| h[0]).sum();
    if all || per_row > 1 || titles > room {
        // Side by side, or too short even for the titles stacked: equal
        // cards, titles alone if their text cannot all fit.
        // Rows centred in the stage when they leave room below.
        let top = ((inner.h - rows as f32 * h - gap * (rows - 1) as f32) / 2.0).max(0.0);
        let rects: Vec<Rect> =
            (0..cards.len()).map(|i| Rect::new(inner.x + (i % per_row) as f32 * (w + gap), inner.y + top + (i / per_row) as f32 * (h + gap), w, h)).collect();
        let sizes = common_sizes(cards, &rects, &mt, PAD, |_| all);
        for (i, (c, r)) in cards.iter().zip(rects).enumerate() {
            scene.nodes.push(card_node(Key::Part("card", i as u32), r, c, &mt, false, false, all, sizes, PAD));
        }
        return scene;
    }
    // A phone, too short for equal cards with all their text: each card as
    // tall as its text, and as many cards with their text as fit, the
    // shortest texts first; the rest by title. Before any card loses its
    // text, the cards close up and their padding narrows (a slide's 960×540
    // page lost two talks' venues for want of a few pixels). The text
    // alternative under the picture still says everything.
    // (cards keeping their text, heights, gap, padding) for one spacing.
    let plan = |gap: f32, pad: f32| {
        let heights = heights_at(pad);
        let titles: f32 = heights.iter().map(|h| h[0]).sum();
        let text = |i: usize| heights[i][1] - heights[i][0];
        let mut order: Vec<usize> = (0..cards.len()).collect();
        // Insertion sort: a few cards, and no sort routine in the wasm for it.
        for k in 1..order.len() {
            let mut j = k;
            while j > 0 && text(order[j]) < text(order[j - 1]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        let room = inner.h - gap * (n - 1) as f32;
        let mut bodies: Vec<bool> = alloc::vec![false; cards.len()];
        let mut used = titles;
        for &i in &order {
            if used + text(i) <= room {
                bodies[i] = true;
                used += text(i);
            }
        }
        let spare = ((room - used) / n as f32).max(0.0);
        let h: Vec<f32> = (0..cards.len()).map(|i| heights[i][usize::from(bodies[i])] + spare).collect();
        (bodies, h, gap, pad)
    };
    let kept = |p: &(Vec<bool>, Vec<f32>, f32, f32)| p.0.iter().filter(|k| **k).count();
    let mut best = plan(gap, PAD);
    for (g, pad) in [(mt.f * 0.4, PAD), (mt.f * 0.4, PAD * 0.5)] {
        if kept(&best) < cards.len() {
            let p = plan(g, pad);
            if kept(&p) > kept(&best) {
                best = p;
            }
        }
    }
    let (bodies, heights, gap, pad) = best;
    let mut y = inner.y;
    let rects: Vec<Rect> = heights
        .iter()
        .map(|&h| {
            y += h + gap;
            Rect::new(inner.x, y - h - gap, inner.w, h)
        })
        .collect();
    let sizes = common_sizes(cards, &rects, &mt, pad, |i| bodies[i]);
    for (i, (c, r)) in cards.iter().zip(rects).enumerate() {
        scene.nodes.push(card_node(Key::Part("card", i as u32), r, c, &mt, false, false, bodies[i], sizes, pad));
    }
    scene
}

/// Stages in order, lit up to `lit` (later ones dimmed), with arrows.
pub fn pipeline(title: &str, sub: &str, stages: &[Card], lit: usize, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let inner = panel(&mut scene, "story", mt.area(vp), title, sub, &mt);
    let n = stages.len().max(1);
    let gap = mt.f * 2.4;
    let stage_w = (inner.w - gap * (n - 1) as f32) / n as f32;
    // Side by side: the height the stages need at sizes `m`, infinite
    // where a stage would not read at its share of the width (five stages
    // on a laptop's picture would hold nine columns a line).
    let need = |m: &Metrics| {
        let reads = stages.iter().all(|c| reads_at(c, stage_w, m));
        stages.iter().map(|c| card_height(c, stage_w, m, true)).fold(if reads { 0.0 } else { f32::INFINITY }, f32::max)
    };
    // Stacked, a row each: the height all of them need with their text.
    let all = |m: &Metrics, gap: f32| stages.iter().map(|c| card_height(c, inner.w, m, true)).sum::<f32>() + gap * (n - 1) as f32;
    // On a wide screen each way takes the largest type at which all its
    // text fits (up to the projector's body size, as cards do), and the
    // stages stand side by side unless stacked they read larger. On a
    // phone they are stacked.
    let side = larger_type(&mt).find(|m| need(m) <= inner.h);
    let stack = larger_type(&mt).chain(core::iter::once(mt.at(mt.f))).find(|m| all(m, gap) <= inner.h);
    // Stacked at the least: every title, and the longest text of any one
    // stage, whichever is in focus (so no step of the path changes layout).
    let titles = stages.iter().map(|c| card_height(c, inner.w, &mt, false)).sum::<f32>();
    let longest = stages.iter().map(|c| card_height(c, inner.w, &mt, true) - card_height(c, inner.w, &mt, false)).fold(0.0, f32::max);
    let stack_fits = titles + longest + mt.f * 1.4 * (n - 1) as f32 <= inner.h;
    let side_reads = stages.iter().all(|c| reads_at(c, stage_w, &mt));
    let wide = vp.width >= 640.0 && (!stack_fits || (side_reads && side.as_ref().map_or(mt.f, |m| m.f) >= stack.as_ref().map_or(0.0, |m| m.f)));
    let stack_mt = stack.filter(|_| vp.width >= 640.0).unwrap_or_else(|| mt.at(mt.f));
    // Stacked, every stage shows its text if all fit (with the arrows
    // between them closed up if need be), else the stage in focus with
    // its text and the others by title.
    let all = all(&stack_mt, mt.f * 1.4);
    let bodies = |i: usize| wide || all <= inner.h || i == lit;
    let heights: Vec<f32> = stages.iter().enumerate().map(|(i, c)| card_height(c, inner.w, &stack_mt, bodies(i))).collect();
    // On a short screen the arrows between stages close up, down to the
    // height of the arrow itself.
    let gap = if wide { gap } else { ((inner.h - heights.iter().sum::<f32>()) / (n - 1).max(1) as f32).min(gap).max(mt.f * 1.4) };
    let spare = ((inner.h - heights.iter().sum::<f32>() - gap * (n - 1) as f32) / n as f32).max(0.0);
    let (text_mt, stage_h) = match side.filter(|_| wide) {
        Some(m) => {
            let h = need(&m).max(inner.h.min(mt.f * 22.0)).min(inner.h);
            (m, h)
        }
        None if wide => (mt.at(mt.f), inner.h.min(mt.f * 22.0)),
        None => (stack_mt, inner.h.min(mt.f * 22.0)),
    };
    let mut y = inner.y;
    let rects: Vec<Rect> = (0..stages.len())
        .map(|i| {
            if wide {
                Rect::new(inner.x + i as f32 * (stage_w + gap), inner.y + ((inner.h - stage_h) / 2.0).max(0.0), stage_w, stage_h)
            } else {
                let h = heights[i] + spare;
                y += h + gap;
                Rect::new(inner.x, y - h - gap, inner.w, h)
            }
        })
        .collect();
    let sizes = common_sizes(stages, &rects, &text_mt, PAD, bodies);
    for (i, (c, &r)) in stages.iter().zip(&rects).enumerate() {
        scene.nodes.push(card_node(Key::Part("stage", i as u32), r, c, &text_mt, i == lit, i > lit, bodies(i), sizes, PAD));
        if i > 0 && i <= lit {
            if wide {
                scene.edges.push(Edge {
                    from: Key::Part("stage", i as u32 - 1),
                    to: Key::Part("stage", i as u32),
                    alpha: 1.0,
                    focus: i == lit,
                    danger: false,
                    swing: None,
                });
            } else {
                scene.nodes.push(Node::new(Key::Part("stage-arrow", i as u32), Rect::new(inner.x + inner.w / 2.0, r.y - gap / 2.0, 1.0, 1.0)).text(
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
    pub what: Tr,
}

/// The timeline's text at one size: each release's lines and the height
/// they need.
struct TimelineFit {
    size: f32,
    what_size: f32,
    label_w: f32,
    two_lines: bool,
    /// From one line of a release's text to the next.
    line_pitch: f32,
    texts: Vec<Vec<String>>,
    /// The height each release's label and text need.
    heights: Vec<f32>,
}

impl TimelineFit {
    fn new(items: &[Milestone], width: f32, mt: &Metrics, size: f32) -> TimelineFit {
        let what_size = (size * 0.95).max(mt.small());
        let label_w = mt.width("Go 1.19 \u{b7} 2022-08-02", size) + mt.ch * 1.5;
        let beside = mt.fits(width - label_w - mt.ch * 3.0, what_size);
        let two_lines = beside < 30;
        let chars = if two_lines { mt.fits(width - mt.ch * 3.0, what_size) } else { beside };
        let line_pitch = what_size * 1.2;
        let texts: Vec<Vec<String>> = items.iter().map(|m| text::wrap(m.what.get(mt.lang), chars)).collect();
        let heights =
            texts.iter().map(|t| if two_lines { size * 1.2 + t.len() as f32 * line_pitch } else { (t.len() as f32 * line_pitch).max(size * 1.2) }).collect();
        TimelineFit { size, what_size, label_w, two_lines, line_pitch, texts, heights }
    }
}

/// Releases top to bottom along a line, `lit` highlighted.
pub fn timeline(title: &str, sub: &str, items: &[Milestone], lit: Option<usize>, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let inner = panel(&mut scene, "story", mt.area(vp), title, sub, &mt);
    let n = items.len().max(1) as f32;
    let row = (inner.h / n).min(mt.f * 3.4);
    let line_x = inner.x + mt.ch * 1.5;
    // "Go 1.19 · 2022-08-02" in bold, then what happened, wrapped: beside
    // it when there is room, under it on a phone. Rows are of equal height,
    // unless a release's text needs more than its share (a narrow phone):
    // then each row is as tall as its text, in small type if need be, and
    // what is left over is shared out. Where even that does not fit, the
    // rows stay equal and inside the panel.
    let normal = TimelineFit::new(items, inner.w, &mt, (row * 0.42).min(mt.f).max(mt.small()));
    let equal = normal.heights.iter().all(|&h| h <= row);
    let fit = if equal || normal.heights.iter().sum::<f32>() <= inner.h { normal } else { TimelineFit::new(items, inner.w, &mt, mt.small()) };
    let equal = equal || fit.heights.iter().sum::<f32>() > inner.h;
    let TimelineFit { size, what_size, label_w, two_lines, line_pitch, texts, heights } = fit;
    let spare = ((inner.h - heights.iter().sum::<f32>()) / n).max(0.0);
    let rows: Vec<f32> = heights.iter().map(|h| h + spare).collect();
    let centre = |i: usize| if equal { inner.y + (i as f32 + 0.5) * row } else { inner.y + rows[..i].iter().sum::<f32>() + rows[i] * 0.5 };
    let (first, last) = if items.is_empty() { (inner.y, inner.y) } else { (centre(0), centre(items.len() - 1)) };
    scene.nodes.push(Node::new(Key::Part("timeline-line", 0), Rect::new(line_x - 1.0, first, 2.0, last - first)).fill(Role::Muted));
    for (i, (m, lines)) in items.iter().zip(texts).enumerate() {
        let on = lit == Some(i);
        let dot = size * 0.9;
        let (what_dx, first_dy, label_dy) = if two_lines {
            let block = size * 1.2 + lines.len() as f32 * line_pitch;
            let top = dot / 2.0 - block / 2.0;
            (mt.ch * 2.0, top + size * 1.2 + line_pitch / 2.0, top + size * 0.6)
        } else {
            (mt.ch * 2.0 + label_w, dot / 2.0 - (lines.len() as f32 - 1.0) * line_pitch / 2.0, dot / 2.0)
        };
        let mut node = Node::new(Key::Part("milestone", i as u32), Rect::new(line_x - dot / 2.0, centre(i) - dot / 2.0, dot, dot))
            .fill(if on { Role::Focus } else { Role::Pointer })
            .radius(dot / 2.0)
            .text(mt.ch * 2.0, label_dy, size, Role::Text, alloc::format!("Go {} \u{b7} {}", m.version, m.date), TextAlign::Left, true);
        for (k, l) in lines.into_iter().enumerate() {
            node = node.text(what_dx, first_dy + k as f32 * line_pitch, what_size, if on { Role::Text } else { Role::Muted }, l, TextAlign::Left, false);
        }
        node.focus = on;
        scene.nodes.push(node);
    }
    scene
}

/// Cards or stages in words, for the text alternative.
pub fn describe_cards(title: &str, cards: &[Card], lang: Language) -> String {
    match lang {
        Language::En => {
            let mut s = alloc::format!("{title}.");
            for c in cards {
                let big = c.big.as_deref().map_or(String::new(), |b| alloc::format!("{b}: "));
                s.push_str(&alloc::format!(" {big}{}.", c.title));
                if !c.body.is_empty() {
                    s.push(' ');
                    // A list the card draws with middle dots reads as a list
                    // (some screen readers say "dot").
                    // Code and a tool's output keep their case ("func Lab",
                    // "moved to heap: p"); words open a sentence.
                    let verbatim = c.body.contains('\n') || c.title.starts_with("go ");
                    let body = c.body.replace(" \u{b7} ", "; ");
                    s.push_str(&if verbatim { body } else { text::sentence(&body) });
                    // Each card a sentence of its own: read on, the next
                    // card's title ran into this one's last words.
                    if !c.body.ends_with(['.', '!', '?', '…']) {
                        s.push('.');
                    }
                }
            }
            s
        }
        Language::Ja => {
            let mut s = alloc::format!("{title}。");
            for c in cards {
                let big = c.big.as_deref().map_or(String::new(), |b| alloc::format!("{b}："));
                s.push_str(&alloc::format!("{big}{}。{}", c.title, c.body.replace(" \u{b7} ", "、")));
                if !s.ends_with('。') {
                    s.push('。');
                }
            }
            s
        }
    }
}

pub fn describe_timeline(items: &[Milestone], lang: Language) -> String {
    match lang {
        Language::En => {
            let parts: Vec<String> = items.iter().map(|m| alloc::format!("Go {} ({}): {}", m.version, m.date, m.what.en)).collect();
            alloc::format!("A timeline of Go releases: {}.", parts.join("; "))
        }
        Language::Ja => {
            let parts: Vec<String> = items.iter().map(|m| alloc::format!("Go {}（{}）：{}。", m.version, m.date, m.what.ja)).collect();
            alloc::format!("Go のリリースの年表です。{}", parts.concat())
        }
    }
}
