//! Chapter `next`: the conclusion — this is the start — and the five talks
//! the outline recommends for going deeper, each with the chapter here it
//! continues. Plain links only; the page itself requests nothing.

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use crate::story::Story;
use alloc::rc::Rc;
use memview::Card;
use memview::Language;

/// (title, where and when, what it goes deeper into, the chapter here it
/// continues: link text and link), as the talk's outline lists them.
pub const TALKS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Escape Analysis in Go: Understanding and Optimizing Memory Allocation",
        "Go Conference 2023 Online",
        "when values escape to the heap, and how to read the compiler's analysis",
        "Escape analysis continues \u{201c}Escape analysis\u{201d}",
        "#/escape/2",
    ),
    (
        "Garbage Collection Semantics",
        "GopherCon SG 2019",
        "the collector's logic in depth",
        "GC semantics continue \u{201c}Garbage collection\u{201d}",
        "#/gc/1",
    ),
    (
        "Memory Management in Go: The good, the bad and the ugly",
        "GopherCon UK 2023",
        "finding and fixing memory costs with pprof",
        "pprof continues the case study",
        "#/case-study/8",
    ),
    (
        "Understanding Go's Memory Allocator",
        "GopherCon UK 2018",
        "(advanced) how allocation works with the operating system",
        "The allocator continues the heap's spans",
        "#/escape/10",
    ),
    (
        "The Go Memory Model",
        "GoSF Meetup",
        "memory and concurrency: what one goroutine may see of another's writes",
        "The memory model continues concurrent marking",
        "#/gc/12",
    ),
];

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "casestudy/filter.go", lang: Lang::Go, text: include_str!("../go/casestudy/filter.go") };
    let mut c = Chapter::new(l, "next", "What's next: going deeper", code);
    c.step(
        "This is the start. You have seen what each piece of Go's memory management is and why it exists: raw \
         memory, stack and heap, malloc and free, the collector, growable stacks — and how one hot allocation \
         adds up.",
    )
    .view(View::Figure(Rc::new(Story::Cards {
        title: "What you have seen",
        sub: "what and why",
        cards: alloc::vec![
            Card::new(None, "The compiler decides", "stack or heap, per value, by escape analysis; frames and the checks around them."),
            Card::new(
                None,
                "The runtime works",
                "size classes and spans, a concurrent collector with a write barrier and a pacer, stacks that grow by copying."
            ),
            Card::new(None, "You measure", "B/op and allocs/op first: an allocation in a hot path is paid on every call."),
        ],
    })))
    .at("func (list targetList) FilterInPlace");

    let mut t = c.step(
        "Now deep-dive with the talks the outline recommends. Each goes further into one part of this story; \
         the links below lead back to the step each continues.",
    );
    let cards = TALKS
        .iter()
        .map(|(title, event, what, ..)| Card { big: None, title: alloc::string::String::from(*title), body: alloc::format!("{event} \u{2014} {what}") })
        .collect();
    t = t
        .view(View::Figure(Rc::new(Story::Cards { title: "Talks to see next", sub: "from the talk's outline", cards })))
        .at("func (list targetList) FilterInPlace");
    for (.., label, href) in TALKS {
        t = t.link(label, href);
    }
    c
}
