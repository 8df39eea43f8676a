//! Goroutine stacks (frames of slots) and the heap (objects by address).
//!
//!    ┌ Stack · goroutine 1 ─────────────┐   ┌ Heap ───────────────────────┐
//!    │ main                      64 B   │   │ n1 · Point      0xc000010000│
//!    │  a   [10                ]        │   │ 16 B · size class 2         │
//!    │      int · 8 B     0xc000047ff8  │   │   X [10]                    │
//!    │  p   [0xc000010000      ]────────────►│   Y [15]                    │
//!    │      *Point · 8 B  0xc000047ff0  │   └─────────────────────────────┘
//!    └──────────────────────────────────┘
//!
//! The first frame (highest addresses) is drawn at the top, so the stack
//! visibly grows downward as calls nest. A pointer's arrow leaves the right
//! end of its value box, where nothing else is written; each panel keeps a
//! gutter on its right for arrows that loop back.
//!
//! Heap objects sit at places the stage reserved by address, so an object
//! never moves and a freed one leaves a free slot behind, as in Go's heap.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::Language;
use crate::layout::{panel, panel_with, round, Metrics};
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::stage::Stage;
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::{Machine, SlotKind, Value};

/// Room kept on a panel's right for arrows that loop back into it.
pub(crate) fn gutter(mt: &Metrics) -> f32 {
    round((mt.f * 1.9).max(28.0))
}

/// The stack's share of the height when stack and heap are stacked: by
/// rows each holds at its fullest, in lines of text.
pub(crate) fn stack_share(stage: &Stage) -> f32 {
    let stack = stage.frames as f32 * 2.4 + stage.slots as f32 * 1.75 + 3.5;
    let heap = stage.heap_slots.iter().map(|&(_, rows)| 1.8 + rows.div_ceil(3) as f32 * 0.8).sum::<f32>() + 3.5;
    (stack / (stack + heap)).max(0.3).min(0.65)
}

