//! Every picture of every step, at every size it is seen at (a laptop, a
//! projector, a slide frame, the presenter view, a small window, a phone),
//! read the way a person in a large hall or on a bus would read it: no label
//! cut short or over another, no arrow through a label, nothing off the
//! canvas or out of its panel, text large enough for the size, and objects
//! that stay where they were put. A failure names the chapter, step, size
//! and the offending items. Themes change colours, not places: the
//! palette's own test checks their contrast.

mod common;

use chapters::{catalog_in, Chapter, Language};
use memview::{layout, paint, Cmd, Key, Palette, Point, Rect, Scene, Stage, TextAlign, Viewport};

/// The canvas at each size the page is seen at, measured in Chromium, and
/// the smallest text each must draw.
const SIZES: [(&str, Viewport, f32); 18] = [
    ("1280x720", Viewport::new(830.0, 621.0), 14.0),
    ("1920x1080", Viewport::new(1470.0, 981.0), 18.0),
    // A 960×540 slide frame in embed mode, with its caption.
    ("960x540 embed", Viewport::new(960.0, 452.0), 12.0),
    // The presenter view in a 960×540 window; in a chapter with sliders a
    // row under the caption is theirs on every step (every step checked).
    ("960x540 present", Viewport::new(960.0, 401.0), 11.0),
    ("960x540 present, slider chapter", Viewport::new(960.0, 372.0), 11.0),
    // The page itself in a 960×540 window, beside the caption and code.
    ("960x540", Viewport::new(510.0, 441.0), 11.0),
    ("390x844", Viewport::new(390.0, 473.0), 11.0),
    // A phone on a step with sliders: the picture shortens to keep them in view.
    ("390x844 sliders", Viewport::new(390.0, 371.0), 11.0),
    // Shorter phones, from the smallest in use (4-inch, 320 px wide): the
    // picture keeps its floor of 400 px, 330 on a step with sliders.
    ("320x568", Viewport::new(320.0, 400.0), 11.0),
    ("320x568 sliders", Viewport::new(320.0, 330.0), 11.0),
    ("360x640", Viewport::new(360.0, 400.0), 11.0),
    ("360x640 sliders", Viewport::new(360.0, 330.0), 11.0),
    ("375x667", Viewport::new(375.0, 400.0), 11.0),
    ("375x667 sliders", Viewport::new(375.0, 330.0), 11.0),
    // Phones on their side: the picture spans the width above the controls.
    ("844x390", Viewport::new(844.0, 336.0), 11.0),
    ("667x375", Viewport::new(667.0, 321.0), 11.0),
    ("740x360", Viewport::new(740.0, 306.0), 11.0),
    ("640x360", Viewport::new(640.0, 306.0), 11.0),
];

/// Canvases smaller than the layouts are made for: a 4-inch phone on its
/// side, small frames in a blog post or a deck, a phone's picture squeezed
/// by a short screen. Each is laid out where `memview::fit` puts it (a floor
/// the sizes above also meet) and drawn scaled down; the text sizes checked
/// are the layout's own.
const SMALL_CANVASES: [(f32, f32); 14] = [
    (568.0, 266.0),
    (480.0, 210.0),
    (480.0, 270.0),
    (400.0, 300.0),
    (400.0, 225.0),
    (320.0, 180.0),
    (544.0, 306.0),
    (600.0, 330.0),
    (390.0, 330.0),
    (408.0, 360.0),
    (449.0, 360.0),
    (440.0, 300.0),
    (300.0, 250.0),
    (1200.0, 250.0),
];

/// Every size checked: the ones above, then each small canvas at its floor,
/// for a step without sliders and (named "… sliders") one with them.
fn sizes() -> Vec<(String, Viewport, f32)> {
    let mut out: Vec<(String, Viewport, f32)> = SIZES.iter().map(|&(name, vp, min)| (String::from(name), vp, min)).collect();
    for (w, h) in SMALL_CANVASES {
        for sliders in [false, true] {
            let (vp, _) = memview::fit(w, h, sliders);
            let name = format!("{w}x{h} canvas at {:.0}x{:.0}{}", vp.width, vp.height, if sliders { " sliders" } else { "" });
            out.push((name, vp, 11.0));
        }
    }
    out
}

