//! Chapter `intro`: the hook (one allocation change, CPU −57%, memory
//! −99%, as the talk reported), why memory talks are hard and this one's
//! promise, Go's two halves — compiler and runtime — and the history the
//! chapters follow, each milestone a link to the step that shows it.

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use crate::story::Story;
use alloc::rc::Rc;
use alloc::vec::Vec;
use memview::Language;
use memview::{Card, Milestone};

/// The releases the chapters cover, with the step that shows each: (the
/// milestone, the link's text, the link, a word the linked step's caption
/// contains — tested).
pub const TIMELINE: &[(Milestone, &str, &str, &str)] = &[
    (Milestone { version: "1.0", date: "2012-03-28", what: "Go 1: a stack per goroutine, a garbage-collected heap" }, "Go 1.0", "#/stack-heap/1", "stack"),
    (
        Milestone { version: "1.3", date: "2014-06-18", what: "contiguous stacks replace segmented ones" },
        "1.3: contiguous stacks",
        "#/stack-growth/6",
        "Go 1.3",
    ),
    (Milestone { version: "1.4", date: "2014-12-10", what: "goroutine stacks start at 2 KiB" }, "1.4: 2 KiB stacks", "#/stack-growth/11", "Go 1.4"),
    (Milestone { version: "1.5", date: "2015-08-19", what: "the concurrent tri-color collector" }, "1.5: concurrent GC", "#/gc/12", "Go 1.5"),
    (Milestone { version: "1.8", date: "2017-02-16", what: "the hybrid write barrier" }, "1.8: hybrid barrier", "#/gc/23", "1.8"),
    (Milestone { version: "1.19", date: "2022-08-02", what: "GOMEMLIMIT; stacks start at the average size" }, "1.19: GOMEMLIMIT", "#/gc/42", "Go 1.19"),
    (Milestone { version: "1.25", date: "2025-08-12", what: "Green Tea GC as an experiment" }, "1.25: Green Tea (experiment)", "#/gc/33", "1.25"),
    (Milestone { version: "1.26", date: "2026-02-10", what: "Green Tea GC by default" }, "1.26: Green Tea by default", "#/gc/35", "Go 1.26"),
    (Milestone { version: "1.27", date: "2026-08-19", what: "today: every number here is for Go 1.27" }, "1.27: today", "#/case-study/6", "Go 1.27.3"),
];

fn halves() -> Vec<Card> {
    alloc::vec![
        Card::new(None, "Your source", "main.go: values, pointers, calls, nothing about where anything lives."),
        Card::new(
            None,
            "The compiler",
            "Escape analysis puts each value on the stack or the heap; it lays out frames, and inserts stack checks and write barriers."
        ),
        Card::new(None, "The binary and its runtime", "Linked into every program: the allocator, the garbage collector, stack growth and the scheduler's Ps."),
        Card::new(
            None,
            "A running process",
            "The runtime allocates, collects and grows stacks while your code runs; the compiler's choices decide how much it must."
        ),
    ]
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "intro/main.go", lang: Lang::Go, text: include_str!("../go/intro/main.go") };
    let mut c = Chapter::new(l, "intro", "Why memory, and how this story goes", code);
    let cards = |title, sub, cards| View::Figure(Rc::new(Story::Cards { title, sub, cards }));
    let stage = |lit| View::Figure(Rc::new(Story::Pipeline { title: "Go's two halves", sub: "compiler and runtime", stages: halves(), lit }));

    c.step(
        "One allocation change cut a production service's CPU use by 57% and its memory by 99% — figures \
         reported by the talk this explainer follows (BuriKaigi 2026). By the end you will see why one \
         allocation can matter that much.",
    )
    .view(cards(
        "One allocation change",
        "as reported by the talk",
        alloc::vec![
            Card::new(Some("\u{2212}57%"), "CPU", "after removing one allocation from a filter called on every request"),
            Card::new(Some("\u{2212}99%"), "memory", "the same change, the same service"),
            Card::new(None, "Reported, not measured here", "The case study rebuilds the function and models the effect; its numbers are the model's."),
        ],
    ))
    .at("func newPoint(x, y int) *point")
    .link("See how: the case study \u{2192}", "#/case-study/1");

    c.step(
        "Memory talks are often hard because they start with how: escape rules, allocator internals. This one \
         starts with what each mechanism is and why it was invented — each appears when the pain that caused \
         it appears.",
    )
    .view(cards(
        "What and why before how",
        "the promise",
        alloc::vec![
            Card::new(None, "How", "Implementation details: heap escaping, size classes, marking loops. Hard without the map."),
            Card::new(None, "What and why", "What each mechanism is, and the problem it solved: raw memory, the stack, the heap, malloc, GC, growable stacks."),
            Card::new(None, "Then how", "With the map in hand, the details read as answers to questions you already have."),
        ],
    ))
    .at("package main");

    c.step("Go comes in two halves. It starts with your source: values, pointers, calls — nothing about where anything lives.")
        .view(stage(0))
        .at("package main");
    c.step(
        "The compiler decides where each value lives: here it sees that &point{x, y} outlives newPoint and has \
         it allocated on the heap (\"&point{...} escapes to heap\"). It also lays out frames and inserts stack \
         checks and write barriers.",
    )
    .view(stage(1))
    .at("return &point{x, y}")
    .terminal("go build -gcflags=-m ./intro", include_str!("../go/intro/gcflags-m.txt"));
    c.step(
        "Every Go binary carries the runtime: the allocator that finds the point a home, the garbage \
         collector that frees it later, stack growth, and the scheduler's Ps — processors that run \
         goroutines, each with its own allocation cache, the mcache.",
    )
    .view(stage(2))
    .at("p := newPoint(1, 2)");
    c.step(
        "Running, the two halves meet: the compiler's choices decide how much work the runtime gets. The \
         chapters come back to these two halves again and again.",
    )
    .view(stage(3))
    .at("println(p.x + p.y)");
    let mut t = c.step(
        "The story follows memory management through history, and Go through its releases. Each milestone below \
         links to the step that shows it.",
    );
    let items = TIMELINE.iter().map(|(m, ..)| *m).collect();
    t = t.view(View::Figure(Rc::new(Story::Timeline { title: "Go's memory, release by release", sub: "dates of the releases", items }))).at("package main");
    for (_, label, href, _) in TIMELINE {
        t = t.link(label, href);
    }
    c
}
