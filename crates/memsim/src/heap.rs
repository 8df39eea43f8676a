//! The heap: objects placed the way Go's allocator places them.
//!
//! Allocating a small object (a request of ≤ 32,760 B) proceeds as in runtime/malloc.go:
//!    1. Round the size up to its size class (size_classes.rs).
//!    2. Find the span for that class and for "has pointers or not" (the span
//!       class); take its next free slot.
//!    3. If there is none, carve a fresh span of the class's page count.
//!
//! A large object gets its own span of whole 8 KiB pages.
//!
//! Who hands out spans, as in the runtime (one P modelled):
//!    mcache    the P's own span per span class (size class × has pointers);
//!              allocation takes its next free slot, no lock needed.
//!    mcentral  per span class, the spans with free slots; a full mcache
//!              span is swapped for one of these ("refill").
//!    mheap     whole pages, cut from 64 MiB arenas, when mcentral has none.
//! Sweeping flushes the mcache, so the next allocation refills from the
//! swept spans.
//!
//! Object n of a span lives at `span.base + n × elemsize`, so objects of one
//! size sit side by side and are never moved (Go's heap does not compact).

use crate::addr::{Addr, Id};
use crate::size_classes::{class_for, class_of_request, is_tiny, nelems, tiny_align, PAGE_SIZE, TINY_SIZE};
use crate::value::Value;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Heap {
    pub base: Addr,
    /// Next unused page-aligned address for a new span.
    pub next_page: Addr,
    pub spans: Vec<Span>,
    pub objects: Vec<Object>,
    /// The tiny allocator's current 16-byte block and the offset of its
    /// first free byte (mcache.tiny / tinyoffset).
    pub tiny: Option<(Addr, u64)>,
    /// P0's mcache: (span class, index into `spans`).
    pub mcache: Vec<(u8, usize)>,
}

/// Bytes in one heap arena (heapArenaBytes on 64-bit Linux).
pub const ARENA_BYTES: u64 = 64 << 20;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub base: Addr,
    pub pages: u64,
    /// 0 for a large object's own span.
    pub class: u8,
    pub noscan: bool,
    pub elemsize: u64,
    pub nelems: u64,
    pub alloc_bits: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Object {
    pub id: Id,
    pub addr: Addr,
    pub ty: String,
    /// Bytes asked for.
    pub requested: u64,
    /// Bytes handed out: the class size, or whole pages when large.
    pub size: u64,
    pub class: u8,
    pub value: Value,
    /// Tri-color mark state; white outside a collection.
    pub color: Color,
    /// Packed by the tiny allocator into a shared 16-byte block.
    pub tiny: bool,
}

/// The collector's view of an object during marking (runtime/mgc.go):
/// white = not yet seen (garbage if still white at the end), grey = seen,
/// its pointers not yet scanned, black = seen and scanned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Color {
    #[default]
    White,
    Grey,
    Black,
}

impl Heap {
    pub fn new(base: Addr) -> Heap {
        Heap { base, next_page: base, spans: Vec::new(), objects: Vec::new(), tiny: None, mcache: Vec::new() }
    }

    /// Places `value` and returns its address.
    pub fn alloc(&mut self, id: Id, ty: String, value: Value) -> Addr {
        let requested = value.size();
        let noscan = !value.has_pointers();
        if is_tiny(requested, !noscan) {
            return self.alloc_tiny(id, ty, value);
        }
        // Small pointerful objects over 512 B carry an 8-byte malloc header.
        let (addr, size, class) = match class_of_request(requested, !noscan) {
            Some(sc) => (self.alloc_slot(sc, noscan), u64::from(sc.bytes_per_obj), sc.class),
            None => {
                let pages = requested.div_ceil(PAGE_SIZE);
                let span = self.new_span(pages, 0, noscan, pages * PAGE_SIZE, 1);
                self.spans[span].alloc_bits[0] = true;
                (self.spans[span].base, pages * PAGE_SIZE, 0)
            }
        };
        self.objects.push(Object { id, addr, ty, requested, size, class, value, color: Color::White, tiny: false });
        addr
    }

    /// Takes the first free slot of the mcache's span of class `sc`,
    /// refilling the mcache first when that span is full.
    fn alloc_slot(&mut self, sc: crate::size_classes::SizeClass, noscan: bool) -> Addr {
        let elemsize = u64::from(sc.bytes_per_obj);
        let span_class = sc.class << 1 | u8::from(noscan);
        let has_free = |s: &Span| s.alloc_bits.iter().any(|b| !b);
        let cached = self.mcache.iter().find(|(c, _)| *c == span_class).map(|&(_, i)| i);
        let span = match cached.filter(|&i| has_free(&self.spans[i])) {
            Some(i) => i,
            None => {
                // mcentral's first span with room, else fresh pages.
                let i = match self.spans.iter().position(|s| s.class == sc.class && s.noscan == noscan && has_free(s)) {
                    Some(i) => i,
                    None => self.new_span(u64::from(sc.bytes_per_span) / PAGE_SIZE, sc.class, noscan, elemsize, nelems(sc, noscan)),
                };
                self.mcache.retain(|(c, _)| *c != span_class);
                self.mcache.push((span_class, i));
                i
            }
        };
        let s = &mut self.spans[span];
        let Some(slot) = s.alloc_bits.iter().position(|b| !b) else { unreachable!("span chosen with a free slot") };
        s.alloc_bits[slot] = true;
        s.base.offset(slot as u64 * elemsize)
    }

