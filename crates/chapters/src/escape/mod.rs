//! Chapter `escape`: why not everything lives on the heap, and how Go
//! decides. The pain first (the same request with every value on the heap
//! against Go's placement), then the compiler's verdicts value by value —
//! the real `go build -gcflags=-m` lines — then the runtime's side: size
//! classes, mcache, mcentral, mheap, the tiny allocator and large objects;
//! `-benchmem`; zero-allocation libraries and measuring first; and the
//! lab, eight real Go files behind three toggles.
//!
//! Listings: go/escape/escape.go (with benchmarks beside it), go/zeroalloc
//! and go/escapelab/*, all compiled and measured by tests/truth.

mod figures;
mod knobs;
pub mod lab;

pub use figures::{path_cards, Lab, Pain, Placement, ALL_HEAP, GO_HEAP, VALUES};
pub use knobs::KNOBS;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use alloc::rc::Rc;
use figures::{Cards, Path};
use memsim::size_classes::alloc_size;
use memview::Card;
use memview::Language;

const GCFLAGS: &str = "go build -gcflags=-m ./escape";
const GCFLAGS_OUT: &str = include_str!("../../go/escape/gcflags-m.txt");
/// Real `go test -bench . -benchmem` runs, recorded on the project's
/// 2-CPU test machine (tests/truth checks their B/op and allocs/op).
pub const BENCHMEM: &str = include_str!("../../go/escape/benchmem.txt");
pub const ZEROALLOC: &str = include_str!("../../go/zeroalloc/benchmem.txt");

/// What each benchmark's function allocates per call, by the compiler's
/// verdicts: (benchmark, [(bytes requested, holds pointers)]).
pub const ALLOCATIONS: &[(&str, &[(u64, bool)])] = &[
    ("NewPoint", &[(16, false)]),
    ("Distance", &[]),
    ("Boxed", &[(16, false)]),
    // n (an int) and the closure that holds a pointer to it.
    ("Counter", &[(8, false), (16, true)]),
    ("Squares4", &[]),
    ("Squares64", &[(512, false)]),
    ("Big", &[(131_072, false)]),
    ("Keep", &[(16, false)]),
    ("Handle", &[(16, false)]),
];

/// (B/op, allocs/op) the model gives a benchmark of the listing.
pub fn per_call(bench: &str) -> Option<(u64, u64)> {
    let (_, allocs) = ALLOCATIONS.iter().find(|(b, _)| *b == bench)?;
    Some((allocs.iter().map(|(n, p)| alloc_size(*n, *p)).sum(), allocs.len() as u64))
}

fn small_and_large() -> alloc::vec::Vec<Card> {
    alloc::vec![
        Card::new(
            Some("tiny"),
            "Counter's n: 8 B, no pointers",
            "Pointer-free values under 16 B share 16-byte blocks: the tiny allocator packs them back to back (B/op counts 8)."
        ),
        Card::new(Some("large"), "Big's buf: 128 KiB", "Over 32 KiB there is no size class: the object gets 16 whole 8 KiB pages of its own from mheap."),
        Card::new(Some("small"), "Everything else", "One of 67 size classes up to 32 KiB, in spans of same-size objects."),
    ]
}

