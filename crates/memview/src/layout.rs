//! Where everything goes, for one state and one viewport.
//!
//! Wide viewports put the two panels of a chapter side by side (memory |
//! registers, stack | heap); narrow ones (phones) stack them. Sizes derive
//! from the viewport, so the picture stays legible from 390 px up.

use crate::draw_list::TextAlign;
use crate::focus::Focus;
use crate::geom::Rect;
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::stage::Stage;
use crate::{layout_c_heap, layout_memory, layout_stack_heap};
use alloc::vec::Vec;
use memsim::{Machine, Target, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f32,
    pub height: f32,
}

/// Sizes shared by the panel layouts.
pub(crate) struct Metrics {
    /// Body font size, px.
    pub f: f32,
    /// Approximate width of one monospace character, px.
    pub ch: f32,
}

impl Metrics {
    /// Sizes for a viewport: the body font scales with it, 10.5–16 px.
    pub fn of(vp: Viewport) -> Metrics {
        let f = (vp.width / 60.0).min(vp.height / 34.0).clamp(10.5, 16.0);
        Metrics { f, ch: f * 0.6 }
    }

    /// Padding around the picture.
    pub fn pad(&self) -> f32 {
        round(self.f * 0.8)
    }

    /// The drawable area of a viewport, inside the padding.
    pub fn area(&self, vp: Viewport) -> Rect {
        let pad = self.pad();
        Rect::new(pad, pad, vp.width - 2.0 * pad, vp.height - 2.0 * pad)
    }

    pub fn chars(&self, width: f32) -> usize {
        (width / self.ch).max(0.0) as usize
    }
}

pub fn layout(m: &Machine, stage: &Stage, vp: Viewport, focus: &[Focus]) -> Scene {
    let metrics = Metrics::of(vp);
    let pad = metrics.pad();
    let mut scene = Scene::new(vp.width, vp.height);
    let area = metrics.area(vp);
    let wide = vp.width >= 640.0;

    if stage.memory {
        let (mem, regs) = if stage.registers { split(area, wide, 0.7, pad) } else { (area, Rect::default()) };
        layout_memory::memory(m, mem, &metrics, &mut scene);
        if stage.registers {
            layout_memory::registers(m, regs, &metrics, &mut scene);
        }
    }
    if stage.c_heap {
        let (stack, heap) = split(area, wide, 0.5, pad);
        layout_stack_heap::stack(m, stack, &metrics, &mut scene);
        layout_c_heap::c_heap(m, heap, &metrics, &mut scene);
        pointer_edges(m, &mut scene);
    } else if stage.stack || stage.heap {
        let (stack, heap) = match (stage.stack, stage.heap) {
            (true, true) => split(area, wide, 0.56, pad),
            (true, false) => (area, Rect::default()),
            _ => (Rect::default(), area),
        };
        if stage.stack {
            layout_stack_heap::stack(m, stack, &metrics, &mut scene);
        }
        if stage.heap {
            layout_stack_heap::heap(m, heap, &metrics, &mut scene);
        }
        pointer_edges(m, &mut scene);
    }
    apply_focus(m, focus, &mut scene);
    if let Some(why) = &m.killed {
        layout_c_heap::killed(why, area, &metrics, &mut scene);
    }
    scene
}

/// Splits `area` into two panels, side by side or one above the other.
fn split(area: Rect, wide: bool, first: f32, gap: f32) -> (Rect, Rect) {
    if wide {
        let w = round((area.w - gap) * first);
        (Rect::new(area.x, area.y, w, area.h), Rect::new(area.x + w + gap, area.y, area.w - w - gap, area.h))
    } else {
        let h = round((area.h - gap) * first);
        (Rect::new(area.x, area.y, area.w, h), Rect::new(area.x, area.y + h + gap, area.w, area.h - h - gap))
    }
}

/// A titled panel; returns the rectangle left for its contents.
pub(crate) fn panel(scene: &mut Scene, id: &'static str, rect: Rect, title: &str, subtitle: &str, mt: &Metrics) -> Rect {
    let head = round(mt.f * 2.2);
    let title_chars = title.chars().count() as f32 * mt.ch * 1.1;
    let sub_room = rect.w - title_chars - mt.f * 2.0;
    let mut node = Node::new(Key::Panel(id), rect).fill(Role::Panel).stroke(Role::PanelBorder).radius(8.0).text(
        mt.f * 0.8,
        head / 2.0,
        mt.f * 1.05,
        Role::Text,
        title,
        TextAlign::Left,
        true,
    );
    if sub_room > mt.ch * 8.0 {
        let sub = crate::text::fit(subtitle, mt.chars(sub_room / 0.9));
        node = node.text(rect.w - mt.f * 0.8, head / 2.0, mt.f * 0.9, Role::Muted, sub, TextAlign::Right, false);
    }
    scene.nodes.push(node);
    Rect::new(rect.x + mt.f * 0.7, rect.y + head, rect.w - mt.f * 1.4, rect.h - head - mt.f * 0.6)
}