pub(crate) fn stack(m: &Machine, stage: &Stage, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let l = mt.lang;
    let (title, sub) = match m.stacks.first() {
        Some(s) => (
            // A C program's stack belongs to its main thread, not a goroutine.
            match (l, m.c_heap.is_some()) {
                (Language::En, true) => String::from("Stack \u{b7} main thread"),
                (Language::En, false) => format!("Stack \u{b7} goroutine {}", s.goroutine),
                (Language::Ja, true) => String::from("スタック \u{b7} メインスレッド"),
                (Language::Ja, false) => format!("スタック \u{b7} ゴルーチン {}", s.goroutine),
            },
            match l {
                Language::En => format!("{} reserved \u{b7} {} used", text::bytes(s.size), text::bytes(s.used())),
                Language::Ja => format!("確保 {} \u{b7} 使用中 {}", text::bytes(s.size), text::bytes(s.used())),
            },
        ),
        None => (String::from(l.pick("Stack", "スタック")), String::new()),
    };
    let mut inner = panel(scene, "stack", rect, &title, &sub, mt);
    let small = mt.small();
    let gap = mt.f * 0.4;
    let size = mt.f;
    let ch = mt.width("m", size);
    // A slot is two lines (name and value; type, size and address under
    // them) when the deepest stack of the chapter fits that way, else one,
    // else one tight line in small type.
    let head = round(size * 1.8);
    let frames = stage.frames.max(1) as f32;
    let fixed = frames * (head + gap + size * 0.4);
    // Shortest of all: frame headers in small type, frames closer together.
    let (tight_head, tight_gap, tight_pad) = (round(small * 1.6), small * 0.3, small * 0.2);
    let tight_fixed = frames * (tight_head + tight_gap + tight_pad);
    let note = if m.c_heap.is_none() && stage.stack {
        // Go's frames are drawn as the classic model has them; the
        // compiler keeps many values in registers instead.
        let note = l.pick("conceptual frames: the compiler keeps many values in registers", "概念上のフレーム：コンパイラは多くの値をレジスタに置く");
        text::wrap(note, mt.fits(inner.w, small))
    } else {
        Vec::new()
    };
    let note_h = note.len() as f32 * small * 1.3 + small * 0.4;
    let slots = stage.slots as f32;
    let two = round(size * 1.75 + small * 1.35);
    let one = round(size * 1.75);
    let (row, two_lines, with_note, tightest) = if fixed + slots * two + note_h <= inner.h {
        (two, true, true, false)
    } else if fixed + slots * one + note_h <= inner.h {
        (one, false, true, false)
    } else if fixed + slots * small * 1.45 <= inner.h {
        (((inner.h - fixed) / slots.max(1.0)).min(one), false, false, false)
    } else {
        (((inner.h - tight_fixed) / slots.max(1.0)).max(small * 1.3).min(small * 1.45), false, false, true)
    };
    let (head, gap, pad, head_size) = if tightest { (tight_head, tight_gap, tight_pad, small) } else { (head, gap, size * 0.4, size) };
    if with_note {
        inner.h -= note_h;
        for (i, line) in note.into_iter().enumerate() {
            let at = Rect::new(inner.x, inner.bottom() + small * (1.0 + 1.3 * i as f32), 1.0, 1.0);
            scene.nodes.push(Node::new(Key::Part("stack-note", i as u32), at).text(0.0, 0.0, small, Role::Muted, line, TextAlign::Left, false));
        }
    }
    let slot_size = if row < one { small } else { size };
    let name_chars = m.frames().flat_map(|f| &f.slots).map(|s| text::columns(&slot_name(s, l))).fold(4.0, f32::max);
    let name_w = mt.width("m", size) * (name_chars + 1.0);
    let inner_w = inner.w - ch;
    let value_w = inner_w - name_w - gutter(mt);
    let mut y = inner.y;
    for frame in m.frames() {
        let h = head + frame.slots.len() as f32 * row + pad;
        let r = Rect::new(inner.x, y, inner.w, h);
        let bytes = format!("{} \u{b7} {}", l.pick("frame", "フレーム"), text::bytes(frame.bytes()));
        let mut node = Node::new(Key::Frame(frame.id), r).fill(Role::Stack).stroke(Role::StackBorder).radius(6.0).text(
            ch * 0.6,
            head / 2.0,
            head_size,
            Role::Text,
            frame.func.as_str(),
            TextAlign::Left,
            true,
        );
        // Short of the gutter, where arrows to this stack's slots loop.
        if mt.width(&frame.func, head_size) + mt.width(&bytes, small) + ch * 3.0 + gutter(mt) <= r.w {
            node = node.text(r.w - gutter(mt), head / 2.0, small, Role::Muted, bytes, TextAlign::Right, false);
        }
        scene.nodes.push(node);
        // A slot's second line: its type, size and address. Short of room,
        // the frame's slots all leave out their sizes before any loses its
        // address.
        let ty_of = |slot: &memsim::Slot, sized: bool| if sized { format!("{} \u{b7} {}", slot.ty, text::bytes(slot.size())) } else { slot.ty.clone() };
        let fits = |ty: &str, slot: &memsim::Slot| mt.width(ty, small) + mt.width(&format!("{}", slot.addr), small) + ch * 2.0 <= value_w;
        let sized = frame.slots.iter().all(|slot| fits(&ty_of(slot, true), slot) || !fits(&ty_of(slot, false), slot));
        for (i, slot) in frame.slots.iter().enumerate() {
            let sy = y + head + i as f32 * row;
            let line1 = if two_lines { size * 0.85 } else { row / 2.0 };
            let mut node = Node::new(Key::Slot(slot.id), Rect::new(inner.x + ch * 0.5, sy, inner_w, row)).text(
                ch * 0.5,
                line1,
                slot_size,
                Role::Text,
                slot_name(slot, l),
                TextAlign::Left,
                true,
            );
            if two_lines {
                let ty = ty_of(slot, sized);
                let with_addr = fits(&ty, slot);
                let line2 = size * 1.75 + small * 0.55;
                node = node.text(name_w, line2, small, Role::Muted, ty, TextAlign::Left, false);
                if with_addr {
                    node = node.text(name_w + value_w, line2, small, Role::Muted, format!("{}", slot.addr), TextAlign::Right, false);
                }
            }
            scene.nodes.push(node);
            let box_h = (slot_size * 1.4).min(row - 2.0);
            let vr = Rect::new(inner.x + ch * 0.5 + name_w, sy + line1 - box_h / 2.0, value_w, box_h);
            let is_ptr = matches!(slot.value, Value::Ptr(_) | Value::Slice { .. });
            // The value in full if it fits, else its shorter telling, at
            // the slot's size if it fits, else small.
            let full = text::value(&slot.value, l);
            let shown = match text::value_short(&slot.value, l) {
                Some(short) if mt.width(&full, slot_size) + ch > value_w && mt.width(&short, slot_size) < mt.width(&full, slot_size) => short,
                _ => full,
            };
            let vsize = if mt.width(&shown, slot_size) + ch <= value_w { slot_size } else { small };
            scene.nodes.push(
                Node::new(Key::Value(slot.id), vr)
                    .origin(slot.copied_from.map(Key::Value))
                    .fill(Role::Value)
                    .stroke(if is_ptr { Role::Pointer } else { Role::CellBorder })
                    .radius(3.0)
                    .text(ch * 0.5, vr.h / 2.0, vsize, if is_ptr { Role::Pointer } else { Role::Text }, shown, TextAlign::Left, false),
            );
        }
        y += h + gap;
    }
}

