//! Goroutine stacks (frames of slots) and the heap (objects by address).
//!
//!    ┌ Stack · goroutine 1 ───────────┐   ┌ Heap ─────────────────────┐
//!    │ main                     64 B  │   │ Point        0xc000010000 │
//!    │  a   [10          ] int   …ff8 │   │ 16 B · size class 2       │
//!    │  p   [0xc000010000]─────────────────►X 10                     │
//!    │ add                      24 B  │   │  Y 15                     │
//!    │  a   [10          ] int   …fd8 │   └───────────────────────────┘
//!    └────────────────────────────────┘
//!
//! The first frame (highest addresses) is drawn at the top, so the stack
//! visibly grows downward as calls nest.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::layout::{panel, Metrics};
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use memsim::{Machine, SlotKind, Value};

pub(crate) fn stack(m: &Machine, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let (title, sub) = match m.stacks.first() {
        Some(s) => (
            // A C program's stack belongs to its main thread, not a goroutine.
            if m.c_heap.is_some() { String::from("Stack \u{b7} main thread") } else { format!("Stack \u{b7} goroutine {}", s.goroutine) },
            format!("{} reserved \u{b7} {} used", text::bytes(s.size), text::bytes(s.used())),
        ),
        None => (String::from("Stack"), String::new()),
    };
    let mut inner = panel(scene, "stack", rect, &title, &sub, mt);
    if m.c_heap.is_none() && !m.stacks.is_empty() {
        // Go's frames are drawn as the classic model has them; the
        // compiler keeps many values in registers instead.
        let size = mt.f * 0.8;
        let note = "conceptual frames: the compiler keeps many values in registers";
        inner.h -= size * 1.8;
        scene.nodes.push(Node::new(Key::Part("stack-note", 0), Rect::new(inner.x, inner.bottom() + size * 0.9, 1.0, 1.0)).text(
            0.0,
            0.0,
            size,
            Role::Muted,
            text::fit(note, (inner.w / (size * 0.6)) as usize),
            TextAlign::Left,
            false,
        ));
    }
    let frames = m.frames().count() as f32;
    let slots = m.frames().map(|f| f.slots.len()).sum::<usize>() as f32;
    let gap = mt.f * 0.5;
    // Header rows count as 1.1 slot rows; shrink rows when the stack is deep.
    let units = frames * 1.1 + slots + frames * 0.4;
    let row = ((inner.h - frames * gap) / units.max(1.0)).min(mt.f * 2.1).max(mt.f * 1.2);
    let size = (row / 2.1).min(mt.f);
    let ch = size * 0.6;
    // Columns: name | value | type · size | address; the value box takes
    // what is left, and the address, then the type, go when room is short.
    let name_w = ch * 10.0;
    let mut ty_w = ch * 15.0;
    let mut addr_w = ch * 13.5;
    let inner_w = inner.w - 2.0 * ch;
    if inner_w - name_w - ty_w - addr_w < ch * 14.0 {
        addr_w = 0.0;
    }
    if inner_w - name_w - ty_w - addr_w < ch * 13.0 {
        ty_w = 0.0;
    }
    let value_w = (inner_w - name_w - ty_w - addr_w - ch).min(ch * 26.0);
    let ty_x = name_w + value_w + ch * 1.5;
    let show_addr = addr_w > 0.0;
    let mut y = inner.y;
    for frame in m.frames() {
        let head = row * 1.1;
        let h = head + frame.slots.len() as f32 * row + row * 0.4;
        let r = Rect::new(inner.x, y, inner.w, h);
        scene.nodes.push(
            Node::new(Key::Frame(frame.id), r)
                .fill(Role::Stack)
                .stroke(Role::StackBorder)
                .radius(6.0)
                .text(ch, head / 2.0, size * 1.05, Role::Text, frame.func.as_str(), TextAlign::Left, true)
                .text(r.w - ch, head / 2.0, size * 0.9, Role::Muted, format!("frame \u{b7} {}", text::bytes(frame.bytes())), TextAlign::Right, false),
        );
        for (i, slot) in frame.slots.iter().enumerate() {
            let sy = y + head + i as f32 * row;
            let name = if slot.kind == SlotKind::Arg { format!("{} (arg)", slot.name) } else { slot.name.clone() };
            let mut node = Node::new(Key::Slot(slot.id), Rect::new(inner.x + ch, sy, inner_w, row)).text(
                ch * 0.5,
                row / 2.0,
                size,
                Role::Text,
                text::fit(&name, ((name_w - ch) / ch) as usize),
                TextAlign::Left,
                true,
            );
            if ty_w > 0.0 {
                let ty = format!("{} \u{b7} {}", slot.ty, text::bytes(slot.size()));
                node = node.text(ty_x, row / 2.0, size * 0.9, Role::Muted, text::fit(&ty, (ty_w / (ch * 0.9)) as usize - 1), TextAlign::Left, false);
            }
            if show_addr {
                node = node.text(inner_w - ch * 0.5, row / 2.0, size * 0.85, Role::Muted, format!("{}", slot.addr), TextAlign::Right, false);
            }
            scene.nodes.push(node);
            let vr = Rect::new(inner.x + ch + name_w, sy + row * 0.12, value_w, row * 0.76);
            let is_ptr = matches!(slot.value, Value::Ptr(_) | Value::Slice { .. });
            scene.nodes.push(
                Node::new(Key::Value(slot.id), vr)
                    .origin(slot.copied_from.map(Key::Value))
                    .fill(Role::Value)
                    .stroke(if is_ptr { Role::Pointer } else { Role::CellBorder })
                    .radius(3.0)
                    .text(
                        ch * 0.6,
                        vr.h / 2.0,
                        size,
                        if is_ptr { Role::Pointer } else { Role::Text },
                        text::fit(&text::value(&slot.value), ((value_w - ch) / ch) as usize),
                        TextAlign::Left,
                        false,
                    ),
            );
        }
        y += h + gap;
    }
}

