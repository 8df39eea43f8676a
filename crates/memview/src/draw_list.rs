//! The display list: what a canvas must draw, in order, in CSS pixels.

use crate::geom::{Point, Rect};
use crate::layout::round;
use crate::palette::{Palette, Rgba, Role};
use crate::scene::{Edge, Key, Line, Node, Scene};
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cmd {
    Rect {
        rect: Rect,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Rgba>,
        line_width: f32,
        alpha: f32,
    },
    /// `y` is the text's vertical middle.
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        color: Rgba,
        align: TextAlign,
        bold: bool,
        alpha: f32,
    },
    /// A polyline, or with `filled` the outline of a shape to fill.
    Line {
        points: Vec<Point>,
        color: Rgba,
        width: f32,
        dashed: bool,
        alpha: f32,
        filled: bool,
    },
    /// Rectangles in one colour: a filled shape whose outline is all
    /// steps (the heap chart's envelope), cut into its columns. A canvas
    /// fills these several times faster than the same outline as a path.
    Bars {
        bars: Vec<Rect>,
        color: Rgba,
        alpha: f32,
    },
    /// A cubic curve, with an arrowhead at `to`.
    Arrow {
        from: Point,
        c1: Point,
        c2: Point,
        to: Point,
        color: Rgba,
        width: f32,
        alpha: f32,
    },
}

/// Turns a scene into drawing commands: background, the nodes' boxes in
/// order, lines (chart series, a scanner's path), the nodes' words over
/// them so no line hides a label, the rings on what the step is about (over
/// the boxes next to them), then pointer arrows on top so they are never
/// hidden. A notice laid over the whole picture (the OOM kill) comes last,
/// box and words, and hides all of it.
pub fn paint(scene: &Scene, palette: &Palette) -> Vec<Cmd> {
    let mut out = Vec::with_capacity(scene.nodes.len() * 3 + scene.edges.len() + 1);
    out.push(Cmd::Rect {
        rect: Rect::new(0.0, 0.0, scene.width, scene.height),
        radius: 0.0,
        fill: Some(palette.color(Role::Background)),
        stroke: None,
        line_width: 0.0,
        alpha: 1.0,
    });
    // The notice's scrim, fading the picture, opens its layer.
    let over = scene.nodes.iter().position(|n| matches!(n.key, Key::Killed | Key::Part("killed-scrim", _))).unwrap_or(scene.nodes.len());
    let (picture, overlay) = scene.nodes.split_at(over);
    layer(picture, &scene.lines, palette, &mut out);
    arrows(scene, palette, &mut out);
    layer(overlay, &[], palette, &mut out);
    out
}

/// Boxes, then `lines`, then words, then rings, for `nodes`.
fn layer(nodes: &[Node], lines: &[Line], palette: &Palette, out: &mut Vec<Cmd>) {
    let shown = || nodes.iter().filter(|n| n.alpha > 0.01);
    for n in shown() {
        paint_box(n, palette, out);
    }
    for l in lines {
        if l.alpha > 0.01 && l.points.len() > 1 {
            if let Some(bars) = l.filled.then(|| columns(&l.points)).flatten() {
                out.push(Cmd::Bars { bars, color: palette.color(l.role), alpha: l.alpha });
                continue;
            }
            out.push(Cmd::Line { points: l.points.clone(), color: palette.color(l.role), width: l.width, dashed: l.dashed, alpha: l.alpha, filled: l.filled });
        }
    }
    for n in shown() {
        paint_words(n, palette, out);
    }
    for n in shown().filter(|n| n.focus) {
        // Close around the box (3.25 px out at most): a stack slot's type
        // line sits about 4 px under its value.
        out.push(Cmd::Rect {
            rect: n.rect.inset(-2.0),
            radius: n.radius + 2.0,
            fill: None,
            stroke: Some(palette.color(Role::Focus)),
            line_width: 2.5,
            alpha: n.alpha,
        });
    }
}

