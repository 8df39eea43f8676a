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

/// One call's slice, from `make` to the heap.
pub fn case_call(n: u64, vp: Viewport) -> Scene {
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
        let mut node = Node::new(Key::Part("call-step", i as u32), Rect::new(x, y, w, box_h))
            .fill(if last { Role::Heap } else { Role::Cell })
            .stroke(if last { Role::HeapBorder } else { Role::CellBorder })
            .radius(6.0);
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
            lang.pick("program + GC CPU", "CPU（本体 + GC）"),
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

/// The heap over time of one version, marking periods shaded.
fn chart(scene: &mut Scene, o: &Outcome, top_bytes: u64, r: Rect, mt: &Metrics) {
    let base = if o.version == Version::Alloc { 0 } else { 1 << 20 };
    let label_w = mt.ch * 9.0;
    // Room under the axis for its time labels.
    let under = mt.f * 1.1;
    let plot = Rect::new(r.x + label_w, r.y + mt.f * 0.4, r.w - label_w, r.h - mt.f * 0.4 - under);
    if plot.h < mt.f * 2.0 || plot.w < 40.0 {
        return;
    }
    let n = o.run.heap.len().max(1) as f32;
    let x_of = |i: usize| plot.x + plot.w * (i as f32 / n);
    let y_of = |b: u64| plot.bottom() - plot.h * (b as f32 / top_bytes as f32);
    for (i, c) in o.run.cycles.iter().enumerate() {
        let (x0, x1) = (x_of(c.start_ms as usize), x_of(c.end_ms as usize));
        let mut band = Node::new(Key::Band(base + i as u32), Rect::new(x0, plot.y, (x1 - x0).max(1.0), plot.h)).fill(Role::GcGrey);
        band.alpha = 0.45;
        scene.nodes.push(band);
    }
    let id = if o.version == Version::Alloc { 0 } else { 1 };
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
    let end = format!("{} s", o.run.heap.len() / 1000);
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
    scene.lines.push(series(10 + id as u16, &o.run.heap, plot.w as usize, |i| x_of(i + 1), y_of));
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
            format!("Filtering {} values {} times a second, for {secs} s under GOGC=100. {} {}", grouped(n), grouped(rate), one(before), one(after))
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
        for vp in [Viewport::new(850.0, 620.0), Viewport::new(390.0, 470.0)] {
            let s = case_compare(&b, &a, &w, Shown::Both, 1000, vp);
            assert_eq!(s.lines.len(), 2);
            for n in &s.nodes {
                assert!(n.rect.right() <= vp.width + 0.5 && n.rect.bottom() <= vp.height + 0.5, "{:?}", n.key);
            }
        }
    }
}
