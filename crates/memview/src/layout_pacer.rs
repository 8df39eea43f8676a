//! The pacer chart: the heap over time under GOGC and GOMEMLIMIT.
//!
//!    ┌ Heap over time ──────────── GOGC=100 · GOMEMLIMIT=off ┐
//!    │ [GC CPU 5.1%] [peak 21.9 MiB] [cycles 41] [goal 18 MiB] │
//!    │ MiB                                                     │
//!    │ 24 ┤ ─ ─ goal    /|    /|    /|                         │
//!    │    │  /|  ▒▒▒▒  / |   / |   / |   ▒ marking             │
//!    │  8 ┤ ─────────────────────────── live 8 MiB             │
//!    │  0 └──────┴──────┴──────┴────── s                       │
//!    └─────────────────────────────────────────────────────────┘
//!
//! Everything drawn comes from the simulation's [`Run`]: the heap line is
//! its per-millisecond record, the shaded bands its marking periods, the
//! dashed step line the goal each cycle set.

use crate::draw_list::TextAlign;
use crate::geom::{Point, Rect};
use crate::lang::{Language, Tr};
use crate::layout::{panel, Metrics, Viewport};
use crate::palette::Role;
use crate::readout;
use crate::scene::{Key, Line, Node, Scene};
use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::pacer::{gogc_text, heap_goal, Cycle, LimitGoal, Run, Settings, Workload, MIB};

/// Line keys.
const HEAP: u16 = 0;
const GOAL: u16 = 1;
const LIMIT: u16 = 2;
const LIVE: u16 = 3;
/// A leader from line `k` to its label is line `LEADER + k`.
const LEADER: u16 = 4;

/// `5.12%` from hundredths of a percent.
pub fn percent(basis_points: u64) -> String {
    format!("{}.{:02}%", basis_points / 100, basis_points % 100)
}

