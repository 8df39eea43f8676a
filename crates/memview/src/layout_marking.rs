//! The heap as the collector's memory sees it: spans as rows of object
//! slots, coloured by mark state, and the path the scanner took.
//!
//!    ┌ Marking span by span · Green Tea (Go 1.26+) ─── 12 of 31 scanned ┐
//!    │ [regions touched 4] [scanned 12 / 31] [spans queued 2] [arena …]  │
//!    │ class 3 · 24 B  │■■■■▒▒□□□□□│                                     │
//!    │ class 5 · 48 B  │■■■▒□□□□□□ │   ■ scanned  ▒ marked  □ not yet    │
//!    │ class 8 · 96 B  │■■▒□□□□□□□ │                                     │
//!    └───────────────────────────────────────────────────────────────────┘
//!
//! Object cells keep their object's key, so stepping from one progress to
//! the next recolours cells in place while the scanner's path grows.

use crate::draw_list::TextAlign;
use crate::geom::{Point, Rect};
use crate::lang::Language;
use crate::layout::{panel, Metrics, Viewport};
use crate::palette::Role;
use crate::readout;
use crate::scene::{Key, Line, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::greentea::{MarkRun, Strategy};
use memsim::marking::{progress, MarkTimes, Shade};
use memsim::size_classes::PAGE_SIZE;
use memsim::{Addr, Machine};

/// Path segments drawn: the last ones, so a 10,000-object path stays
/// legible; fewer where cells are too narrow to box one by one.
const PATH_TAIL: usize = 60;
const PATH_TAIL_NARROW: usize = 12;
/// Cells narrower than this (px) are drawn touching, without outlines.
const MIN_BOXED: f32 = 12.0;
/// Cells get their scan number when there are at most this many.
const NUMBERED: usize = 64;

pub fn title(strategy: Strategy, lang: Language) -> &'static str {
    match strategy {
        Strategy::ObjectByObject => lang.pick("Marking object by object (default up to Go 1.25)", "オブジェクト単位のマーク（Go 1.25 までのデフォルト）"),
        Strategy::SpanBySpan => lang.pick("Marking span by span: Green Tea (Go 1.26+)", "スパン単位のマーク：Green Tea（Go 1.26+）"),
    }
}

