//! Go's tri-color concurrent mark and sweep, one unit of work at a time.
//!
//! The phases, as in runtime/mgc.go:
//!    1. GcStart: the world stops briefly, marking begins, every object is
//!       white, the write barrier is switched on. From here new objects are
//!       allocated black.
//!    2. GcScanStack: one goroutine's stack is scanned; each pointer in it
//!       shades its target grey, and the stack is black from then on.
//!    3. GcMarkStep: one grey object is taken from the work queue, its
//!       pointers shade their targets, and it turns black. The program's own
//!       ops may run between any two steps: that is concurrent marking.
//!    4. GcSweep: what is still white is unreachable and is freed, span by
//!       span; the barrier is off again.
//!
//! The hybrid write barrier (Go 1.8, runtime/mbarrier.go), for a pointer
//! store `*slot = ptr` into the heap during marking:
//!
//!    shade(*slot)                 // the old target (Yuasa deletion barrier)
//!    if current stack is grey:
//!        shade(ptr)               // the new target (Dijkstra insertion)
//!    *slot = ptr
//!
//! Stores to stack slots have no barrier at all, which is what lets Go skip
//! re-scanning stacks. Without the barrier, a pointer moved from a grey
//! object into a black one can leave its target white and reachable: it is
//! freed while in use.

use crate::addr::Addr;
use crate::heap::Color;
use crate::machine::Machine;
use crate::place::Target;
use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GcPhase {
    #[default]
    Off,
    Mark,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Gc {
    pub phase: GcPhase,
    /// Whether the hybrid write barrier runs during marking.
    pub barrier: bool,
    /// Grey objects waiting to be scanned, by address; last in, first out
    /// (Go's object queue, roughly depth-first).
    pub grey: Vec<Addr>,
    pub cycles: u32,
    /// Pointers left behind by a sweep that freed an object they still led
    /// to (marking without the write barrier). Each stays stale, even once
    /// its address holds a new object, until the program overwrites it.
    pub stale: Vec<Stale>,
}

/// A stale pointer: who holds it (a stack slot or heap object, by id),
/// where it is stored, and the address of the object freed under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stale {
    pub holder: crate::addr::Id,
    pub at: Addr,
    pub to: Addr,
}

impl Machine {
    /// Turns the object at `addr` grey if it is white.
    pub(crate) fn shade(&mut self, addr: Addr) {
        let Some(i) = self.heap.object_at(addr) else { return };
        let o = &mut self.heap.objects[i];
        if o.color == Color::White {
            o.color = Color::Grey;
            self.gc.grey.push(o.addr);
        }
    }

    pub(crate) fn gc_start(&mut self, barrier: bool) {
        self.gc.phase = GcPhase::Mark;
        self.gc.barrier = barrier;
        self.gc.grey.clear();
        self.heap.objects.iter_mut().for_each(|o| o.color = Color::White);
        self.stacks.iter_mut().for_each(|s| s.scanned = false);
    }

    pub(crate) fn gc_scan_stack(&mut self, goroutine: u32) {
        let mut ptrs = Vec::new();
        for s in self.stacks.iter().filter(|s| s.goroutine == goroutine) {
            for f in &s.frames {
                for slot in &f.slots {
                    slot.value.pointers(&mut ptrs);
                }
            }
        }
        ptrs.into_iter().for_each(|p| self.shade(p));
        self.stacks.iter_mut().filter(|s| s.goroutine == goroutine).for_each(|s| s.scanned = true);
    }

    /// Scans one grey object. Returns false when there was none.
    pub(crate) fn gc_mark_step(&mut self) -> bool {
        let Some(addr) = self.gc.grey.pop() else { return false };
        let Some(i) = self.heap.object_at(addr) else { return true };
        let mut ptrs = Vec::new();
        self.heap.objects[i].value.pointers(&mut ptrs);
        self.heap.objects[i].color = Color::Black;
        ptrs.into_iter().for_each(|p| self.shade(p));
        true
    }

    /// Frees every white object; returns how many.
    pub(crate) fn gc_sweep(&mut self) -> usize {
        let reachable = self.reachable();
        let lost: Vec<Addr> =
            self.heap.objects.iter().filter(|o| o.color == Color::White && reachable.binary_search(&o.addr).is_ok()).map(|o| o.addr).collect();
        let mut freed = 0;
        let mut i = 0;
        while i < self.heap.objects.len() {
            if self.heap.objects[i].color == Color::White {
                self.heap.free(i);
                freed += 1;
            } else {
                self.heap.objects[i].color = Color::White;
                i += 1;
            }
        }
        if !lost.is_empty() {
            self.note_stale(&lost);
        }
        self.heap.flush_mcache();
        self.gc.phase = GcPhase::Off;
        self.gc.barrier = false;
        self.gc.cycles += 1;
        freed
    }

