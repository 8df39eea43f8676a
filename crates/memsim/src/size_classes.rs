//! Go's small-object size classes.
//!
//! Code generated from Go 1.27.3's internal/runtime/gc/sizeclasses.go
//! (via shared/reference/go-sizeclasses.tsv); DO NOT EDIT.
//!
//! Class 0 is "large": an object over 32 KiB gets its own span of whole
//! 8 KiB pages. Rounding a request up to its class wastes at most 12.5%;
//! chopping a span into objects wastes at most 12.5% more (the tail).
//!
//!    class  bytes/obj  bytes/span  objects  tail waste  max waste
//!        1          8        8192     1024           0     87.50%
//!        2         16        8192      512           0     43.75%
//!        3         24        8192      341           8     29.24%
//!        4         32        8192      256           0     21.88%
//!        5         48        8192      170          32     31.52%
//!        6         64        8192      128           0     23.44%
//!        7         80        8192      102          32     19.07%
//!        8         96        8192       85          32     15.95%
//!        9        112        8192       73          16     13.56%
//!       10        128        8192       64           0     11.72%
//!       11        144        8192       56         128     11.82%
//!       12        160        8192       51          32      9.73%
//!       13        176        8192       46          96      9.59%
//!       14        192        8192       42         128      9.25%
//!       15        208        8192       39          80      8.12%
//!       16        224        8192       36         128      8.15%
//!       17        240        8192       34          32      6.62%
//!       18        256        8192       32           0      5.86%
//!       19        288        8192       28         128     12.16%
//!       20        320        8192       25         192     11.80%
//!       21        352        8192       23          96      9.88%
//!       22        384        8192       21         128      9.51%
//!       23        416        8192       19         288     10.71%
//!       24        448        8192       18         128      8.37%
//!       25        480        8192       17          32      6.82%
//!       26        512        8192       16           0      6.05%
//!       27        576        8192       14         128     12.33%
//!       28        640        8192       12         512     15.48%
//!       29        704        8192       11         448     13.93%
//!       30        768        8192       10         512     13.94%
//!       31        896        8192        9         128     15.52%
//!       32       1024        8192        8           0     12.40%
//!       33       1152        8192        7         128     12.41%
//!       34       1280        8192        6         512     15.55%
//!       35       1408       16384       11         896     14.00%
//!       36       1536        8192        5         512     14.00%
//!       37       1792       16384        9         256     15.57%
//!       38       2048        8192        4           0     12.45%
//!       39       2304       16384        7         256     12.46%
//!       40       2688        8192        3         128     15.59%
//!       41       3072       24576        8           0     12.47%
//!       42       3200       16384        5         384      6.22%
//!       43       3456       24576        7         384      8.83%
//!       44       4096        8192        2           0     15.60%
//!       45       4864       24576        5         256     16.65%
//!       46       5376       16384        3         256     10.92%
//!       47       6144       24576        4           0     12.48%
//!       48       6528       32768        5         128      6.23%
//!       49       6784       40960        6         256      4.36%
//!       50       6912       49152        7         768      3.37%
//!       51       8192        8192        1           0     15.61%
//!       52       9472       57344        6         512     14.28%
//!       53       9728       49152        5         512      3.64%
//!       54      10240       40960        4           0      4.99%
//!       55      10880       32768        3         128      6.24%
//!       56      12288       24576        2           0     11.45%
//!       57      13568       40960        3         256      9.99%
//!       58      14336       57344        4           0      5.35%
//!       59      16384       16384        1           0     12.49%
//!       60      18432       73728        4           0     11.11%
//!       61      19072       57344        3         128      3.57%
//!       62      20480       40960        2           0      6.87%
//!       63      21760       65536        3         256      6.25%
//!       64      24576       24576        1           0     11.45%
//!       65      27264       81920        3         128     10.00%
//!       66      28672       57344        2           0      4.91%
//!       67      32768       32768        1           0     12.50%

/// Bytes in a heap page (`_PageShift = 13`).
pub const PAGE_SIZE: u64 = 8192;
/// Largest small object (`_MaxSmallSize`); bigger requests are large objects.
pub const MAX_SMALL_SIZE: u64 = 32768;
/// Pointer-free requests under this size go to the tiny allocator.
pub const TINY_SIZE: u64 = 16;
/// Since Go 1.22, small objects with pointers over 512 B carry an 8-byte
/// malloc header, so the small path tests `size <= MAX_SMALL_SIZE - 8`.
pub const MALLOC_HEADER_SIZE: u64 = 8;

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeClass {
    pub class: u8,
    pub bytes_per_obj: u32,
    pub bytes_per_span: u32,
    pub objects: u16,
    pub tail_waste: u16,
}

const fn c(class: u8, bytes_per_obj: u32, bytes_per_span: u32, objects: u16, tail_waste: u16) -> SizeClass {
    SizeClass { class, bytes_per_obj, bytes_per_span, objects, tail_waste }
}

