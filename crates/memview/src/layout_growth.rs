//! Growing stacks drawn: each block of stack memory as a column (the top
//! address at the top, growing down), its frames as boxes at their real
//! offsets, the guard zone shaded at the bottom, pointers into the stack as
//! arrows. A block a copy just left is drawn faded and marked freed; a
//! segment chain is drawn as columns side by side.
//!
//!    ┌ stack 2 KiB ┐   ┌ stack 4 KiB ─┐
//!    │ count total │   │ count total ◄─┐
//!    │ sum   &total│ → │ sum   &total ─┘
//!    │ …           │   │ …            │
//!    │▒▒ guard ▒▒▒▒│   │              │
//!    └─────────────┘   │▒▒ guard ▒▒▒▒▒│
//!        (freed)       └──────────────┘
//!
//! Frames and blocks keep their keys (frame id, block address), so a copy
//! glides every frame from the old column into the new one while the
//! pointer values change and the arrows keep their targets.

use crate::draw_list::TextAlign;
use crate::geom::Rect;
use crate::lang::Language;
use crate::layout::{panel, Metrics, Viewport};
use crate::palette::Role;
use crate::readout;
use crate::scene::{Edge, Key, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::growth::{Block, GFrame, GStack, Growth, Overflow, Scheme, Word, START_SIZE};

/// Frames drawn one by one at most; older ones merge into one box.
const DRAWN: usize = 14;

fn block_key(b: &Block) -> Key {
    Key::Part("stack-block", (b.lo >> 12) as u32)
}

fn frame_key(id: u32) -> Key {
    Key::Part("stack-frame", id)
}

fn scheme_name(s: Scheme, lang: Language) -> &'static str {
    match s {
        Scheme::Fixed(_) => lang.pick("a fixed stack", "固定サイズのスタック"),
        Scheme::Segmented(_) => lang.pick("segmented stack (Go \u{2264} 1.2)", "セグメントスタック（Go\u{a0}\u{2264}\u{a0}1.2）"),
        Scheme::Copying(_) => lang.pick("copying stack (Go 1.3+)", "連続スタック（Go\u{a0}1.3+）"),
    }
}

/// The readouts' labels, shared by the stack and the ladder.
struct Labels {
    size: &'static str,
    used: &'static str,
    copies: &'static str,
    copied: &'static str,
}

fn labels(lang: Language) -> Labels {
    Labels {
        size: lang.pick("stack size", "スタックサイズ"),
        used: lang.pick("in use", "使用中"),
        copies: lang.pick("copies", "コピー回数"),
        copied: lang.pick("bytes copied", "コピー総量"),
    }
}

/// The counters a stack picture shows.
pub fn growth_numbers(s: &GStack, lang: Language) -> Vec<(&'static str, String)> {
    let c = &s.counters;
    let l = labels(lang);
    let mut out =
        alloc::vec![(l.size, text::bytes(s.size())), (l.used, text::bytes(s.used())), (lang.pick("frames", "フレーム数"), format!("{}", s.frames.len()))];
    match s.scheme {
        Scheme::Segmented(_) => {
            out.push((lang.pick("segments linked", "セグメント連結"), format!("{}", c.segments_linked)));
            out.push((lang.pick("segments freed", "セグメント解放"), format!("{}", c.segments_freed)));
        }
        Scheme::Copying(_) => {
            // A shrink is a copy too; bytes copied counts both.
            out.push((l.copies, format!("{}", c.copies + c.shrinks)));
            out.push((l.copied, text::bytes(c.bytes_copied)));
        }
        Scheme::Fixed(_) => {}
    }
    out
}

