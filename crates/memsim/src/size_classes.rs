//! Go's small-object size classes.
//!
//! The table, [`SIZE_CLASSES`], is Go 1.27.3's, from
//! src/internal/runtime/gc/sizeclasses.go. It lives in size_class_table.rs,
//! generated from the copy in crates/memsim/data/go-sizeclasses.tsv by
//! crates/memsim/examples/gen_size_classes.rs (scripts/gen-size-classes.sh);
//! tests/size_class_table.rs keeps the two equal, and tests/truth compares
//! the table with the installed Go's sizeclasses.go. Everything here is
//! written by hand.
//!
//! Class 0 is "large": a request over 32,760 B gets its own span of whole
//! 8 KiB pages. Rounding a request up to its class wastes at most 12.5%;
//! chopping a span into objects wastes at most 12.5% more (the tail).

pub use crate::size_class_table::SIZE_CLASSES;

/// Bytes in a heap page (`_PageShift = 13`).
pub const PAGE_SIZE: u64 = 8192;
/// The largest size class (`_MaxSmallSize`). Since Go 1.22 the largest
/// small *request* is 8 bytes less ([`MAX_SMALL_REQUEST`]).
pub const MAX_SMALL_SIZE: u64 = 32768;
/// Pointer-free requests under this size go to the tiny allocator.
pub const TINY_SIZE: u64 = 16;
/// Since Go 1.22, small objects with pointers over 512 B carry an 8-byte
/// malloc header, so the small path tests `size <= MAX_SMALL_SIZE - 8`.
pub const MALLOC_HEADER_SIZE: u64 = 8;
/// The largest request `mallocgc` serves from a size class, with or without
/// pointers (`size <= maxSmallSize-gc.MallocHeaderSize`); from 32,761 bytes
/// on, even a pointer-free request is a large object of whole pages.
pub const MAX_SMALL_REQUEST: u64 = MAX_SMALL_SIZE - MALLOC_HEADER_SIZE;

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeClass {
    pub class: u8,
    pub bytes_per_obj: u32,
    pub bytes_per_span: u32,
    pub objects: u16,
    pub tail_waste: u16,
}

/// The size class that holds `size` bytes (a request plus any malloc
/// header), or `None` past the largest class. Which requests are small at
/// all is [`class_of_request`]'s question.
pub fn class_for(size: u64) -> Option<SizeClass> {
    if size > MAX_SMALL_SIZE {
        return None;
    }
    SIZE_CLASSES.iter().copied().find(|c| u64::from(c.bytes_per_obj) >= size)
}

/// The size class a request of `size` bytes of an object with or without
/// pointers is served from, as `mallocgc` decides since Go 1.22, or `None`
/// for a large object: small pointerful objects over 512 B first grow by an
/// 8-byte malloc header.
pub fn class_of_request(size: u64, has_pointers: bool) -> Option<SizeClass> {
    if size > MAX_SMALL_REQUEST {
        return None;
    }
    class_for(with_header(size, has_pointers))
}

/// Bytes the allocator hands out for a request of `size` bytes of an
/// object with or without pointers: its size class's size, or whole pages.
pub fn alloc_size(size: u64, has_pointers: bool) -> u64 {
    match class_of_request(size, has_pointers) {
        Some(c) => u64::from(c.bytes_per_obj),
        None => size.div_ceil(PAGE_SIZE) * PAGE_SIZE,
    }
}

/// The request plus its malloc header, when it gets one.
pub fn with_header(size: u64, has_pointers: bool) -> u64 {
    if has_pointers && size > 512 && size <= MAX_SMALL_REQUEST {
        size + MALLOC_HEADER_SIZE
    } else {
        size
    }
}

/// Whether a request goes to the tiny allocator: pointer-free, non-zero,
/// under 16 bytes.
pub fn is_tiny(size: u64, has_pointers: bool) -> bool {
    !has_pointers && size > 0 && size < TINY_SIZE
}

/// A tiny object's alignment: 8, 4 or 2 when its size is a multiple of
/// that, else 1.
pub fn tiny_align(size: u64) -> u64 {
    [8, 4, 2].into_iter().find(|a| size.is_multiple_of(*a)).unwrap_or(1)
}

/// How many back-to-back tiny objects of `size` bytes share one 16-byte
/// block: each is aligned to 8, 4 or 2 bytes when its size is a multiple of
/// that, as `mallocgc`'s tiny path does.
pub fn tiny_objects_per_block(size: u64) -> u64 {
    let align = tiny_align(size);
    let (mut off, mut n): (u64, u64) = (0, 0);
    loop {
        off = off.next_multiple_of(align);
        if off + size > TINY_SIZE {
            return n;
        }
        off += size;
        n += 1;
    }
}

