//! Raw memory as rows of 8 byte cells, and the CPU registers.
//!
//!    0x1000 │28│00│00│00│00│00│00│00│  A: apples
//!    0x1008 │ff│ff│ff│ff│ff│ff│ff│ff│  A: pears / B: flag   ← conflict
//!
//! Eight bytes a row, so one row is one 64-bit word. Cells claimed by a
//! program are outlined in its colour; bytes claimed by two programs are
//! drawn as a conflict.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::Language;
use crate::layout::{panel, Metrics};
use crate::palette::Role;
use crate::scene::{Key, Node, Scene};
use crate::stage::Stage;
use alloc::format;
use alloc::vec::Vec;
use memsim::Machine;

pub(crate) const ROW: u64 = 8;

/// The claims on the row of memory that starts at `addr`, with their index.
pub(crate) fn row_claims(mem: &memsim::Memory, addr: u64) -> impl Iterator<Item = (usize, &memsim::Claim)> {
    mem.claims.iter().enumerate().filter(move |(_, c)| c.addr < addr + ROW && c.addr + c.len > addr)
}

pub(crate) fn memory(m: &Machine, stage: &Stage, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let Some(mem) = &m.memory else {
        panel(scene, "memory", rect, mt.lang.pick("Memory", "メモリ"), mt.lang.pick("address \u{2192} byte", "アドレス \u{2192} バイト"), mt);
        return;
    };
    let end = mem.base + mem.bytes.len() as u64 - 1;
    let sub = match mt.lang {
        Language::En => format!("{} bytes, {:#x}\u{2013}{end:#x}", mem.bytes.len(), mem.base),
        Language::Ja => format!("{} バイト、{:#x}\u{2013}{end:#x}", mem.bytes.len(), mem.base),
    };
    let inner = panel(scene, "memory", rect, mt.lang.pick("Memory", "メモリ"), &sub, mt);
    let rows = (mem.bytes.len() as u64).div_ceil(ROW);
    let label_w = mt.ch * 7.0;
    let tags_w = (inner.w * 0.3).min(mt.ch * 16.0).max(mt.ch * 8.0);
    let header_h = mt.f * 1.4;
    let cell = ((inner.w - label_w - tags_w - mt.f) / ROW as f32).min((inner.h - header_h) / rows as f32).min(mt.f * 4.2);
    let gap = (cell * 0.08).max(1.0);
    // Rows are as tall as cells are wide, unless the tags of claims that
    // share a row somewhere in the chapter would not fit (a narrow phone):
    // then every row of the chapter is as tall as they need.
    // A tag's box holds its text, small type at the least, with room for
    // its ascenders and descenders inside the border.
    let tag_need = mt.small() * 1.25;
    let shared = stage.shared_claims.max(1) as f32;
    let pitch = if (cell - gap) / shared >= tag_need { cell } else { (shared * tag_need + gap).min((inner.h - header_h) / rows as f32).max(cell) };
    let grid_x = inner.x + label_w;
    let grid_y = inner.y + header_h;
    let size = mt.f * (cell / (mt.f * 2.2)).max(0.8).min(1.05);

    // Column offsets +0 … +7, drawn as texts of the panel node.
    if let Some(p) = scene.nodes.last_mut() {
        for col in 0..ROW {
            let x = grid_x + col as f32 * cell + cell / 2.0 - rect.x;
            p.texts.push(crate::scene::Text {
                dx: x,
                dy: grid_y - rect.y - mt.f * 0.7,
                size: mt.f * 0.8,
                role: Role::Muted,
                content: format!("+{col}"),
                align: TextAlign::Center,
                bold: false,
                alpha: 1.0,
            });
        }
    }

    for row in 0..rows {
        let y = grid_y + row as f32 * pitch;
        let addr = mem.base + row * ROW;
        scene.nodes.push(Node::new(Key::RowLabel(addr), Rect::new(inner.x, y, label_w, pitch)).text(
            label_w - mt.ch * 0.8,
            pitch / 2.0,
            mt.f * 0.9,
            Role::Muted,
            format!("{addr:#x}"),
            TextAlign::Right,
            false,
        ));
        for col in 0..ROW {
            let a = addr + col;
            let Some(&byte) = mem.bytes.get((a - mem.base) as usize) else { continue };
            let owners: Vec<u8> = mem.claims.iter().filter(|c| a >= c.addr && a < c.addr + c.len).map(|c| c.owner).collect();
            let mut node = Node::new(Key::Cell(a), Rect::new(grid_x + col as f32 * cell, y, cell - gap, pitch - gap))
                .fill(Role::Cell)
                .stroke(owners.last().map_or(Role::CellBorder, |o| Role::Owner(*o)))
                .radius(3.0)
                .text(
                    (cell - gap) / 2.0,
                    (pitch - gap) / 2.0,
                    size,
                    if byte == 0 { Role::Muted } else { Role::Text },
                    format!("{byte:02x}"),
                    TextAlign::Center,
                    byte != 0,
                );
            node.danger = owners.windows(2).any(|w| w[0] != w[1]);
            scene.nodes.push(node);
        }
        // The claims on this row, stacked in the tag column.
        let claims: Vec<(usize, &memsim::Claim)> = row_claims(mem, addr).collect();
        let n = claims.len().max(1) as f32;
        let tag_h = (pitch - gap) / n;
        for (k, (i, c)) in claims.iter().enumerate() {
            let program = (b'A' + c.owner) as char;
            let r = Rect::new(grid_x + ROW as f32 * cell + mt.f * 0.5, y + k as f32 * tag_h, tags_w, tag_h - 1.0);
            let tsize = (tag_h * 0.7).max(mt.small()).min(mt.f);
            scene.nodes.push(Node::new(Key::Claim(*i as u32), r).stroke(Role::Owner(c.owner)).radius(3.0).text(
                mt.ch * 0.6,
                r.h / 2.0,
                tsize,
                Role::Owner(c.owner),
                format!("{program}: {}", c.name),
                TextAlign::Left,
                true,
            ));
        }
    }
}