/// The readouts: what a user compares between settings.
pub fn stats(run: &Run, w: &Workload, k: &Settings, lang: Language) -> [(&'static str, String); 4] {
    let goal = heap_goal(w.live, w, *k).map_or_else(|| String::from(lang.pick("none", "なし")), text::bytes);
    let secs = w.duration_ms / 1000;
    let cycles = run.cycles.len();
    [
        (lang.pick("GC CPU (model)", "GC CPU（モデル）"), percent(run.gc_cpu_basis_points)),
        (lang.pick("Peak heap", "ヒープのピーク"), text::bytes(run.peak)),
        (
            lang.pick("GC cycles (model)", "GC 回数（モデル）"),
            match lang {
                Language::En => format!("{cycles} in {secs} s"),
                Language::Ja => format!("{secs} 秒で {cycles} 回"),
            },
        ),
        (lang.pick("First goal", "最初の目標"), goal),
    ]
}

/// The limit's goal in words: memoryLimitHeapGoal leaves a headroom of 3%
/// of what the limit leaves the heap, and at least 1 MiB.
const LIMIT_GOAL: Tr =
    Tr { en: "GOMEMLIMIT \u{2212} non-heap \u{2212} headroom max(3%, 1 MiB)", ja: "GOMEMLIMIT \u{2212} ヒープ外 \u{2212} 余裕（3%、最低 1 MiB）" };

/// The first cycle's goal worked out with the knobs' numbers, as the
/// runtime does: `goal = 8 + (8 + 1 + 1) × 100/100 = 18 MiB`.
pub fn goal_formula(w: &Workload, k: &Settings, lang: Language) -> String {
    let mib = |b: u64| text::bytes(b).replace(" MiB", "");
    // The limit's goal, worked out as memoryLimitHeapGoal does.
    let limit = k.memory_limit.map(|l| {
        let goal = memsim::pacer::limit_goal(l, w.non_heap, w.live);
        let raised = |before: u64| -> String {
            match (goal > before, lang) {
                (false, _) => String::new(),
                (true, Language::En) => format!(", raised to the live heap, {}", text::bytes(w.live)),
                (true, Language::Ja) => format!("、生存ヒープに引き上げ：{}", text::bytes(w.live)),
            }
        };
        let how = match (memsim::pacer::limit_goal_parts(l, w.non_heap), lang) {
            (LimitGoal::NoRoom, Language::En) => {
                format!("the live heap, {}, as GOMEMLIMIT {} \u{2264} non-heap {}", text::bytes(w.live), text::bytes(l), text::bytes(w.non_heap))
            }
            (LimitGoal::NoRoom, Language::Ja) => {
                format!("生存ヒープ {}（GOMEMLIMIT {} \u{2264} ヒープ外 {} のため）", text::bytes(w.live), text::bytes(l), text::bytes(w.non_heap))
            }
            (LimitGoal::Headroom { room, headroom }, Language::En) => format!(
                "the headroom, {}, as GOMEMLIMIT \u{2212} non-heap = {} is under twice it{}",
                text::bytes(headroom),
                text::bytes(room),
                raised(headroom)
            ),
            (LimitGoal::Headroom { room, headroom }, Language::Ja) => {
                format!("余裕 {}（GOMEMLIMIT \u{2212} ヒープ外 = {} がその 2 倍未満のため）{}", text::bytes(headroom), text::bytes(room), raised(headroom))
            }
            (LimitGoal::Room { headroom, goal: before, .. }, _) => format!(
                "{} = {} \u{2212} {} \u{2212} {} = {}{}",
                lang.pick(LIMIT_GOAL.en, LIMIT_GOAL.ja),
                mib(l),
                mib(w.non_heap),
                mib(headroom),
                text::bytes(before),
                raised(before)
            ),
        };
        (goal, how)
    });
    let Some(g) = k.gogc else {
        return match (limit, lang) {
            (Some((_, how)), Language::En) => format!("GOGC=off: the goal is {how}"),
            (Some((_, how)), Language::Ja) => format!("GOGC=off：目標 = {how}"),
            (None, _) => String::from(
                lang.pick("GOGC=off and no GOMEMLIMIT: no goal, the heap only grows", "GOGC=off で GOMEMLIMIT なし：目標はなく、ヒープは増える一方"),
            ),
        };
    };
    let by_gogc = w.live + (w.live + w.stacks + w.globals) * u64::from(g) / 100;
    let mut s = format!(
        "{} \u{d7} GOGC/100 = {} + ({} + {} + {}) \u{d7} {g}/100 = {}",
        lang.pick("goal = live + (live + stacks + globals)", "目標 = 生存 + (生存 + スタック + グローバル)"),
        mib(w.live),
        mib(w.live),
        mib(w.stacks),
        mib(w.globals),
        text::bytes(by_gogc)
    );
    let minimum = memsim::pacer::HEAP_MINIMUM * u64::from(g) / 100;
    if by_gogc < minimum {
        s.push_str(&match lang {
            Language::En => format!(", raised to the minimum 4 MiB \u{d7} {g}/100 = {}", text::bytes(minimum)),
            Language::Ja => format!("、最小値に引き上げ：4 MiB \u{d7} {g}/100 = {}", text::bytes(minimum)),
        });
    }
    if let Some((_, how)) = limit.filter(|(cap, _)| *cap < by_gogc.max(minimum)) {
        s.push_str(&match lang {
            Language::En => format!("; capped by {how}"),
            Language::Ja => format!("、上限で頭打ち：{how}"),
        });
    }
    s
}

/// The formula with its words left out, for a narrow chart (the words are
/// in the caption): the numbers and where the goal was raised or capped.
fn numbers_only(formula: &str, lang: Language) -> String {
    match lang {
        Language::En => formula
            .replace("live + (live + stacks + globals) \u{d7} GOGC/100 = ", "")
            .replace(&format!("the goal is {}", LIMIT_GOAL.en), "goal")
            .replace(&format!("; capped by {} = ", LIMIT_GOAL.en), " \u{2192} limit ")
            .replace(", raised to the live heap, ", " \u{2192} live ")
            .replace(", raised to the minimum ", " \u{2192} min "),
        Language::Ja => formula
            .replace("生存 + (生存 + スタック + グローバル) \u{d7} GOGC/100 = ", "")
            .replace(&format!("目標 = {}", LIMIT_GOAL.ja), "目標")
            .replace(&format!("、上限で頭打ち：{} = ", LIMIT_GOAL.ja), " \u{2192} 上限 ")
            .replace("、生存ヒープに引き上げ：", " \u{2192} 生存 ")
            .replace("、最小値に引き上げ：", " \u{2192} 最小 "),
    }
}

pub fn pacer(run: &Run, w: &Workload, k: &Settings, vp: Viewport) -> Scene {
    let mt = Metrics::of(vp);
    let mut scene = Scene::new(vp.width, vp.height);
    let limit = k.memory_limit.map_or_else(|| String::from("off"), text::bytes);
    let lang = mt.lang;
    let sub = format!("GOGC={} \u{b7} GOMEMLIMIT={limit} \u{b7} {} {}", gogc_text(k.gogc), lang.pick("live", "生存"), text::bytes(w.live));
    let inner = panel(&mut scene, "pacer", mt.area(vp), lang.pick("Heap over time", "ヒープの推移"), &sub, &mt);
    let used = readout::row(&mut scene, inner, &stats(run, w, k, lang), &mt);
    let size = mt.small();
    let room = mt.fits(inner.w, size);
    let mut formula = goal_formula(w, k, lang);
    if text::columns(&formula) > room as f32 {
        // Narrow: the numbers alone (the words are in the caption).
        formula = numbers_only(&formula, lang);
    }
    // Wrapped, never cut: the formula is the reason the goal is where it is.
    let formula = text::wrap(&formula, room);
    let line = size * 1.3;
    for (i, l) in formula.iter().enumerate() {
        let at = Rect::new(inner.x, inner.y + used + mt.f * 0.9 + i as f32 * line, 1.0, 1.0);
        scene.nodes.push(Node::new(Key::Part("goal-formula", i as u32), at).text(0.0, 0.0, size, Role::Text, l.as_str(), TextAlign::Left, false));
    }
    let note = text::wrap(
        lang.pick(
            "shaded: marking (model: 25% of CPUs, no assists, so the heap can pass its goal)",
            "網掛け：マーク中（モデルは CPU の 25% を使い、アシストを省いているため、ヒープが目標を超えることがある）",
        ),
        room,
    );
    let note_h = note.len() as f32 * line;
    let top = inner.y + used + mt.f * 2.9 + (formula.len().max(1) - 1) as f32 * line;
    let axis_w = mt.ch * 5.0;
    let limit_line = heap_room(k, w);
    let limit_label = lang.pick("limit \u{2212} non-heap", "上限 \u{2212} ヒープ外");
    // Room for the labels, and before them for a leader from a line to a
    // label pushed off it.
    let label_w = mt.width("live 99.9 MiB", size).max(limit_line.map_or(0.0, |_| mt.width(limit_label, size))) + mt.ch * 1.8;
    let plot = Rect::new(inner.x + axis_w, top, inner.w - axis_w - label_w, inner.bottom() - top - mt.f * 1.9 - note_h);
    if plot.w < 40.0 || plot.h < 40.0 {
        return scene;
    }
    // The goal the last cycle set, drawn to the right edge: it must fit too.
    let next_goal = heap_goal(run.cycles.last().map_or(w.live, |c| c.marked), w, *k);
    let top_bytes = [run.peak, limit_line.unwrap_or(0), w.live, next_goal.unwrap_or(0)].into_iter().max().unwrap_or(MIB).max(4 * MIB);
    let step_mib = tick_step(top_bytes.div_ceil(MIB), plot.h / (mt.f * 2.2));
    let top_mib = top_bytes.div_ceil(MIB).div_ceil(step_mib) * step_mib;
    let y_of = |b: u64| plot.bottom() - plot.h * (b as f32 / (top_mib * MIB) as f32);
    let dur = w.duration_ms.max(1) as f32;
    let x_of = |ms: u64| plot.x + plot.w * (ms as f32 / dur);

    // Marking periods, under everything else.
    for (i, (x0, x1, alpha)) in bands(run.cycles.iter().map(|c| (x_of(c.start_ms), x_of(c.end_ms)))).into_iter().enumerate() {
        scene.nodes.push(Node::new(Key::Band(i as u32), Rect::new(x0, plot.y, x1 - x0, plot.h)).fill(Role::GcGrey));
        if let Some(n) = scene.nodes.last_mut() {
            n.alpha = alpha;
        }
    }
    // Axes and ticks; a tick's key is its value, so ticks that stay glide.
    scene.nodes.push(Node::new(Key::Part("y-axis", 0), Rect::new(plot.x, plot.y, 1.0, plot.h)).fill(Role::Muted));
    scene.nodes.push(Node::new(Key::Part("x-axis", 0), Rect::new(plot.x, plot.bottom(), plot.w, 1.0)).fill(Role::Muted));
    let mut mib = 0;
    while mib <= top_mib {
        let y = y_of(mib * MIB);
        scene.nodes.push(Node::new(Key::Part("y-tick", mib as u32), Rect::new(plot.x - mt.ch * 0.8, y, mt.ch * 0.8, 1.0)).fill(Role::Muted).text(
            -mt.ch * 0.4,
            0.0,
            size,
            Role::Muted,
            format!("{mib}"),
            TextAlign::Right,
            false,
        ));
        mib += step_mib;
    }
    scene.nodes.push(Node::new(Key::Part("y-unit", 0), Rect::new(plot.x, plot.y - mt.f, 1.0, 1.0)).text(
        -mt.ch,
        0.0,
        size,
        Role::Muted,
        "MiB",
        TextAlign::Right,
        false,
    ));
    let mut ms = 0;
    while ms <= w.duration_ms {
        let x = x_of(ms);
        let label = if ms % 1000 == 0 { format!("{} s", ms / 1000) } else { format!("{}.{} s", ms / 1000, ms % 1000 / 100) };
        scene.nodes.push(Node::new(Key::Part("x-tick", ms as u32), Rect::new(x, plot.bottom(), 1.0, mt.f * 0.4)).fill(Role::Muted).text(
            0.0,
            mt.f * 1.0,
            size,
            Role::Muted,
            label,
            TextAlign::Center,
            false,
        ));
        ms += 500;
    }

    // Series, each labelled at its right end (labels placed at the end,
    // pushed apart where lines run close).
    let label_x = plot.right() + mt.ch * 1.4;
    let mut labels: Vec<(u16, f32, Role, String)> = Vec::new();
    let flat = |scene: &mut Scene, key: u16, role: Role, bytes: u64, dashed: bool| {
        let y = y_of(bytes);
        scene.lines.push(Line {
            key,
            points: alloc::vec![Point { x: plot.x, y }, Point { x: plot.right(), y }],
            role,
            width: 1.5,
            dashed,
            alpha: 1.0,
            filled: false,
        });
    };
    flat(&mut scene, LIVE, Role::Muted, w.live, false);
    labels.push((LIVE, y_of(w.live), Role::Muted, format!("{} {}", lang.pick("live", "生存"), text::bytes(w.live))));
    if let Some(l) = limit_line {
        flat(&mut scene, LIMIT, Role::Text, l, true);
        labels.push((LIMIT, y_of(l), Role::Text, String::from(limit_label)));
    }
    let mut goal = Vec::new();
    let mut from = 0;
    for c in &run.cycles {
        step_to(&mut goal, Point { x: x_of(from), y: y_of(c.goal) });
        step_to(&mut goal, Point { x: x_of(c.end_ms), y: y_of(c.goal) });
        from = c.end_ms;
    }
    if let Some(g) = next_goal {
        step_to(&mut goal, Point { x: x_of(from), y: y_of(g) });
        step_to(&mut goal, Point { x: plot.right(), y: y_of(g) });
        labels.push((GOAL, y_of(g), Role::Goal, String::from(lang.pick("goal", "目標"))));
    }
    // The goal over the heap: at a low GOGC the heap saws across it many
    // times a second and would hide it.
    scene.lines.push(series(HEAP, &run.heap, plot.w as usize, |i| x_of(i as u64 + 1), y_of));
    scene.lines.push(Line { key: GOAL, points: goal, role: Role::Goal, width: 2.0, dashed: true, alpha: 1.0, filled: false });
    if let Some(&last) = run.heap.last() {
        labels.push((HEAP, y_of(last), Role::Pointer, String::from(lang.pick("heap", "ヒープ"))));
    }
    // Each label keeps its line's own height, to tie it back if moved.
    let mut labels: Vec<(u16, f32, Role, String, f32)> = labels.into_iter().map(|(k, y, r, l)| (k, y, r, l, y)).collect();
    // Top to bottom. Four labels at most: an insertion sort.
    for i in 1..labels.len() {
        let mut j = i;
        while j > 0 && labels[j - 1].1 > labels[j].1 {
            labels.swap(j - 1, j);
            j -= 1;
        }
    }
    // A short chart sets its labels closer (down to a line apart) rather
    // than push them above its top.
    let apart = (size * 1.25).min((plot.h + size * 0.5) / labels.len().saturating_sub(1).max(1) as f32).max(size);
    for i in 1..labels.len() {
        labels[i].1 = labels[i].1.max(labels[i - 1].1 + apart);
    }
    // Pushed past the bottom: back up from the bottom, each label only as
    // far as the one under it needs (a label far above the crowd stays at
    // its line).
    if let Some(last) = labels.last_mut() {
        last.1 = last.1.min(plot.bottom());
    }
    for i in (0..labels.len().saturating_sub(1)).rev() {
        labels[i].1 = labels[i].1.min(labels[i + 1].1 - apart);
    }
    for (key, y, role, label, at) in labels {
        // A label pushed off its line is tied back to it: on a phone's short
        // chart four labels within a few MiB stack up a line apart each.
        if (y - at).abs() > size * 0.4 {
            scene.lines.push(Line {
                key: LEADER + key,
                points: alloc::vec![Point { x: plot.right() + 1.0, y: at }, Point { x: label_x - mt.ch * 0.3, y }],
                role,
                width: 1.0,
                dashed: false,
                alpha: 0.8,
                filled: false,
            });
        }
        scene.nodes.push(Node::new(Key::Part("line-label", u32::from(key)), Rect::new(label_x, y, 1.0, 1.0)).text(
            0.0,
            0.0,
            size,
            role,
            label,
            TextAlign::Left,
            true,
        ));
    }
    for (i, l) in note.into_iter().enumerate() {
        let at = Rect::new(inner.x, inner.bottom() - note_h + line * (i as f32 + 0.5), 1.0, 1.0);
        scene.nodes.push(Node::new(Key::Part("marking-note", i as u32), at).text(0.0, 0.0, size, Role::Muted, l, TextAlign::Left, false));
    }
    scene
}

/// Shading for marking periods `(x0, x1)`, in x order: `(x0, x1, alpha)`.
/// A period is at least a pixel wide. Periods less than two pixels apart
/// (a low GOGC runs hundreds of cycles) merge into one band whose alpha is
/// the share of it spent marking: such gaps read as a texture, not as
/// cycles, so the shading's density stays true and the canvas fills a few
/// rectangles, not hundreds.
pub(crate) fn bands(periods: impl Iterator<Item = (f32, f32)>) -> Vec<(f32, f32, f32)> {
    const ALPHA: f32 = 0.45;
    const GAP: f32 = 2.0;
    // Merged bands stay visible however little of them is marking.
    const FAINTEST: f32 = 0.1;
    let mut out: Vec<(f32, f32, f32)> = Vec::new();
    let mut marked = 0.0;
    for (x0, x1) in periods {
        let width = (x1 - x0).max(0.0);
        let x1 = x1.max(x0 + 1.0);
        match out.last_mut() {
            Some(last) if x0 < last.1 + GAP => {
                marked += width;
                last.1 = last.1.max(x1);
                last.2 = (ALPHA * marked / (last.1 - last.0)).max(FAINTEST).min(ALPHA);
            }
            _ => {
                marked = width;
                out.push((x0, x1, ALPHA));
            }
        }
    }
    out
}

/// Adds `p` to a step line, dropping the middle of three points on one
/// level (a steady goal would otherwise cost two points a cycle).
fn step_to(line: &mut Vec<Point>, p: Point) {
    if let [.., a, b] = line.as_slice() {
        if a.y == p.y && b.y == p.y {
            line.pop();
        }
    }
    line.push(p);
}

/// A heap series as drawn: with more samples than pixel columns, each
/// column's range from low to high is filled (the envelope, as a waveform
/// is drawn), widened by half the line's width on each side so it reads as
/// the same 2 px line. A stroked zigzag through every column's extremes
/// looks alike, but its round joins made it the canvas's costliest item,
/// over 2 ms to raster per slider input at a low GOGC.
pub(crate) fn series(key: u16, heap: &[u64], columns: usize, x: impl Fn(usize) -> f32, y: impl Fn(u64) -> f32) -> Line {
    const WIDTH: f32 = 2.0;
    let line = |points, filled| Line { key, points, role: Role::Pointer, width: WIDTH, dashed: false, alpha: 1.0, filled };
    let per = heap.len().div_ceil(columns.max(1)).max(1);
    if per == 1 {
        return line(downsample(heap, columns, x, y), false);
    }
    let (mut top, mut bottom) = (Vec::with_capacity(4 * columns + 4), Vec::with_capacity(2 * columns + 2));
    for i0 in (0..heap.len()).step_by(per) {
        // The next column's first sample too, so a drop between two
        // columns is filled where it happens.
        let end = (i0 + per).min(heap.len() - 1);
        let (lo, hi) = heap[i0..=end].iter().fold((u64::MAX, 0), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let (ya, yb) = (y(lo), y(hi));
        let (up, down) = (ya.min(yb) - WIDTH / 2.0, ya.max(yb) + WIDTH / 2.0);
        let (xa, xb) = (x(i0), x(end));
        for (edge, y) in [(&mut top, up), (&mut bottom, down)] {
            step_to(edge, Point { x: xa, y });
            step_to(edge, Point { x: xb, y });
        }
    }
    top.extend(bottom.into_iter().rev());
    line(top, true)
}

/// At most two points (the low and the high) per pixel column, in time
/// order, so the sawtooth's drops survive thinning.
pub(crate) fn downsample(heap: &[u64], columns: usize, x: impl Fn(usize) -> f32, y: impl Fn(u64) -> f32) -> Vec<Point> {
    let per = heap.len().div_ceil(columns.max(1)).max(1);
    let mut out = Vec::with_capacity(heap.len().min(2 * columns + 2));
    for (c, chunk) in heap.chunks(per).enumerate() {
        let i0 = c * per;
        let (lo, hi) = chunk.iter().enumerate().fold((0, 0), |(lo, hi), (i, v)| (if *v < chunk[lo] { i } else { lo }, if *v > chunk[hi] { i } else { hi }));
        let (a, b) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        out.push(Point { x: x(i0 + a), y: y(chunk[a]) });
        if b != a {
            out.push(Point { x: x(i0 + b), y: y(chunk[b]) });
        }
    }
    out
}

/// What GOMEMLIMIT leaves the heap: the limit less non-heap memory, where
/// the chart draws the limit (it bounds all the runtime's memory).
fn heap_room(k: &Settings, w: &Workload) -> Option<u64> {
    k.memory_limit.map(|l| l.saturating_sub(w.non_heap))
}

/// A tick spacing (1, 2, 4, 8 … MiB) giving at most `max_ticks` ticks.
fn tick_step(top_mib: u64, max_ticks: f32) -> u64 {
    let mut step = 1;
    while (top_mib / step) as f32 > max_ticks.max(2.0) {
        step *= 2;
    }
    step
}

/// The heap's lowest point once the first cycle has ended: where the saw's
/// teeth start. It is the live heap only when nothing is allocated during
/// marking; near a memory limit it sits well above it.
fn trough(run: &Run, first: &Cycle) -> u64 {
    let after = usize::try_from(first.end_ms).unwrap_or(usize::MAX);
    run.heap.get(after..).and_then(|h| h.iter().copied().min()).unwrap_or(run.peak)
}

/// The chart in words, for the text alternative.
pub fn describe(run: &Run, w: &Workload, k: &Settings, lang: Language) -> String {
    let (secs, gogc, live, formula) = (w.duration_ms / 1000, gogc_text(k.gogc), text::bytes(w.live), goal_formula(w, k, lang));
    let (peak, cpu) = (text::bytes(run.peak), percent(run.gc_cpu_basis_points));
    match lang {
        Language::En => {
            let limit = k.memory_limit.map_or_else(|| String::from("no memory limit"), |l| format!("GOMEMLIMIT={}", text::bytes(l)));
            let mut lead = format!("A chart of the heap over {secs} s at GOGC={gogc}, {limit}, with {live} live. First {formula}.");
            if let Some(room) = heap_room(k, w) {
                lead += &format!(" The limit's line is at GOMEMLIMIT less non-heap memory, {}: what the limit leaves the heap.", text::bytes(room));
            }
            let body = match run.cycles.first() {
                None => format!(" No collection runs: the heap only grows, to {peak}."),
                Some(c) => format!(
                    " {} collections; the first starts at {} ms with the heap at {} (goal {}). From then on the heap saws between {} and {peak}. In this model background marking, at 25% of the CPUs with no assists, used {cpu} of the CPU.",
                    run.cycles.len(),
                    c.start_ms,
                    text::bytes(c.heap_start),
                    text::bytes(c.goal),
                    text::bytes(trough(run, c)),
                ),
            };
            lead + &body
        }
        Language::Ja => {
            let limit = k.memory_limit.map_or_else(|| String::from("メモリ上限なし"), |l| format!("GOMEMLIMIT={}", text::bytes(l)));
            let mut lead =
                format!("{secs} 秒間のヒープの推移のグラフです。設定は GOGC={gogc}、{limit}、生存ヒープ {live} です。最初の目標の計算は「{formula}」です。");
            if let Some(room) = heap_room(k, w) {
                lead += &format!("上限の線は、GOMEMLIMIT からヒープ外のメモリを引いた {}（ヒープが使える量）の位置にあります。", text::bytes(room));
            }
            let body = match run.cycles.first() {
                None => format!("GC は一度も実行されず、ヒープは {peak} まで増える一方です。"),
                Some(c) => format!(
                    "GC は {} 回実行されます。最初の GC は {} ms、ヒープが {}（目標 {}）のときに始まります。以後ヒープは {} から {peak} の間をのこぎり状に上下します。このモデルでは、バックグラウンドのマーク（CPU の 25%、アシストなし）が CPU 時間の {cpu} を使いました。",
                    run.cycles.len(),
                    c.start_ms,
                    text::bytes(c.heap_start),
                    text::bytes(c.goal),
                    text::bytes(trough(run, c)),
                ),
            };
            lead + &body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memsim::pacer::simulate;

    /// The gc chapter's workload: 256 KiB per ms, 8 MiB live, 1 MiB
    /// stacks and globals, on 4 CPUs for two seconds.
    const W: Workload = Workload { alloc_per_ms: 256 << 10, ..memsim::pacer::SERVICE };
    const DEFAULT: Settings = Settings { gogc: Some(100), memory_limit: None };

    #[test]
    fn close_marking_periods_merge_with_their_true_density() {
        // Two pixels or more apart: each its own band, at least 1 px wide.
        assert_eq!(bands([(0.0, 0.2), (3.0, 7.0)].into_iter()), alloc::vec![(0.0, 1.0, 0.45), (3.0, 7.0, 0.45)]);
        // Ten periods 1.5 px wide every 3 px (1.5 px gaps): one band,
        // shaded by the share of it spent marking.
        let b = bands((0..10).map(|i| (i as f32 * 3.0, i as f32 * 3.0 + 1.5)));
        assert_eq!(b.len(), 1);
        let (x0, x1, alpha) = b[0];
        assert_eq!((x0, x1), (0.0, 9.0 * 3.0 + 1.5));
        assert!((alpha - 0.45 * 15.0 / x1).abs() < 1e-4, "{alpha}");
    }

    #[test]
    fn a_steady_goal_is_two_points_not_two_a_cycle() {
        let mut line = Vec::new();
        for x in 0..100 {
            step_to(&mut line, Point { x: x as f32, y: 5.0 });
        }
        step_to(&mut line, Point { x: 100.0, y: 3.0 });
        assert_eq!(line, alloc::vec![Point { x: 0.0, y: 5.0 }, Point { x: 99.0, y: 5.0 }, Point { x: 100.0, y: 3.0 }]);
    }

    #[test]
    fn downsampling_keeps_every_peak_and_trough() {
        let heap: Vec<u64> = (0..2000).map(|i| (i % 97) as u64).collect();
        let pts = downsample(&heap, 300, |i| i as f32, |b| b as f32);
        assert!(pts.len() <= 602);
        assert!(pts.iter().any(|p| p.y == 96.0) && pts.iter().any(|p| p.y == 0.0));
        assert!(pts.windows(2).all(|w| w[0].x <= w[1].x), "time order");
    }

    #[test]
    fn a_dense_series_is_filled_and_covers_every_sample() {
        // 2,000 samples of a sawtooth over 300 columns.
        let heap: Vec<u64> = (0..2000).map(|i| (i % 97) as u64).collect();
        let l = series(7, &heap, 300, |i| i as f32, |b| 100.0 - b as f32);
        assert!(l.filled && l.points.len() <= 4 * 300 + 4, "{}", l.points.len());
        // Even-odd ray casting: is `p` inside the closed outline?
        let inside = |p: Point| {
            let mut n = false;
            for (a, b) in l.points.iter().zip(l.points.iter().cycle().skip(1)) {
                if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) {
                    n = !n;
                }
            }
            n
        };
        let per = heap.len().div_ceil(300);
        for (i, &v) in heap.iter().enumerate() {
            // The sample's column, at its middle: the sample's height and
            // most of a line's half width around it are inside.
            let x = ((i / per) * per) as f32 + per as f32 / 2.0;
            let y = 100.0 - v as f32;
            assert!([y - 0.9, y, y + 0.9].iter().all(|&y| inside(Point { x, y })), "sample {i} ({v}) is not inside the shape");
        }
        // Well outside the sawtooth's range nothing is.
        assert!(!inside(Point { x: 150.0, y: 100.0 - 98.5 }) && !inside(Point { x: 150.0, y: 101.5 }));
        // A sparse series stays a stroked line through every sample.
        let sparse = series(7, &heap[..200], 300, |i| i as f32, |b| b as f32);
        assert!(!sparse.filled && sparse.points.len() == 200);
    }

    #[test]
    fn the_chart_fits_and_says_its_numbers() {
        for k in [DEFAULT, Settings { gogc: None, memory_limit: Some(48 * MIB) }, Settings { gogc: None, memory_limit: None }] {
            let run = simulate(W, k);
            for vp in [Viewport::new(850.0, 620.0), Viewport::new(390.0, 470.0)] {
                let s = pacer(&run, &W, &k, vp);
                let heap = s.lines.iter().find(|l| l.key == HEAP).expect("heap line");
                assert!(heap.points.iter().all(|p| p.x >= 0.0 && p.x <= vp.width && p.y >= 0.0 && p.y <= vp.height), "{k:?} {vp:?}");
                let texts: Vec<&str> = s.nodes.iter().flat_map(|n| n.texts.iter().map(|t| t.content.as_str())).collect();
                assert!(texts.contains(&percent(run.gc_cpu_basis_points).as_str()), "{texts:?}");
            }
        }
        let run = simulate(W, DEFAULT);
        assert!(describe(&run, &W, &DEFAULT, Language::En).contains("goal 18 MiB"));
    }

    /// gc 43's chart on a phone: heap, goal, live and limit within 10 MiB
    /// of each other. A label pushed off its line has a leader back to it.
    #[test]
    fn a_label_pushed_off_its_line_is_tied_back_to_it() {
        let w = Workload { live: 16 * MIB, ..W };
        let k = Settings { gogc: Some(100), memory_limit: Some(20 * MIB) };
        let run = simulate(w, k);
        let mut leaders = 0;
        for vp in [Viewport::new(390.0, 470.0), Viewport::new(850.0, 620.0)] {
            let s = pacer(&run, &w, &k, vp);
            let size = Metrics::of(vp).small();
            for n in s.nodes.iter().filter(|n| matches!(n.key, Key::Part("line-label", _))) {
                let Key::Part(_, key) = n.key else { continue };
                // The heap's envelope ends where its outline closes, not at
                // its last sample: the others end at the chart's right edge.
                if key == u32::from(HEAP) {
                    continue;
                }
                let line = s.lines.iter().find(|l| u32::from(l.key) == key).expect("the label's line");
                let end = line.points.last().expect("points").y;
                let label = n.rect.y;
                let leader = s.lines.iter().find(|l| u32::from(l.key) == key + u32::from(LEADER));
                match leader {
                    Some(l) => {
                        leaders += 1;
                        let (a, b) = (l.points[0], l.points[1]);
                        assert!(
                            (a.y - end).abs() < 3.0 && (b.y - label).abs() < 0.5,
                            "{vp:?} line {key}: leader {a:?} → {b:?}, line at {end}, label at {label}"
                        );
                        assert!(a.x < b.x && b.x < n.rect.x, "{vp:?} line {key}: the leader ends before its label");
                    }
                    None => assert!((label - end).abs() <= size * 0.4 + 3.0, "{vp:?} line {key}: label at {label}, line at {end}, no leader"),
                }
            }
        }
        assert!(leaders >= 2, "{leaders} leaders: the phone's labels are pushed apart");
    }

    #[test]
    fn the_goal_is_worked_out_with_the_knobs_numbers() {
        assert_eq!(
            goal_formula(&W, &DEFAULT, Language::En),
            "goal = live + (live + stacks + globals) \u{d7} GOGC/100 = 8 + (8 + 1 + 1) \u{d7} 100/100 = 18 MiB"
        );
        // 1 + 3 × 5 = 16 MiB is under the minimum 4 MiB × 500/100.
        let small_w = Workload { live: MIB, ..W };
        let small = Settings { gogc: Some(500), memory_limit: None };
        assert!(goal_formula(&small_w, &small, Language::En).ends_with("= 16 MiB, raised to the minimum 4 MiB \u{d7} 500/100 = 20 MiB"));
        let capped = Settings { memory_limit: Some(16 * MIB), ..DEFAULT };
        assert!(
            goal_formula(&W, &capped, Language::En)
                .ends_with("capped by GOMEMLIMIT \u{2212} non-heap \u{2212} headroom max(3%, 1 MiB) = 16 \u{2212} 5 \u{2212} 1 = 10 MiB"),
            "{}",
            goal_formula(&W, &capped, Language::En)
        );
        let off = Settings { gogc: None, memory_limit: Some(48 * MIB) };
        assert!(goal_formula(&W, &off, Language::En).ends_with("= 48 \u{2212} 5 \u{2212} 1.3 = 41.7 MiB"), "{}", goal_formula(&W, &off, Language::En));
        // A limit under non-heap memory: Go takes the live heap at once,
        // with no subtraction to show.
        let none = Settings { gogc: None, memory_limit: Some(4 * MIB) };
        assert_eq!(goal_formula(&W, &none, Language::En), "GOGC=off: the goal is the live heap, 8 MiB, as GOMEMLIMIT 4 MiB \u{2264} non-heap 5 MiB");
        let tight = Settings { memory_limit: Some(6 * MIB), ..DEFAULT };
        assert!(
            goal_formula(&W, &tight, Language::En)
                .ends_with("capped by the headroom, 1 MiB, as GOMEMLIMIT \u{2212} non-heap = 1 MiB is under twice it, raised to the live heap, 8 MiB"),
            "{}",
            goal_formula(&W, &tight, Language::En)
        );
        let near = Workload { live: 16 * MIB, ..W };
        assert!(goal_formula(&near, &Settings { memory_limit: Some(20 * MIB), ..DEFAULT }, Language::En).ends_with("raised to the live heap, 16 MiB"));
        for (w, k) in [(W, capped), (W, off), (small_w, small), (W, Settings { memory_limit: Some(12 * MIB), ..DEFAULT })] {
            let want = memsim::pacer::heap_goal(w.live, &w, k).map(text::bytes).expect("a goal");
            assert!(goal_formula(&w, &k, Language::En).ends_with(&want), "{k:?}: {}", goal_formula(&w, &k, Language::En));
        }
    }

    #[test]
    fn the_goal_is_worked_out_in_japanese_with_the_same_numbers() {
        assert_eq!(
            goal_formula(&W, &DEFAULT, Language::Ja),
            "目標 = 生存 + (生存 + スタック + グローバル) \u{d7} GOGC/100 = 8 + (8 + 1 + 1) \u{d7} 100/100 = 18 MiB"
        );
        let capped = Settings { memory_limit: Some(16 * MIB), ..DEFAULT };
        assert!(goal_formula(&W, &capped, Language::Ja)
            .ends_with("、上限で頭打ち：GOMEMLIMIT \u{2212} ヒープ外 \u{2212} 余裕（3%、最低 1 MiB） = 16 \u{2212} 5 \u{2212} 1 = 10 MiB"));
        let off = Settings { gogc: None, memory_limit: Some(48 * MIB) };
        assert_eq!(
            goal_formula(&W, &off, Language::Ja),
            "GOGC=off：目標 = GOMEMLIMIT \u{2212} ヒープ外 \u{2212} 余裕（3%、最低 1 MiB） = 48 \u{2212} 5 \u{2212} 1.3 = 41.7 MiB"
        );
        // Narrow charts drop the words in Japanese too.
        assert_eq!(
            numbers_only(&goal_formula(&W, &capped, Language::Ja), Language::Ja),
            "目標 = 8 + (8 + 1 + 1) \u{d7} 100/100 = 18 MiB \u{2192} 上限 16 \u{2212} 5 \u{2212} 1 = 10 MiB"
        );
        assert_eq!(numbers_only(&goal_formula(&W, &off, Language::Ja), Language::Ja), "GOGC=off：目標 = 48 \u{2212} 5 \u{2212} 1.3 = 41.7 MiB");
        let run = simulate(W, DEFAULT);
        let text = describe(&run, &W, &DEFAULT, Language::Ja);
        assert!(text.contains("（目標 18 MiB）") && text.starts_with("2 秒間のヒープの推移"), "{text}");
        let s = pacer(&run, &W, &DEFAULT, Viewport::new(850.0, 620.0).in_language(Language::Ja));
        let texts: Vec<&str> = s.nodes.iter().flat_map(|n| n.texts.iter().map(|t| t.content.as_str())).collect();
        assert!(texts.contains(&"ヒープの推移") && texts.contains(&"最初の目標"), "{texts:?}");
    }
}