#[allow(clippy::too_many_arguments)] // the heap, one run of it, and which moment to draw where
pub fn marking(m: &Machine, run: &MarkRun, times: &MarkTimes, strategy: Strategy, done: usize, other: u32, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let p = progress(run, times, done);
    let total = run.order.len();
    let lang = mt.lang;
    let sub = match (p.done == total, lang) {
        (true, Language::En) => {
            let name = if strategy == Strategy::SpanBySpan { "object by object" } else { "span by span" };
            format!("done \u{b7} {name} would touch {other} regions")
        }
        (true, Language::Ja) => {
            let name = if strategy == Strategy::SpanBySpan { "オブジェクト単位" } else { "スパン単位" };
            format!("完了 \u{b7} {name}なら {other} 領域")
        }
        (false, Language::En) => format!("{} of {total} scanned", p.done),
        (false, Language::Ja) => format!("{total} 個中 {} 個をスキャン", p.done),
    };
    let (area, strip) = crate::legend::reserve(mt.area(vp), &mt);
    let inner = panel(&mut scene, "marking", area, title(strategy, lang), &sub, &mt);
    let (used_pages, arena_pages) = m.heap.arena_pages();
    let mut queued = alloc::vec![false; m.heap.spans.len()];
    for (o, _) in m.heap.objects.iter().zip(&p.shades).filter(|(_, c)| **c == Shade::Grey) {
        if let Some(s) = m.span_of(o.addr) {
            queued[s] = true;
        }
    }
    let stats = [
        (lang.pick("Regions touched (model)", "触れた領域（モデル）"), format!("{}", p.regions)),
        (lang.pick("Objects scanned", "スキャン済み"), format!("{} / {total}", p.done)),
        (
            if strategy == Strategy::SpanBySpan {
                lang.pick("Spans queued", "キュー内のスパン")
            } else {
                lang.pick("Marked, waiting", "スキャン待ち")
            },
            format!("{}", if strategy == Strategy::SpanBySpan { queued.iter().filter(|q| **q).count() } else { p.marked }),
        ),
        (
            lang.pick("mheap pages", "mheap のページ"),
            match lang {
                Language::En => format!("{used_pages} of {arena_pages}"),
                Language::Ja => format!("{used_pages} / {arena_pages}"),
            },
        ),
    ];
    let used = readout::row(&mut scene, inner, &stats, &mt);
    let size = mt.small();
    let arena = text::bytes(memsim::ARENA_BYTES);
    let note = match lang {
        Language::En => format!("One {arena} arena, base {} (illustrative)", m.heap.base),
        Language::Ja => format!("{arena} のアリーナ 1 つ、先頭 {}（説明用）", m.heap.base),
    };
    let note = text::wrap(&note, mt.fits(inner.w, size));
    let note_h = note.len() as f32 * size * 1.3 + size * 0.4;
    let top = inner.y + used + mt.f * 0.8;
    let rows = Rect::new(inner.x, top, inner.w, inner.bottom() - top - note_h);
    let spans = &m.heap.spans;
    let n = spans.len().max(1) as f32;
    let gap = (rows.h / n * 0.25).min(mt.f * 0.6);
    let row_h = ((rows.h - gap * (n - 1.0)) / n).min(mt.f * 4.5);
    // Span labels, longest form that fits a column of at most a third of
    // the width; none when rows are too thin to hold a line.
    let labels: Vec<(String, &str)> = spans
        .iter()
        .enumerate()
        .map(|(si, span)| {
            let holder = if m.heap.mcache.iter().any(|&(_, i)| i == si) {
                lang.pick("in P0's mcache", "P0 の mcache 内")
            } else {
                lang.pick("shared: mcentral", "共有：mcentral")
            };
            (format!("{} {} \u{b7} {} B \u{b7} {} KiB", lang.pick("class", "クラス"), span.class, span.elemsize, span.pages * PAGE_SIZE / 1024), holder)
        })
        .collect();
    let widest = |f: &dyn Fn(&(String, &str)) -> f32| labels.iter().map(f).fold(0.0f32, f32::max);
    let long_w = widest(&|(l, h)| mt.width(l, size).max(mt.width(h, size))) + mt.ch * 1.2;
    let short_w = widest(&|(l, _)| mt.width(l.split(" \u{b7} ").take(2).collect::<Vec<_>>().join(" \u{b7} ").as_str(), size)) + mt.ch * 1.2;
    let label_w = if row_h < size * 1.3 {
        0.0
    } else if long_w <= rows.w * 0.36 {
        long_w
    } else if short_w <= rows.w * 0.36 {
        short_w
    } else {
        0.0
    };
    let two_lines = row_h >= size * 3.0 && label_w >= long_w;
    let cells_w = rows.w - label_w;
    // Room on the right of each row for its "+N free slots" note.
    let free_w = mt.width("+9999 free", size) + mt.ch;
    let with_free = row_h >= size * 1.3 && cells_w - free_w > mt.ch * 12.0;
    // Per span: where its cells start, cell width, row height.
    let mut cells: Vec<(f32, f32, f32, f32)> = Vec::with_capacity(spans.len());
    let numbered = total <= NUMBERED;
    for (si, span) in spans.iter().enumerate() {
        let y = rows.y + si as f32 * (row_h + gap);
        let shown = span.alloc_bits.iter().rposition(|b| *b).map_or(1, |i| i + 1);
        let (label, holder) = &labels[si];
        let mut node = Node::new(Key::Span(si as u32), Rect::new(rows.x + label_w, y, cells_w, row_h)).fill(Role::SpanFill).stroke(if queued[si] {
            Role::Scan
        } else {
            Role::HeapBorder
        });
        if two_lines {
            // Who holds the span: P0's mcache (allocating from it) or mcentral.
            node = node.text(-mt.ch * 0.6, row_h / 2.0 - size * 0.7, size, Role::Text, label.as_str(), TextAlign::Right, false).text(
                -mt.ch * 0.6,
                row_h / 2.0 + size * 0.7,
                size,
                Role::Muted,
                *holder,
                TextAlign::Right,
                false,
            );
        } else if label_w > 0.0 {
            let short = if label_w >= long_w { label.clone() } else { label.split(" \u{b7} ").take(2).collect::<Vec<_>>().join(" \u{b7} ") };
            node = node.text(-mt.ch * 0.6, row_h / 2.0, size, Role::Text, short, TextAlign::Right, false);
        }
        let free = span.nelems as usize - shown;
        if free > 0 && with_free {
            node = node.text(
                cells_w - mt.ch * 0.5,
                row_h / 2.0,
                size,
                Role::Text,
                match lang {
                    Language::En => format!("+{free} free"),
                    Language::Ja => format!("空き +{free}"),
                },
                TextAlign::Right,
                false,
            );
        }
        scene.nodes.push(node);
        let room = if with_free { cells_w - free_w } else { cells_w };
        let cw = room / shown as f32;
        cells.push((rows.x + label_w, y, cw, row_h));
    }
    // The cell of the object at `a`: its slot in its span's row.
    let cell = |a: Addr| {
        let si = m.span_of(a)?;
        let &(x0, y, cw, h) = cells.get(si)?;
        let slot = ((a.0 - spans[si].base.0) / spans[si].elemsize) as f32;
        Some(Rect::new(x0 + slot * cw, y, cw.max(1.0), h))
    };
    // Cells in address order, so neighbours in memory are neighbours in
    // the draw list (and same-coloured runs can be drawn as one).
    for &i in &times.by_addr {
        let o = &m.heap.objects[i];
        let Some(r) = cell(o.addr) else { continue };
        let (cw, h) = (r.w, r.h);
        let (fill, role) = match p.shades[i] {
            Shade::Black => (Role::GcBlack, Role::OnBlack),
            Shade::Grey => (Role::GcGrey, Role::Text),
            Shade::White => (Role::GcWhite, Role::OnWhite),
        };
        // Wide cells are boxed one by one; narrow ones (a heap map of
        // thousands) touch, so same-coloured runs draw as one box.
        let boxed = cw >= MIN_BOXED;
        let mut node = Node::new(Key::Object(o.id), if boxed { r.inset(0.5) } else { r }).fill(fill);
        if boxed {
            node = node.stroke(if fill == Role::GcBlack { Role::GcBlackBorder } else { Role::CellBorder });
        }
        // Its place in the scan order, once scanned.
        let k = times.black_at[i];
        if numbered && cw >= mt.ch * 2.2 && k < p.done {
            node = node.text(r.w / 2.0, h * 0.6, size, role, format!("{}", k + 1), TextAlign::Center, true);
        }
        node.focus = p.done.checked_sub(1) == Some(k);
        scene.nodes.push(node);
    }
    // The scanner's path through memory: its most recent moves.
    let narrow = cells.iter().any(|c| c.2 < MIN_BOXED);
    let from = p.done.saturating_sub(if narrow { PATH_TAIL_NARROW } else { PATH_TAIL });
    let path: Vec<Point> =
        run.order[from..p.done].iter().filter_map(|a| cell(*a)).map(|r| Point { x: r.x + r.w / 2.0, y: r.y + (r.h * 0.18).min(6.0) }).collect();
    // Solid: the scan numbers it crosses are drawn over it, and at half
    // strength it all but vanished on scanned (near-black) cells.
    scene.lines.push(Line { key: 0, points: path, role: Role::Scan, width: 2.0, dashed: false, alpha: 1.0, filled: false });
    for (i, line) in note.into_iter().enumerate() {
        let at = Rect::new(inner.x, inner.bottom() - note_h + size * (0.85 + 1.3 * i as f32), 1.0, 1.0);
        scene.nodes.push(Node::new(Key::Part("mark-legend", i as u32), at).text(0.0, 0.0, size, Role::Muted, line, TextAlign::Left, false));
    }
    crate::legend::draw(&mut scene, strip, &mt);
    scene
}

