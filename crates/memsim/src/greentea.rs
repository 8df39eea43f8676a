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
use alloc::vec::Vec;

/// What a marking strategy did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkRun {
    /// Objects scanned, in order, by address.
    pub order: Vec<Addr>,
    /// Times the scanner moved to a different span than the one before:
    /// the memory regions it had to bring in.
    pub regions_touched: u32,
}

impl Machine {
    /// The span holding `addr`, by index.
    fn span_of(&self, addr: Addr) -> Option<usize> {
        self.heap.spans.iter().position(|s| addr >= s.base && addr.0 < s.base.0 + s.pages * crate::size_classes::PAGE_SIZE)
    }

    fn object_start(&self, p: Addr) -> Option<Addr> {
        self.heap.object_at(p).map(|i| self.heap.objects[i].addr)
    }

    /// The heap objects the object at `a` points to, by start address.
    fn pointees(&self, a: Addr) -> Vec<Addr> {
        let mut ptrs = Vec::new();
        if let Some(i) = self.heap.object_at(a) {
            self.heap.objects[i].value.pointers(&mut ptrs);
        }
        ptrs.into_iter().filter_map(|p| self.object_start(p)).collect()
    }

    /// Graph flood: a LIFO stack of objects, as Go's classic mark.
    pub fn mark_object_by_object(&self) -> MarkRun {
        let mut run = MarkRun::default();
        let mut seen: Vec<Addr> = Vec::new();
        let mut stack: Vec<Addr> = Vec::new();
        for r in self.root_pointers() {
            if let Some(a) = self.object_start(r) {
                if !seen.contains(&a) {
                    seen.push(a);
                    stack.push(a);
                }
            }
        }
        let mut last_span = None;
        while let Some(a) = stack.pop() {
            let span = self.span_of(a);
            if span != last_span {
                run.regions_touched += 1;
                last_span = span;
            }
            run.order.push(a);
            for t in self.pointees(a) {
                if !seen.contains(&t) {
                    seen.push(t);
                    stack.push(t);
                }
            }
        }
        run
    }

    /// Green Tea: a FIFO queue of spans; each visit scans the span's
    /// marked, unscanned objects in address order.
    pub fn mark_span_by_span(&self) -> MarkRun {
        let mut run = MarkRun::default();
        let mut marked: Vec<Addr> = Vec::new();
        let mut scanned: Vec<Addr> = Vec::new();
        let mut queue: VecDeque<usize> = VecDeque::new();
        let mark = |a: Addr, marked: &mut Vec<Addr>, queue: &mut VecDeque<usize>| {
            if marked.contains(&a) {
                return;
            }
            marked.push(a);
            if let Some(s) = self.span_of(a) {
                if !queue.contains(&s) {
                    queue.push_back(s);
                }
            }
        };
        for r in self.root_pointers() {
            if let Some(a) = self.object_start(r) {
                mark(a, &mut marked, &mut queue);
            }
        }
        while let Some(s) = queue.pop_front() {
            run.regions_touched += 1;
            // Scan in address order; objects marked during this visit that
            // lie further on in the same span are picked up in it too.
            loop {
                let mut todo: Vec<Addr> =
                    marked.iter().copied().filter(|a| !scanned.contains(a) && self.span_of(*a) == Some(s)).collect();
                if todo.is_empty() {
                    break;
                }
                todo.sort_unstable();
                let a = todo[0];
                scanned.push(a);
                run.order.push(a);
                for t in self.pointees(a) {
                    // Queue the target's span unless it is this one, which
                    // the loop is visiting anyway.
                    if self.span_of(t) == Some(s) {
                        if !marked.contains(&t) {
                            marked.push(t);
                        }
                    } else {
                        mark(t, &mut marked, &mut queue);
                    }
                }
            }
        }
        run
    }
}