/// Classes 1..=67, in order.
pub const SIZE_CLASSES: [SizeClass; 67] = [
    c(1, 8, 8192, 1024, 0),
    c(2, 16, 8192, 512, 0),
    c(3, 24, 8192, 341, 8),
    c(4, 32, 8192, 256, 0),
    c(5, 48, 8192, 170, 32),
    c(6, 64, 8192, 128, 0),
    c(7, 80, 8192, 102, 32),
    c(8, 96, 8192, 85, 32),
    c(9, 112, 8192, 73, 16),
    c(10, 128, 8192, 64, 0),
    c(11, 144, 8192, 56, 128),
    c(12, 160, 8192, 51, 32),
    c(13, 176, 8192, 46, 96),
    c(14, 192, 8192, 42, 128),
    c(15, 208, 8192, 39, 80),
    c(16, 224, 8192, 36, 128),
    c(17, 240, 8192, 34, 32),
    c(18, 256, 8192, 32, 0),
    c(19, 288, 8192, 28, 128),
    c(20, 320, 8192, 25, 192),
    c(21, 352, 8192, 23, 96),
    c(22, 384, 8192, 21, 128),
    c(23, 416, 8192, 19, 288),
    c(24, 448, 8192, 18, 128),
    c(25, 480, 8192, 17, 32),
    c(26, 512, 8192, 16, 0),
    c(27, 576, 8192, 14, 128),
    c(28, 640, 8192, 12, 512),
    c(29, 704, 8192, 11, 448),
    c(30, 768, 8192, 10, 512),
    c(31, 896, 8192, 9, 128),
    c(32, 1024, 8192, 8, 0),
    c(33, 1152, 8192, 7, 128),
    c(34, 1280, 8192, 6, 512),
    c(35, 1408, 16384, 11, 896),
    c(36, 1536, 8192, 5, 512),
    c(37, 1792, 16384, 9, 256),
    c(38, 2048, 8192, 4, 0),
    c(39, 2304, 16384, 7, 256),
    c(40, 2688, 8192, 3, 128),
    c(41, 3072, 24576, 8, 0),
    c(42, 3200, 16384, 5, 384),
    c(43, 3456, 24576, 7, 384),
    c(44, 4096, 8192, 2, 0),
    c(45, 4864, 24576, 5, 256),
    c(46, 5376, 16384, 3, 256),
    c(47, 6144, 24576, 4, 0),
    c(48, 6528, 32768, 5, 128),
    c(49, 6784, 40960, 6, 256),
    c(50, 6912, 49152, 7, 768),
    c(51, 8192, 8192, 1, 0),
    c(52, 9472, 57344, 6, 512),
    c(53, 9728, 49152, 5, 512),
    c(54, 10240, 40960, 4, 0),
    c(55, 10880, 32768, 3, 128),
    c(56, 12288, 24576, 2, 0),
    c(57, 13568, 40960, 3, 256),
    c(58, 14336, 57344, 4, 0),
    c(59, 16384, 16384, 1, 0),
    c(60, 18432, 73728, 4, 0),
    c(61, 19072, 57344, 3, 128),
    c(62, 20480, 40960, 2, 0),
    c(63, 21760, 65536, 3, 256),
    c(64, 24576, 24576, 1, 0),
    c(65, 27264, 81920, 3, 128),
    c(66, 28672, 57344, 2, 0),
    c(67, 32768, 32768, 1, 0),
];

/// The size class a small request rounds up to, or `None` for a large object.
pub fn class_for(size: u64) -> Option<SizeClass> {
    if size > MAX_SMALL_SIZE {
        return None;
    }
    SIZE_CLASSES.iter().copied().find(|c| u64::from(c.bytes_per_obj) >= size)
}

/// Bytes the allocator hands out for a request of `size` bytes: the class
/// size for small objects, whole pages for large ones.
pub fn rounded_size(size: u64) -> u64 {
    match class_for(size) {
        Some(c) => u64::from(c.bytes_per_obj),
        None => size.div_ceil(PAGE_SIZE) * PAGE_SIZE,
    }
}

/// Bytes the allocator hands out for a request of `size` bytes of an
/// object with or without pointers, as `mallocgc` does since Go 1.22: small
/// pointerful objects over 512 B first grow by an 8-byte malloc header.
pub fn alloc_size(size: u64, has_pointers: bool) -> u64 {
    rounded_size(with_header(size, has_pointers))
}

/// The request plus its malloc header, when it gets one.
pub fn with_header(size: u64, has_pointers: bool) -> u64 {
    if has_pointers && size > 512 && size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
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
        assert_eq!(rounded_size(1), 8);
        assert_eq!(rounded_size(16), 16);
        assert_eq!(rounded_size(17), 24);
        // The case study: 1,000 `any` values = 16,000 B, class 59.
        assert_eq!(class_for(16_000).map(|c| c.class), Some(59));
        assert_eq!(rounded_size(16_000), 16_384);
        assert_eq!(rounded_size(32_768), 32_768);
        assert_eq!(rounded_size(32_769), 40_960);
        assert_eq!(rounded_size(1 << 20), 1 << 20);
        // Malloc headers: 520 B of pointers need 528, class 27 (576 B).
        assert_eq!(alloc_size(520, true), 576);
        assert_eq!(alloc_size(520, false), 576);
        assert_eq!(alloc_size(512, true), 512);
        assert_eq!(alloc_size(32_760, true), 32_768);
        assert_eq!(alloc_size(32_768, true), 32_768);
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

    /// The table equals shared/reference/go-sizeclasses.tsv, which sits
    /// beside the repository on every machine that builds it.
    #[test]
    fn table_equals_the_reference_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference/go-sizeclasses.tsv");
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