/// The marking picture in words, for the text alternative.
pub fn describe(m: &Machine, run: &MarkRun, times: &MarkTimes, strategy: Strategy, done: usize, lang: Language) -> String {
    let p = progress(run, times, done);
    let (title, objects, spans) = (title(strategy, lang), run.order.len(), m.heap.spans.len());
    let mut s = match lang {
        Language::En => format!(
            "{title}: {objects} heap objects in {spans} spans. {} scanned so far, {} marked and waiting; {} memory regions touched.",
            p.done, p.marked, p.regions
        ),
        Language::Ja => format!(
            "{title}。ヒープオブジェクト {objects} 個がスパン {spans} 個に入っています。これまでに {} 個をスキャンし、{} 個がマーク済みでスキャン待ちです。触れたメモリ領域は {} 個です。",
            p.done, p.marked, p.regions
        ),
    };
    for span in &m.heap.spans {
        let used = span.alloc_bits.iter().filter(|b| **b).count();
        s.push_str(&match lang {
            Language::En => {
                format!(" Span at {}: size class {} ({} B objects), {used} of {} slots used.", span.base, span.class, span.elemsize, span.nelems)
            }
            Language::Ja => {
                format!(
                    "{} のスパンはサイズクラス {}（{} B のオブジェクト）で、{} スロット中 {used} スロットを使用しています。",
                    span.base, span.class, span.elemsize, span.nelems
                )
            }
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cover_every_object_and_the_path_grows() {
        let m = memsim::marking::tree_heap(31);
        let run = m.mark_with(Strategy::ObjectByObject);
        let times = MarkTimes::new(&m, &run);
        let vp = Viewport::new(850.0, 620.0);
        let s0 = marking(&m, &run, &times, Strategy::ObjectByObject, 0, 7, vp);
        let s8 = marking(&m, &run, &times, Strategy::ObjectByObject, 8, 7, vp);
        let objects = |s: &Scene| s.nodes.iter().filter(|n| matches!(n.key, Key::Object(_))).count();
        assert_eq!((objects(&s0), objects(&s8)), (31, 31));
        assert_eq!(s8.lines[0].points.len(), 8);
        let black = s8.nodes.iter().filter(|n| matches!(n.key, Key::Object(_)) && n.fill == Some(Role::GcBlack)).count();
        assert_eq!(black, 8);
        for n in &s8.nodes {
            assert!(n.rect.x >= 0.0 && n.rect.right() <= vp.width + 0.5 && n.rect.bottom() <= vp.height + 0.5, "{:?}", n.key);
        }
        let text = describe(&m, &run, &times, Strategy::ObjectByObject, 8, Language::En);
        // 10,000 marked cells: same-coloured neighbours draw as one box.
        let big = memsim::marking::tree_heap(10_000);
        let run = big.mark_with(Strategy::SpanBySpan);
        let done = marking(&big, &run, &MarkTimes::new(&big, &run), Strategy::SpanBySpan, usize::MAX, 0, vp);
        let cells = done.nodes.iter().filter(|n| matches!(n.key, Key::Object(_))).count();
        let cmds = crate::paint(&done, &crate::Palette::LIGHT);
        assert_eq!(cells, 10_000);
        assert!(cmds.len() < 400, "{} commands for 10,000 black cells", cmds.len());
        assert!(text.contains("8 scanned") && text.contains("size class 3"), "{text}");
    }

    #[test]
    fn the_picture_speaks_japanese() {
        let m = memsim::marking::tree_heap(31);
        let run = m.mark_with(Strategy::SpanBySpan);
        let times = MarkTimes::new(&m, &run);
        let text = describe(&m, &run, &times, Strategy::SpanBySpan, 8, Language::Ja);
        assert!(
            text.starts_with("スパン単位のマーク：Green Tea（Go 1.26+）。") && text.contains("8 個をスキャン") && text.contains("サイズクラス 3"),
            "{text}"
        );
        let vp = Viewport::new(850.0, 620.0).in_language(Language::Ja);
        let s = marking(&m, &run, &times, Strategy::SpanBySpan, 8, 7, vp);
        let texts: Vec<&str> = s.nodes.iter().flat_map(|n| n.texts.iter().map(|t| t.content.as_str())).collect();
        assert!(texts.contains(&"31 個中 8 個をスキャン") && texts.contains(&"触れた領域（モデル）"), "{texts:?}");
    }
}
