//! Where everything goes, for one state and one viewport.
//!
//! Wide viewports put the two panels of a chapter side by side (memory |
//! registers, stack | heap); narrow ones (phones) stack them. Sizes derive
//! from the viewport, so the picture stays legible from 390 px up.

use crate::draw_list::TextAlign;
use crate::focus::Focus;
use crate::geom::Rect;
use crate::lang::Language;
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
    /// The language the picture's words are in.
    pub lang: Language,
}

impl Viewport {
    /// A viewport of `width` × `height` px, in English.
    pub const fn new(width: f32, height: f32) -> Viewport {
        Viewport { width, height, lang: Language::En }
    }

    pub const fn in_language(self, lang: Language) -> Viewport {
        Viewport { width: self.width, height: self.height, lang }
    }
}

/// Advance of one character per px of font size, with a little to spare.
pub(crate) const ADVANCE: f32 = 0.62;

/// Sizes shared by the panel layouts.
pub(crate) struct Metrics {
    /// Body font size, px.
    pub f: f32,
    /// Approximate width of one monospace character, px.
    pub ch: f32,
    /// The language of the picture's words.
    pub lang: Language,
}

impl Metrics {
    /// Sizes for a viewport: the body font scales with the stage, from
    /// 13.75 px on a phone to 26 px on a projector, so the smallest label
    /// ([`Metrics::small`]) is 11 px on a phone and 14 px or more from a
    /// 1280×720 window up.
    pub fn of(vp: Viewport) -> Metrics {
        let f = (vp.width / 47.0).min(vp.height / 29.0).max(13.75).min(26.0);
        Metrics { f, ch: f * 0.6, lang: vp.lang }
    }

    /// The same sizes with the body font at `f` px.
    pub fn at(&self, f: f32) -> Metrics {
        Metrics { f, ch: f * 0.6, lang: self.lang }
    }