    /// The tiny allocator (mallocgc): pointer-free requests under 16 bytes
    /// are bump-allocated into a shared 16-byte block from size class 2,
    /// aligned to 8, 4 or 2 when their size is a multiple of that.
    fn alloc_tiny(&mut self, id: Id, ty: String, value: Value) -> Addr {
        let requested = value.size();
        let align = tiny_align(requested);
        let addr = match self.tiny {
            Some((block, off)) if off.next_multiple_of(align) + requested <= TINY_SIZE => {
                let at = off.next_multiple_of(align);
                self.tiny = Some((block, at + requested));
                block.offset(at)
            }
            _ => {
                let Some(sc) = class_for(TINY_SIZE) else { unreachable!("16 B is a small size") };
                let block = self.alloc_slot(sc, true);
                self.tiny = Some((block, requested));
                block
            }
        };
        self.objects.push(Object { id, addr, ty, requested, size: requested, class: 2, value, color: Color::White, tiny: true });
        addr
    }

    fn new_span(&mut self, pages: u64, class: u8, noscan: bool, elemsize: u64, nelems: u64) -> usize {
        let base = self.next_page;
        self.next_page = base.offset(pages * PAGE_SIZE);
        self.spans.push(Span { base, pages, class, noscan, elemsize, nelems, alloc_bits: alloc::vec![false; nelems as usize] });
        self.spans.len() - 1
    }

    /// Frees object `i`: its slot in the span becomes free for reuse. A
    /// tiny block is freed only when every object packed into it is dead.
    pub fn free(&mut self, i: usize) {
        let o = self.objects.remove(i);
        let Some(span) = self.spans.iter_mut().find(|s| o.addr >= s.base && o.addr.0 < s.base.0 + s.pages * PAGE_SIZE) else { return };
        let slot = (o.addr.0 - span.base.0) / span.elemsize;
        let start = span.base.offset(slot * span.elemsize);
        let end = start.offset(span.elemsize);
        if o.tiny && self.objects.iter().any(|x| x.addr >= start && x.addr < end) {
            return;
        }
        span.alloc_bits[slot as usize] = false;
        if self.tiny.is_some_and(|(b, _)| b == start) {
            self.tiny = None;
        }
    }

    /// Returns the mcache's spans to mcentral (done after sweeping).
    pub fn flush_mcache(&mut self) {
        self.mcache.clear();
    }

    /// Pages in use out of the arenas reserved so far (whole 64 MiB each).
    pub fn arena_pages(&self) -> (u64, u64) {
        let used = (self.next_page.0 - self.base.0) / PAGE_SIZE;
        let arenas = (self.next_page.0 - self.base.0).div_ceil(ARENA_BYTES).max(1);
        (used, arenas * ARENA_BYTES / PAGE_SIZE)
    }

    /// The object whose bytes include `addr`.
    pub fn object_at(&self, addr: Addr) -> Option<usize> {
        self.objects.iter().position(|o| addr >= o.addr && addr.0 < o.addr.0 + o.size)
    }

    pub fn in_use(&self) -> u64 {
        self.objects.iter().map(|o| o.size).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn same_class_objects_share_a_span_side_by_side() {
        let mut h = Heap::new(Addr(0xc000010000));
        let point =
            || Value::Struct(alloc::vec![crate::Field { name: "X".into(), value: Value::Int(1) }, crate::Field { name: "Y".into(), value: Value::Int(2) },]);
        let a = h.alloc(Id(1), "Point".to_string(), point());
        let b = h.alloc(Id(2), "Point".to_string(), point());
        assert_eq!(b.0 - a.0, 16);
        assert_eq!(h.spans.len(), 1);
        assert_eq!(h.objects[0].class, 2);
        // A pointerful object of the same size goes to another span class.
        let c = h.alloc(
            Id(3),
            "*int".to_string(),
            Value::Struct(alloc::vec![crate::Field { name: "p".into(), value: Value::Nil }, crate::Field { name: "q".into(), value: Value::Nil },]),
        );
        assert_eq!(h.spans.len(), 2);
        assert_eq!(c.0 - a.0, PAGE_SIZE);
    }

    #[test]
    fn tiny_objects_share_a_16_byte_block() {
        let mut h = Heap::new(Addr(0xc000010000));
        let a = h.alloc(Id(1), "int32".to_string(), Value::Bytes(4));
        let b = h.alloc(Id(2), "int64".to_string(), Value::Int(3));
        let c = h.alloc(Id(3), "[3]byte".to_string(), Value::Bytes(3));
        let d = h.alloc(Id(4), "[8]byte".to_string(), Value::Bytes(8));
        assert_eq!(b.0 - a.0, 8, "the int64 is aligned to 8 after the 4-byte object");
        assert_eq!(c.0 - a.0, 16, "no room left: a new block");
        assert_eq!(d.0 - c.0, 8);
        assert_eq!(h.spans.len(), 1);
        assert_eq!(h.spans[0].alloc_bits.iter().filter(|x| **x).count(), 2, "two blocks in use");
        // The first block is freed only when both of its objects are dead.
        h.free(0);
        assert_eq!(h.spans[0].alloc_bits.iter().filter(|x| **x).count(), 2);
        h.free(0);
        assert_eq!(h.spans[0].alloc_bits.iter().filter(|x| **x).count(), 1);
    }

    #[test]
    fn large_objects_take_whole_pages() {
        let mut h = Heap::new(Addr(0xc000010000));
        let a = h.alloc(Id(1), "[1048576]byte".to_string(), Value::Bytes(1 << 20));
        assert_eq!(h.objects[0].size, 1 << 20);
        assert_eq!(h.objects[0].class, 0);
        assert_eq!(h.spans[0].pages, 128);
        let b = h.alloc(Id(2), "[40000]byte".to_string(), Value::Bytes(40_000));
        assert_eq!(b.0 - a.0, 1 << 20);
        assert_eq!(h.objects[1].size, 40_960);
    }
}