/// The key of what lives at a stack or heap location.
pub(crate) fn target_key(m: &Machine, t: Target) -> Key {
    match t {
        Target::Slot { stack, frame, slot } => Key::Slot(m.stacks[stack].frames[frame].slots[slot].id),
        Target::Object(i) => Key::Object(m.heap.objects[i].id),
        Target::Chunk(i) => m.c_heap.as_ref().map_or(Key::Gauge, |h| Key::Chunk(h.chunks[i].id)),
    }
}

/// One arrow per pointer held in a slot or an object.
fn pointer_edges(m: &Machine, scene: &mut Scene) {
    let mut ptrs = Vec::new();
    for frame in m.frames() {
        for slot in &frame.slots {
            ptrs.clear();
            slot.value.pointers(&mut ptrs);
            for a in &ptrs {
                if let Ok(loc) = m.locate(*a) {
                    let danger = m.dangling(&slot.ty, loc.target);
                    scene.edges.push(crate::scene::Edge { from: Key::Value(slot.id), to: target_key(m, loc.target), alpha: 1.0, focus: false, danger });
                }
            }
        }
    }
    for obj in &m.heap.objects {
        ptrs.clear();
        obj.value.pointers(&mut ptrs);
        for a in &ptrs {
            if let Ok(loc) = m.locate(*a) {
                scene.edges.push(crate::scene::Edge { from: Key::Object(obj.id), to: target_key(m, loc.target), alpha: 1.0, focus: false, danger: false });
            }
        }
    }
}

fn find_slot<'a>(m: &'a Machine, func: &str, name: &str) -> Option<&'a memsim::Slot> {
    let frame = m.frames().filter(|f| f.func == func).last()?;
    frame.slots.get(frame.slot(name)?)
}

fn apply_focus(m: &Machine, focus: &[Focus], scene: &mut Scene) {
    let mut keys: Vec<Key> = Vec::new();
    let mut edges_from: Vec<Key> = Vec::new();
    for f in focus {
        match f {
            Focus::Bytes { addr, len } | Focus::Conflict { addr, len } => keys.extend((*addr..addr + len).map(Key::Cell)),
            Focus::Register(name) => {
                if let Some(i) = m.memory.as_ref().and_then(|mem| mem.registers.iter().position(|r| &r.name == name)) {
                    keys.push(Key::Register(i as u32));
                }
            }
            Focus::HeapAt(a) => {
                if let Some(i) = m.heap.object_at(memsim::Addr(*a)) {
                    keys.push(Key::Object(m.heap.objects[i].id));
                }
            }
            Focus::Frame(func) => {
                if let Some(fr) = m.frames().filter(|fr| &fr.func == func).last() {
                    keys.push(Key::Frame(fr.id));
                }
            }
            Focus::Var { func, name } => {
                if let Some(s) = find_slot(m, func, name) {
                    keys.push(Key::Slot(s.id));
                }
            }
            Focus::Pointee { func, name } => {
                let Some(s) = find_slot(m, func, name) else { continue };
                let (Value::Ptr(a) | Value::Slice { ptr: a, .. }) = s.value else { continue };
                if let Ok(loc) = m.locate(a) {
                    keys.push(target_key(m, loc.target));
                    edges_from.push(Key::Value(s.id));
                    keys.push(Key::Value(s.id));
                }
            }
        }
    }
    for n in &mut scene.nodes {
        if keys.contains(&n.key) {
            if let Key::Cell(_) = n.key {
                n.fill = Some(Role::FocusFill);
            } else {
                n.focus = true;
            }
        }
    }
    for e in &mut scene.edges {
        e.focus = edges_from.contains(&e.from);
    }
}

/// Rounds a non-negative length to whole pixels (no `f32::round` in core).
pub(crate) fn round(x: f32) -> f32 {
    (x.max(0.0) + 0.5) as u32 as f32
}