pub fn growth_stack(s: &GStack, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let lang = mt.lang;
    let mut scene = Scene::new(vp.width, vp.height);
    let sub = match s.overflow {
        Some(Overflow::Fixed { .. }) => String::from(lang.pick("out of stack: SIGSEGV", "スタックオーバーフロー：SIGSEGV")),
        Some(Overflow::Limit { .. }) => String::from(lang.pick("past the limit: fatal error", "上限超過：fatal error")),
        None => lang.pick(format!("{} reserved", text::bytes(s.size())), format!("{} を確保", text::bytes(s.size()))),
    };
    // A fixed stack here is a C thread's, not a goroutine's.
    let title = match s.scheme {
        Scheme::Fixed(_) => String::from(lang.pick("Main thread stack \u{b7} fixed size", "メインスレッドのスタック \u{b7} 固定サイズ")),
        other => lang.pick(format!("Goroutine stack \u{b7} {}", scheme_name(other, lang)), format!("ゴルーチンのスタック \u{b7} {}", scheme_name(other, lang))),
    };
    let inner = panel(&mut scene, "growth", mt.area(vp), &title, &sub, &mt);
    let used = readout::row(&mut scene, inner, &growth_numbers(s, lang), &mt);
    let area = Rect::new(inner.x, inner.y + used + mt.f * 0.8, inner.w, inner.h - used - mt.f * 0.8);
    // Columns: the live blocks and a freed one, in address order, so each
    // keeps its side from step to step (an old stack left of its copy, a
    // freed segment right of the one it followed). The live blocks are in
    // that order already, each mapped above the last: the freed one is
    // put in its place among them.
    let mut cols: Vec<(Block, bool)> = s.blocks.iter().map(|b| (*b, false)).collect();
    if let Some(f) = s.freed {
        let at = cols.iter().position(|(b, _)| b.hi > f.hi).unwrap_or(cols.len());
        cols.insert(at, (f, true));
    }
    let n = cols.len().max(1) as f32;
    let gap = mt.f * 2.2;
    let col_w = ((area.w - gap * (n - 1.0)) / n).min(mt.ch * 40.0);
    let small = mt.small();
    // Each block's label above it, wrapped to its column.
    // Right after a copy, where total was and is: the copy moves it by the
    // blocks' distance, and frames too thin for a label cannot say so.
    let total = s.frames.first().filter(|_| s.freed.is_some() && matches!(s.scheme, Scheme::Copying(_))).map(|f| f.slot_addr(0));
    let labels: Vec<Vec<String>> = cols
        .iter()
        .map(|(b, freed)| {
            // Named by its first byte, as the text alternative names it.
            let mut label = match lang {
                Language::En => format!("{} at {:#x}{}", text::bytes(b.size()), b.lo, if *freed { " \u{b7} freed" } else { "" }),
                Language::Ja => format!("{}{:#x} の {}", if *freed { "解放済み \u{b7} " } else { "" }, b.lo, text::bytes(b.size())),
            };
            // A segment's guard is named above it: sum's frames may end up to
            // StackSmall inside it, over where its band could say so.
            if let (Scheme::Segmented(_), false) = (s.scheme, *freed) {
                label += &lang.pick(format!(" \u{b7} guard {} B", s.scheme.guard()), format!(" \u{b7} ガード {} B", s.scheme.guard()));
            }
            if let (Some(t), Some(live)) = (total, s.blocks.first()) {
                let at = (t + b.hi).wrapping_sub(live.hi);
                label += &match (freed, lang) {
                    (true, Language::En) => format!(" \u{b7} total was at {at:#x}"),
                    (false, Language::En) => format!(" \u{b7} total now at {at:#x}"),
                    (true, Language::Ja) => format!(" \u{b7} 元の total：{at:#x}"),
                    (false, Language::Ja) => format!(" \u{b7} 今の total：{at:#x}"),
                };
            }
            text::wrap(&label, mt.fits(col_w + gap * 0.6, small))
        })
        .collect();
    let label_h = labels.iter().map(Vec::len).max().unwrap_or(1) as f32 * small * 1.3 + small * 0.5;
    // A fixed stack that overflowed shows where the next frame would go:
    // under the block, past its end.
    let past = if let Some(Overflow::Fixed { .. }) = s.overflow { mt.f * 2.2 } else { 0.0 };
    let max_size = cols.iter().map(|(b, _)| b.size()).max().unwrap_or(START_SIZE) as f32;
    let mut drawn: Vec<&GFrame> = Vec::new();
    for (ci, (b, freed)) in cols.iter().enumerate() {
        let x = area.x + ci as f32 * (col_w + gap);
        // Heights in proportion to size, up to a 16:1 ratio (then clamped).
        let full = area.h - label_h - past;
        let h = (full * (b.size() as f32 / max_size)).max(full / 16.0).max(mt.f * 4.0);
        let r = Rect::new(x, area.y + label_h, col_w, h);
        let mut block = Node::new(block_key(b), r).fill(Role::Cell).stroke(if *freed { Role::CellBorder } else { Role::StackBorder }).radius(4.0);
        if *freed {
            block.alpha = 0.45;
        }
        scene.nodes.push(block);
        // The label apart from its block, so a freed block fades and its
        // label still reads: "total was at …" is the half of the copy the
        // step compares with "total now at …".
        let mut label = Node::new(Key::Part("stack-block-label", (b.lo >> 12) as u32), Rect::new(x, area.y, col_w, label_h));
        for (k, l) in labels[ci].iter().enumerate() {
            label = label.text(0.0, small * (0.75 + 1.3 * k as f32), small, Role::Muted, l.as_str(), TextAlign::Left, false);
        }
        scene.nodes.push(label);
        if *freed {
            continue;
        }
        let scale = r.h / b.size() as f32;
        if let Some(Overflow::Fixed { .. }) = s.overflow {
            // Where the next frame would go: past the end of the stack.
            let h = mt.f * 1.8;
            let long = lang.pick("next frame: past the end \u{2192} SIGSEGV", "次のフレームはスタックの外 \u{2192} SIGSEGV");
            let label = if mt.width(long, small) + mt.ch * 1.2 <= r.w { long } else { lang.pick("past the end: SIGSEGV", "スタックの外：SIGSEGV") };
            scene.nodes.push(Node::new(Key::Part("stack-overflow", 0), Rect::new(r.x, r.bottom() + past - h, r.w, h)).fill(Role::Danger).text(
                mt.ch * 0.6,
                h / 2.0,
                small,
                Role::OnBlack,
                label,
                TextAlign::Left,
                true,
            ));
        }
        // The guard zone: a frame must end above it or the stack grows.
        // Where the guard's own label starts: a frame's label must end above it.
        let mut guard_label_top = f32::INFINITY;
        if !matches!(s.scheme, Scheme::Fixed(_)) {
            let gh = (s.scheme.guard() as f32 * scale).max(mt.f * 1.2).min(r.h * 0.5);
            // Go ≤ 1.2's guard (runtime/stack.h), or Go 1.27's on amd64.
            let bytes = s.scheme.guard();
            let labels = match lang {
                Language::En => [format!("stack guard \u{b7} {bytes} B"), format!("guard \u{b7} {bytes} B"), String::from("guard")],
                Language::Ja => [format!("スタックガード \u{b7} {bytes} B"), format!("ガード \u{b7} {bytes} B"), String::from("ガード")],
            };
            let label = labels.into_iter().find(|l| mt.width(l, small) + mt.ch * 1.2 <= r.w).unwrap_or_default();
            let mut guard = Node::new(Key::Part("stack-guard", (b.lo >> 12) as u32), Rect::new(r.x, r.bottom() - gh, r.w, gh)).fill(Role::GcGrey);
            if gh >= small * 1.2 && !matches!(s.scheme, Scheme::Segmented(_)) {
                guard_label_top = r.bottom() - gh / 2.0 - small * 0.7;
                guard = guard.text(mt.ch * 0.6, gh / 2.0, small, Role::OnWhite, label, TextAlign::Left, false);
            }
            guard.alpha = 0.8;
            scene.nodes.push(guard);
        }
        let frames: Vec<_> = s.frames.iter().filter(|f| b.contains(f.base - 1)).collect();
        // Frames thinner than a line can be seen are all counted in the
        // merged band (a C stack of 8,192 frames of 1 KiB).
        let all = frames.last().is_some_and(|f| (f.size as f32 * scale) < 3.0);
        let merged = if all { frames.len() } else { frames.len().saturating_sub(DRAWN) };
        if merged > 0 {
            let (first, last) = (frames[0], frames[merged - 1]);
            let y0 = r.y + (b.hi - first.base) as f32 * scale;
            let y1 = r.y + (b.hi - last.lo()) as f32 * scale;
            let band = Node::new(Key::Part("stack-frames", (b.lo >> 12) as u32), Rect::new(r.x + 2.0, y0, r.w - 4.0, (y1 - y0).max(2.0)))
                .fill(Role::Stack)
                .stroke(Role::StackBorder);
            // A band thinner than its count (one 128-byte frame in a new
            // segment on a small canvas) goes without it: the readouts count.
            if y1 - y0 < mt.f * 0.8 * 1.2 {
                scene.nodes.push(band);
            } else {
                scene.nodes.push(band.text(
                    mt.ch * 0.6,
                    (y1 - y0).max(mt.f) / 2.0,
                    mt.f * 0.8,
                    Role::Text,
                    {
                        let n = crate::layout_case::grouped(merged as u64);
                        match lang {
                            Language::En => format!("{n}{} frame{}", if all { "" } else { " more" }, if merged == 1 { "" } else { "s" }),
                            Language::Ja => format!("{}{n} フレーム", if all { "" } else { "ほか " }),
                        }
                    },
                    TextAlign::Left,
                    true,
                ));
            }
        }
        drawn.extend(frames[merged..].iter().copied());
        let mut labelled = false;
        let (mut top, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY);
        for f in &frames[merged..] {
            let y = r.y + (b.hi - f.base) as f32 * scale;
            let fh = (f.size as f32 * scale).max(2.0);
            (top, bottom) = (top.min(y), bottom.max(y + fh));
            let mut node = Node::new(frame_key(f.id), Rect::new(r.x + 2.0, y, r.w - 4.0, fh)).fill(Role::Stack).stroke(Role::StackBorder).radius(2.0);
            // A frame may end up to StackSmall inside the guard. It is drawn
            // over the guard's band, so its label shows there too, unless
            // it would run into the guard's own.
            let size = (fh * 0.6).max(small).min(mt.f * 0.85);
            if fh >= small * 1.1 && y + fh / 2.0 + size * 0.5 <= guard_label_top {
                let what = match f.slots.iter().find_map(|w| if let Word::Ptr(a) = w { Some(*a) } else { None }) {
                    Some(a) => format!("{} \u{b7} {} \u{b7} &total = {a:#x}", f.func, text::bytes(f.size)),
                    None => match f.word(0) {
                        // The goroutine's first frame holds total.
                        Some(Word::Int(v)) if !matches!(s.scheme, Scheme::Fixed(_)) && s.frames.first().is_some_and(|g| g.id == f.id) => {
                            format!("{} \u{b7} total = {v}", f.func)
                        }
                        _ => format!("{} \u{b7} {}", f.func, text::bytes(f.size)),
                    },
                };
                // The longest telling that fits: all of it, or name and size, or the name.
                let short = format!("{} \u{b7} {}", f.func, text::bytes(f.size));
                let label = [what, short, String::from(f.func)].into_iter().find(|l| mt.width(l, size) + mt.ch * 1.2 <= r.w);
                if let Some(label) = label {
                    node = node.text(mt.ch * 0.6, fh / 2.0, size, Role::Text, label, TextAlign::Left, false);
                    labelled = true;
                }
            }
            scene.nodes.push(node);
        }
        if !labelled {
            if let Some(tag) = run_tag(&frames[merged..], (b.lo >> 12) as u32, r, top, bottom, guard_label_top, &mt) {
                scene.nodes.push(tag);
            }
        }
    }
    // Pointers into the stack: the newest few, to the frame they name.
    // Only drawn frames can hold one: a C stack 9,000 frames deep draws a
    // dozen, and scanning every slot of every frame took milliseconds.
    let mut newest: Vec<(u64, usize)> = drawn.iter().enumerate().map(|(i, f)| (u64::from(u32::MAX - f.id), i)).collect();
    newest.sort_unstable();
    let mut edges = 0;
    for f in newest.into_iter().map(|(_, i)| drawn[i]) {
        if edges >= 3 {
            break;
        }
        for w in &f.slots {
            let Word::Ptr(a) = w else { continue };
            let Some((target, _)) = s.resolve(*a) else { continue };
            if scene.node(frame_key(f.id)).is_some() && scene.node(frame_key(target)).is_some() && target != f.id {
                scene.edges.push(Edge { from: frame_key(f.id), to: frame_key(target), alpha: 1.0, focus: s.freed.is_some(), danger: false, swing: None });
                edges += 1;
            }
            break;
        }
    }
    scene
}

