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
use crate::lang::Language;
use crate::layout::{panel, panel_with, Metrics};
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
        panel(scene, "c-heap", rect, mt.lang.pick("C heap", "C のヒープ"), "", mt);
        return;
    };
    let live = h.chunks.iter().filter(|c| !c.free).count();
    let n = h.chunks.len();
    let sub = match mt.lang {
        Language::En => format!("{n} chunk{} \u{b7} {} in use \u{b7} {} free", if n == 1 { "" } else { "s" }, text::bytes(h.in_use()), n - live),
        Language::Ja => format!("チャンク {n}\u{a0}個 \u{b7} 使用中 {} \u{b7} 空き {}", text::bytes(h.in_use()), n - live),
    };
    let (title, plan) = match mt.lang {
        Language::En => ("C heap \u{b7} glibc malloc", "9999 chunks \u{b7} 99.9 MiB in use \u{b7} 99 free"),
        Language::Ja => ("C のヒープ \u{b7} glibc malloc", "チャンク 9999\u{a0}個 \u{b7} 使用中 99.9 MiB \u{b7} 空き 99"),
    };
    let inner = panel_with(scene, "c-heap", rect, title, &sub, plan, mt, 0.0);
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
        match mt.lang {
            Language::En => format!("{} of {} limit", text::bytes(h.used()), text::bytes(h.limit)),
            Language::Ja => format!("{} / 上限 {}", text::bytes(h.used()), text::bytes(h.limit)),
        },
        TextAlign::Left,
        true,
    ));
    if share > 0.0 {
        let fill = Rect::new(gauge.x, gauge.y + gauge.h - 4.0, (gauge.w * share).max(2.0), 4.0);
        scene.nodes.push(Node::new(Key::Part("gauge-fill", 0), fill).fill(if share > 0.9 { Role::Danger } else { Role::HeapBorder }));
    }

    let leaked = m.leaked_chunks();

    let row = (f * 1.6).min(inner.h / 10.0).max(f * 1.1);
    let size = (row / 1.6).min(f).max(mt.small());
    let gap = f * 0.4;
    let mut y = gauge.bottom() + gap * 1.5;
    let book = Rect::new(inner.x, y, inner.w, row);
    scene.nodes.push(Node::new(Key::Part("malloc-bookkeeping", 0), book).stroke(Role::CellBorder).radius(4.0).text(
        ch,
        row / 2.0,
        mt.small(),
        Role::Muted,
        {
            let long = match mt.lang {
                Language::En => format!("malloc's own bookkeeping (tcache) \u{b7} {TCACHE_STRUCT} B"),
                Language::Ja => format!("malloc 自身の管理領域（tcache） \u{b7} {TCACHE_STRUCT} B"),
            };
            if mt.width(&long, mt.small()) + ch * 2.0 <= book.w {
                long
            } else {
                format!("tcache \u{b7} {TCACHE_STRUCT} B")
            }
        },
        TextAlign::Left,
        false,
    ));
    y += row + gap;

    let bottom = inner.bottom();
    let small = mt.small();
    for (i, c) in h.chunks.iter().enumerate() {
        // A chunk keeps its size through malloc, free and reuse: a line for
        // its header and one per word of payload, up to three.
        let rows = 1 + (c.size / 8).saturating_sub(1).clamp(1, 3) as usize;
        let box_h = rows as f32 * row + row * 0.2;
        let rest = h.chunks.len() - i;
        // Keep a line for the summary when the remaining chunks won't fit.
        if rest > 1 && y + box_h + row + gap > bottom || y + box_h > bottom {
            let sizes: Vec<u64> = h.chunks[i..].iter().map(|c| c.size).collect();
            let leaked = leaked[i..].iter().filter(|l| **l).count();
            let same = sizes.iter().all(|s| *s == sizes[0]);
            let total = text::bytes(sizes.iter().sum());
            let (long, short) = match mt.lang {
                Language::En => {
                    let what = if same { format!("of {} B", sizes[0]) } else { format!("({total})") };
                    if rest == 1 {
                        let leak = if leaked == 1 { ", leaked" } else { "" };
                        (format!("+ 1 more chunk {what}{leak}"), format!("+ 1 more{leak}"))
                    } else {
                        (format!("+ {rest} more chunks {what}, {leaked} of them leaked"), format!("+ {rest} more, {leaked} leaked"))
                    }
                }
                Language::Ja => {
                    if rest == 1 {
                        let leak = if leaked == 1 { "、リーク" } else { "" };
                        (format!("ほか 1 個のチャンク（{} B）{leak}", sizes[0]), format!("ほか 1 個{leak}"))
                    } else {
                        let what = if same { format!("各 {} B", sizes[0]) } else { format!("計 {total}") };
                        (format!("ほか {rest} 個のチャンク（{what}）、うち {leaked} 個がリーク"), format!("ほか {rest} 個、リーク {leaked} 個"))
                    }
                }
            };
            let line = if mt.width(&long, size) + ch * 2.0 <= inner.w { long } else { short };
            let r = Rect::new(inner.x, y, inner.w, row);
            let mut node = Node::new(Key::Part("more-chunks", 0), r).fill(Role::Heap).stroke(Role::HeapBorder).radius(4.0).text(
                ch,
                row / 2.0,
                size,
                Role::Text,
                line,
                TextAlign::Left,
                true,
            );
            node.danger = leaked > 0;
            scene.nodes.push(node);
            break;
        }
        let r = Rect::new(inner.x, y, inner.w, box_h);
        let leaked = leaked[i];
        let head = match mt.lang {
            Language::En => format!("{} \u{b7} {} B chunk", if c.free { "free" } else { &c.ty }, c.size),
            Language::Ja => format!("{} \u{b7} {} B のチャンク", if c.free { "空き" } else { &c.ty }, c.size),
        };
        let payload = format!("{}", c.payload());
        let mut node = Node::new(Key::Chunk(c.id), r)
            .fill(if c.free { Role::Cell } else { Role::Heap })
            .stroke(if c.free { Role::CellBorder } else { Role::HeapBorder })
            .radius(5.0)
            .text(ch, row * 0.55, size, if c.free { Role::Muted } else { Role::Text }, head.as_str(), TextAlign::Left, true);
        if mt.width(&head, size) + mt.width(&payload, small) + ch * 3.0 <= r.w {
            node = node.text(r.w - ch, row * 0.55, small, Role::Muted, payload, TextAlign::Right, false);
        }
        match &c.value {
            Value::Struct(fields) if !c.free => {
                let name_w = fields.iter().map(|f| text::columns(&f.name)).fold(0.0, f32::max) * ch + ch * 3.0;
                for (k, fld) in fields.iter().enumerate() {
                    let fy = row * (1.5 + k as f32);
                    let v = text::value(&fld.value, mt.lang);
                    let vsize = if name_w + mt.width(&v, size) + ch <= r.w { size } else { small };
                    node = node.text(ch * 2.0, fy, size, Role::Text, fld.name.as_str(), TextAlign::Left, true).text(
                        name_w,
                        fy,
                        vsize,
                        Role::Text,
                        v,
                        TextAlign::Left,
                        false,
                    );
                }
            }
            _ => {
                let body = match (mt.lang, c.free, leaked) {
                    (Language::En, true, _) => String::from("in the tcache, for the next malloc of this size"),
                    (Language::En, false, true) => format!("leaked: {} bytes nothing points to", c.requested),
                    (Language::En, false, false) => format!("{} bytes of data", c.requested),
                    (Language::Ja, true, _) => String::from("tcache で同サイズの次の malloc を待つ"),
                    (Language::Ja, false, true) => format!("リーク：どこからも指されない {} バイト", c.requested),
                    (Language::Ja, false, false) => format!("{} バイトのデータ", c.requested),
                };
                let lines = text::wrap(&body, mt.fits(r.w - ch * 3.0, small));
                for (k, l) in lines.into_iter().take(rows - 1).enumerate() {
                    node = node.text(ch * 2.0, row * 1.5 + k as f32 * small * 1.3, small, Role::Muted, l, TextAlign::Left, false);
                }
            }
        }
        node.danger = leaked;
        scene.nodes.push(node);
        y += box_h + gap;
    }
}

