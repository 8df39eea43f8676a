//! The escape chapter's figures: the cost of putting everything on the
//! heap, where each value of the listing lands, one escaped value's way
//! through the allocator, and the lab.

use super::knobs;
use super::lab::{self, Combo};
use crate::figure::Figure;
use crate::knob::Values;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::pacer::{simulate, Settings, Workload};
use memsim::size_classes::{alloc_size, class_for};
use memview::{Card, Scene, Viewport};

/// What one call of Handle allocates if every non-primitive value lived on
/// the heap: a, b, mid, Distance's p (Points, 16 B), buf (4 ints, 32 B)
/// and NewPoint's p — against Go's placement, where only NewPoint's
/// Point escapes (its verdicts are in the listing's -m output).
pub const ALL_HEAP: [u64; 6] = [16, 16, 16, 32, 16, 16];
pub const GO_HEAP: [u64; 1] = [16];
/// Requests a second in the comparison.
pub const RATE: u64 = 1_000_000;

fn run(sizes: &[u64]) -> (u64, u64, memsim::pacer::Run) {
    let bytes: u64 = sizes.iter().map(|s| alloc_size(*s, false)).sum();
    let w = Workload { alloc_per_ms: bytes * RATE / 1000, ..memsim::pacer::SERVICE };
    (sizes.len() as u64, bytes, simulate(w, Settings { gogc: Some(100), memory_limit: None }))
}

fn cards_scene(title: &str, sub: &str, cards: &[Card], vp: Viewport) -> Scene {
    memview::cards(title, sub, cards, vp)
}

/// Everything on the heap against Go's placement, for Handle.
pub struct Pain;

impl Pain {
    fn cards() -> Vec<Card> {
        let (n_all, b_all, r_all) = run(&ALL_HEAP);
        let (n_go, b_go, r_go) = run(&GO_HEAP);
        let card = |title: &str, n: u64, b: u64, r: &memsim::pacer::Run| Card {
            big: Some(format!("{n} object{}", if n == 1 { "" } else { "s" })),
            title: String::from(title),
            body: format!(
                "{b} B per request; at {} requests/s, {} GC cycles in 2 s, GC CPU {} (the model's)",
                memview::grouped(RATE),
                r.cycles.len(),
                memview::percent(r.gc_cpu_basis_points)
            ),
        };
        alloc::vec![card("Every value on the heap", n_all, b_all, &r_all), card("Go's escape analysis", n_go, b_go, &r_go)]
    }
}