/// One label over a run of frames each too thin for its own (the stack
/// just copied to twice the size, on a small canvas): which functions, and
/// where the pointer they all hold now points. It sits over the run's
/// middle, as wide as its words, so the frames and the arrows at their
/// right edge still show around it.
fn run_tag(run: &[&GFrame], id: u32, r: Rect, top: f32, bottom: f32, guard_label_top: f32, mt: &Metrics) -> Option<Node> {
    if run.len() < 2 {
        return None;
    }
    // Consecutive frames of one function counted: "count + 9 × sum".
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for f in run {
        match groups.last_mut() {
            Some((name, n)) if *name == f.func => *n += 1,
            _ => groups.push((f.func, 1)),
        }
    }
    let names = groups.iter().map(|(f, n)| if *n == 1 { String::from(*f) } else { format!("{n} \u{d7} {f}") }).collect::<Vec<_>>().join(" + ");
    let pointer = run.iter().rev().find_map(|f| f.slots.iter().find_map(|w| if let Word::Ptr(a) = w { Some(*a) } else { None }));
    let count = match mt.lang {
        Language::En => format!("{} frames", run.len()),
        Language::Ja => format!("{} フレーム", run.len()),
    };
    let size = mt.small();
    let pad = mt.ch * 0.6;
    // Room on the right for the arrows that leave the frames' edge.
    let room = r.w - mt.ch * 3.0;
    let label = [pointer.map(|a| format!("{names} \u{b7} &total = {a:#x}")), Some(names), Some(count)]
        .into_iter()
        .flatten()
        .find(|l| mt.width(l, size) + pad * 2.0 <= room)?;
    let h = size * 1.5;
    let y = ((top + bottom) / 2.0 - h / 2.0).max(r.y + 1.0);
    if y + h > guard_label_top.min(r.bottom()) {
        return None;
    }
    let w = mt.width(&label, size) + pad * 2.0;
    Some(Node::new(Key::Part("stack-run", id), Rect::new(r.x + mt.ch, y, w, h)).fill(Role::Cell).stroke(Role::StackBorder).radius(h / 2.0).text(
        pad,
        h / 2.0,
        size,
        Role::Text,
        label,
        TextAlign::Left,
        false,
    ))
}