    /// The write barrier, run before a store replaces `old` with `new` at
    /// `target`. Only heap stores are barriered.
    pub(crate) fn write_barrier(&mut self, target: Target, old: &[Addr], new: &[Addr]) {
        if self.gc.phase != GcPhase::Mark || !self.gc.barrier || !matches!(target, Target::Object(_)) {
            return;
        }
        old.iter().for_each(|a| self.shade(*a));
        let stack_grey = self.stacks.last().is_some_and(|s| !s.scanned);
        if stack_grey {
            new.iter().for_each(|a| self.shade(*a));
        }
    }

    /// Every pointer held in a stack slot of any goroutine: the roots.
    pub fn root_pointers(&self) -> Vec<Addr> {
        let mut roots = Vec::new();
        for f in self.frames() {
            for slot in &f.slots {
                slot.value.pointers(&mut roots);
            }
        }
        roots
    }

    /// Which C chunks are leaked, by index: in use, and no pointer the
    /// program still holds (in any frame) leads into them.
    pub fn leaked_chunks(&self) -> Vec<bool> {
        let Some(h) = &self.c_heap else { return Vec::new() };
        let held = self.root_pointers();
        h.chunks.iter().map(|c| !c.free && !held.iter().any(|p| p.0 >= c.addr.0 && p.0 < c.addr.0 + c.size)).collect()
    }

    /// Whether a pointer held as type `ty` leads to memory it no longer
    /// owns: a freed chunk, or a chunk reused for another type. A `char *`
    /// into a `char[4096]` chunk points at its first element, as C has it.
    pub fn dangling(&self, ty: &str, t: crate::place::Target) -> bool {
        let (crate::place::Target::Chunk(i), Some(h)) = (t, &self.c_heap) else { return false };
        let c = &h.chunks[i];
        let pointee = ty.trim_end_matches(['*', ' ']);
        let element = c.ty.split('[').next().unwrap_or(&c.ty);
        c.free || (pointee != &*c.ty && pointee != element)
    }

    /// Objects reachable from the roots (every stack slot), by address:
    /// what a stop-the-world mark would find.
    /// Records every pointer, on the stacks and in the heap, that still
    /// leads to one of the `lost` addresses.
    fn note_stale(&mut self, lost: &[Addr]) {
        let mut found = Vec::new();
        let mut held = Vec::new();
        for slot in self.frames().flat_map(|f| &f.slots) {
            held.clear();
            slot.value.pointers_at(slot.addr.0, &mut held);
            found.extend(held.iter().filter(|(_, to)| lost.contains(to)).map(|&(at, to)| Stale { holder: slot.id, at: Addr(at), to }));
        }
        for o in &self.heap.objects {
            held.clear();
            o.value.pointers_at(o.addr.0, &mut held);
            found.extend(held.iter().filter(|(_, to)| lost.contains(to)).map(|&(at, to)| Stale { holder: o.id, at: Addr(at), to }));
        }
        self.gc.stale.extend(found);
    }

    /// A write of `len` bytes at `at` replaces any stale pointer stored there.
    pub(crate) fn overwrite(&mut self, at: u64, len: u64) {
        self.gc.stale.retain(|s| s.at.0 < at || s.at.0 >= at + len);
    }

    /// Whether `v`, held by `holder` and stored at `base`, holds a pointer
    /// that outlived its object (see [`Gc::stale`]).
    pub fn stale(&self, holder: crate::addr::Id, base: Addr, v: &crate::value::Value) -> bool {
        if self.gc.stale.is_empty() {
            return false;
        }
        let mut held = Vec::new();
        v.pointers_at(base.0, &mut held);
        held.iter().any(|&(at, to)| self.gc.stale.iter().any(|s| s.holder == holder && s.at.0 == at && s.to == to))
    }

    pub fn reachable(&self) -> Vec<Addr> {
        let mut seen: Vec<Addr> = Vec::new();
        let mut work = self.root_pointers();
        while let Some(p) = work.pop() {
            let Some(i) = self.heap.object_at(p) else { continue };
            let o = &self.heap.objects[i];
            if !seen.contains(&o.addr) {
                seen.push(o.addr);
                o.value.pointers(&mut work);
            }
        }
        // Sorted as (u64, usize) pairs, the one sort the page's wasm holds.
        let mut by_addr: Vec<(u64, usize)> = seen.iter().map(|a| (a.0, 0)).collect();
        by_addr.sort_unstable();
        by_addr.into_iter().map(|(a, _)| Addr(a)).collect()
    }
}