fn zero_alloc() -> alloc::vec::Vec<Card> {
    alloc::vec![
        Card::new(None, "Zero-allocation libraries", "Packages whose functions keep their values off the heap: no garbage, less GC work."),
        Card::new(None, "Usually faster", "An allocation costs time, and its garbage costs the collector later."),
        Card::new(None, "Not always", "A 16-byte buffer from sync.Pool took longer than allocating a fresh one in this benchmark. Measure first."),
    ]
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "escape/escape.go", lang: Lang::Go, text: include_str!("../../go/escape/escape.go") };
    let mut c = Chapter::new(l, "escape", "Escape analysis: stack when it can, heap when it must", code);
    c.knobs = KNOBS;
    let place = |current| View::Figure(Rc::new(Placement { current }));
    let path = |lit| View::Figure(Rc::new(Path { lit }));

    c.step(
        "Each heap object is work for the collector. Handle makes six values; Go's placement leaves one on \
         the heap. At a million calls a second, all six on the heap means far more cycles (the pacer model's \
         count).",
    )
    .at("func Handle(id int) int")
    .view(View::Figure(Rc::new(Pain)));
    c.step(
        "The compiler decides, per value. NewPoint returns &p, so p must outlive the call: \"moved to \
         heap: p\". The verdicts come from go build -gcflags=-m.",
    )
    .at("func NewPoint(x, y int) *Point")
    .view(place(0))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "The same type in Distance stays on the stack: the pointer never leaves the function — \
         \"&Point{...} does not escape\". Escape analysis is about values, not types.",
    )
    .at("p := &Point{X: x, Y: y}")
    .view(place(1))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "Boxed returns its Point as an any: the interface that leaves the function holds a copy on the \
         heap — \"p escapes to heap\".",
    )
    .at("func Boxed(x int) any")
    .view(place(2))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "Counter's closure captures n and outlives the call, so n moves to the heap (\"moved to heap: n\") \
         and so does the closure (\"func literal escapes to heap\").",
    )
    .at("n := 0")
    .view(place(3))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "A make sized only at run time: Go 1.27 says \"make([]int, n) does not escape\". Since Go 1.25 the \
         compiler reserves a 32-byte stack buffer for it, used when the slice fits; a bigger n is allocated \
         on the heap.",
    )
    .at("s := make([]int, n)")
    .view(place(4))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "Big's 128 KiB buffer is over the 64 KiB limit for implicit stack values: \"make([]byte, 131072) \
         escapes to heap\", even though it never leaves the function.",
    )
    .at("buf := make([]byte, 128<<10)")
    .view(place(5))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "Keep stores its parameter in a global: \"leaking param: p\". Every caller's Point must then be on \
         the heap, whatever the caller does with it.",
    )
    .at("kept = p")
    .view(place(6))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "The compiler decides stack or heap; the runtime decides how much and where. NewPoint's 16-byte Point \
         calls the allocator, which rounds the request to a size class.",
    )
    .at("return &p")
    .view(path(1));
    c.step(
        "Each P keeps an mcache: one span per size class. The Point takes the next free slot of the P's \
         class-2 span — no lock, a handful of instructions.",
    )
    .at("return &p")
    .view(path(2));
    c.step(
        "Once that span is full, the mcache swaps it for one with free slots from mcentral, shared spans of \
         each class; when none has any, mheap, the page allocator, cuts 8 KiB pages from a 64 MiB arena.",
    )
    .at("return &p")
    .view(path(4));
    c.step(
        "Two special paths: pointer-free values under 16 bytes, like Counter's n, are packed into shared \
         16-byte blocks by the tiny allocator; objects over 32 KiB, like Big's buf, get whole pages.",
    )
    .at("buf := make([]byte, 128<<10)")
    .view(View::Figure(Rc::new(Cards { title: "Small, tiny and large", sub: "three allocation paths", cards: small_and_large })));
    c.step(
        "Measure it: go test -benchmem reports bytes and allocations per call. B/op and allocs/op here are \
         the model's verdict-by-verdict sums and equal Go's; ns/op was recorded on the project's 2-CPU test \
         machine with Go 1.27.3.",
    )
    .at("func Handle(id int) int")
    .view(place(0))
    .terminal("go test -bench . -benchmem ./escape", BENCHMEM);
    c.step(
        "Zero-allocation libraries keep their values off the heap, and usually that pays. Not always: \
         reusing a 16-byte buffer through sync.Pool was slower than allocating it. Measure before you adopt \
         one.",
    )
    .at("func Keep(p *Point)")
    .view(View::Figure(Rc::new(Cards { title: "Zero-allocation libraries", sub: "measure first", cards: zero_alloc })))
    .terminal("go test -bench . -benchmem ./zeroalloc", ZEROALLOC);
    c.step(
        "The escape lab: one snippet, three toggles — return a value or a pointer, constant or variable size, \
         store the Point as Point or as any. Go 1.27.3 compiled all eight versions; the link keeps your \
         choice.",
    )
    .at("func NewPoint(x, y int) *Point")
    .view(View::Figure(Rc::new(Lab)));
    c
}