/// The stack in words, for the text alternative.
pub fn describe_growth(s: &GStack, lang: Language) -> String {
    let nums: Vec<String> = growth_numbers(s, lang).iter().map(|(l, v)| format!("{l} {v}")).collect();
    let mut out = match lang {
        Language::En => format!("{}: {}.", text::sentence(scheme_name(s.scheme, lang)), nums.join(", ")),
        Language::Ja => format!("{}：{}。", scheme_name(s.scheme, lang), nums.join("、")),
    };
    for (i, b) in s.blocks.iter().enumerate() {
        out.push_str(&match lang {
            Language::En => format!(" Block {} at {:#x}\u{2013}{:#x} ({}).", i + 1, b.lo, b.hi, text::bytes(b.size())),
            Language::Ja => format!("ブロック {} は {:#x}\u{2013}{:#x}（{}）です。", i + 1, b.lo, b.hi, text::bytes(b.size())),
        });
    }
    if let Some(f) = s.freed {
        out.push_str(&match lang {
            Language::En => format!(" The {} block at {:#x} was just freed.", text::bytes(f.size()), f.lo),
            Language::Ja => format!("{:#x} の {} のブロックは解放されたところです。", f.lo, text::bytes(f.size())),
        });
    }
    if let Some(first) = s.frames.first() {
        let total = first.slot_addr(0);
        let holders = s.frames.iter().filter(|f| f.slots.contains(&Word::Ptr(total))).count();
        if holders > 0 {
            out.push_str(&match lang {
                Language::En => format!(" {holders} frames hold &total = {total:#x}, {}'s total.", first.func),
                Language::Ja => format!("{holders} 個のフレームが &total = {total:#x}（{} の total）を持っています。", first.func),
            });
        }
    }
    match (s.overflow, lang) {
        (Some(Overflow::Fixed { size }), Language::En) => out.push_str(&format!(" The next call would write below the {} stack: SIGSEGV.", text::bytes(size))),
        (Some(Overflow::Fixed { size }), Language::Ja) => {
            out.push_str(&format!("次の呼び出しは {} のスタックの外に書き込むので、SIGSEGV になります。", text::bytes(size)))
        }
        (Some(Overflow::Limit { limit, .. }), Language::En) => {
            out.push_str(&format!(" Growing further would pass the {limit}-byte limit: fatal error: stack overflow."))
        }
        (Some(Overflow::Limit { limit, .. }), Language::Ja) => {
            out.push_str(&format!("これ以上伸びると {limit} バイトの上限を超え、fatal error: stack overflow になります。"))
        }
        (None, _) => {}
    }
    out
}

