//! The case study's pictures: where one call's slice goes, and the service
//! before and after the fix, side by side.
//!
//!    ┌ One call of FilterAlloc ──────────────┐   ┌ Before: FilterAlloc ─────────────────────┐
//!    │ make(targetList, 0, len(list))        │   │ [16384 B/op] [1 alloc] [cycles] [CPU]    │
//!    │   ↓ 1,000 × 16 B = 16,000 B           │   │ /|/|/|/|/|  heap over 2 s                │
//!    │   ↓ + 8 B malloc header               │   ├ After: FilterInPlace ────────────────────┤
//!    │   ↓ size class 59: 16,384 B           │   │ [0 B/op] [0 allocs] [no cycle] [CPU]     │
//!    │   ↓ returned: escapes to the heap     │   │ ───────────  live only                   │
//!    └───────────────────────────────────────┘   └──────────────────────────────────────────┘

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::Language;
use crate::layout::{panel, Metrics, Viewport};
use crate::layout_pacer::{percent, series};
use crate::palette::Role;
use crate::readout;
use crate::scene::{Key, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::casestudy::{Outcome, Version, ANY_BYTES};
use memsim::pacer::{Workload, MIB};
use memsim::size_classes::{class_of_request, nelems, with_header, MAX_SMALL_REQUEST, PAGE_SIZE};

/// `16000` → `16,000`.
pub fn grouped(n: u64) -> String {
    let digits = format!("{n}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The steps of one call's allocation, in words: (headline, detail).
pub fn call_path(n: u64, lang: Language) -> Vec<(String, String)> {
    let raw = n * ANY_BYTES;
    let with = with_header(raw, true);
    let mut steps = Vec::new();
    let capacity = match lang {
        Language::En => format!("capacity for all {} values, on every call", grouped(n)),
        Language::Ja => format!("呼び出しのたびに {} 個すべての値が入る容量", grouped(n)),
    };
    steps.push((String::from("make(targetList, 0, len(list))"), capacity));
    steps.push((
        format!("{} \u{d7} 16 B = {} B", grouped(n), grouped(raw)),
        String::from(lang.pick("an any is two words: a type and a data pointer", "any は 2 ワード：型とデータポインタ")),
    ));
    if with != raw {
        steps.push(match lang {
            Language::En => (format!("+ 8 B malloc header = {} B", grouped(with)), String::from("it holds pointers and is over 512 B")),
            Language::Ja => (format!("+ 8 B の malloc ヘッダ = {} B", grouped(with)), String::from("ポインタを含み、512 B を超えるため")),
        });
    }
    match class_of_request(raw, true) {
        Some(c) => {
            let (class, bytes, span, rounding) =
                (c.class, grouped(u64::from(c.bytes_per_obj)), text::bytes(u64::from(c.bytes_per_span)), grouped(u64::from(c.bytes_per_obj) - with));
            // What a span really holds: the table's count is an upper bound
            // (an `any` holds a pointer, so its span keeps a pointer bitmap).
            let objects = nelems(c, false);
            steps.push(match lang {
                Language::En => (
                    format!("size class {class}: {bytes} B"),
                    format!(
                        "{} per {span} span; {rounding} B of rounding",
                        if objects == 1 { String::from("one object") } else { format!("{objects} objects") }
                    ),
                ),
                Language::Ja => (format!("サイズクラス {class}：{bytes} B"), format!("{span} のスパンに {objects} 個、切り上げ分 {rounding} B")),
            })
        }
        None => {
            let pages = with.div_ceil(PAGE_SIZE);
            steps.push(match lang {
                Language::En => (
                    format!("large: {pages} pages = {} B", grouped(pages * PAGE_SIZE)),
                    format!("over {} B: whole 8 KiB pages of its own", grouped(MAX_SMALL_REQUEST)),
                ),
                Language::Ja => (
                    format!("ラージオブジェクト：{pages} ページ = {} B", grouped(pages * PAGE_SIZE)),
                    format!("{} B 超：8 KiB のページを丸ごと専有", grouped(MAX_SMALL_REQUEST)),
                ),
            });
        }
    }
    steps.push(match lang {
        Language::En => (String::from("returned \u{2192} escapes to the heap"), String::from("garbage as soon as the caller is done with it")),
        Language::Ja => (String::from("戻り値 \u{2192} ヒープへエスケープ"), String::from("呼び出し元が使い終えた時点でゴミになる")),
    });
    steps
}

/// Which boxes of one call's path a step is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallPart {
    /// `make` and where its slice ends up: the escape.
    Escape,
    /// The bytes asked for and the size class they are rounded up to.
    Rounding,
}

/// One call's slice, from `make` to the heap, with the boxes `lit` is
/// about drawn lit.
pub fn case_call(n: u64, lit: CallPart, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let title = mt.lang.pick("One call of FilterAlloc", "FilterAlloc の 1 回の呼び出し");
    let inner = panel(&mut scene, "case-call", mt.area(vp), title, &format!("n = {}", grouped(n)), &mt);
    let steps = call_path(n, mt.lang);
    let k = steps.len() as f32;
    let w = inner.w.min(mt.ch * 62.0);
    let small = mt.small();
    // Each box as tall as its wrapped lines; the gaps give way first.
    let mut lines: Vec<(Vec<String>, Vec<String>)> =
        steps.iter().map(|(head, detail)| (text::wrap(head, mt.fits(w - mt.ch * 2.0, mt.f)), text::wrap(detail, mt.fits(w - mt.ch * 2.0, small)))).collect();
    let need = |(h, d): &(Vec<String>, Vec<String>)| h.len() as f32 * mt.f * 1.25 + d.len() as f32 * small * 1.3 + mt.f * 0.8;
    // Too short even with the gaps closed: the first steps' details give
    // way, the heads stay.
    for i in 0..lines.len() {
        if lines.iter().map(need).sum::<f32>() + (k - 1.0) * mt.f * 0.5 <= inner.h {
            break;
        }
        lines[i].1.clear();
    }
    let total: f32 = lines.iter().map(need).sum();
    let gap = ((inner.h - total) / (k - 1.0).max(1.0)).max(mt.f * 0.5).min(mt.f * 1.6);
    // The path in the middle of the stage, where it leaves room around it.
    let x = inner.x + ((inner.w - w) / 2.0).max(0.0);
    let mut y = inner.y + ((inner.h - total - gap * (k - 1.0)) / 2.0).max(0.0);
    for (i, l) in lines.iter().enumerate() {
        let box_h = need(l);
        let last = i + 1 == steps.len();
        let on = match lit {
            CallPart::Escape => i == 0 || last,
            CallPart::Rounding => i > 0 && !last,
        };
        let (fill, stroke) = match (on, last) {
            (true, _) => (Role::FocusFill, Role::Focus),
            (false, true) => (Role::Heap, Role::HeapBorder),
            (false, false) => (Role::Cell, Role::CellBorder),
        };
        let mut node = Node::new(Key::Part("call-step", i as u32), Rect::new(x, y, w, box_h)).fill(fill).stroke(stroke).radius(6.0);
        let mut ty = mt.f * 0.4;
        for h in &l.0 {
            node = node.text(mt.ch, ty + mt.f * 0.62, mt.f, Role::Text, h.as_str(), TextAlign::Left, true);
            ty += mt.f * 1.25;
        }
        for d in &l.1 {
            node = node.text(mt.ch, ty + small * 0.65, small, Role::Muted, d.as_str(), TextAlign::Left, false);
            ty += small * 1.3;
        }
        scene.nodes.push(node);
        if !last && gap >= mt.f * 1.1 {
            scene.nodes.push(Node::new(Key::Part("call-arrow", i as u32), Rect::new(x + mt.ch * 3.0, y + box_h + gap / 2.0, 1.0, 1.0)).text(
                0.0,
                0.0,
                mt.f * 1.2,
                Role::Pointer,
                "\u{2193}",
                TextAlign::Center,
                true,
            ));
        }
        y += box_h + gap;
    }
    scene
}

/// Which versions a comparison shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    Before,
    After,
    Both,
}

/// The readouts of one version.
pub fn numbers(o: &Outcome, secs: u64, lang: Language) -> [(&'static str, String); 5] {
    [
        ("B/op", grouped(o.bytes_per_op)),
        ("allocs/op", format!("{}", o.allocs_per_op)),
        // The count over the whole run, as the pacer's readout says it: a
        // rate would round 3 cycles in 2 s down to 1.
        (
            lang.pick("GC cycles (model)", "GC 回数（モデル）"),
            match lang {
                Language::En => format!("{} in {secs} s", o.cycles),
                Language::Ja => format!("{secs} 秒で {} 回", o.cycles),
            },
        ),
        (lang.pick("heap peak", "ヒープのピーク"), text::bytes(o.run.peak)),
        (
            lang.pick("program + GC CPU", "CPU（プログラム + GC）"),
            if o.saturated() { String::from(lang.pick("over 100%", "100% 超")) } else { format!("{} + {}", percent(o.program_cpu_bp), percent(o.gc_cpu_bp)) },
        ),
    ]
}

fn title(v: Version, lang: Language) -> &'static str {
    match v {
        Version::Alloc => lang.pick("Before: FilterAlloc", "変更前：FilterAlloc"),
        Version::InPlace => lang.pick("After: FilterInPlace", "変更後：FilterInPlace"),
    }
}

/// The service with each version shown: readouts and the heap over time,
/// both charts on one scale so the difference is the picture.
pub fn case_compare(before: &Outcome, after: &Outcome, w: &Workload, shown: Shown, rate: u64, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let area = mt.area(vp);
    let list: Vec<&Outcome> = match shown {
        Shown::Before => alloc::vec![before],
        Shown::After => alloc::vec![after],
        Shown::Both => alloc::vec![before, after],
    };
    let gap = mt.pad();
    let h = (area.h - gap * (list.len() as f32 - 1.0)) / list.len() as f32;
    let top_bytes = before.run.peak.max(after.run.peak).max(4 * MIB);
    let secs = w.duration_ms / 1000;
    // A phone held upright: two panels of readouts leave no room for their
    // charts (nor for B/op and allocs/op), so both versions share one
    // table and one chart.
    if shown == Shown::Both && area.w < NARROW {
        compare_table(&mut scene, before, after, top_bytes, secs, rate, area, &mt);
        return scene;
    }
    for (i, o) in list.iter().enumerate() {
        let rect = Rect::new(area.x, area.y + i as f32 * (h + gap), area.w, h);
        let id = if o.version == Version::Alloc { "case-before" } else { "case-after" };
        let sub = match mt.lang {
            Language::En => format!("{} calls/s \u{b7} GOGC=100 \u{b7} model", grouped(rate)),
            Language::Ja => format!("毎秒 {} 回 \u{b7} GOGC=100 \u{b7} モデル", grouped(rate)),
        };
        let inner = panel(&mut scene, id, rect, title(o.version, mt.lang), &sub, &mt);
        let first = if o.version == Version::Alloc { 0 } else { 10 };
        let nums = numbers(o, secs, mt.lang);
        // On a short picture (a phone on its side) the chart must show: the
        // readouts keep the three it explains (cycles, peak, CPU), and
        // B/op and allocs/op stay in the terminal and the readout text.
        let full = readout::row_from(&mut Scene::new(vp.width, vp.height), inner, &nums, &mt, first);
        let items = if inner.h - full - mt.f * 0.6 < mt.f * 3.5 { &nums[2..] } else { &nums[..] };
        let used = readout::row_from(&mut scene, inner, items, &mt, first);
        chart(&mut scene, o, top_bytes, Rect::new(inner.x, inner.y + used + mt.f * 0.6, inner.w, inner.h - used - mt.f * 0.6), &mt);
    }
    scene
}

/// Narrower than this, two versions side by side share a table.
const NARROW: f32 = 520.0;

/// Both versions in one panel: a row per readout, a column per version,
/// then one chart with both heaps over time.
#[allow(clippy::too_many_arguments)] // the two runs, their scale and the panel's place
fn compare_table(scene: &mut Scene, before: &Outcome, after: &Outcome, top_bytes: u64, secs: u64, rate: u64, area: Rect, mt: &Metrics) {
    let lang = mt.lang;
    let sub = match lang {
        Language::En => format!("{} calls/s \u{b7} GOGC=100 \u{b7} model", grouped(rate)),
        Language::Ja => format!("毎秒 {} 回 \u{b7} GOGC=100 \u{b7} モデル", grouped(rate)),
    };
    let inner = panel(scene, "case-both", area, "FilterAlloc \u{2192} FilterInPlace", &sub, mt);
    let rows = table_rows(before, after, secs, lang);
    let small = mt.small();
    let line = crate::layout::round(mt.f * 1.5);
    let label_w = rows.iter().map(|(l, ..)| mt.width(l, small)).fold(0.0f32, f32::max) + mt.ch * 1.6;
    let col_w = (inner.w - label_w) / 2.0;
    // The largest size at which every value fits its column.
    let widest = rows.iter().flat_map(|(_, b, a)| [b, a]).map(|v| mt.width(v, mt.f)).fold(0.0f32, f32::max);
    let vsize = if widest + mt.ch <= col_w { mt.f } else { small };
    let heads = [lang.pick("before", "変更前"), lang.pick("after", "変更後")];
    let mut head = Node::new(Key::Part("case-head", 0), Rect::new(inner.x, inner.y, inner.w, line));
    for (k, h) in heads.into_iter().enumerate() {
        head = head.text(label_w + col_w * k as f32, line / 2.0, small, Role::Muted, h, TextAlign::Left, true);
    }
    scene.nodes.push(head);
    for (i, (label, b, a)) in rows.iter().enumerate() {
        let r = Rect::new(inner.x, inner.y + line * (i + 1) as f32, inner.w, line - 2.0);
        scene.nodes.push(
            Node::new(Key::Stat(20 + i as u8), r)
                .fill(Role::Cell)
                .radius(4.0)
                .text(mt.ch * 0.6, r.h / 2.0, small, Role::Muted, *label, TextAlign::Left, false)
                .text(label_w, r.h / 2.0, vsize, Role::Text, b.as_str(), TextAlign::Left, true)
                .text(label_w + col_w, r.h / 2.0, vsize, Role::Text, a.as_str(), TextAlign::Left, true),
        );
    }
    let top = inner.y + line * (rows.len() + 1) as f32 + mt.f * 0.6;
    let r = Rect::new(inner.x, top, inner.w, inner.bottom() - top);
    // Which line is which: each version's word right of its line's end,
    // kept a line apart (at n = 1 both heaps peak at 8 MiB).
    let gutter = heads.iter().map(|h| mt.width(h, small)).fold(0.0f32, f32::max) + mt.ch;
    let Some(plot) = plot_area(r, gutter, mt) else { return };
    bands(scene, before, plot);
    bands(scene, after, plot);
    axes(scene, 0, before.run.heap.len(), top_bytes, r, plot, mt);
    heap_line(scene, before, top_bytes, plot);
    heap_line(scene, after, top_bytes, plot);
    // The after line in the text colour, the before one in the pointer's.
    if let Some(l) = scene.lines.iter_mut().find(|l| l.key == 11) {
        l.role = Role::Text;
    }
    let end = |key: u16| {
        let l = scene.lines.iter().find(|l| l.key == key)?;
        let y = l.points.iter().filter(|p| p.x >= plot.right() - 3.0).map(|p| p.y).fold(f32::INFINITY, f32::min);
        y.is_finite().then_some(y)
    };
    let (Some(mut yb), Some(mut ya)) = (end(10), end(11)) else { return };
    let apart = small * 1.3;
    if (yb - ya).abs() < apart {
        // The higher line's word goes up, the other's down, inside the plot.
        let mid = ((yb + ya) / 2.0).max(plot.y + apart / 2.0).min(plot.bottom() - apart / 2.0);
        let (up, down) = (mid - apart / 2.0, mid + apart / 2.0);
        if yb <= ya {
            (yb, ya) = (up, down);
        } else {
            (ya, yb) = (up, down);
        }
    }
    for (k, y) in [yb, ya].into_iter().enumerate() {
        scene.nodes.push(Node::new(Key::Part("case-line", k as u32), Rect::new(plot.right() + mt.ch * 0.5, y, 1.0, 1.0)).text(
            0.0,
            0.0,
            small,
            if k == 0 { Role::Pointer } else { Role::Text },
            heads[k],
            TextAlign::Left,
            true,
        ));
    }
}

/// The table's rows: (label, before, after); the CPU split in two, so a
/// phone's column holds it.
fn table_rows(before: &Outcome, after: &Outcome, secs: u64, lang: Language) -> Vec<(&'static str, String, String)> {
    let (b, a) = (numbers(before, secs, lang), numbers(after, secs, lang));
    let mut rows: Vec<(&'static str, String, String)> = b[..4].iter().zip(&a[..4]).map(|((l, x), (_, y))| (*l, x.clone(), y.clone())).collect();
    let cpu = |o: &Outcome, gc: bool| {
        if o.saturated() {
            String::from(lang.pick("over 100%", "100% 超"))
        } else {
            percent(if gc { o.gc_cpu_bp } else { o.program_cpu_bp })
        }
    };
    rows.push((lang.pick("program CPU", "CPU（プログラム）"), cpu(before, false), cpu(after, false)));
    rows.push((lang.pick("GC CPU (model)", "CPU（GC、モデル）"), cpu(before, true), cpu(after, true)));
    rows
}

/// The heap over time of one version, marking periods shaded.
fn chart(scene: &mut Scene, o: &Outcome, top_bytes: u64, r: Rect, mt: &Metrics) {
    let id = if o.version == Version::Alloc { 0 } else { 1 };
    if let Some(plot) = plot_area(r, 0.0, mt) {
        bands(scene, o, plot);
        axes(scene, id, o.run.heap.len(), top_bytes, r, plot, mt);
        heap_line(scene, o, top_bytes, plot);
    }
}

/// Where a chart in `r` plots, `gutter` px short of its right edge, if
/// there is room to plot.
fn plot_area(r: Rect, gutter: f32, mt: &Metrics) -> Option<Rect> {
    let label_w = mt.ch * 9.0;
    // Room under the axis for its time labels.
    let under = mt.f * 1.1;
    let plot = Rect::new(r.x + label_w, r.y + mt.f * 0.4, r.w - label_w - gutter, r.h - mt.f * 0.4 - under);
    (plot.h >= mt.f * 2.0 && plot.w >= 40.0).then_some(plot)
}

/// One version's marking periods, shaded across `plot`.
fn bands(scene: &mut Scene, o: &Outcome, plot: Rect) {
    let base = if o.version == Version::Alloc { 0 } else { 1 << 20 };
    let x_of = |ms: u64| plot.x + plot.w * (ms as f32 / o.run.heap.len().max(1) as f32);
    for (i, c) in o.run.cycles.iter().enumerate() {
        let (x0, x1) = (x_of(c.start_ms), x_of(c.end_ms));
        let mut band = Node::new(Key::Band(base + i as u32), Rect::new(x0, plot.y, (x1 - x0).max(1.0), plot.h)).fill(Role::GcGrey);
        band.alpha = 0.45;
        scene.nodes.push(band);
    }
}

/// A chart's frame around `plot`: its byte scale, left in `r`, and its
/// time axis (`samples` of 1 ms).
#[allow(clippy::too_many_arguments)] // where, and what scale
fn axes(scene: &mut Scene, id: u32, samples: usize, top_bytes: u64, r: Rect, plot: Rect, mt: &Metrics) {
    let under = mt.f * 1.1;
    scene.nodes.push(Node::new(Key::Part("case-axis", id), Rect::new(plot.x, plot.bottom(), plot.w, 1.0)).fill(Role::Muted));
    scene.nodes.push(Node::new(Key::Part("case-top", id), Rect::new(r.x, plot.y, 1.0, 1.0)).text(
        0.0,
        mt.f * 0.4,
        mt.f * 0.8,
        Role::Muted,
        text::bytes(top_bytes),
        TextAlign::Left,
        false,
    ));
    scene.nodes.push(Node::new(Key::Part("case-zero", id), Rect::new(r.x, plot.bottom(), 1.0, 1.0)).text(
        0.0,
        -mt.f * 0.4,
        mt.f * 0.8,
        Role::Muted,
        "0 B",
        TextAlign::Left,
        false,
    ));
    // The time axis: its start and its end, in whole seconds of the run.
    let end = format!("{} s", samples / 1000);
    for (k, (x, label, align)) in [(plot.x, String::from("0 s"), TextAlign::Left), (plot.right(), end, TextAlign::Right)].into_iter().enumerate() {
        scene.nodes.push(Node::new(Key::Part("case-time", id * 2 + k as u32), Rect::new(x, plot.bottom(), 1.0, 1.0)).text(
            0.0,
            under * 0.55,
            mt.f * 0.8,
            Role::Muted,
            label,
            align,
            false,
        ));
    }
}

/// One version's heap over time in `plot`.
fn heap_line(scene: &mut Scene, o: &Outcome, top_bytes: u64, plot: Rect) {
    let n = o.run.heap.len().max(1) as f32;
    let x_of = |i: usize| plot.x + plot.w * (i as f32 / n);
    let y_of = |b: u64| plot.bottom() - plot.h * (b as f32 / top_bytes as f32);
    let id = if o.version == Version::Alloc { 0 } else { 1 };
    scene.lines.push(series(10 + id, &o.run.heap, plot.w as usize, |i| x_of(i + 1), y_of));
}

/// The comparison in words, for the text alternative.
pub fn describe_compare(before: &Outcome, after: &Outcome, n: u64, rate: u64, secs: u64, lang: Language) -> String {
    let one = |o: &Outcome| {
        let nums = numbers(o, secs, lang);
        let parts: Vec<String> = nums.iter().map(|(l, v)| format!("{l} {v}")).collect();
        match lang {
            Language::En => format!("{}: {}.", title(o.version, lang), parts.join(", ")),
            Language::Ja => format!("{}：{}。", title(o.version, lang), parts.join("、")),
        }
    };
    match lang {
        Language::En => {
            format!(
                "Filtering {} value{} {} times a second, for {secs} s under GOGC=100. {} {}",
                grouped(n),
                if n == 1 { "" } else { "s" },
                grouped(rate),
                one(before),
                one(after)
            )
        }
        Language::Ja => format!("{} 個の値のフィルタを毎秒 {} 回、GOGC=100 で {secs} 秒間実行します。{}{}", grouped(n), grouped(rate), one(before), one(after)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memsim::casestudy::{simulate, workload};

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!((grouped(7), grouped(16000), grouped(1_605_632)), ("7".into(), "16,000".into(), "1,605,632".into()));
        let path = call_path(1000, Language::En);
        assert_eq!(path[1].0, "1,000 \u{d7} 16 B = 16,000 B");
        assert_eq!(path[2].0, "+ 8 B malloc header = 16,008 B");
        assert_eq!(path[3].0, "size class 59: 16,384 B");
        assert_eq!(call_path(2049, Language::En)[2].0, "large: 5 pages = 40,960 B", "no header on a large object");
        // 2,047 values with their header are class 67's last request; 2,048
        // values, though exactly class 67's size, are a large object.
        assert_eq!(call_path(2047, Language::En)[3].0, "size class 67: 32,768 B");
        assert_eq!(call_path(2048, Language::En)[2], ("large: 4 pages = 32,768 B".into(), "over 32,760 B: whole 8 KiB pages of its own".into()));
        assert_eq!(call_path(3, Language::En).len(), 4, "small pointerful objects have no header");
        // A span holds what Go 1.27 puts in it, not the table's upper bound:
        // 16-byte pointerful objects leave 128 B of inline mark bits and
        // 128 B of pointer bitmap at the end of their 8 KiB span.
        assert_eq!(call_path(1, Language::En)[2].1, "496 objects per 8 KiB span; 0 B of rounding");
        assert_eq!(call_path(8, Language::En)[2].1, "62 objects per 8 KiB span; 0 B of rounding");
    }

    #[test]
    fn the_path_and_the_comparison_read_in_japanese() {
        let path = call_path(1000, Language::Ja);
        assert_eq!(path[1].0, "1,000 \u{d7} 16 B = 16,000 B");
        assert_eq!(path[2].0, "+ 8 B の malloc ヘッダ = 16,008 B");
        assert_eq!(path[3].0, "サイズクラス 59：16,384 B");
        assert_eq!(call_path(2049, Language::Ja)[2].0, "ラージオブジェクト：5 ページ = 40,960 B");
        let (b, a) = (simulate(1000, 1000, Version::Alloc), simulate(1000, 1000, Version::InPlace));
        let text = describe_compare(&b, &a, 1000, 1000, 2, Language::Ja);
        assert!(text.starts_with("1,000 個の値のフィルタを毎秒 1,000 回、GOGC=100 で 2 秒間実行します。変更前：FilterAlloc：B/op 16,384、"), "{text}");
    }

    #[test]
    fn the_comparison_fits_and_draws_both_heaps() {
        let (b, a) = (simulate(1000, 1000, Version::Alloc), simulate(1000, 1000, Version::InPlace));
        let w = workload(1000, 1000, Version::Alloc);
        for vp in [Viewport::new(850.0, 620.0), Viewport::new(390.0, 371.0), Viewport::new(360.0, 330.0)] {
            let s = case_compare(&b, &a, &w, Shown::Both, 1000, vp);
            assert_eq!(s.lines.len(), 2);
            for n in &s.nodes {
                assert!(n.rect.right() <= vp.width + 0.5 && n.rect.bottom() <= vp.height + 0.5, "{:?}", n.key);
            }
            // Every readout of both versions, and the chart's time axis: a
            // phone lost B/op, allocs/op and both charts.
            let texts: Vec<&str> = s.nodes.iter().flat_map(|n| n.texts.iter().map(|t| t.content.as_str())).collect();
            for want in ["B/op", "allocs/op", "16,384", "18.0 MiB", "8.0 MiB", "2 s"] {
                assert!(texts.contains(&want), "{}x{}: no {want:?} in {texts:?}", vp.width, vp.height);
            }
        }
    }
}