/// Objects a span of `class` really holds in Go 1.27 (mheap.initSpan): the
/// table's `objects` column is an upper bound. With Green Tea, classes of
/// 16–512 B keep 128 B of inline mark bits at the end of the span, and
/// spans of pointerful objects up to 512 B also keep their pointer bitmap
/// there (one bit per 8-byte word: span bytes / 64).
pub fn nelems(c: SizeClass, noscan: bool) -> u64 {
    let (size, bytes) = (u64::from(c.bytes_per_obj), u64::from(c.bytes_per_span));
    let heap_bits_in_span = size <= 512;
    let mut reserve = 0;
    if heap_bits_in_span && size >= 16 {
        reserve += 128;
    }
    if heap_bits_in_span && !noscan {
        reserve += bytes / 64;
    }
    (bytes - reserve) / size
}

#[cfg(test)]
extern crate std;

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    #[test]
    fn classes_are_sorted_and_consistent() {
        for (i, c) in SIZE_CLASSES.iter().enumerate() {
            assert_eq!(usize::from(c.class), i + 1);
            let used = u32::from(c.objects) * c.bytes_per_obj;
            assert_eq!(c.bytes_per_span - used, u32::from(c.tail_waste), "class {}", c.class);
            assert_eq!(c.bytes_per_span % PAGE_SIZE as u32, 0);
        }
        assert!(SIZE_CLASSES.windows(2).all(|w| w[0].bytes_per_obj < w[1].bytes_per_obj));
    }

    #[test]
    fn rounding_matches_go() {
        assert_eq!(alloc_size(1, false), 8);
        assert_eq!(alloc_size(16, false), 16);
        assert_eq!(alloc_size(17, false), 24);
        // The case study: 1,000 `any` values = 16,000 B, class 59.
        assert_eq!(class_for(16_000).map(|c| c.class), Some(59));
        assert_eq!(alloc_size(16_000, false), 16_384);
        assert_eq!(alloc_size(32_769, false), 40_960);
        assert_eq!(alloc_size(1 << 20, false), 1 << 20);
        // Malloc headers: 520 B of pointers need 528, class 27 (576 B).
        assert_eq!(alloc_size(520, true), 576);
        assert_eq!(alloc_size(520, false), 576);
        assert_eq!(alloc_size(512, true), 512);
        assert_eq!(alloc_size(32_760, true), 32_768);
    }

    #[test]
    fn small_requests_end_8_bytes_below_the_largest_class() {
        // 32,760 B, with its header or without, is class 67's last request.
        assert_eq!(class_of_request(32_760, true).map(|c| c.class), Some(67));
        assert_eq!(class_of_request(32_760, false).map(|c| c.class), Some(67));
        // From 32,761 B on, pointers or not: a large object of whole pages,
        // though 32,768 B is also class 67's size.
        for n in [32_761, 32_768] {
            assert_eq!(class_of_request(n, false), None, "{n}");
            assert_eq!(class_of_request(n, true), None, "{n}");
            assert_eq!(alloc_size(n, false), 32_768, "{n}: four pages");
        }
    }

    #[test]
    fn spans_reserve_room_for_mark_and_pointer_bits() {
        let class = |n: u8| SIZE_CLASSES[usize::from(n) - 1];
        // The reference's example: a 16-byte span with pointers holds 496.
        assert_eq!(nelems(class(2), false), 496);
        assert_eq!(nelems(class(2), true), 504);
        assert_eq!(nelems(class(1), false), 1008);
        assert_eq!(nelems(class(1), true), 1024);
        assert_eq!(nelems(class(26), false), 15);
        assert_eq!(nelems(class(32), false), 8, "over 512 B: a malloc header instead, no reserve");
    }

    /// The table equals data/go-sizeclasses.tsv, the copy of Go's
    /// sizeclasses.go table kept in the repository.
    #[test]
    fn table_equals_the_reference_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/go-sizeclasses.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let rows: Vec<Vec<&str>> = text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("class")).map(|l| l.split('\t').collect()).collect();
        assert_eq!(rows.len(), SIZE_CLASSES.len());
        for (row, c) in rows.iter().zip(SIZE_CLASSES) {
            let n = |i: usize| row[i].parse::<u32>().expect("number");
            assert_eq!((n(0), n(1), n(2), n(3), n(4)), (u32::from(c.class), c.bytes_per_obj, c.bytes_per_span, u32::from(c.objects), u32::from(c.tail_waste)));
        }
    }

    #[test]
    fn tiny_blocks_pack_aligned_objects() {
        assert_eq!(tiny_objects_per_block(1), 16);
        assert_eq!(tiny_objects_per_block(8), 2);
        assert_eq!(tiny_objects_per_block(6), 2);
        assert_eq!(tiny_objects_per_block(5), 3);
        assert_eq!(tiny_objects_per_block(15), 1);
        assert!(is_tiny(15, false) && !is_tiny(16, false) && !is_tiny(8, true));
    }
}