fn arrows(scene: &Scene, palette: &Palette, out: &mut Vec<Cmd>) {
    // A stale pointer's red arrow last: where it meets a live one at the
    // same box, its head is the one seen.
    // (index in the scene, edge), the stale ones last, with each source's
    // height looked up once: this runs at every frame of a tween.
    let order: Vec<(usize, &Edge)> =
        scene.edges.iter().enumerate().filter(|(_, e)| !e.danger).chain(scene.edges.iter().enumerate().filter(|(_, e)| e.danger)).collect();
    let from_y: Vec<f32> = order.iter().map(|(_, e)| scene.node(e.from).map_or(0.0, |n| n.rect.center_y())).collect();
    for (at, &(i, e)) in order.iter().enumerate() {
        // A pointer into the stack meets the slot's value box, not its whole
        // row: a loop out to the row's far edge bulged into the gutter,
        // across the arrows leaving for the heap.
        let to = match e.to {
            Key::Slot(id) => scene.node(Key::Value(id)).or_else(|| scene.node(e.to)),
            _ => scene.node(e.to),
        };
        let (Some(a), Some(b)) = (scene.node(e.from), to) else { continue };
        let alpha = e.alpha * a.alpha.min(b.alpha);
        // A swinging head travels from the old target's box to the new.
        let target = match e.swing.and_then(|(k, t)| Some((scene.node(k)?.rect, t))) {
            Some((old, t)) => old.lerp(b.rect, t),
            None => b.rect,
        };
        if alpha <= 0.01 {
            continue;
        }
        let color = palette.color(if e.danger {
            Role::Danger
        } else if e.focus {
            Role::Focus
        } else {
            Role::Pointer
        });
        // Arrows into one box arrive a little apart, those from higher up
        // higher, so they do not cross: two heads on one point showed as one
        // (main's p and moveByPointer's pt, both at n1).
        let into = order.iter().zip(&from_y).filter(|((_, o), _)| o.to == e.to && o.swing.is_none());
        let n = into.clone().count();
        let above = into.filter(|&(&(j, _), &y)| y < from_y[at] || (y == from_y[at] && j < i)).count();
        let spread = (n > 1 && e.swing.is_none()).then_some((above, n));
        let into_stack = matches!(e.to, Key::Slot(_));
        out.push(arrow(a.rect, target, scene.width, color, alpha, if e.focus { 2.5 } else { 1.75 }, into_stack, spread));
    }
}

fn paint_box(n: &Node, palette: &Palette, out: &mut Vec<Cmd>) {
    if n.fill.is_some() || n.stroke.is_some() || n.danger {
        let stroke = if n.danger { Some(palette.color(Role::Danger)) } else { n.stroke.map(|r| palette.color(r)) };
        let fill = n.fill.map(|r| palette.color(r));
        // A plain square box that continues the one before it (a run of
        // same-coloured heap cells) widens that box instead: one command.
        if let (Some(Cmd::Rect { rect, radius, fill: f, stroke: None, alpha, .. }), None, true) = (out.last_mut(), stroke, n.radius < 0.5) {
            let abuts = (rect.right() - n.rect.x).abs() < 0.05 && rect.y == n.rect.y && rect.h == n.rect.h;
            if abuts && *radius < 0.5 && *f == fill && *alpha == n.alpha && n.texts.is_empty() {
                rect.w += n.rect.w;
                return;
            }
        }
        out.push(Cmd::Rect { rect: n.rect, radius: n.radius, fill, stroke, line_width: if n.danger { 2.5 } else { 1.0 }, alpha: n.alpha });
    }
}

fn paint_words(n: &Node, palette: &Palette, out: &mut Vec<Cmd>) {
    for t in &n.texts {
        if t.alpha * n.alpha <= 0.01 || t.content.is_empty() {
            continue;
        }
        out.push(Cmd::Text {
            x: n.rect.x + t.dx,
            y: n.rect.y + t.dy,
            text: t.content.clone(),
            size: t.size,
            color: palette.color(t.role),
            align: t.align,
            bold: t.bold,
            alpha: t.alpha * n.alpha,
        });
    }
}