pub(crate) fn heap(m: &Machine, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let h = &m.heap;
    let pages: u64 = h.spans.iter().map(|s| s.pages).sum();
    let sub = if m.gc.phase == memsim::GcPhase::Mark {
        let barrier = if m.gc.barrier { "barrier on" } else { "no barrier" };
        format!("marking \u{b7} {barrier} \u{b7} grey queue: {}", m.gc.grey.len())
    } else if h.objects.is_empty() {
        String::from("empty")
    } else {
        format!("{} objects \u{b7} {} in {} spans ({} pages)", h.objects.len(), text::bytes(h.in_use()), h.spans.len(), pages)
    };
    let inner = panel(scene, "heap", rect, "Heap", &sub, mt);
    let mut objects: alloc::vec::Vec<&memsim::Object> = h.objects.iter().collect();
    objects.sort_by_key(|o| o.addr);
    let gap = mt.f * 0.6;
    let fit = |rows: usize| (inner.h - objects.len() as f32 * gap) / rows.max(1) as f32;
    // Full boxes (header, size line, a row per field) when they fit at a
    // readable size; otherwise compact ones: header, then the value inline.
    let full_rows: usize = objects.iter().map(|o| 2 + field_rows(&o.value)).sum();
    let compact = fit(full_rows) < mt.f * 1.5;
    let rows = if compact { objects.len() * 2 } else { full_rows };
    let row = fit(rows).min(mt.f * 1.9).max(mt.f * 1.25);
    let size = (row / 1.6).clamp(mt.f * 0.9, mt.f);
    let ch = size * 0.6;
    // Leave a margin on the right for arrows between heap objects.
    let w = (inner.w - mt.f * 3.0).min(ch * 48.0);
    let mut y = inner.y;
    for o in objects {
        let nrows = if compact { 0 } else { field_rows(&o.value) };
        let r = Rect::new(inner.x, y, w, if compact { 2.0 * row + row * 0.2 } else { (2 + nrows) as f32 * row + row * 0.2 });
        let meta = if o.tiny {
            format!("{} \u{b7} tiny allocator: shares a 16 B block", text::bytes(o.requested))
        } else if o.class == 0 {
            format!("{} \u{b7} large: {} pages of 8 KiB", text::bytes(o.size), o.size / memsim::size_classes::PAGE_SIZE)
        } else {
            format!("{} \u{b7} size class {} ({} B)", text::bytes(o.requested), o.class, o.size)
        };
        // During marking, objects wear their tri-color state (named too,
        // so colour is never the only cue).
        let marking = m.gc.phase == memsim::GcPhase::Mark;
        let (fill, text_role, muted, tag) = match (marking, o.color) {
            (false, _) => (Role::Heap, Role::Text, Role::Muted, ""),
            (true, memsim::Color::White) => (Role::GcWhite, Role::OnWhite, Role::OnWhite, " \u{b7} white"),
            (true, memsim::Color::Grey) => (Role::GcGrey, Role::Text, Role::Text, " \u{b7} grey"),
            (true, memsim::Color::Black) => (Role::GcBlack, Role::OnBlack, Role::OnBlack, " \u{b7} black"),
        };
        let mut node = Node::new(Key::Object(o.id), r)
            .fill(fill)
            .stroke(Role::HeapBorder)
            .radius(6.0)
            .text(ch, row * 0.6, size * 1.05, text_role, format!("{}{tag}", text::fit(&o.ty, 16)), TextAlign::Left, true)
            .text(r.w - ch, row * 0.6, size * 0.85, muted, format!("{}", o.addr), TextAlign::Right, false);
        if compact {
            let inline = text::value(&o.value);
            node = node.text(ch, row * 1.5, size * 0.9, text_role, text::fit(&inline, ((r.w - 2.0 * ch) / (ch * 0.9)) as usize), TextAlign::Left, false);
            scene.nodes.push(node);
            y += r.h + gap;
            continue;
        }
        node = node.text(ch, row * 1.5, size * 0.85, muted, text::fit(&meta, ((r.w - 2.0 * ch) / (ch * 0.85)) as usize), TextAlign::Left, false);
        match &o.value {
            Value::Struct(fields) => {
                for (i, f) in fields.iter().enumerate() {
                    let fy = row * (2.5 + i as f32);
                    // A pointer to freed memory says so.
                    let freed = matches!(f.value, Value::Ptr(a) if m.locate(a).is_err());
                    let shown = if freed { format!("{} (freed!)", text::value(&f.value)) } else { text::value(&f.value) };
                    node = node.text(ch * 2.0, fy, size, text_role, f.name.as_str(), TextAlign::Left, true).text(
                        ch * 8.0,
                        fy,
                        size,
                        if freed { Role::Danger } else { text_role },
                        shown,
                        TextAlign::Left,
                        false,
                    );
                }
            }
            v => node = node.text(ch * 2.0, row * 2.5, size, text_role, text::fit(&text::value(v), 30), TextAlign::Left, false),
        }
        scene.nodes.push(node);
        y += r.h + gap;
    }
    allocator_footer(m, inner, y, size, scene);
}