/// A recursion's growth: a ladder of the stack sizes it went through.
pub fn growth_ladder(g: &Growth, depth: u64, frame: u64, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let lang = mt.lang;
    let mut scene = Scene::new(vp.width, vp.height);
    let sub = match lang {
        Language::En => format!("depth {} \u{b7} {} frames", crate::layout_case::grouped(depth), text::bytes(frame)),
        Language::Ja => format!("深さ {} \u{b7} フレーム {}", crate::layout_case::grouped(depth), text::bytes(frame)),
    };
    let inner = panel(&mut scene, "growth-ladder", mt.area(vp), lang.pick("A recursion on a copying stack", "連続スタック上の再帰"), &sub, &mt);
    let l = labels(lang);
    let items = [(l.size, text::bytes(g.size)), (l.used, text::bytes(g.used)), (l.copies, format!("{}", g.copies)), (l.copied, text::bytes(g.bytes_copied))];
    let used = readout::row(&mut scene, inner, &items, &mt);
    let top = inner.y + used + mt.f;
    // One bar per size the stack had, on a log scale: 2 KiB … 1 GB.
    let mut sizes = alloc::vec![START_SIZE];
    while *sizes.last().unwrap_or(&START_SIZE) < g.size {
        let next = sizes.last().unwrap_or(&START_SIZE) * 2;
        sizes.push(next);
    }
    let rows = 20.0f32; // log2(1 GB / 2 KiB) ≈ 19
    let small = mt.small();
    // The scale said under the bars: a bar's length is no size.
    let note = text::wrap(
        lang.pick("Bars on a log scale: each doubling adds the same length.", "棒の長さは対数目盛：2 倍ごとに同じ長さだけ伸びます。"),
        mt.fits(inner.w, small),
    );
    let note_h = note.len() as f32 * small * 1.3;
    // Rows as tall as the bars on show allow (ten at least, so a slider
    // dragged on does not thicken them much): made room for all twenty,
    // seven bars had sat in the panel's top quarter at 12 px each.
    let shown = (sizes.len() + usize::from(g.overflow_at.is_some())).max(10) as f32;
    let row_h = ((inner.bottom() - top - note_h) / (shown + 1.5)).min(mt.f * 1.6);
    let label_w = mt.ch * 10.0;
    let bar_w = inner.w - label_w - mt.ch * 2.0;
    // Thin rows label every second or fourth size, so labels stay legible.
    let every = [1, 2, 4].into_iter().find(|k| row_h * *k as f32 >= small * 1.2).unwrap_or(4);
    let label_size = (row_h * 0.6).max(small).min(mt.f * 0.85);
    for (i, s) in sizes.iter().enumerate() {
        let y = top + i as f32 * row_h;
        let w = bar_w * ((i + 1) as f32 / rows);
        let last = i + 1 == sizes.len();
        let mut node = Node::new(Key::Part("ladder", i as u32), Rect::new(inner.x + label_w, y, w.max(2.0), row_h * 0.8))
            .fill(if last { Role::Stack } else { Role::Cell })
            .stroke(Role::StackBorder);
        // The current size is always labelled; a label too near it gives way.
        if last || (i % every == 0 && sizes.len() - 1 - i >= every) {
            node = node.text(-mt.ch * 0.6, row_h * 0.4, label_size, Role::Text, text::bytes(*s), TextAlign::Right, last);
        }
        scene.nodes.push(node);
    }
    if let Some(at) = g.overflow_at {
        let y = top + sizes.len() as f32 * row_h;
        let h = (row_h * 0.8).max(small * 1.4);
        let call = crate::layout_case::grouped(at);
        let long = match lang {
            Language::En => format!("call {call}: {} > the limit", text::bytes(g.size * 2)),
            Language::Ja => format!("{call} 回目の呼び出し：{} > 上限", text::bytes(g.size * 2)),
        };
        let medium = lang.pick(format!("call {call}: over the limit"), format!("{call} 回目で上限超過"));
        let label = [long, medium]
            .into_iter()
            .find(|t| mt.width(t, small) + mt.ch * 1.2 <= bar_w)
            .unwrap_or_else(|| lang.pick(format!("call {call}: over"), format!("{call} 回目で超過")));
        scene.nodes.push(Node::new(Key::Part("ladder-limit", 0), Rect::new(inner.x + label_w, y, bar_w, h)).fill(Role::Danger).text(
            mt.ch * 0.6,
            h / 2.0,
            small,
            Role::OnBlack,
            label,
            TextAlign::Left,
            true,
        ));
    }
    let mut node = Node::new(Key::Part("ladder-note", 0), Rect::new(inner.x, inner.bottom() - note_h, inner.w, note_h));
    for (i, line) in note.into_iter().enumerate() {
        node = node.text(0.0, small * (0.65 + 1.3 * i as f32), small, Role::Muted, line, TextAlign::Left, false);
    }
    scene.nodes.push(node);
    scene
}