    /// The smallest text any picture draws: notes, axis ticks, addresses.
    pub fn small(&self) -> f32 {
        self.f * 0.8
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

    /// How wide `s` is drawn at `size` px (an advance of 0.6 em per Latin
    /// character, 1 em per Japanese one; a little more, so estimates err
    /// roomy).
    pub fn width(&self, s: &str, size: f32) -> f32 {
        crate::text::columns(s) * ADVANCE * size
    }

    /// How many Latin characters' columns at `size` px fit in `width` (a
    /// Japanese character takes [`crate::text::columns`] of them).
    pub fn fits(&self, width: f32, size: f32) -> usize {
        (width / (ADVANCE * size)).max(1.0) as usize
    }
}

pub fn layout(m: &Machine, stage: &Stage, vp: Viewport, focus: &[Focus]) -> Scene {
    let metrics = Metrics::of(vp);
    let pad = metrics.pad();
    let mut scene = Scene::new(vp.width, vp.height);
    let (area, strip) = crate::legend::reserve(metrics.area(vp), &metrics);
    let wide = vp.width >= 640.0;
    let mut one_line = false;

    if stage.memory {
        let (mem, regs) = if stage.registers { split(area, wide, 0.7, pad) } else { (area, Rect::default()) };
        layout_memory::memory(m, stage, mem, &metrics, &mut scene);
        if stage.registers {
            layout_memory::registers(m, regs, &metrics, &mut scene);
        }
    }
    if stage.c_heap {
        let (stack, heap) = split(area, wide, 0.5, pad);
        layout_stack_heap::stack(m, stage, stack, &metrics, &mut scene);
        layout_c_heap::c_heap(m, heap, &metrics, &mut scene);
        pointer_edges(m, &mut scene);
    } else if stage.stack || stage.heap {
        let (stack, heap) = match (stage.stack, stage.heap) {
            (true, true) if wide => split(area, wide, 0.56, pad),
            // One above the other: each panel gets room in proportion to
            // what it holds at its fullest.
            (true, true) => split(area, wide, layout_stack_heap::stack_share(stage), pad),
            (true, false) => (area, Rect::default()),
            _ => (Rect::default(), area),
        };
        if stage.stack {
            layout_stack_heap::stack(m, stage, stack, &metrics, &mut scene);
        }
        if stage.heap {
            one_line = layout_stack_heap::heap(m, stage, heap, &metrics, &mut scene);
        }
        pointer_edges(m, &mut scene);
    }
    // A pointer to a chunk summed up in the "+ N more chunks" line points
    // at that line.
    let summed = scene.node(Key::Part("more-chunks", 0)).is_some();
    let present: Vec<Key> = scene.nodes.iter().map(|n| n.key).collect();
    scene.edges.retain_mut(|e| {
        if present.contains(&e.to) {
            return true;
        }
        e.to = Key::Part("more-chunks", 0);
        summed && matches!(e.from, Key::Value(_))
    });
    // A new heap object flies out of the frame whose pointer holds it: a
    // value escaping to the heap is seen to leave the stack.
    for frame in m.frames() {
        for slot in &frame.slots {
            let Some(to) = scene.edges.iter().find(|e| e.from == Key::Value(slot.id)).map(|e| e.to) else { continue };
            if let Some(n) = scene.nodes.iter_mut().find(|n| n.key == to && matches!(n.key, Key::Object(_)) && n.origin.is_none()) {
                n.origin = Some(Key::Frame(frame.id));
            }
        }
    }
    apply_focus(m, focus, &mut scene);
    if one_line {
        // Objects a line each (a phone) name their pointers' targets in
        // their text (Next →n2), and the gutter beside them is a few pixels
        // wide: of the arrows between objects, only those into what the
        // step is about, or red ones, are drawn.
        let lit: Vec<Key> = scene.nodes.iter().filter(|n| n.focus).map(|n| n.key).collect();
        scene.edges.retain(|e| !matches!(e.from, Key::Field(..)) || e.danger || e.focus || lit.contains(&e.to));
    }
    if let Some(why) = &m.killed {
        layout_c_heap::killed(m, why, area, &metrics, &mut scene);
    }
    crate::legend::draw(&mut scene, strip, &metrics);
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
    panel_with(scene, id, rect, title, subtitle, "", mt, 0.0)
}

/// A titled panel whose header keeps `keep_right` px free on its right
/// (where arrows pass). The subtitle sits beside the title when both fit,
/// else wraps onto lines of its own under it: never cut short. The header
/// is sized for `plan`, the longest subtitle the panel will show, so its
/// contents do not shift from step to step as the subtitle changes.
#[allow(clippy::too_many_arguments)] // a panel: where, its words, and the room kept for arrows
pub(crate) fn panel_with(scene: &mut Scene, id: &'static str, rect: Rect, title: &str, subtitle: &str, plan: &str, mt: &Metrics, keep_right: f32) -> Rect {
    let pad = mt.f * 0.8;
    let (title_size, small) = (mt.f * 1.05, mt.small());
    let line = round(mt.f * 2.2);
    let room = rect.w - 2.0 * pad - keep_right;
    let widest = mt.width(subtitle, small).max(mt.width(plan, small));
    // A title too long for the panel wraps too; its subtitle goes under it.
    let titles = crate::text::wrap(title, mt.fits(room, title_size));
    let title_h = (titles.len() - 1) as f32 * title_size * 1.25;
    let beside = titles.len() == 1 && mt.width(title, title_size) + mt.f + widest <= room;
    let below = if beside || subtitle.is_empty() { Vec::new() } else { crate::text::wrap(subtitle, mt.fits(room, small)) };
    let planned = if beside { 0 } else { crate::text::wrap(plan, mt.fits(room, small)).len() };
    let head = line + title_h + below.len().max(planned) as f32 * small * 1.3;
    let mut node = Node::new(Key::Panel(id), rect).fill(Role::Panel).stroke(Role::PanelBorder).radius(8.0);
    for (i, t) in titles.into_iter().enumerate() {
        node = node.text(pad, line / 2.0 + i as f32 * title_size * 1.25, title_size, Role::Text, t, TextAlign::Left, true);
    }
    if beside {
        node = node.text(rect.w - pad - keep_right, line / 2.0, small, Role::Muted, subtitle, TextAlign::Right, false);
    }
    for (i, l) in below.into_iter().enumerate() {
        node = node.text(pad, line + title_h - small * 0.2 + i as f32 * small * 1.3, small, Role::Muted, l, TextAlign::Left, false);
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

/// Where a pointer to a freed object still leads: the free slot its object
/// left, drawn by the heap panel under this key. The arrow is red, and is
/// dropped where no such slot is drawn.
pub(crate) fn freed_slot_key(a: memsim::Addr) -> Key {
    Key::Part("free-slot", a.0 as u32)
}

/// One arrow per pointer held in a slot or an object; a pointer to freed
/// memory keeps a red one to where its object was.
fn pointer_edges(m: &Machine, scene: &mut Scene) {
    let mut ptrs = Vec::new();
    for frame in m.frames() {
        for slot in &frame.slots {
            ptrs.clear();
            slot.value.pointers(&mut ptrs);
            for a in &ptrs {
                let (to, danger) = match m.locate(*a) {
                    Ok(loc) => (target_key(m, loc.target), m.dangling(&slot.ty, loc.target) || m.stale(slot.id, slot.addr, &slot.value)),
                    Err(_) => (freed_slot_key(*a), true),
                };
                scene.edges.push(crate::scene::Edge { from: Key::Value(slot.id), to, alpha: 1.0, focus: false, danger, swing: None });
            }
        }
    }
    for obj in &m.heap.objects {
        // Each pointer leaves from its own field.
        let fields: Vec<&Value> = match &obj.value {
            Value::Struct(fs) => fs.iter().map(|f| &f.value).collect(),
            v => alloc::vec![v],
        };
        for (i, v) in fields.into_iter().enumerate() {
            let base = memsim::Addr(obj.addr.0 + obj.value.offset_of(&[i]).unwrap_or(0));
            ptrs.clear();
            v.pointers(&mut ptrs);
            for a in &ptrs {
                let (to, danger) = match m.locate(*a) {
                    Ok(loc) => (target_key(m, loc.target), m.stale(obj.id, base, v)),
                    Err(_) => (freed_slot_key(*a), true),
                };
                scene.edges.push(crate::scene::Edge { from: Key::Field(obj.id, i as u8), to, alpha: 1.0, focus: false, danger, swing: None });
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
            Focus::FieldOf { at, field } => {
                if let Some(i) = m.heap.object_at(memsim::Addr(*at)) {
                    edges_from.push(Key::Field(m.heap.objects[i].id, *field));
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