/// A pointer arrow from the right edge of `from` to `to`: into its left
/// edge when it lies to the right, else looping out to the right and back
/// into its right edge (a pointer to a slot in the same stack). Loops stay
/// within the gutter panels keep on their right, and inside the canvas.
/// `spread`: this arrow's place among `n` into the same box, (k, n).
#[allow(clippy::too_many_arguments)] // one arrow: its ends, its look, and its place among those into one box
fn arrow(from: Rect, to: Rect, canvas_w: f32, color: Rgba, alpha: f32, width: f32, into_stack: bool, spread: Option<(usize, usize)>) -> Cmd {
    let a = Point { x: from.right(), y: from.center_y() };
    // Where on the box's side a head lands: `y`, or moved up or down by
    // up to 10 px a place, within the box.
    let place = |y: f32| match spread {
        Some((k, n)) => {
            let step = (to.h / (n as f32 + 1.0)).min(10.0);
            // max and min, not f32::clamp: its assertion's message formats
            // floats, some 25 KB of code the page otherwise does without.
            (y + (k as f32 - (n as f32 - 1.0) / 2.0) * step).max(to.y + 2.0).min(to.bottom() - 2.0)
        }
        None => y,
    };
    let (b, c1, c2) = if to.x > a.x + 16.0 {
        let b = Point { x: to.x, y: place(to.center_y()) };
        let dx = (b.x - a.x) * 0.5;
        (b, Point { x: a.x + dx, y: a.y }, Point { x: b.x - dx, y: b.y })
    } else {
        // A loop back into a box in the same column ends at its top quarter
        // (its heading), not its middle, where the box's own pointers leave.
        // A loop into the stack from a slot below ends in the lower half of
        // the value it joins, its head away from the arrows that leave the
        // slots above for the heap.
        let y = if into_stack && a.y > to.bottom() { to.bottom() - to.h * 0.25 } else { to.y + (to.h * 0.25).min(14.0) };
        let b = Point { x: to.right(), y: place(y) };
        let reach = (a.x.max(b.x) + 14.0 + (a.y - b.y).abs() * 0.06).min(a.x.max(b.x) + 24.0).min(canvas_w - 3.0);
        (b, Point { x: reach, y: a.y }, Point { x: reach, y: b.y })
    };
    Cmd::Arrow { from: a, c1, c2, to: b, color, width, alpha }
}