/// Memory `goroutines` stacks reserve at two sizes, against a machine's
/// memory: what each leaves for the heap.
pub fn reserve(goroutines: u64, big: u64, small: u64, machine: u64, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let lang = mt.lang;
    let mut scene = Scene::new(vp.width, vp.height);
    let sub = match lang {
        Language::En => format!("{} goroutines on a {} machine", crate::layout_case::grouped(goroutines), text::bytes(machine)),
        Language::Ja => format!("{} のマシンにゴルーチン {} 個", text::bytes(machine), crate::layout_case::grouped(goroutines)),
    };
    let inner = panel(&mut scene, "reserve", mt.area(vp), lang.pick("Stack memory reserved", "スタックが確保するメモリ"), &sub, &mt);
    let row_h = (inner.h / 5.0).min(mt.f * 4.0);
    for (i, each) in [big, small].into_iter().enumerate() {
        let total = goroutines * each;
        let y = inner.y + mt.f + i as f32 * (row_h * 1.8);
        let share = (total as f32 / machine as f32).min(1.0);
        let left = machine.saturating_sub(total);
        let label = format!("{} \u{d7} {} = {}", crate::layout_case::grouped(goroutines), text::bytes(each), text::bytes(total));
        // The ratio to a tenth, in integers: float formatting is code the
        // page does not otherwise carry.
        let tenths = (total * 10 + machine / 2) / machine;
        let times = if tenths.is_multiple_of(10) { format!("{}", tenths / 10) } else { format!("{}.{}", tenths / 10, tenths % 10) };
        let note = match (total > machine, lang) {
            (true, Language::En) => format!("once used, {times}\u{d7} the machine's memory: none left for the heap"),
            (true, Language::Ja) => format!("使えばマシンのメモリの {times} 倍：ヒープの分は残らない"),
            (false, Language::En) => format!("leaves {} for the heap", text::bytes(left)),
            (false, Language::Ja) => format!("ヒープに {} が残る", text::bytes(left)),
        };
        // A narrow phone keeps the ratio, which says the rest.
        let note = if mt.width(&note, mt.f * 0.85) + mt.ch <= inner.w || total <= machine {
            note
        } else {
            lang.pick(format!("{times}\u{d7} the machine's memory"), format!("マシンのメモリの {times} 倍"))
        };
        scene.nodes.push(
            Node::new(Key::Part("reserve-bar", i as u32), Rect::new(inner.x, y, inner.w, row_h))
                .fill(Role::Cell)
                .stroke(Role::CellBorder)
                .radius(4.0)
                .text(mt.ch, -mt.f * 0.6, mt.f, Role::Text, label, TextAlign::Left, true)
                .text(mt.ch, row_h + mt.f * 0.7, mt.f * 0.85, if total > machine { Role::Danger } else { Role::Muted }, note, TextAlign::Left, false),
        );
        scene.nodes.push(Node::new(Key::Part("reserve-fill", i as u32), Rect::new(inner.x, y, (inner.w * share).max(2.0), row_h)).fill(if total > machine {
            Role::Danger
        } else {
            Role::Stack
        }));
        // What the whole bar stands for, at its end: the machine. Without
        // it a full bar and a bar of 19.5 MiB look alike.
        let whole = match lang {
            Language::En => format!("the machine: {}", text::bytes(machine)),
            Language::Ja => format!("マシン全体：{}", text::bytes(machine)),
        };
        if mt.width(&whole, mt.f * 0.85) + mt.ch * 2.0 <= inner.w * 0.6 {
            scene.nodes.push(Node::new(Key::Part("reserve-machine", i as u32), Rect::new(inner.x, y, inner.w, row_h)).text(
                inner.w - mt.ch,
                row_h / 2.0,
                mt.f * 0.85,
                if total > machine { Role::OnBlack } else { Role::Muted },
                whole,
                TextAlign::Right,
                false,
            ));
        }
    }
    scene
}

