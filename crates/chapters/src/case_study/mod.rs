//! Chapter `case-study`: the talk's opening claim explained. A filter
//! called on every request made a new slice each time; filtering in place
//! removed the allocation, and with it the collector's work.
//!
//! The listing is go/casestudy/filter.go, compiled by Go 1.27.3 (its
//! -gcflags=-m output is gcflags-m.txt beside it); filter_test.go beside it
//! benchmarks both versions over a sweep of list lengths, which tests/truth
//! runs to check the model's B/op. Every step is a figure driven by two
//! knobs, the list length and the call rate.

mod figures;
mod knobs;

pub use figures::{benchmem, Compare, OneCall};
pub use knobs::KNOBS;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use alloc::rc::Rc;
use memview::Language;
use memview::Shown;

const GCFLAGS: &str = "go build -gcflags=-m ./casestudy";
const GCFLAGS_OUT: &str = include_str!("../../go/casestudy/gcflags-m.txt");

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "casestudy/filter.go", lang: Lang::Go, text: include_str!("../../go/casestudy/filter.go") };
    let mut c = Chapter::new(l, "case-study", "The case study: one allocation per call", code);
    c.knobs = KNOBS;
    let cache = Rc::new(figures::Cache::default());
    let compare = |shown| View::Figure(Rc::new(Compare { shown, cache: cache.clone() }));
    let one_call = || View::Figure(Rc::new(OneCall));

    c.step(
        "In production, changing one allocation cut CPU by 57% and memory by 99%, as the talk's author \
         reported (BuriKaigi 2026). The culprit: a filter called on every request. Here it is, before and \
         after, in a model you can drive.",
    )
    .at("func (list targetList) FilterAlloc")
    .view(compare(Shown::Both));

    c.step(
        "FilterAlloc makes a new slice on every call, sized for the whole list. The compiler reports \
         \"make(targetList, 0, len(list)) escapes to heap\": the slice is returned, so it must outlive the \
         call's frame.",
    )
    .at("filtered := make(targetList, 0, len(list))")
    .view(one_call())
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(
        "The runtime rounds each request up. With the defaults, 1,000 values of 16 bytes plus an 8-byte \
         malloc header (the slice holds pointers) land in size class 59: 16,384 bytes. Drag n: past 32 KiB a \
         slice gets whole pages.",
    )
    .at("filtered := make(targetList, 0, len(list))")
    .view(one_call());

    c.step(
        "At the defaults, 1,000 calls a second make 16 MB of garbage a second. The heap climbs toward the \
         pacer's goal, a cycle marks and sweeps (shaded), and the climb restarts. Nothing is kept; the \
         collector still runs.",
    )
    .at("return filtered")
    .view(compare(Shown::Before));

    c.step(
        "FilterInPlace moves the kept values to the front of its list and returns list[:n]. The compiler \
         reports \"leaking param: list to result ~r0 level=0\": the result is the input. No allocation, so no \
         cycles at all.",
    )
    .at("list = list[:n]")
    .view(compare(Shown::After))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(
        "Side by side, same load. B/op and allocs/op are what go test -benchmem reports, checked against Go \
         1.27.3; cycles, heap peak and the CPU split come from the model. Drag n and the call rate: the link \
         keeps them.",
    )
    .at("func (list targetList) FilterInPlace")
    .view(compare(Shown::Both));

    c.step(
        "The talk's 57% and 99% are one real service's numbers. The model shows the same direction for your \
         load; it leaves out cache effects, allocation assists and all else that service did, so its \
         percentages are no prediction.",
    )
    .at("func (list targetList) FilterInPlace")
    .view(compare(Shown::Both));

    c.step(
        "The lesson: one allocation in a function called everywhere is multiplied by every call. The fix is \
         not to never allocate but to keep allocation out of the hot path, found by measuring with -benchmem \
         and a profiler first.",
    )
    .at("func (list targetList) FilterAlloc")
    .view(compare(Shown::Both));
    c
}