/// The columns of a shape outlined by steps: a top edge left to right, then
/// a bottom edge back, every segment level or upright. Each run where both
/// edges are level is one rectangle. Column edges are put on whole pixels,
/// so neighbours meet with no seam of half-covered pixels between them.
/// None for any other outline (a slanted one, mid-tween), drawn as a path.
pub fn columns(points: &[Point]) -> Option<Vec<Rect>> {
    // Level segments, each as (x from, x to, y): the top edge's run right,
    // the bottom edge's left. Upright ones are the steps between.
    let (mut top, mut bottom) = (Vec::new(), Vec::new());
    let closing = [points[points.len() - 1], points[0]];
    for w in points.windows(2).chain(core::iter::once(&closing[..])) {
        let (a, b) = (w[0], w[1]);
        if a.y == b.y && a.x < b.x {
            top.push((round(a.x), round(b.x), a.y));
        } else if a.y == b.y && a.x > b.x {
            bottom.push((round(b.x), round(a.x), a.y));
        } else if a.x != b.x {
            return None;
        }
    }
    bottom.reverse();
    let edge_ok = |e: &[(f32, f32, f32)]| e.windows(2).all(|w| w[0].1 <= w[1].0);
    if top.is_empty() || !edge_ok(&top) || !edge_ok(&bottom) {
        return None;
    }
    let mut bars: Vec<Rect> = Vec::with_capacity(top.len().max(bottom.len()));
    let (mut i, mut j) = (0, 0);
    while i < top.len() && j < bottom.len() {
        let (t, b) = (top[i], bottom[j]);
        let (x0, x1) = (t.0.max(b.0), t.1.min(b.1));
        if x1 > x0 && b.2 > t.2 {
            // A run as tall as the last one, next to it: one wider bar.
            match bars.last_mut() {
                Some(r) if r.right() == x0 && r.y == t.2 && r.bottom() == b.2 => r.w = x1 - r.x,
                _ => bars.push(Rect::new(x0, t.2, x1 - x0, b.2 - t.2)),
            }
        }
        if t.1 <= b.1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(bars)
}

/// A line per command, for golden tests and debugging.
pub fn dump(cmds: &[Cmd]) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    for c in cmds {
        let _ = match c {
            Cmd::Rect { rect, .. } => writeln!(s, "rect {:.0},{:.0} {:.0}x{:.0}", rect.x, rect.y, rect.w, rect.h),
            Cmd::Text { x, y, text, .. } => writeln!(s, "text {x:.0},{y:.0} {text}"),
            Cmd::Line { points, filled: false, .. } => writeln!(s, "line {} points", points.len()),
            Cmd::Line { points, filled: true, .. } => writeln!(s, "shape {} points", points.len()),
            Cmd::Bars { bars, .. } => writeln!(s, "bars {}", bars.len()),
            Cmd::Arrow { from, to, .. } => writeln!(s, "arrow {:.0},{:.0} -> {:.0},{:.0}", from.x, from.y, to.x, to.y),
        };
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Edge;
    use memsim::Id;

    /// Arrows into a box thinner than their spacing (a two-pixel stack
    /// frame, or a box mid-tween) land inside it, and nothing panics: the
    /// spread was once a clamp whose bounds crossed, and the page stopped.
    #[test]
    fn arrows_into_a_thin_box_do_not_panic() {
        let mut scene = Scene::new(200.0, 100.0);
        for (i, y) in [10.0, 40.0, 70.0].into_iter().enumerate() {
            scene.nodes.push(Node::new(Key::Value(Id(i as u32 + 1)), Rect::new(0.0, y, 40.0, 10.0)));
        }
        scene.nodes.push(Node::new(Key::Object(Id(9)), Rect::new(120.0, 50.0, 40.0, 2.0)));
        for i in 1..=3 {
            scene.edges.push(Edge { from: Key::Value(Id(i)), to: Key::Object(Id(9)), alpha: 1.0, focus: false, danger: false, swing: None });
        }
        let heads: Vec<Point> = paint(&scene, &Palette::LIGHT).iter().filter_map(|c| if let Cmd::Arrow { to, .. } = c { Some(*to) } else { None }).collect();
        assert_eq!(heads.len(), 3);
        assert!(heads.iter().all(|p| p.y.is_finite() && (48.0..=54.0).contains(&p.y)), "{heads:?}");
    }

    /// Inside a closed outline: the even-odd rule along a ray to the right.
    fn inside(points: &[Point], x: f32, y: f32) -> bool {
        let mut odd = false;
        for i in 0..points.len() {
            let (a, b) = (points[i], points[(i + 1) % points.len()]);
            if (a.y > y) != (b.y > y) && x < a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x) {
                odd = !odd;
            }
        }
        odd
    }

    /// The heap chart's envelope as bars covers the pixels the outline
    /// does, each once: a sawtooth over whole-pixel columns, sampled at
    /// every pixel's centre.
    #[test]
    fn a_stepped_outline_becomes_bars_over_the_same_pixels() {
        let heap: Vec<u64> = (0..3000u64).map(|i| 100 + (i * 7) % 230).collect();
        let line = crate::layout_pacer::series(0, &heap, 300, |i| 10.0 + i as f32 / 10.0, |v| 400.0 - v as f32 * 1.3);
        assert!(line.filled);
        let bars = columns(&line.points).expect("a stepped outline");
        assert!(bars.len() <= 310, "{} bars for 300 columns", bars.len());
        for px in 0..330 {
            for py in 0..420 {
                let (x, y) = (px as f32 + 0.5, py as f32 + 0.5);
                let n = bars.iter().filter(|r| r.x <= x && x < r.right() && r.y <= y && y < r.bottom()).count();
                assert_eq!(n, usize::from(inside(&line.points, x, y)), "pixel {px},{py}");
            }
        }
    }

    /// A slanted outline (mid-tween between two envelopes) is left a shape.
    #[test]
    fn a_slanted_outline_stays_a_shape() {
        let p = |x, y| Point { x, y };
        assert_eq!(columns(&[p(0.0, 0.0), p(10.0, 5.0), p(10.0, 20.0), p(0.0, 20.0)]), None);
        let square = columns(&[p(0.0, 0.0), p(10.0, 0.0), p(10.0, 20.0), p(0.0, 20.0)]).expect("bars");
        assert_eq!(square, [Rect::new(0.0, 0.0, 10.0, 20.0)]);
    }
}