impl Figure for Pain {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        cards_scene("One request of Handle", "the same work, two placements", &Pain::cards(), vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards("One request of Handle, two placements", &Pain::cards())
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// Where each value of the listing lands, with the current one singled out.
pub struct Placement {
    pub current: usize,
}

/// (value, where, the compiler's verdict, why) for the listing's values.
pub const VALUES: &[(&str, bool, &str, &str)] = &[
    ("NewPoint's p", true, "moved to heap: p", "its address is returned"),
    ("Distance's Point", false, "&Point{...} does not escape", "the pointer never leaves Distance"),
    ("Boxed's p, as any", true, "p escapes to heap", "an interface that leaves the function holds a copy"),
    ("Counter's n and closure", true, "moved to heap: n", "the returned closure keeps n alive"),
    ("Squares' s", false, "make([]int, n) does not escape", "a stack buffer of 32 bytes; larger sizes go to the heap at run time"),
    ("Big's buf, 128 KiB", true, "make([]byte, 131072) escapes to heap", "over the 64 KiB limit for implicit stack values"),
    ("the Point passed to Keep", true, "leaking param: p", "Keep stores it in a global"),
];

impl Placement {
    fn cards(&self) -> Vec<Card> {
        let list = |heap: bool| VALUES.iter().filter(|v| v.1 == heap).map(|v| v.0).collect::<Vec<_>>().join(" \u{b7} ");
        let (name, heap, verdict, why) = VALUES[self.current.min(VALUES.len() - 1)];
        alloc::vec![
            Card::new(Some("stack"), "Stays in its frame", &list(false)),
            Card::new(Some("heap"), "Escapes", &list(true)),
            Card { big: None, title: format!("{name}: {}", if heap { "heap" } else { "stack" }), body: format!("\u{201c}{verdict}\u{201d} \u{2014} {why}") },
        ]
    }
}

impl Figure for Placement {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        cards_scene("Per value, not per type", "the compiler's verdicts", &self.cards(), vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards("Where the listing's values live", &self.cards())
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// NewPoint's 16-byte Point on its way through the allocator, lit up to
/// stage `lit`.
pub struct Path {
    pub lit: usize,
}

pub fn path_cards() -> Vec<Card> {
    let c = class_for(16).map_or((0, 0, 0), |c| (c.class, c.bytes_per_span, c.objects));
    alloc::vec![
        Card::new(None, "new Point: 16 B", "two ints, no pointers: the compiler said it escapes, so it calls the runtime's allocator"),
        Card {
            big: None,
            title: format!("size class {}: 16 B", c.0),
            body: String::from("rounded up to one of Go 1.27's 67 sizes (here exactly 16), pointer-free span class")
        },
        Card {
            big: None,
            title: String::from("P's mcache"),
            body: format!("the P's cached span of that class ({} KiB, {} slots) hands out its next free slot: no lock", c.1 / 1024, c.2)
        },
        Card::new(None, "mcentral", "when the cached span is full: another span of that class with free slots"),
        Card::new(None, "mheap", "when mcentral has none: fresh 8 KiB pages, cut from a 64 MiB arena"),
    ]
}

impl Figure for Path {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        memview::pipeline("One allocation's path", "compiler, then runtime", &path_cards(), self.lit, vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards("One allocation's path", &path_cards()[..=self.lit.min(4)])
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// Cards with fixed text.
pub struct Cards {
    pub title: &'static str,
    pub sub: &'static str,
    pub cards: fn() -> Vec<Card>,
}

impl Figure for Cards {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        cards_scene(self.title, self.sub, &(self.cards)(), vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards(self.title, &(self.cards)())
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// The lab: the snippet for the toggles, its verdicts and its B/op.
pub struct Lab;

fn lab_cards(c: Combo) -> Vec<Card> {
    let verdicts: Vec<&str> = lab::gcflags(c).lines().skip(1).map(|l| l.splitn(4, ':').nth(3).unwrap_or(l).trim()).collect();
    let (bytes, allocs) = c.per_call();
    let heap: Vec<&str> = [(c.pointer, "p (returned by address)"), (c.any, "a copy of p in the any"), (c.var_size, "buf, past the stack buffer")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| *w)
        .collect();
    let source = lab::source(c);
    let body: Vec<&str> = source.lines().skip(8).collect();
    alloc::vec![
        // One line per source line; no-break spaces keep the indentation.
        Card { big: None, title: String::from("The snippet"), body: body.join("\n").replace('\t', "\u{a0}\u{a0}") },
        Card { big: None, title: String::from("go build -gcflags=-m"), body: verdicts.join(" \u{b7} ") },
        Card {
            big: Some(format!("{bytes} B/op")),
            title: format!("{allocs} allocs/op (benchmark: n = {})", lab::BENCH_N),
            body: if heap.is_empty() { String::from("everything stays on the stack") } else { format!("on the heap: {}", heap.join(", ")) },
        },
    ]
}

impl Figure for Lab {
    fn defaults(&self) -> Values {
        knobs::defaults()
    }
    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        cards_scene("Escape lab", "every combination compiled by Go 1.27.3", &lab_cards(knobs::read(k)), vp)
    }
    fn describe(&self, k: &Values) -> String {
        memview::describe_cards("Escape lab", &lab_cards(knobs::read(k)))
    }
    fn readout(&self, k: &Values) -> String {
        let (bytes, allocs) = knobs::read(k).per_call();
        format!("{bytes} B/op, {allocs} allocs/op")
    }
    fn terminal(&self, k: &Values) -> Option<String> {
        let c = knobs::read(k);
        Some(format!("$ go build -gcflags=-m ./escapelab/{}\n{}", c.dir(), lab::gcflags(c).trim_end()))
    }
}
