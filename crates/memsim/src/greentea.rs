//! Two ways to mark the same heap, counting the memory regions touched.
//!
//! The classic mark (Go ≤ 1.25 default) floods the object graph: pop an
//! object, scan it, push what it points to. Consecutive objects usually lie
//! in different spans, so nearly every scan touches a new region of memory
//! and stalls on it.
//!
//! Green Tea (golang/go#73581; default since Go 1.26, "work with pages, not
//! objects"): finding a pointer only sets the target's mark bit and queues
//! its span (once). Spans wait in a FIFO queue, so marks pile up while they
//! wait; taking a span scans all its marked-but-unscanned objects in address
//! order, in one visit. Objects of 16–512 B take this path in Go; the model
//! applies it to every small span and counts one region touch per visit.

use crate::addr::Addr;
use crate::machine::Machine;
use alloc::collections::{BTreeMap, BTreeSet, VecDeque};
use alloc::vec::Vec;

/// What a marking strategy did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkRun {
    /// Objects scanned, in order, by address.
    pub order: Vec<Addr>,
    /// Times the scanner moved to a different span than the one before:
    /// the memory regions it had to bring in.
    pub regions_touched: u32,
    /// Regions touched so far, after each object of `order`.
    pub touched: Vec<u32>,
}

/// How the collector walks the heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// The classic graph flood (Go 1.5–1.25).
    ObjectByObject,
    /// Green Tea (Go 1.26+).
    SpanBySpan,
}

/// Lookups over one heap: which object an address falls in, which span.
/// Built once per run, so marking stays O(n log n) on large heaps.
struct Index<'a> {
    m: &'a Machine,
    /// Object start address → index into `heap.objects`.
    objects: BTreeMap<Addr, usize>,
}

impl<'a> Index<'a> {
    fn new(m: &'a Machine) -> Index<'a> {
        Index { m, objects: m.heap.objects.iter().enumerate().map(|(i, o)| (o.addr, i)).collect() }
    }

    /// The start of the object whose bytes include `p`.
    fn object_start(&self, p: Addr) -> Option<Addr> {
        let (&a, &i) = self.objects.range(..=p).next_back()?;
        (p.0 < a.0 + self.m.heap.objects[i].size).then_some(a)
    }

    fn span_of(&self, a: Addr) -> Option<usize> {
        self.m.span_of(a)
    }

    /// The heap objects the object at `a` points to, by start address.
    fn pointees(&self, a: Addr) -> Vec<Addr> {
        let mut ptrs = Vec::new();
        if let Some(&i) = self.objects.get(&a) {
            self.m.heap.objects[i].value.pointers(&mut ptrs);
        }
        ptrs.into_iter().filter_map(|p| self.object_start(p)).collect()
    }

    fn roots(&self) -> Vec<Addr> {
        self.m.root_pointers().into_iter().filter_map(|p| self.object_start(p)).collect()
    }
}

impl Machine {
    /// Marks the heap from the roots with `strategy` (without changing it).
    pub fn mark_with(&self, strategy: Strategy) -> MarkRun {
        match strategy {
            Strategy::ObjectByObject => self.mark_object_by_object(),
            Strategy::SpanBySpan => self.mark_span_by_span(),
        }
    }

    /// The span holding `addr`, by index (spans lie in address order).
    pub fn span_of(&self, addr: Addr) -> Option<usize> {
        let spans = &self.heap.spans;
        let i = spans.partition_point(|s| s.base <= addr).checked_sub(1)?;
        (addr.0 < spans[i].base.0 + spans[i].pages * crate::size_classes::PAGE_SIZE).then_some(i)
    }

    /// Graph flood: a LIFO stack of objects, as Go's classic mark.
    pub fn mark_object_by_object(&self) -> MarkRun {
        let ix = Index::new(self);
        let mut run = MarkRun::default();
        let mut seen: BTreeSet<Addr> = BTreeSet::new();
        let mut stack: Vec<Addr> = Vec::new();
        for a in ix.roots() {
            if seen.insert(a) {
                stack.push(a);
            }
        }
        let mut last_span = None;
        while let Some(a) = stack.pop() {
            let span = ix.span_of(a);
            if span != last_span {
                run.regions_touched += 1;
                last_span = span;
            }
            run.order.push(a);
            run.touched.push(run.regions_touched);
            for t in ix.pointees(a) {
                if seen.insert(t) {
                    stack.push(t);
                }
            }
        }
        run
    }

    /// Green Tea: a FIFO queue of spans; each visit scans the span's
    /// marked, unscanned objects in address order.
    pub fn mark_span_by_span(&self) -> MarkRun {
        let ix = Index::new(self);
        let mut run = MarkRun::default();
        let mut marked: BTreeSet<Addr> = BTreeSet::new();
        // Per span: marked objects not yet scanned, in address order.
        let mut pending: BTreeMap<usize, BTreeSet<Addr>> = BTreeMap::new();
        let mut queue: VecDeque<usize> = VecDeque::new();
        // `visiting` is the span being scanned: its new marks join the
        // current visit instead of queueing the span again.
        let mut mark = |a: Addr, visiting: Option<usize>, pending: &mut BTreeMap<usize, BTreeSet<Addr>>, queue: &mut VecDeque<usize>| {
            if !marked.insert(a) {
                return;
            }
            let Some(s) = ix.span_of(a) else { return };
            if Some(s) != visiting && !queue.contains(&s) {
                queue.push_back(s);
            }
            pending.entry(s).or_default().insert(a);
        };
        for a in ix.roots() {
            mark(a, None, &mut pending, &mut queue);
        }
        while let Some(s) = queue.pop_front() {
            run.regions_touched += 1;
            // Objects marked during this visit in the same span are picked
            // up in it too, still lowest address first.
            while let Some(a) = pending.get_mut(&s).and_then(BTreeSet::pop_first) {
                run.order.push(a);
                run.touched.push(run.regions_touched);
                for t in ix.pointees(a) {
                    mark(t, Some(s), &mut pending, &mut queue);
                }
            }
        }
        run
    }
}