/// Advance of one character of the canvas's monospace font, per px of size
/// (DejaVu Sans Mono and Liberation Mono: 0.6; a little over, to be safe). A
/// Japanese character counts as 1.65 of them (Noto Sans CJK JP: 1 em).
const ADVANCE: f32 = 0.61;

struct TextBox {
    node: usize,
    rect: Rect,
    content: String,
}

fn text_boxes(scene: &Scene) -> Vec<TextBox> {
    let mut out = Vec::new();
    for (i, n) in scene.nodes.iter().enumerate() {
        if n.alpha <= 0.01 {
            continue;
        }
        for t in &n.texts {
            if t.alpha <= 0.01 || t.content.trim().is_empty() {
                continue;
            }
            let w = memview::columns(&t.content) * ADVANCE * t.size;
            let x = n.rect.x + t.dx;
            let x0 = match t.align {
                TextAlign::Left => x,
                TextAlign::Center => x - w / 2.0,
                TextAlign::Right => x - w,
            };
            // The ink of a line: from just above the capitals to the descenders.
            let rect = Rect::new(x0, n.rect.y + t.dy - t.size * 0.45, w, t.size * 0.9);
            out.push(TextBox { node: i, rect, content: t.content.clone() });
        }
    }
    out
}

fn overlap(a: Rect, b: Rect, slack: f32) -> bool {
    a.x + slack < b.right() && b.x + slack < a.right() && a.y + slack < b.bottom() && b.y + slack < a.bottom()
}

fn contains(outer: Rect, inner: Rect, slack: f32) -> bool {
    inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.right() <= outer.right() + slack && inner.bottom() <= outer.bottom() + slack
}

fn contains_point(r: Rect, p: Point, slack: f32) -> bool {
    p.x >= r.x - slack && p.x <= r.right() + slack && p.y >= r.y - slack && p.y <= r.bottom() + slack
}

fn cubic(a: Point, b: Point, c: Point, d: Point, t: f32) -> Point {
    let u = 1.0 - t;
    let (w0, w1, w2, w3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    Point { x: w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, y: w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y }
}

/// The smallest drawn node holding `p`: where an arrow starts or ends.
fn holder(scene: &Scene, p: Point) -> Option<usize> {
    let area = |r: Rect| r.w * r.h;
    scene
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.alpha > 0.01 && contains_point(n.rect, p, 2.5))
        .min_by(|a, b| area(a.1.rect).total_cmp(&area(b.1.rect)))
        .map(|(i, _)| i)
}

