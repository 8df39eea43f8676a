//! C's heap, as glibc's malloc lays it out on 64-bit Linux.
//!
//!    chunk ──► +-----------------+
//!              | prev size       |  (used by the previous chunk's data)
//!              | size | flags    |  the one hidden 8-byte word per chunk
//!    pointer ─►+-----------------+
//!              | your data …     |  usable: chunk size − 8
//!              +-----------------+
//!
//! Facts (glibc 2.36, checked by running it): a chunk is the request plus
//! 8 bytes rounded up to 16, at least 32 (malloc(1..24) → 32, malloc(25) →
//! 48); pointers are 16-byte aligned; a freed chunk goes to a per-size
//! "tcache" bin, last in first out, so the next malloc of the same size
//! returns the same address. Nothing is ever freed for you: that is the
//! programmer's job, and the chapter `manual-heap` shows both ways it fails.
//!
//! Nor is anything zeroed. free writes the tcache's link into a chunk's
//! first 8 bytes and a key into the next 8; malloc clears the key when it
//! hands the chunk out again and leaves the link, so a reused chunk starts
//! with a leftover number in its first field. Fresh chunks from the top are
//! zero (new pages from the kernel).

use crate::addr::{Addr, Id};
use crate::value::{Field, Value};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// Where glibc's heap starts in a typical non-randomized run.
pub const C_HEAP_BASE: u64 = 0x5555_5555_9000;
/// malloc's own per-thread cache (tcache_perthread_struct) is the heap's
/// first chunk, 0x290 bytes, so the first user pointer is base + 0x2a0.
pub const TCACHE_STRUCT: u64 = 0x290;
/// The hidden size word at the start of each chunk.
pub const CHUNK_HEADER: u64 = 16;
/// The key free writes after a chunk's link (glibc ≥ 2.34 draws it at
/// random once per process, and checks it to catch double frees). This one
/// is illustrative; malloc clears it, so a program never reads it back
/// from a reused chunk.
pub const TCACHE_KEY: i64 = 0x1d3f_5a7b_9c2e_4f61;

