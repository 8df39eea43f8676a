//! C's heap under glibc malloc, and the end of a killed process.
//!
//!    ┌ C heap · glibc malloc ───────── 3 chunks · 64 B in use ┐
//!    │ [██████░░░░░░░░░░░░░░ 4.0 MiB of 64 MiB limit]         │
//!    │ malloc's bookkeeping (tcache) · 656 B                   │
//!    │ Account · 32 B chunk                     0x5555555592a0 │
//!    │ Order · 32 B chunk (free, in the tcache)                │
//!    │ + 16,300 more chunks of 4112 B, leaked                  │
//!    └─────────────────────────────────────────────────────────┘
//!
//! A chunk nothing points to and nobody freed is drawn as leaked; when
//! there are more chunks than fit, the rest are summed up in one line.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::layout::{panel, Metrics};
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::malloc::TCACHE_STRUCT;
use memsim::{Machine, Value};

pub(crate) fn c_heap(m: &Machine, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let Some(h) = &m.c_heap else {
        panel(scene, "c-heap", rect, "C heap", "", mt);
        return;
    };
    let live = h.chunks.iter().filter(|c| !c.free).count();
    let n = h.chunks.len();
    let sub = format!("{n} chunk{} \u{b7} {} in use \u{b7} {} free", if n == 1 { "" } else { "s" }, text::bytes(h.in_use()), n - live);
    let inner = panel(scene, "c-heap", rect, "C heap \u{b7} glibc malloc", &sub, mt);
    let f = mt.f;
    let ch = mt.ch;

    // The gauge: memory used against the limit the OOM killer enforces.
    let gauge = Rect::new(inner.x, inner.y, inner.w, f * 1.7);
    let share = (h.used() as f32 / h.limit as f32).min(1.0);
    scene.nodes.push(Node::new(Key::Gauge, gauge).fill(Role::Cell).stroke(Role::CellBorder).radius(4.0).text(
        ch,
        gauge.h / 2.0,
        f * 0.85,
        Role::Text,
        format!("{} of {} limit", text::bytes(h.used()), text::bytes(h.limit)),
        TextAlign::Left,
        true,
    ));
    if share > 0.0 {
        let fill = Rect::new(gauge.x, gauge.y + gauge.h - 4.0, (gauge.w * share).max(2.0), 4.0);
        scene.nodes.push(Node::new(Key::Part("gauge-fill", 0), fill).fill(if share > 0.9 { Role::Danger } else { Role::HeapBorder }));
    }

    let leaked = m.leaked_chunks();

    let row = (f * 1.6).min(inner.h / 10.0).max(f * 1.1);
    let size = (row / 1.6).min(f);
    let gap = f * 0.4;
    let mut y = gauge.bottom() + gap * 1.5;
    let book = Rect::new(inner.x, y, inner.w, row);
    scene.nodes.push(Node::new(Key::Part("malloc-bookkeeping", 0), book).stroke(Role::CellBorder).radius(4.0).text(
        ch,
        row / 2.0,
        size * 0.9,
        Role::Muted,
        format!("malloc's own bookkeeping (tcache) \u{b7} {TCACHE_STRUCT} B"),
        TextAlign::Left,
        false,
    ));
    y += row + gap;

    let bottom = inner.bottom();
    for (i, c) in h.chunks.iter().enumerate() {
        let rows = match &c.value {
            Value::Struct(fields) if !c.free => 1 + fields.len(),
            _ => 2,
        };
        let box_h = rows as f32 * row + row * 0.2;
        let rest = h.chunks.len() - i;
        // Keep a line for the summary when the remaining chunks won't fit.
        if rest > 1 && y + box_h + row + gap > bottom || y + box_h > bottom {
            let sizes: Vec<u64> = h.chunks[i..].iter().map(|c| c.size).collect();
            let leaked = leaked[i..].iter().filter(|l| **l).count();
            let same = sizes.iter().all(|s| *s == sizes[0]);
            let what = if same { format!("of {} B", sizes[0]) } else { format!("({} in all)", text::bytes(sizes.iter().sum())) };
            let line = format!("+ {rest} more chunks {what}, {leaked} of them leaked");
            let r = Rect::new(inner.x, y, inner.w, row);
            let mut node = Node::new(Key::Part("more-chunks", 0), r).fill(Role::Heap).stroke(Role::HeapBorder).radius(4.0).text(
                ch,
                row / 2.0,
                size,
                Role::Text,
                text::fit(&line, mt.chars(r.w / (size / f)) - 2),
                TextAlign::Left,
                true,
            );
            node.danger = leaked > 0;
            scene.nodes.push(node);
            break;
        }
        let r = Rect::new(inner.x, y, inner.w, box_h);
        let leaked = leaked[i];
        let head = format!("{} \u{b7} {} B chunk", if c.free { "free" } else { c.ty.as_str() }, c.size);
        let mut node = Node::new(Key::Chunk(c.id), r)
            .fill(if c.free { Role::Cell } else { Role::Heap })
            .stroke(if c.free { Role::CellBorder } else { Role::HeapBorder })
            .radius(5.0)
            .text(
                ch,
                row * 0.55,
                size,
                if c.free { Role::Muted } else { Role::Text },
                text::fit(&head, mt.chars((r.w - ch * 15.0) / (size / f))),
                TextAlign::Left,
                true,
            )
            .text(r.w - ch, row * 0.55, size * 0.85, Role::Muted, format!("{}", c.payload()), TextAlign::Right, false);
        match &c.value {
            Value::Struct(fields) if !c.free => {
                for (k, fld) in fields.iter().enumerate() {
                    let fy = row * (1.5 + k as f32);
                    node = node.text(ch * 2.0, fy, size, Role::Text, fld.name.as_str(), TextAlign::Left, true).text(
                        ch * 11.0,
                        fy,
                        size,
                        Role::Text,
                        text::value(&fld.value),
                        TextAlign::Left,
                        false,
                    );
                }
            }
            _ => {
                let body = if c.free {
                    String::from("in the tcache, for the next malloc of this size")
                } else if leaked {
                    format!("leaked: {} bytes nothing points to", c.requested)
                } else {
                    format!("{} bytes of data", c.requested)
                };
                node = node.text(ch * 2.0, row * 1.5, size * 0.9, Role::Muted, text::fit(&body, mt.chars(r.w / (size / f)) - 3), TextAlign::Left, false);
            }
        }
        node.danger = leaked;
        scene.nodes.push(node);
        y += box_h + gap;
    }
}

/// The process is gone: a notice over the whole picture.
pub(crate) fn killed(why: &str, area: Rect, mt: &Metrics, scene: &mut Scene) {
    let w = area.w.min(mt.f * 34.0);
    let h = mt.f * 7.0;
    let r = Rect::new(area.x + (area.w - w) / 2.0, area.y + area.h * 0.35, w, h);
    let mut node = Node::new(Key::Killed, r)
        .fill(Role::Panel)
        .radius(10.0)
        .text(w / 2.0, h * 0.3, mt.f * 1.8, Role::Danger, "Killed", TextAlign::Center, true)
        .text(w / 2.0, h * 0.58, mt.f * 0.9, Role::Text, text::fit(why, mt.chars(w * 0.9 / 0.9)), TextAlign::Center, false)
        .text(w / 2.0, h * 0.8, mt.f * 0.85, Role::Muted, "SIGKILL from the OOM killer \u{b7} exit status 137", TextAlign::Center, false);
    node.danger = true;
    scene.nodes.push(node);
}