/// Everything wrong with one picture, one line each.
fn problems(scene: &Scene, vp: Viewport, min_font: f32) -> Vec<String> {
    let mut out = Vec::new();
    let canvas = Rect::new(0.0, 0.0, vp.width, vp.height);
    let boxes = text_boxes(scene);
    // Nodes are matched across pictures by key: two with one key would make
    // the animation lose one of them.
    let mut keys: Vec<Key> = scene.nodes.iter().map(|n| n.key).collect();
    keys.sort_unstable();
    for w in keys.windows(2).filter(|w| w[0] == w[1]) {
        out.push(format!("two nodes share the key {:?}", w[0]));
    }
    let panels: Vec<Rect> = scene.nodes.iter().filter(|n| matches!(n.key, Key::Panel(_))).map(|n| n.rect).collect();
    for n in &scene.nodes {
        if n.alpha > 0.01 && !contains(canvas, n.rect, 0.5) {
            out.push(format!("{:?} at {:?} leaves the canvas", n.key, n.rect));
        }
        // A node that starts in a panel stays in it (the kill notice and the
        // fade behind it lie over all).
        let start = Point { x: n.rect.x + 0.5, y: n.rect.y + 0.5 };
        if n.key != Key::Killed && n.key != Key::Part("killed-scrim", 0) && !matches!(n.key, Key::Panel(_)) {
            if let Some(p) = panels.iter().find(|p| contains_point(**p, start, 0.0)) {
                if !contains(*p, n.rect, 0.5) {
                    out.push(format!("{:?} at {:?} leaves its panel {:?}", n.key, n.rect, p));
                }
            }
        }
        for t in &n.texts {
            if t.content.contains('\u{2026}') {
                out.push(format!("{:?} is cut short: {:?}", n.key, t.content));
            }
            if t.size + 0.05 < min_font && !t.content.trim().is_empty() {
                out.push(format!("{:?} {:?} is {:.1} px, under {min_font} px", n.key, t.content, t.size));
            }
        }
    }
    for (i, b) in boxes.iter().enumerate() {
        let own = &scene.nodes[b.node];
        if !contains(canvas, b.rect, 0.5) {
            out.push(format!("{:?} leaves the canvas at {:?}", b.content, b.rect));
        }
        // Text begun inside a drawn box must end inside it (a label set
        // beside a marker, wholly outside it, is not inside text).
        let boxed = own.fill.is_some() || own.stroke.is_some();
        if boxed && overlap(own.rect, b.rect, 1.0) && !contains(own.rect, b.rect, 1.0) {
            out.push(format!("{:?} overflows its box {:?} ({:?} vs {:?})", b.content, own.key, b.rect, own.rect));
        }
        for c in &boxes[i + 1..] {
            let overlay = own.key == Key::Killed || scene.nodes[c.node].key == Key::Killed;
            if !overlay && overlap(b.rect, c.rect, 1.0) {
                out.push(format!("{:?} overlaps {:?} {:?} {:?}", b.content, c.content, b.rect, c.rect));
            }
        }
        // Over another drawn box that is not one of its own containers (a
        // notice laid over the whole picture, like the OOM kill, may cover).
        // Text wholly on its own filled box, drawn after the other, reads on
        // its own box's colour (a stack frame reaching into the guard).
        for (mi, m) in scene.nodes.iter().enumerate() {
            let drawn = m.alpha > 0.01 && (m.fill.is_some() || m.stroke.is_some()) && m.key != Key::Killed && own.key != Key::Killed;
            let on_own = mi < b.node && own.fill.is_some() && own.alpha >= 0.99 && contains(own.rect, b.rect, 0.5);
            if drawn && !on_own && m.key != own.key && !contains(m.rect, own.rect, 0.5) && overlap(b.rect, m.rect, 1.0) {
                out.push(format!("{:?} of {:?} is drawn over {:?}", b.content, own.key, m.key));
            }
        }
    }
    let mut heads: Vec<(Point, Key)> = Vec::new();
    let cmds = paint(scene, &Palette::LIGHT);
    for c in &cmds {
        let Cmd::Arrow { from, c1, c2, to, .. } = c else { continue };
        let (start, end) = (holder(scene, *from), holder(scene, *to));
        let target = end.map(|e| scene.nodes[e].key);
        for k in 0..=48 {
            let p = cubic(*from, *c1, *c2, *to, k as f32 / 48.0);
            if !contains_point(canvas, p, 0.0) {
                out.push(format!("an arrow from {:?} leaves the canvas at ({:.0}, {:.0})", start.map(|s| scene.nodes[s].key), p.x, p.y));
                break;
            }
            let through = boxes.iter().find(|b| Some(b.node) != start && Some(b.node) != end && contains_point(b.rect, p, -1.0));
            if let Some(b) = through {
                out.push(format!("an arrow from {:?} runs through {:?}", start.map(|s| scene.nodes[s].key), b.content));
                break;
            }
        }
        if let Some(target) = target {
            if let Some((_, other)) = heads.iter().find(|(p, k)| (p.x - to.x).abs() < 3.0 && (p.y - to.y).abs() < 3.0 && *k != target) {
                out.push(format!("arrows to {target:?} and {other:?} share one head"));
            }
            heads.push((*to, target));
        }
    }
    // A pointer from a stack slot to another slot of the same stack loops
    // out and back on the right into the column of values it left: neither
    // its line nor its head may meet another arrow leaving that column (for
    // the heap beside it, or on a phone below it).
    let arrows: Vec<(Point, Vec<Point>, [Point; 3])> = cmds
        .iter()
        .filter_map(|c| match c {
            Cmd::Arrow { from, c1, c2, to, width, .. } => {
                let (dx, dy) = (to.x - c2.x, to.y - c2.y);
                let len = (dx * dx + dy * dy).sqrt().max(0.001);
                let (ux, uy, head) = (dx / len, dy / len, 7.0 + width * 1.5);
                let base = Point { x: to.x - ux * head, y: to.y - uy * head };
                let wing = |s: f32| Point { x: base.x - uy * head * 0.5 * s, y: base.y + ux * head * 0.5 * s };
                Some((*from, (0..=48).map(|k| cubic(*from, *c1, *c2, *to, k as f32 / 48.0)).collect(), [*to, wing(1.0), wing(-1.0)]))
            }
            _ => None,
        })
        .collect();
    for (from, path, head) in &arrows {
        let end = path[path.len() - 1];
        let inside = Point { x: end.x - 2.0, y: end.y };
        let into_stack = holder(scene, inside).is_some_and(|h| matches!(scene.nodes[h].key, Key::Value(_) | Key::Slot(_)));
        if (end.x - from.x).abs() >= 1.0 || !into_stack {
            continue;
        }
        for (f, other, _) in arrows.iter().filter(|(f, _, _)| (f.x - from.x).abs() < 1.0 && f != from) {
            if crosses(path, other) {
                out.push(format!("a loop from ({:.0}, {:.0}) crosses the arrow leaving ({:.0}, {:.0})", from.x, from.y, f.x, f.y));
            } else if other.iter().any(|p| in_triangle(*p, head)) {
                out.push(format!("the arrow leaving ({:.0}, {:.0}) runs through the head of the loop from ({:.0}, {:.0})", f.x, f.y, from.x, from.y));
            }
        }
    }
    out
}

