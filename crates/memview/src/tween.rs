//! The frame between two scenes.
//!
//! Nodes are matched by key: a matched node moves and resizes, and text
//! that changed fades out and then in (never both at once, so no label is
//! double-exposed); a node only in `to` fades in sliding from above (a
//! pushed frame drops into place); a node only in `from` fades out. A
//! pointer that changed target swings its head from the old to the new.

use crate::by_key::ByKey;
use crate::geom::lerp;
use crate::scene::{Edge, Line, Node, Scene};
use alloc::vec::Vec;

/// Ease in-out (cubic): gentle start and stop.
pub fn ease(t: f32) -> f32 {
    let t = t.max(0.0).min(1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        let u = -2.0 * t + 2.0;
        1.0 - u * u * u / 2.0
    }
}

pub fn tween(from: &Scene, to: &Scene, t: f32) -> Scene {
    if t >= 1.0 {
        return to.clone();
    }
    if t <= 0.0 {
        return from.clone();
    }
    let e = ease(t);
    if from.nodes.len() == to.nodes.len() && from.nodes.iter().zip(&to.nodes).all(|(a, b)| a.key == b.key) {
        // The same nodes in the same order (a recoloured heap map, a
        // resized chart): blend pairwise, no lookups.
        let nodes = from.nodes.iter().zip(&to.nodes).map(|(a, b)| blend(a, b, e)).collect();
        return Scene { width: to.width, height: to.height, nodes, edges: tween_edges(from, to, e), lines: tween_lines(from, to, e) };
    }
    let (old, new) = (ByKey::new(&from.nodes), ByKey::new(&to.nodes));
    let mut nodes = Vec::with_capacity(to.nodes.len() + 8);
    // Removed nodes first, so they fade out beneath the new picture; a
    // freed object or chunk also shrinks away into its free slot.
    for n in &from.nodes {
        if !new.contains(&n.key) {
            let mut n = n.clone();
            n.alpha *= 1.0 - e;
            if matches!(n.key, crate::scene::Key::Object(_) | crate::scene::Key::Chunk(_)) {
                let (dx, dy) = (n.rect.w * 0.15 * e, n.rect.h * 0.15 * e);
                n.rect = crate::geom::Rect::new(n.rect.x + dx, n.rect.y + dy, n.rect.w - 2.0 * dx, n.rect.h - 2.0 * dy);
            }
            nodes.push(n);
        }
    }
    for n in &to.nodes {
        match old.get(&n.key) {
            Some(a) => nodes.push(blend(a, n, e)),
            None => {
                let mut n = n.clone();
                match n.origin.and_then(|k| old.get(&k)) {
                    // A copy: it travels from its source to its new place.
                    Some(src) => {
                        n.rect = src.rect.lerp(n.rect, e);
                        n.alpha *= 0.5 + 0.5 * e;
                    }
                    None => {
                        n.rect = n.rect.translate(0.0, -12.0 * (1.0 - e));
                        n.alpha *= e;
                    }
                }
                nodes.push(n);
            }
        }
    }
    Scene { width: to.width, height: to.height, nodes, edges: tween_edges(from, to, e), lines: tween_lines(from, to, e) }
}

/// Edges in both scenes stay; a pointer whose only arrow now leads
/// elsewhere swings to its new target; others fade out or in.
fn tween_edges(from: &Scene, to: &Scene, e: f32) -> Vec<Edge> {
    let mut edges: Vec<Edge> = Vec::new();
    let only = |s: &Scene, k| s.edges.iter().filter(|x| x.from == k).count() == 1;
    // The one arrow from `k` in both scenes, to different targets.
    let swing = |k| {
        only(from, k)
            && only(to, k)
            && to.node(k).is_some()
            && from.edges.iter().chain(&to.edges).filter(|x| x.from == k).map(|x| x.to).collect::<Vec<_>>().windows(2).all(|w| w[0] != w[1])
    };
    for edge in &from.edges {
        if !to.edges.iter().any(|x| x.from == edge.from && x.to == edge.to) && !swing(edge.from) {
            edges.push(Edge { alpha: edge.alpha * (1.0 - e), ..edge.clone() });
        }
    }
    for edge in &to.edges {
        let was = from.edges.iter().any(|x| x.from == edge.from && x.to == edge.to);
        if !was && swing(edge.from) {
            let old = from.edges.iter().find(|x| x.from == edge.from).map(|x| x.to);
            edges.push(Edge { swing: old.map(|k| (k, e)), ..edge.clone() });
            continue;
        }
        edges.push(Edge { alpha: if was { edge.alpha } else { edge.alpha * e }, ..edge.clone() });
    }
    edges
}

/// Lines with the same key and point count morph; others fade.
fn tween_lines(from: &Scene, to: &Scene, e: f32) -> Vec<Line> {
    let mut lines = Vec::with_capacity(to.lines.len());
    for l in &from.lines {
        if !to.lines.iter().any(|x| x.key == l.key) {
            lines.push(Line { alpha: l.alpha * (1.0 - e), ..l.clone() });
        }
    }
    for l in &to.lines {
        let mut l = l.clone();
        match from.lines.iter().find(|x| x.key == l.key) {
            Some(a) if a.points.len() == l.points.len() => {
                for (p, q) in l.points.iter_mut().zip(&a.points) {
                    p.x = lerp(q.x, p.x, e);
                    p.y = lerp(q.y, p.y, e);
                }
            }
            _ => l.alpha *= e,
        }
        lines.push(l);
    }
    lines
}