/// The tcache's link to the next free chunk, as free stores it: since glibc
/// 2.32 "safe-linked", the next pointer XOR the link's own address >> 12
/// (so a null link still holds the chunk's page number).
pub fn safe_link(at: Addr, next: Option<Addr>) -> i64 {
    ((at.0 >> 12) ^ next.map_or(0, |a| a.0)) as i64
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CHeap {
    pub base: Addr,
    /// First byte past the last chunk (glibc's "top").
    pub top: Addr,
    /// Bytes the process may use before the OOM killer ends it.
    pub limit: u64,
    /// Chunks in address order (the heap only grows at the top).
    pub chunks: Vec<Chunk>,
    /// The tcache: per chunk size, indices of freed chunks, last freed last.
    /// (u32, not usize: a slice of usize hashes as raw bytes, whose width
    /// differs between wasm32 and 64-bit targets, breaking `digest`.)
    pub bins: Vec<(u64, Vec<u32>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub id: Id,
    /// Start of the chunk; the pointer malloc returns is `addr + 16`.
    pub addr: Addr,
    /// Chunk size, header included.
    pub size: u64,
    pub requested: u64,
    /// The C type written at the call site, for labels. Shared: a leak
    /// loop's thousands of chunks, kept in every step's state, hold one.
    pub ty: Rc<str>,
    pub free: bool,
    pub value: Value,
}

impl Chunk {
    pub fn payload(&self) -> Addr {
        self.addr.offset(CHUNK_HEADER)
    }
}

/// The chunk size malloc uses for a request of `n` bytes.
pub fn chunk_size(n: u64) -> u64 {
    (n + 8).next_multiple_of(16).max(32)
}

impl CHeap {
    pub fn new(limit: u64) -> CHeap {
        CHeap { base: Addr(C_HEAP_BASE), top: Addr(C_HEAP_BASE + TCACHE_STRUCT), limit, chunks: Vec::new(), bins: Vec::new() }
    }

    /// Bytes the heap occupies, malloc's own bookkeeping included.
    pub fn used(&self) -> u64 {
        self.top.0 - self.base.0
    }

    /// malloc(n): the most recently freed chunk of the same size, else a
    /// new chunk from the top. Returns the pointer handed to the program.
    pub fn malloc(&mut self, id: Id, ty: &str, n: u64, value: Value) -> Addr {
        let size = chunk_size(n);
        // The type of a recent chunk, if it is this one: a loop allocates
        // the same type again and again.
        let ty = match self.chunks.iter().rev().take(8).find(|c| &*c.ty == ty) {
            Some(c) => c.ty.clone(),
            None => Rc::from(ty),
        };
        let reuse = self.bins.iter_mut().find(|(s, _)| *s == size).and_then(|(_, bin)| bin.pop());
        let mut chunk = Chunk { id, addr: self.top, size, requested: n, ty, free: false, value };
        let i = match reuse.map(|i| i as usize) {
            Some(i) => {
                let old = &self.chunks[i];
                // tcache_get clears the key and leaves the link.
                let link = match &old.value {
                    Value::Struct(f) => f.first().map_or(0, |f| if let Value::Int(w) = f.value { w } else { 0 }),
                    _ => 0,
                };
                overlay(&mut chunk.value, &[link, 0], &mut 0);
                self.chunks[i] = Chunk { addr: old.addr, ..chunk };
                i
            }
            None => {
                self.top = self.top.offset(size);
                self.chunks.push(chunk);
                self.chunks.len() - 1
            }
        };
        self.chunks[i].payload()
    }

    /// free(p). Returns false when `p` is not a live chunk's pointer (a
    /// double free or a wild pointer: glibc aborts on many of these).
    pub fn free(&mut self, p: Addr) -> bool {
        let Some(i) = self.chunk_at(p).filter(|&i| self.chunks[i].payload() == p && !self.chunks[i].free) else { return false };
        let size = self.chunks[i].size;
        let head = self.bins.iter().find(|(s, _)| *s == size).and_then(|(_, bin)| bin.last()).map(|&j| self.chunks[j as usize].payload());
        let c = &mut self.chunks[i];
        c.free = true;
        // tcache_put: the link, then the key; the rest keeps its old bytes,
        // shown as a block.
        let mut words = alloc::vec![
            Field { name: String::from("next"), value: Value::Int(safe_link(p, head)) },
            Field { name: String::from("key"), value: Value::Int(TCACHE_KEY) },
        ];
        let rest = c.size - CHUNK_HEADER - 16;
        if rest > 0 {
            words.push(Field { name: String::from("rest"), value: Value::Bytes(rest) });
        }
        c.value = Value::Struct(words);
        match self.bins.iter_mut().find(|(s, _)| *s == size) {
            Some((_, bin)) => bin.push(i as u32),
            None => self.bins.push((size, alloc::vec![i as u32])),
        }
        true
    }

    /// The chunk whose user bytes include `addr`, freed or not: a dangling
    /// pointer still leads somewhere.
    pub fn chunk_at(&self, addr: Addr) -> Option<usize> {
        // Chunks are sorted by address: binary search for the last one
        // starting at or below `addr`.
        let i = self.chunks.partition_point(|c| c.addr <= addr).checked_sub(1)?;
        let c = &self.chunks[i];
        (addr >= c.payload() && addr.0 < c.addr.0 + c.size).then_some(i)
    }

    /// Memory the process holds that it can no longer reach or free.
    pub fn in_use(&self) -> u64 {
        self.chunks.iter().filter(|c| !c.free).map(|c| c.size).sum()
    }
}

/// Writes `words` over the word-sized scalars of `v` from byte `*at` on:
/// what a program reads from memory it did not initialise.
fn overlay(v: &mut Value, words: &[i64], at: &mut u64) {
    let word = |at: u64| if at.is_multiple_of(8) { words.get((at / 8) as usize).copied() } else { None };
    match v {
        Value::Int(i) => *i = word(*at).unwrap_or(*i),
        Value::Ptr(_) | Value::Nil => {
            if let Some(w) = word(*at) {
                *v = if w == 0 { Value::Nil } else { Value::Ptr(Addr(w as u64)) };
            }
        }
        Value::Struct(fields) => {
            for f in fields {
                overlay(&mut f.value, words, at);
            }
            return;
        }
        Value::Slice { .. } | Value::Bytes(_) => {}
    }
    *at += v.size();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_sizes_match_glibc() {
        assert_eq!(chunk_size(1), 32);
        assert_eq!(chunk_size(24), 32);
        assert_eq!(chunk_size(25), 48);
        assert_eq!(chunk_size(4096), 4112);
    }

    #[test]
    fn free_then_malloc_of_the_same_size_returns_the_same_address() {
        let mut h = CHeap::new(1 << 20);
        let a = h.malloc(Id(1), "Account", 16, Value::Int(0));
        assert_eq!(a, Addr(0x5555_5555_92a0), "the classic first pointer");
        let b = h.malloc(Id(2), "int", 8, Value::Int(0));
        assert_eq!(b.0 - a.0, 32);
        assert!(h.free(a));
        assert!(!h.free(a), "double free is refused");
        let c = h.malloc(Id(3), "Order", 16, Value::Int(7));
        assert_eq!(c, a);
        assert_eq!(h.chunks.len(), 2);
        assert_eq!(h.chunk_at(a.offset(8)), Some(0));
    }

    /// What glibc 2.36 leaves in a reused chunk (a run of manual-heap's
    /// main.c under setarch -R prints "22906492249 0" for the new Order).
    #[test]
    fn a_reused_chunk_keeps_free_s_link_and_loses_the_key() {
        let pair =
            |a: &str, b: &str| Value::Struct(alloc::vec![Field { name: a.into(), value: Value::Int(0) }, Field { name: b.into(), value: Value::Int(0) }]);
        let mut h = CHeap::new(1 << 20);
        let a = h.malloc(Id(1), "Account", 16, pair("id", "balance"));
        assert!(h.free(a));
        let words = |h: &CHeap| match &h.chunks[0].value {
            Value::Struct(f) => f.iter().map(|f| f.value.clone()).collect::<Vec<_>>(),
            v => panic!("{v:?}"),
        };
        assert_eq!(words(&h), [Value::Int(0x5_5555_5559), Value::Int(TCACHE_KEY)], "the link to nothing is the page number");
        let b = h.malloc(Id(2), "Order", 16, pair("qty", "price"));
        assert_eq!(b, a);
        assert_eq!(words(&h), [Value::Int(22_906_492_249), Value::Int(0)]);
        // A second free chunk in the bin links to the first.
        let c = h.malloc(Id(3), "Order", 16, pair("qty", "price"));
        assert!(h.free(b) && h.free(c));
        assert_eq!(
            h.chunks[1].value,
            Value::Struct(alloc::vec![
                Field { name: "next".into(), value: Value::Int(safe_link(c, Some(b))) },
                Field { name: "key".into(), value: Value::Int(TCACHE_KEY) },
            ])
        );
    }
}
