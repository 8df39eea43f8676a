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

use crate::addr::{Addr, Id};
use crate::value::Value;
use alloc::string::String;
use alloc::vec::Vec;

/// Where glibc's heap starts in a typical non-randomized run.
pub const C_HEAP_BASE: u64 = 0x5555_5555_9000;
/// malloc's own per-thread cache (tcache_perthread_struct) is the heap's
/// first chunk, 0x290 bytes, so the first user pointer is base + 0x2a0.
pub const TCACHE_STRUCT: u64 = 0x290;
/// The hidden size word at the start of each chunk.
pub const CHUNK_HEADER: u64 = 16;

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
    /// The C type written at the call site, for labels.
    pub ty: String,
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
    pub fn malloc(&mut self, id: Id, ty: String, n: u64, value: Value) -> Addr {
        let size = chunk_size(n);
        let reuse = self.bins.iter_mut().find(|(s, _)| *s == size).and_then(|(_, bin)| bin.pop());
        let chunk = Chunk { id, addr: self.top, size, requested: n, ty, free: false, value };
        let i = match reuse.map(|i| i as usize) {
            Some(i) => {
                let addr = self.chunks[i].addr;
                self.chunks[i] = Chunk { addr, ..chunk };
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
        let c = &mut self.chunks[i];
        c.free = true;
        c.value = Value::Bytes(c.size - CHUNK_HEADER);
        let size = c.size;
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
        let a = h.malloc(Id(1), "Account".into(), 16, Value::Int(0));
        assert_eq!(a, Addr(0x5555_5555_92a0), "the classic first pointer");
        let b = h.malloc(Id(2), "int".into(), 8, Value::Int(0));
        assert_eq!(b.0 - a.0, 32);
        assert!(h.free(a));
        assert!(!h.free(a), "double free is refused");
        let c = h.malloc(Id(3), "Order".into(), 16, Value::Int(7));
        assert_eq!(c, a);
        assert_eq!(h.chunks.len(), 2);
        assert_eq!(h.chunk_at(a.offset(8)), Some(0));
    }
}