pub(crate) fn registers(m: &Machine, rect: Rect, mt: &Metrics, scene: &mut Scene) {
    let inner = panel(scene, "registers", rect, mt.lang.pick("CPU registers", "CPU レジスタ"), "", mt);
    let Some(mem) = &m.memory else { return };
    if mem.registers.is_empty() {
        if let Some(p) = scene.nodes.last_mut() {
            let dy = inner.y - rect.y + mt.f;
            p.texts.push(crate::scene::Text {
                dx: mt.f * 0.8,
                dy,
                size: mt.f * 0.9,
                role: Role::Muted,
                content: mt.lang.pick("nothing loaded yet", "まだ何も読み込んでいない").into(),
                align: TextAlign::Left,
                bold: false,
                alpha: 1.0,
            });
        }
    }
    let row = (mt.f * 2.4).min(inner.h / 4.0);
    for (i, r) in mem.registers.iter().enumerate() {
        let y = inner.y + i as f32 * (row + 4.0);
        let name_w = mt.ch * 4.0;
        let hex = format!("{:#x}", r.value as u64);
        let decimal = format!("{}", r.value);
        let both = format!("{decimal}  ({hex})");
        let shown = if mt.width(&both, mt.f) + name_w + mt.ch * 2.5 <= inner.w { both } else { decimal };
        scene.nodes.push(
            Node::new(Key::Register(i as u32), Rect::new(inner.x, y, inner.w, row))
                .origin(r.loaded_from.map(Key::Cell))
                .fill(Role::Value)
                .stroke(Role::CellBorder)
                .radius(4.0)
                .text(mt.ch, row / 2.0, mt.f, Role::Text, r.name.as_str(), TextAlign::Left, true)
                .text(name_w + mt.ch, row / 2.0, mt.f, Role::Text, shown, TextAlign::Left, false),
        );
    }
}
