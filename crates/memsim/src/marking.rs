//! Marking as it unfolds: when each object of a heap turns grey and black
//! in one marking run, and the heap the marking pictures use.
//!
//! A marking run (see `greentea`) is the order objects were scanned in. The
//! tri-color state after `done` scans follows from it by one rule: scanned
//! objects are black; what the roots or a scanned object point to is grey;
//! the rest is white. `MarkTimes` works that out once per run, so any moment
//! of a 10,000-object run is one pass over the objects.

use crate::addr::Addr;
use crate::greentea::{HeapIndex, MarkRun};
use crate::machine::Machine;
use crate::op::{Expr, Op};
use crate::value::{Field, Value};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// An object's colour at one moment of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shade {
    /// Not reached yet.
    White,
    /// Marked, waiting to be scanned.
    Grey,
    /// Scanned.
    Black,
}

/// When each object of a heap turns grey and black in one marking run.
#[derive(Clone, Debug)]
pub struct MarkTimes {
    /// Object indices (into `heap.objects`), lowest address first.
    pub by_addr: Vec<usize>,
    /// Objects scanned when the object turns grey (0: a root), or MAX.
    grey_at: Vec<usize>,
    /// Its place in the scan order, or MAX when never reached.
    pub black_at: Vec<usize>,
}

impl MarkTimes {
    pub fn new(m: &Machine, run: &MarkRun) -> MarkTimes {
        let ix = HeapIndex::new(m);
        let n = m.heap.objects.len();
        let (mut grey_at, mut black_at) = (vec![usize::MAX; n], vec![usize::MAX; n]);
        for i in ix.roots() {
            grey_at[i] = 0;
        }
        for (k, a) in run.order.iter().enumerate() {
            let Some(i) = ix.object(*a) else { continue };
            black_at[i] = k;
            for t in ix.pointees(i) {
                grey_at[t] = grey_at[t].min(k + 1);
            }
        }
        MarkTimes { by_addr: ix.in_address_order().collect(), grey_at, black_at }
    }

    /// Object `i`'s colour after `done` objects were scanned.
    pub fn shade(&self, i: usize, done: usize) -> Shade {
        if self.black_at[i] < done {
            Shade::Black
        } else if self.grey_at[i] <= done {
            Shade::Grey
        } else {
            Shade::White
        }
    }
}

/// What `done` objects into `run` looks like: each object's colour (by
/// index into `heap.objects`), and the regions touched so far.
pub struct Progress {
    pub done: usize,
    pub shades: Vec<Shade>,
    /// Objects marked and waiting (grey).
    pub marked: usize,
    pub regions: u32,
}

pub fn progress(run: &MarkRun, times: &MarkTimes, done: usize) -> Progress {
    let done = done.min(run.order.len());
    let shades: Vec<Shade> = (0..times.black_at.len()).map(|i| times.shade(i, done)).collect();
    let marked = shades.iter().filter(|c| **c == Shade::Grey).count();
    let regions = if done == 0 { 0 } else { run.touched[done - 1] };
    Progress { done, shades, marked, regions }
}

/// The tree's node types, by breadth-first index mod 3: 24, 48 and 96
/// bytes with pointers — size classes 3, 5 and 8, so at least three spans.
const TREE_TYPES: [(&str, u64); 3] = [("Leaf24", 0), ("Leaf48", 24), ("Leaf96", 72)];

/// Top of goroutine 1's stack in the pictures (an illustrative address).
const STACK_HI: u64 = 0xc000048000;

fn tree_value(i: usize) -> Value {
    let (_, pad) = TREE_TYPES[i % 3];
    let field = |name: &str, value| Field { name: String::from(name), value };
    let mut fields = vec![field("L", Value::Nil), field("R", Value::Nil), field("V", Value::Int(i as i64 + 1))];
    if pad > 0 {
        fields.push(field("pad", Value::Bytes(pad)));
    }
    Value::Struct(fields)
}

/// A heap to mark: a binary tree of `n` nodes (node i's children are 2i+1
/// and 2i+2), allocated breadth first with its three node sizes
/// interleaved, held by main's `root`.
pub fn tree_heap(n: usize) -> Machine {
    let mut m = Machine::new();
    let ops = [
        Op::Spawn { goroutine: 1, hi: STACK_HI, size: 4096 },
        Op::Call { func: String::from("main"), args: Vec::new() },
        Op::Declare { name: String::from("root"), ty: String::from("*Leaf24"), value: Expr::Nil },
    ];
    for op in &ops {
        if let Err(e) = m.apply(op) {
            unreachable!("the marking heap starts from fixed ops: {e}");
        }
    }
    // Nodes are allocated and linked directly: a path of ops per node
    // would cost O(depth) lookups each.
    let addrs: Vec<Addr> = (0..n.max(1)).map(|i| m.new_object(TREE_TYPES[i % 3].0, tree_value(i))).collect();
    for (i, o) in m.heap.objects.iter_mut().enumerate() {
        for (name, child) in [("L", 2 * i + 1), ("R", 2 * i + 2)] {
            if let (Some(&a), Some(f)) = (addrs.get(child), o.value.field_mut(name)) {
                *f = Value::Ptr(a);
            }
        }
    }
    if let Some(slot) = m.stacks.first_mut().and_then(|st| st.frames.first_mut()).and_then(|f| f.slots.first_mut()) {
        slot.value = Value::Ptr(addrs[0]);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::greentea::Strategy;

    #[test]
    fn mark_times_give_the_colours_a_replay_gives() {
        let m = tree_heap(127);
        let ix = HeapIndex::new(&m);
        for strategy in [Strategy::ObjectByObject, Strategy::SpanBySpan] {
            let run = m.mark_with(strategy);
            let times = MarkTimes::new(&m, &run);
            for done in [0, 1, 2, 17, 64, 126, 127] {
                // Replay: scanned objects are black, what they or the roots
                // point to is grey, the rest white.
                let mut want = vec![Shade::White; m.heap.objects.len()];
                for i in ix.roots() {
                    want[i] = Shade::Grey;
                }
                for a in &run.order[..done] {
                    let i = ix.object(*a).expect("object");
                    want[i] = Shade::Black;
                    for t in ix.pointees(i) {
                        if want[t] == Shade::White {
                            want[t] = Shade::Grey;
                        }
                    }
                }
                assert_eq!(progress(&run, &times, done).shades, want, "{strategy:?} after {done}");
            }
        }
    }
}