/// The process is gone: a notice over the whole picture.
pub(crate) fn killed(m: &Machine, why: &str, area: Rect, mt: &Metrics, scene: &mut Scene) {
    let w = area.w.min(mt.f * 34.0);
    let small = mt.small();
    let fits = mt.fits(w - mt.f * 1.6, small);
    let (why, sig, heading) = match (mt.lang, &m.c_heap) {
        (Language::Ja, Some(h)) => (
            format!("メモリ不足：ヒープが {} バイトに達し、上限 {} バイトを超過", h.used(), h.limit),
            "OOM killer による SIGKILL \u{b7} 終了ステータス 137",
            "強制終了",
        ),
        (Language::Ja, None) => (String::from("メモリ不足"), "OOM killer による SIGKILL \u{b7} 終了ステータス 137", "強制終了"),
        (Language::En, _) => (String::from(why), "SIGKILL from the OOM killer \u{b7} exit status 137", "Killed"),
    };
    let why = text::wrap(&why, fits);
    let sig = text::wrap(sig, fits);
    let line = small * 1.3;
    let first = why.len();
    let h = mt.f * 3.2 + (why.len() + sig.len()) as f32 * line + mt.f * 0.6;
    let r = Rect::new(area.x + (area.w - w) / 2.0, area.y + (area.h - h) * 0.45, w, h);
    // The picture behind fades: a line the notice half covers reads as
    // behind it, not cut.
    let mut scrim = Node::new(Key::Part("killed-scrim", 0), area).fill(Role::Panel);
    scrim.alpha = 0.8;
    scene.nodes.push(scrim);
    let mut node =
        Node::new(Key::Killed, r).fill(Role::Panel).radius(10.0).text(w / 2.0, mt.f * 1.6, mt.f * 1.8, Role::Danger, heading, TextAlign::Center, true);
    for (i, l) in why.into_iter().chain(sig).enumerate() {
        let role = if i < first { Role::Text } else { Role::Muted };
        node = node.text(w / 2.0, mt.f * 3.2 + line * (i as f32 + 0.5), small, role, l, TextAlign::Center, false);
    }
    node.danger = true;
    scene.nodes.push(node);
}