fn blend(a: &Node, b: &Node, e: f32) -> Node {
    let mut n = b.clone();
    n.rect = a.rect.lerp(b.rect, e);
    n.alpha = a.alpha + (b.alpha - a.alpha) * e;
    n.focus = if e < 0.5 { a.focus } else { b.focus };
    n.danger = if e < 0.5 { a.danger } else { b.danger };
    if a.texts != b.texts {
        // Old text fades out in the first half, new text in over the
        // second: the two never show at once.
        let mut texts = Vec::with_capacity(a.texts.len() + b.texts.len());
        // The same words in the same place, only recoloured (a node turning
        // black): one text that switches colour halfway, never blank.
        let recoloured = |t: &crate::scene::Text, u: &crate::scene::Text| t.content == u.content && t.dx == u.dx && t.dy == u.dy && t != u;
        for t in &b.texts {
            if let Some(old) = a.texts.iter().find(|o| recoloured(o, t)) {
                texts.push(if e < 0.5 { old.clone() } else { t.clone() });
            }
        }
        for t in &a.texts {
            if b.texts.iter().any(|u| recoloured(t, u)) {
                continue;
            }
            if !b.texts.contains(t) && e < 0.5 {
                let mut t = t.clone();
                t.alpha *= 1.0 - 2.0 * e;
                texts.push(t);
            }
        }
        for t in &b.texts {
            if a.texts.iter().any(|o| recoloured(o, t)) {
                continue;
            }
            let mut t = t.clone();
            if !a.texts.contains(&t) {
                t.alpha *= (2.0 * e - 1.0).max(0.0);
            }
            texts.push(t);
        }
        n.texts = texts;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;
    use crate::scene::Key;
    use memsim::Id;

    fn scene(nodes: Vec<Node>) -> Scene {
        Scene { nodes, ..Scene::new(100.0, 100.0) }
    }

    #[test]
    fn matched_nodes_move_new_fade_in_old_fade_out() {
        let a = scene(alloc::vec![Node::new(Key::Slot(Id(1)), Rect::new(0.0, 0.0, 10.0, 10.0)), Node::new(Key::Slot(Id(2)), Rect::default())]);
        let b = scene(alloc::vec![Node::new(Key::Slot(Id(1)), Rect::new(100.0, 0.0, 10.0, 10.0)), Node::new(Key::Slot(Id(3)), Rect::default())]);
        let mid = tween(&a, &b, 0.5);
        let moved = mid.node(Key::Slot(Id(1))).expect("kept");
        assert!((moved.rect.x - 50.0).abs() < 0.01);
        assert!((mid.node(Key::Slot(Id(2))).expect("fading").alpha - 0.5).abs() < 0.01);
        assert!((mid.node(Key::Slot(Id(3))).expect("appearing").alpha - 0.5).abs() < 0.01);
        assert_eq!(tween(&a, &b, 1.0), b);
        // A copied value flies from its source.
        let c = scene(alloc::vec![Node::new(Key::Value(Id(9)), Rect::new(100.0, 100.0, 10.0, 10.0)).origin(Some(Key::Slot(Id(1))))]);
        let mid = tween(&a, &c, 0.5);
        let copy = mid.node(Key::Value(Id(9))).expect("copy");
        assert!((copy.rect.x - 50.0).abs() < 0.01 && (copy.rect.y - 50.0).abs() < 0.01);
        assert_eq!(tween(&a, &b, 0.0), a);
    }

    #[test]
    fn changed_text_is_never_double_exposed_and_pointers_swing() {
        use crate::draw_list::TextAlign;
        use crate::palette::Role;
        let node = |t: &str| Node::new(Key::Value(Id(1)), Rect::new(0.0, 0.0, 50.0, 10.0)).text(0.0, 5.0, 12.0, Role::Text, t, TextAlign::Left, false);
        let target = |id, y| Node::new(Key::Object(Id(id)), Rect::new(100.0, y, 20.0, 10.0));
        let edge = |to| Edge { from: Key::Value(Id(1)), to: Key::Object(Id(to)), alpha: 1.0, focus: false, danger: false, swing: None };
        let a = Scene { edges: alloc::vec![edge(2)], ..scene(alloc::vec![node("0xc000010000"), target(2, 0.0), target(3, 50.0)]) };
        let b = Scene { edges: alloc::vec![edge(3)], ..scene(alloc::vec![node("0xc000010018"), target(2, 0.0), target(3, 50.0)]) };
        for i in 1..100 {
            let mid = tween(&a, &b, i as f32 / 100.0);
            let shown = mid.node(Key::Value(Id(1))).expect("kept").texts.iter().filter(|t| t.alpha > 0.0).count();
            assert!(shown <= 1, "two texts at once at t = {i}%");
            // One arrow, its head on its way from the old target to the new.
            assert_eq!(mid.edges.len(), 1);
            assert_eq!(mid.edges[0].swing.map(|(k, _)| k), Some(Key::Object(Id(2))));
        }
        let cmds = crate::draw_list::paint(&tween(&a, &b, 0.5), &crate::palette::Palette::LIGHT);
        let head = cmds.iter().find_map(|c| if let crate::draw_list::Cmd::Arrow { to, .. } = c { Some(*to) } else { None }).expect("an arrow");
        assert!(head.y > 5.0 && head.y < 55.0, "mid-swing between the targets: {head:?}");
    }

    #[test]
    fn easing_is_monotonic_and_pinned() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        let mut last = 0.0;
        for i in 0..=100 {
            let v = ease(i as f32 / 100.0);
            assert!(v >= last);
            last = v;
        }
    }
}