fn slot_name(slot: &memsim::Slot, l: Language) -> String {
    if slot.kind == SlotKind::Arg {
        l.pick(format!("{} (arg)", slot.name), format!("{}（引数）", slot.name))
    } else {
        slot.name.clone()
    }
}

/// Lays out the heap panel; true when its objects are one line each, too
/// tight for arrows between them.
pub(crate) fn heap(m: &Machine, stage: &Stage, rect: Rect, mt: &Metrics, scene: &mut Scene) -> bool {
    let h = &m.heap;
    let l = mt.lang;
    let pages: u64 = h.spans.iter().map(|s| s.pages).sum();
    let sub = if m.gc.phase == memsim::GcPhase::Mark {
        // The barrier is named only when it is off: the chapter turns it
        // off to show the bug, and has not yet introduced it before that.
        let barrier = if m.gc.barrier { "" } else { l.pick(" \u{b7} no write barrier", " \u{b7} 書き込みバリアなし") };
        match l {
            Language::En => format!("marking{barrier} \u{b7} grey queue: {}", m.gc.grey.len()),
            Language::Ja => format!("マーク中{barrier} \u{b7} スキャン待ち：{}", m.gc.grey.len()),
        }
    } else if h.objects.is_empty() {
        String::from(l.pick("empty", "空"))
    } else {
        // No-break spaces keep a number with its unit when the line wraps.
        let bytes = text::bytes(h.in_use()).replace(' ', "\u{a0}");
        match l {
            Language::En => {
                let spans = if h.spans.len() == 1 { String::from("1\u{a0}span") } else { format!("{}\u{a0}spans", h.spans.len()) };
                let n = h.objects.len();
                format!("{n}\u{a0}object{} \u{b7} {bytes} in {spans} ({pages}\u{a0}page{})", if n == 1 { "" } else { "s" }, if pages == 1 { "" } else { "s" })
            }
            Language::Ja => format!("オブジェクト {}\u{a0}個 \u{b7} {bytes}（スパン\u{a0}{}\u{a0}個、{pages}\u{a0}ページ）", h.objects.len(), h.spans.len()),
        }
    };
    let plan = l.pick(
        "99 objects \u{b7} 99.9 MiB in 99 spans (9999 pages)",
        "オブジェクト 99\u{a0}個 \u{b7} 99.9\u{a0}MiB（スパン\u{a0}99\u{a0}個、9999\u{a0}ページ）",
    );
    let inner = panel_with(scene, "heap", rect, l.pick("Heap", "ヒープ"), &sub, plan, mt, gutter(mt));
    let small = mt.small();
    let size = mt.f;
    let ch = mt.width("m", size);
    let gap = round(mt.f * 0.45);
    // Full boxes (header, size line, a row per field) when every object the
    // chapter ever holds fits that way; else compact ones (header, then two
    // fields a line, pointers named by the object they lead to).
    let line = round(size * 1.45);
    let full_h = |rows: usize| line * (2 + rows) as f32 + line * 0.35;
    let compact_h = |rows: usize| line * (1 + rows.div_ceil(2)) as f32 + line * 0.3;
    let total = |f: &dyn Fn(usize) -> f32| stage.heap_slots.iter().map(|&(_, r)| f(r) + gap).sum::<f32>();
    let w = inner.w - gutter(mt);
    // Else tight ones: a line or two of small type per object.
    let tight_line = round(small * 1.45);
    let tight_h = |rows: usize| tight_line * (1 + rows.div_ceil(3)) as f32 + tight_line * 0.3;
    // Else one line each: the object's name, then its fields.
    let line_h = |_: usize| tight_line * 1.25;
    let form = if total(&full_h) <= inner.h {
        Form::Full
    } else if total(&compact_h) <= inner.h {
        Form::Compact
    } else if total(&tight_h) <= inner.h {
        Form::Tight
    } else {
        Form::Line
    };
    let (line, box_h): (f32, &dyn Fn(usize) -> f32) = match form {
        Form::Full => (line, &full_h),
        Form::Compact => (line, &compact_h),
        Form::Tight => (tight_line, &tight_h),
        Form::Line => (tight_line * 1.25, &line_h),
    };
    let gap = if matches!(form, Form::Tight | Form::Line) { round(small * 0.35) } else { gap };
    let mut y = inner.y;
    for &(addr, rows) in &stage.heap_slots {
        let r = Rect::new(inner.x, y, w, box_h(rows));
        y = r.bottom() + gap;
        match h.objects.iter().find(|o| o.addr.0 == addr) {
            Some(o) => object(m, stage, o, r, line, form, mt, scene),
            None if h.spans.iter().any(|s| addr >= s.base.0 && addr < s.base.0 + s.pages * memsim::size_classes::PAGE_SIZE) => {
                // A slot of a live span with no object: free, ready for reuse.
                let free = l.pick("free slot", "空きスロット");
                let label = format!("{free} \u{b7} {}", memsim::Addr(addr));
                let text = if mt.width(&label, small) + ch * 2.0 <= r.w { label } else { String::from(free) };
                scene.nodes.push(Node::new(crate::layout::freed_slot_key(memsim::Addr(addr)), r).stroke(Role::CellBorder).radius(6.0).text(
                    ch * 0.6,
                    line * 0.55,
                    small,
                    Role::Muted,
                    text,
                    TextAlign::Left,
                    false,
                ));
            }
            None => {}
        }
    }
    allocator_footer(m, inner, y, small, mt, scene);
    form == Form::Line
}