/// Whether `p` lies inside triangle `t` (an arrowhead).
fn in_triangle(p: Point, t: &[Point; 3]) -> bool {
    let side = |a: Point, b: Point| (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    let (d1, d2, d3) = (side(t[0], t[1]), side(t[1], t[2]), side(t[2], t[0]));
    (d1 > 0.0 && d2 > 0.0 && d3 > 0.0) || (d1 < 0.0 && d2 < 0.0 && d3 < 0.0)
}

/// Whether two polylines cross (their segments intersect properly).
fn crosses(a: &[Point], b: &[Point]) -> bool {
    let side = |p: Point, q: Point, r: Point| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    a.windows(2).any(|s| {
        b.windows(2).any(|t| {
            let (d1, d2) = (side(s[0], s[1], t[0]), side(s[0], s[1], t[1]));
            let (d3, d4) = (side(t[0], t[1], s[0]), side(t[0], t[1], s[1]));
            d1 * d2 < 0.0 && d3 * d4 < 0.0
        })
    })
}

/// Every picture a chapter shows: each step's, each figure at its defaults
/// and knob extremes, and a few moments of a run that plays out.
fn pictures(ch: &Chapter, vp: Viewport, sliders_only: bool) -> Vec<(usize, Scene)> {
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    let mut out = Vec::new();
    for (i, m) in tl.states().enumerate() {
        let Some(fig) = ch.steps[i].view.figure() else {
            if !sliders_only {
                out.push((i, layout(m, &stage, vp, &ch.steps[i].focus)));
            }
            continue;
        };
        let defaults = fig.defaults();
        if sliders_only && defaults.iter().next().is_none() {
            continue;
        }
        let settings = common::knob_extremes(fig, ch.knobs);
        for k in &settings {
            out.push((i, fig.scene(k, vp)));
        }
        let n = fig.moments(&defaults);
        for at in [0, n / 2, n.saturating_sub(1)] {
            if n > 0 {
                out.push((i, fig.scene_at(&defaults, at, vp)));
            }
        }
    }
    out
}

// One test per language, so the two run side by side.
#[test]
fn every_picture_reads_at_every_size_in_english() {
    every_picture_reads_at_every_size(Language::En);
}

#[test]
fn every_picture_reads_at_every_size_in_japanese() {
    every_picture_reads_at_every_size(Language::Ja);
}

fn every_picture_reads_at_every_size(lang: Language) {
    let mut report = Vec::new();
    let mut count = 0;
    // LEGIBILITY_CHAPTER=gc checks one chapter.
    let only = std::env::var("LEGIBILITY_CHAPTER").ok();
    for ch in catalog_in(lang).into_iter().filter(|c| only.as_deref().is_none_or(|o| o == c.id)) {
        for (name, vp, min_font) in sizes() {
            let vp = vp.in_language(lang);
            for (i, scene) in pictures(&ch, vp, name.ends_with("sliders")) {
                let mut seen = std::collections::BTreeSet::new();
                for p in problems(&scene, vp, min_font) {
                    count += 1;
                    if seen.insert(p.clone()) {
                        report.push(format!("{} {} step {} at {name}: {p}", lang.code(), ch.id, i + 1));
                    }
                }
            }
        }
    }
    report.dedup();
    // LEGIBILITY_REPORT=path writes every line to path.en and path.ja, for
    // working through them.
    if let Ok(path) = std::env::var("LEGIBILITY_REPORT") {
        std::fs::write(format!("{path}.{}", lang.code()), report.join("\n")).expect("report written");
    }
    let shown: Vec<&String> = report.iter().take(60).collect();
    assert!(report.is_empty(), "{count} problems, {} distinct; the first:\n{}", report.len(), shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}

/// Where the picture has room, a path's stages read a phrase a line, not a
/// word: beside the code at 1280×720 and 1920×1080, and in a 960×540 slide
/// frame or presenter view, every line of a stage's text holds about 14
/// columns (seven Japanese characters). Five stages side by side beside
/// the code held nine; they are stacked there now.
#[test]
fn a_path_s_stages_hold_a_phrase_a_line_where_there_is_room() {
    let roomy = ["1280x720", "1920x1080", "960x540 embed", "960x540 present"];
    let mut report = Vec::new();
    let mut stages = 0;
    for lang in [Language::En, Language::Ja] {
        for ch in catalog_in(lang) {
            for (name, vp, _) in SIZES.iter().filter(|(n, ..)| roomy.contains(n)) {
                for (i, scene) in pictures(&ch, vp.in_language(lang), false) {
                    for n in scene.nodes.iter().filter(|n| matches!(n.key, Key::Part("stage", _))) {
                        stages += 1;
                        // The body: the smallest type in the stage.
                        let body = n.texts.iter().map(|t| t.size).fold(f32::MAX, f32::min);
                        for t in n.texts.iter().filter(|t| t.size == body) {
                            let columns = (n.rect.w - 2.0 * t.dx) / (ADVANCE * t.size);
                            if columns < 13.5 {
                                report.push(format!(
                                    "{} {} step {} at {name}: {:?} holds {columns:.1} columns a line at {} px",
                                    lang.code(),
                                    ch.id,
                                    i + 1,
                                    n.key,
                                    t.size
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(stages > 0, "no path was drawn");
    report.dedup();
    assert!(report.is_empty(), "{} narrow stages; the first:\n{}", report.len(), report.iter().take(20).cloned().collect::<Vec<_>>().join("\n"));
}

/// Go's heap never moves an object: once placed, a box keeps its place and
/// size for as long as it exists, through frees and sweeps.
#[test]
fn objects_stay_where_they_were_put() {
    let mut report = Vec::new();
    for ch in Language::ALL.into_iter().flat_map(catalog_in) {
        let tl = ch.timeline().expect("builds");
        let stage = Stage::of(tl.states());
        for (name, vp, _) in SIZES {
            let vp = vp.in_language(ch.language);
            let scenes: Vec<Scene> = tl.states().enumerate().map(|(i, m)| layout(m, &stage, vp, &ch.steps[i].focus)).collect();
            for (i, w) in scenes.windows(2).enumerate() {
                for n in &w[1].nodes {
                    if !matches!(n.key, Key::Object(_) | Key::Chunk(_)) {
                        continue;
                    }
                    if let Some(a) = w[0].node(n.key) {
                        let same = (a.rect.x - n.rect.x).abs() < 0.5
                            && (a.rect.y - n.rect.y).abs() < 0.5
                            && (a.rect.w - n.rect.w).abs() < 0.5
                            && (a.rect.h - n.rect.h).abs() < 0.5;
                        if !same {
                            report.push(format!("{} step {} at {name}: {:?} moved from {:?} to {:?}", ch.id, i + 2, n.key, a.rect, n.rect));
                        }
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "{} moves; the first:\n{}", report.len(), report.iter().take(30).cloned().collect::<Vec<_>>().join("\n"));
}