/// Who handed out the heap's memory, when there is room under the objects:
/// mheap pages out of a 64 MiB arena, and the spans P0's mcache holds.
fn allocator_footer(m: &Machine, inner: Rect, y: f32, size: f32, scene: &mut Scene) {
    let h = &m.heap;
    if h.spans.is_empty() || y + size * 3.2 > inner.bottom() {
        return;
    }
    let (used, of) = h.arena_pages();
    let cached: alloc::vec::Vec<String> = h.mcache.iter().map(|&(sc, _)| format!("{}{}", sc >> 1, if sc & 1 == 1 { " (noscan)" } else { "" })).collect();
    let mcache = if cached.is_empty() { String::from("no span") } else { format!("size class {}", cached.join(", ")) };
    let lines = [format!("mheap: {used} of {of} pages ({} arena)", text::bytes(memsim::ARENA_BYTES)), format!("P0's mcache: {mcache}")];
    let chars = (inner.w / (size * 0.85 * 0.6)) as usize;
    for (i, line) in lines.iter().enumerate() {
        let y = inner.bottom() - size * (2.3 - 1.3 * i as f32);
        scene.nodes.push(Node::new(Key::Part("allocator-note", i as u32), Rect::new(inner.x, y, 1.0, 1.0)).text(
            0.0,
            0.0,
            size * 0.85,
            Role::Muted,
            text::fit(line, chars),
            TextAlign::Left,
            false,
        ));
    }
}

fn field_rows(v: &Value) -> usize {
    match v {
        Value::Struct(fields) => fields.len(),
        _ => 1,
    }
}