/// How much an object's box shows: everything, fields two to a line,
/// fields three to a line in small type, or its name and fields on one line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    Compact,
    Tight,
    Line,
}

#[allow(clippy::too_many_arguments)] // one object's box: where, how tall a line, which form
fn object(m: &Machine, stage: &Stage, o: &memsim::Object, r: Rect, line: f32, form: Form, mt: &Metrics, scene: &mut Scene) {
    let small = mt.small();
    let size = if matches!(form, Form::Tight | Form::Line) { small } else { mt.f };
    let ch = mt.width("m", size);
    // During marking, objects wear their tri-color state (named too, so
    // colour is never the only cue).
    let marking = m.gc.phase == memsim::GcPhase::Mark;
    let l = mt.lang;
    let (fill, text_role, muted, tag) = match (marking, o.color) {
        (false, _) => (Role::Heap, Role::Text, Role::Muted, ""),
        (true, memsim::Color::White) => (Role::GcWhite, Role::OnWhite, Role::OnWhite, l.pick(" \u{b7} white", " \u{b7} 白")),
        (true, memsim::Color::Grey) => (Role::GcGrey, Role::OnWhite, Role::OnWhite, l.pick(" \u{b7} grey", " \u{b7} 灰色")),
        (true, memsim::Color::Black) => (Role::GcBlack, Role::OnBlack, Role::OnBlack, l.pick(" \u{b7} black", " \u{b7} 黒")),
    };
    let name = match (stage.label(o.id), form) {
        (Some(n), Form::Line) => format!("n{n}{tag}"),
        (Some(n), _) => format!("n{n} \u{b7} {}{tag}", o.ty),
        (None, _) => format!("{}{tag}", o.ty),
    };
    let addr = format!("{}", o.addr);
    let mut node = Node::new(Key::Object(o.id), r).fill(fill).stroke(Role::HeapBorder).radius(6.0).text(
        ch * 0.6,
        if form == Form::Line { line * 0.5 } else { line * 0.55 },
        size,
        text_role,
        name.as_str(),
        TextAlign::Left,
        true,
    );
    // The address on the header line, right-aligned, wherever it fits: the
    // captions name objects by where they live (a freed slot reused).
    if form != Form::Line && mt.width(&name, size) + mt.width(&addr, small) + ch * 2.0 <= r.w {
        node = node.text(r.w - ch * 0.6, line * 0.55, small, muted, addr, TextAlign::Right, false);
    }
    let fields: Vec<(&str, &Value)> = match &o.value {
        Value::Struct(fs) => fs.iter().map(|f| (f.name.as_str(), &f.value)).collect(),
        v => alloc::vec![("", v)],
    };
    // A pointer to freed memory says so, and so does one whose object was
    // freed under it and whose slot now holds another.
    let freed = |v: &Value| matches!(v, Value::Ptr(a) if m.locate(*a).is_err());
    let base = |i: usize| memsim::Addr(o.addr.0 + o.value.offset_of(&[i]).unwrap_or(0));
    let stale = |i: usize, v: &Value| m.stale(o.id, base(i), v);
    if form != Form::Full {
        let per_line = match form {
            Form::Tight => 3,
            Form::Line => fields.len().max(1),
            _ => 2,
        };
        let shown_of = |i: usize, k: usize, n: &str, v: &Value| {
            let bad = freed(v) || stale(per_line * i + k, v);
            (compact_field(m, stage, n, v, bad, l), bad)
        };
        // Fields two spaces apart, or one where a line would otherwise run
        // into the right edge, where its pointers leave.
        let room = r.w - ch * 1.2;
        let fits_with = |sep: &str, i: usize, pair: &[(&str, &Value)], x0: f32| {
            pair.iter().enumerate().map(|(k, (n, v))| mt.width(&shown_of(i, k, n, v).0, small)).sum::<f32>()
                + mt.width(sep, small) * pair.len().saturating_sub(1) as f32
                + x0
                <= room
        };
        let mut fields_nodes = Vec::new();
        for (i, pair) in fields.chunks(per_line).enumerate() {
            let (fy, mut x0) = if form == Form::Line { (line * 0.5, ch * 1.2 + mt.width(&name, size)) } else { (line * (1.5 + i as f32), ch * 0.6) };
            let sep = if fits_with("  ", i, pair, x0) { "  " } else { " " };
            if form == Form::Line && !tag.is_empty() && !fits_with(sep, i, pair, x0) {
                // Still too long: the marking state loses its dot ("n1 white").
                let short = name.replacen(" \u{b7} ", " ", 1);
                x0 = ch * 1.2 + mt.width(&short, size);
                if let Some(t) = node.texts.first_mut() {
                    t.content = short;
                }
            }
            let mut x = x0;
            for (k, (n, v)) in pair.iter().enumerate() {
                let (shown, bad) = shown_of(i, k, n, v);
                let role = if bad { Role::Danger } else { text_role };
                let w = mt.width(&shown, small);
                node = node.text(x, fy, small, role, shown, TextAlign::Left, false);
                x += w + mt.width(sep, small);
            }
            // Each pointer of the line leaves from its own point on the
            // box's right edge, a few px apart, in field order.
            let ptrs: Vec<usize> = pair.iter().enumerate().filter(|(_, (_, v))| v.has_pointers()).map(|(k, _)| k).collect();
            for (j, &k) in ptrs.iter().enumerate() {
                let dy = (j as f32 - (ptrs.len() as f32 - 1.0) / 2.0) * (line * 0.28).min(7.0);
                fields_nodes.push(Node::new(Key::Field(o.id, (per_line * i + k) as u8), Rect::new(r.right() - 2.0, r.y + fy + dy - 1.5, 2.0, 3.0)));
            }
        }
        scene.nodes.push(node);
        scene.nodes.extend(fields_nodes);
        return;
    }
    let (requested, size_b, pages) = (text::bytes(o.requested), text::bytes(o.size), o.size / memsim::size_classes::PAGE_SIZE);
    let meta = match (l, o.tiny, o.class) {
        (Language::En, true, _) => format!("{requested} \u{b7} tiny allocator: shares a 16 B block"),
        (Language::En, false, 0) => format!("{size_b} \u{b7} large: {pages} pages of 8 KiB"),
        (Language::En, false, _) => format!("{requested} \u{b7} size class {} ({} B)", o.class, o.size),
        (Language::Ja, true, _) => format!("{requested} \u{b7} タイニーアロケータ：16 B のブロックを共有"),
        (Language::Ja, false, 0) => format!("{size_b} \u{b7} ラージオブジェクト：8 KiB のページ {pages} 枚"),
        (Language::Ja, false, _) => format!("{requested} \u{b7} サイズクラス {}（{} B）", o.class, o.size),
    };
    let short = match (l, o.class) {
        (Language::En, 0) => format!("{size_b} \u{b7} large"),
        (Language::En, _) => format!("{requested} \u{b7} class {}", o.class),
        (Language::Ja, 0) => format!("{size_b} \u{b7} ラージ"),
        (Language::Ja, _) => format!("{requested} \u{b7} クラス {}", o.class),
    };
    let meta = if mt.width(&meta, small) + ch <= r.w { meta } else { short };
    node = node.text(ch * 0.6, line * 1.5, small, muted, meta, TextAlign::Left, false);
    let name_w = fields.iter().map(|(n, _)| text::columns(n)).fold(0.0, f32::max) * ch + ch * 1.6;
    let mut boxes = Vec::new();
    for (i, (fname, v)) in fields.iter().enumerate() {
        let fy = line * (2.5 + i as f32);
        node = node.text(ch * 0.6, fy, size, text_role, *fname, TextAlign::Left, true);
        let stale = freed(v) || stale(i, v);
        let shown = match (freed(v), stale) {
            (true, _) => format!("{}{}", text::value(v, l), l.pick(" (freed!)", "（解放済み！）")),
            (false, true) => format!("{}{}", text::value(v, l), l.pick(" (stale!)", "（古い参照！）")),
            (false, false) => text::value(v, l),
        };
        let vr = Rect::new(r.x + name_w, r.y + fy - line * 0.42, r.w - name_w - ch * 0.5, line * 0.84);
        let vsize = if mt.width(&shown, size) + ch <= vr.w { size } else { small };
        let role = if stale {
            Role::Danger
        } else if v.has_pointers() {
            Role::Pointer
        } else {
            Role::Text
        };
        boxes.push(
            Node::new(Key::Field(o.id, i as u8), vr)
                .fill(Role::Value)
                .stroke(if stale {
                    Role::Danger
                } else if v.has_pointers() {
                    Role::Pointer
                } else {
                    Role::CellBorder
                })
                .radius(3.0)
                .text(ch * 0.4, vr.h / 2.0, vsize, role, shown, TextAlign::Left, false),
        );
    }
    scene.nodes.push(node);
    scene.nodes.extend(boxes);
}

