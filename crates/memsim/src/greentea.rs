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
use alloc::collections::VecDeque;
use alloc::vec;
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

/// Which object an address falls in, by binary search over the objects
/// sorted by address. Built once per run, so marking a large heap stays
/// O(n log n); marks are kept per object index in plain vectors.
pub struct HeapIndex<'a> {
    m: &'a Machine,
    /// (start address, index into `heap.objects`), by address. Plain
    /// integers: the page's other indexes sort the same type, so the wasm
    /// holds one sort.
    by_addr: Vec<(u64, usize)>,
}

impl<'a> HeapIndex<'a> {
    pub fn new(m: &'a Machine) -> HeapIndex<'a> {
        let mut by_addr: Vec<(u64, usize)> = m.heap.objects.iter().enumerate().map(|(i, o)| (o.addr.0, i)).collect();
        by_addr.sort_unstable();
        HeapIndex { m, by_addr }
    }

    /// Object indices, lowest address first.
    pub fn in_address_order(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_addr.iter().map(|(_, i)| *i)
    }

    /// The object whose bytes include `p`, by index into `heap.objects`.
    pub fn object(&self, p: Addr) -> Option<usize> {
        let k = self.by_addr.partition_point(|(a, _)| *a <= p.0).checked_sub(1)?;
        let (a, i) = self.by_addr[k];
        (p.0 < a + self.m.heap.objects[i].size).then_some(i)
    }

    /// The objects object `i` points to.
    pub fn pointees(&self, i: usize) -> Vec<usize> {
        let mut ptrs = Vec::new();
        self.m.heap.objects[i].value.pointers(&mut ptrs);
        ptrs.into_iter().filter_map(|p| self.object(p)).collect()
    }

    /// The objects the roots point to.
    pub fn roots(&self) -> Vec<usize> {
        self.m.root_pointers().into_iter().filter_map(|p| self.object(p)).collect()
    }

    fn span(&self, i: usize) -> Option<usize> {
        self.m.span_of(self.m.heap.objects[i].addr)
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
        let ix = HeapIndex::new(self);
        let mut run = MarkRun::default();
        let mut seen = vec![false; self.heap.objects.len()];
        let mut stack: Vec<usize> = Vec::new();
        for i in ix.roots() {
            if !core::mem::replace(&mut seen[i], true) {
                stack.push(i);
            }
        }
        let mut last_span = None;
        while let Some(i) = stack.pop() {
            let span = ix.span(i);
            if span != last_span {
                run.regions_touched += 1;
                last_span = span;
            }
            run.order.push(self.heap.objects[i].addr);
            run.touched.push(run.regions_touched);
            for t in ix.pointees(i) {
                if !core::mem::replace(&mut seen[t], true) {
                    stack.push(t);
                }
            }
        }
        run
    }

    /// Green Tea: a FIFO queue of spans; each visit scans the span's
    /// marked, unscanned objects in address order.
    pub fn mark_span_by_span(&self) -> MarkRun {
        let ix = HeapIndex::new(self);
        let mut run = MarkRun::default();
        let mut marked = vec![false; self.heap.objects.len()];
        // Per span: marked objects not yet scanned, highest address first
        // (so `pop` takes the lowest).
        let mut pending: Vec<Vec<(Addr, usize)>> = vec![Vec::new(); self.heap.spans.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        // `visiting` is the span being scanned: its new marks join the
        // current visit instead of queueing the span again.
        let mut mark = |i: usize, visiting: Option<usize>, pending: &mut Vec<Vec<(Addr, usize)>>, queue: &mut VecDeque<usize>| {
            if core::mem::replace(&mut marked[i], true) {
                return;
            }
            let Some(s) = ix.span(i) else { return };
            if Some(s) != visiting && !queue.contains(&s) {
                queue.push_back(s);
            }
            let key = (self.heap.objects[i].addr, i);
            let at = pending[s].partition_point(|k| *k > key);
            pending[s].insert(at, key);
        };
        for i in ix.roots() {
            mark(i, None, &mut pending, &mut queue);
        }
        while let Some(s) = queue.pop_front() {
            run.regions_touched += 1;
            // Objects marked during this visit in the same span are picked
            // up in it too, still lowest address first.
            while let Some((a, i)) = pending[s].pop() {
                run.order.push(a);
                run.touched.push(run.regions_touched);
                for t in ix.pointees(i) {
                    mark(t, Some(s), &mut pending, &mut queue);
                }
            }
        }
        run
    }
}