/// The overflow picture's numbers, for a Go stack past its limit.
pub fn limit_text(o: &Overflow) -> Option<[String; 3]> {
    match *o {
        Overflow::Limit { limit, sp, lo, hi } => Some(memsim::report::stack_overflow(limit, sp, lo, hi)),
        Overflow::Fixed { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memsim::growth::GOp;

    #[test]
    fn a_stack_reads_in_japanese() {
        let mut s = GStack::new(Scheme::Copying(START_SIZE));
        s.apply(&GOp::Call { func: "main", size: 128 });
        assert!(describe_growth(&s, Language::En).starts_with("Copying stack (Go 1.3+): stack size 2 KiB, in use 128 B, frames 1, copies 0"));
        let ja = describe_growth(&s, Language::Ja);
        assert!(ja.starts_with("連続スタック（Go\u{a0}1.3+）：スタックサイズ 2 KiB、使用中 128 B、フレーム数 1、コピー回数 0"), "{ja}");
        assert_eq!(growth_numbers(&s, Language::Ja)[0].0, "スタックサイズ");
    }

    /// 10,000 stacks of 8 MiB are 78.1 GiB: 4.9 times a 16 GiB machine,
    /// not the 4 an integer division says.
    #[test]
    fn the_reservation_says_how_many_times_the_machine() {
        let texts = |l| {
            let vp = Viewport::new(850.0, 620.0).in_language(l);
            reserve(10_000, 8 << 20, 2 << 10, 16 << 30, vp)
                .nodes
                .iter()
                .flat_map(|n| n.texts.iter().map(|t| String::from(t.content.as_str())))
                .collect::<Vec<_>>()
        };
        assert!(texts(Language::En).iter().any(|t| t == "once used, 4.9\u{d7} the machine's memory: none left for the heap"), "{:?}", texts(Language::En));
        assert!(texts(Language::Ja).iter().any(|t| t == "使えばマシンのメモリの 4.9 倍：ヒープの分は残らない"));
    }
}