/// A field in a compact box: a pointer reads as the object it leads to.
fn compact_field(m: &Machine, stage: &Stage, name: &str, v: &Value, bad: bool, l: Language) -> String {
    let (freed, stale) = (l.pick("freed!", "解放済み！"), l.pick("stale!", "古い参照！"));
    let shown = match v {
        Value::Ptr(a) if bad && m.locate(*a).is_err() => String::from(freed),
        _ if bad => String::from(stale),
        Value::Ptr(a) => match m.locate(*a) {
            Ok(loc) => match loc.target {
                memsim::Target::Object(i) => stage.label(m.heap.objects[i].id).map_or_else(|| text::value(v, l), |n| format!("\u{2192}n{n}")),
                _ => text::value(v, l),
            },
            Err(_) => String::from(freed),
        },
        _ => text::value(v, l),
    };
    if name.is_empty() {
        shown
    } else {
        format!("{name} {shown}")
    }
}

/// Who handed out the heap's memory, when there is room under the objects:
/// mheap pages out of a 64 MiB arena, and the spans P0's mcache holds.
fn allocator_footer(m: &Machine, inner: Rect, y: f32, small: f32, mt: &Metrics, scene: &mut Scene) {
    let h = &m.heap;
    if h.spans.is_empty() {
        return;
    }
    let (used, of) = h.arena_pages();
    let l = mt.lang;
    let noscan = l.pick(" (noscan)", "（ポインタなし）");
    let cached: Vec<String> = h.mcache.iter().map(|&(sc, _)| format!("{}{}", sc >> 1, if sc & 1 == 1 { noscan } else { "" })).collect();
    let mcache = match (l, cached.is_empty()) {
        (_, true) => String::from(l.pick("no span", "スパンなし")),
        (Language::En, false) => format!("size class {}", cached.join(", ")),
        (Language::Ja, false) => format!("サイズクラス {}", cached.join("、")),
    };
    let arena = text::bytes(memsim::ARENA_BYTES);
    let text = match l {
        Language::En => format!("pages from the page heap (mheap): {used} of {of} in a {arena} arena. P0's mcache: {mcache}"),
        Language::Ja => format!("ページヒープ（mheap）のページ：{arena} のアリーナの {of} ページ中 {used} ページ。P0 の mcache：{mcache}"),
    };
    let lines = text::wrap(&text, mt.fits(inner.w, small));
    let top = inner.bottom() - lines.len() as f32 * small * 1.3;
    if y + small * 0.5 > top {
        return;
    }
    for (i, line) in lines.into_iter().enumerate() {
        let at = Rect::new(inner.x, top + small * (0.65 + 1.3 * i as f32), 1.0, 1.0);
        scene.nodes.push(Node::new(Key::Part("allocator-note", i as u32), at).text(0.0, 0.0, small, Role::Muted, line, TextAlign::Left, false));
    }
}
