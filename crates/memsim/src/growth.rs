//! Goroutine stacks that grow, three ways:
//!
//!    Fixed       one block of memory; a call that does not fit overflows
//!                (a C thread's 8 MiB stack; SIGSEGV).
//!    Segmented   Go ≤ 1.2: a call that does not fit links a new segment and
//!                returning from its first frame frees it again — the
//!                "hot split" when that happens in a loop.
//!    Copying     Go 1.3+: the prologue compares SP with the stack guard;
//!                morestack allocates a stack twice the size (doubling until
//!                the frame fits), copies every frame, adjusts every pointer
//!                into the old stack — in frames and registers — and frees
//!                the old stack. GC shrinks a stack to half when under a
//!                quarter is used. Past 1,000,000,000 bytes: fatal error.
//!
//! Stacks grow down: a frame of `size` bytes occupies [base − size, base)
//! and its 8-byte slots sit from its low end up. A pointer is an address;
//! because escape analysis keeps heap objects from pointing into stacks,
//! the frames and registers are the only places that can hold one, so
//! adjusting them is enough (Go's `adjustframe`, `adjustctxt`, …).
//!
//! Everything is integers and vectors: the same program gives the same
//! states, and [`GStack::resolve`] says which logical variable (frame id,
//! slot) an address names, so tests can check a pointer still names the
//! same variable after any number of copies.

use alloc::vec::Vec;

/// The stack guard on linux/amd64: StackNosplitBase 800 + StackSmall 128.
pub const GUARD: u64 = 928;
/// Go ≤ 1.2's stack guard: StackGuard = 256 + StackSystem (0 on Linux),
/// runtime/stack.h.
pub const SEGMENT_GUARD: u64 = 256;
/// How far below the guard a frame may end (`StackSmall`): a prologue checks
/// SP − (frame − 128) against the guard, or SP alone for a frame of up to
/// 128 bytes, saving an instruction (internal/abi/stack.go; the same in
/// Go ≤ 1.2).
pub const STACK_SMALL: u64 = 128;

/// Whether a prologue at `sp` for a frame of `size` bytes, on a stack whose
/// guard ends at `guard`, calls morestack: SP − (frame − StackSmall) at or
/// below the guard.
fn prologue_grows(sp: u64, size: u64, guard: u64) -> bool {
    sp.saturating_sub(size.max(STACK_SMALL) - STACK_SMALL) <= guard
}
/// A new goroutine's stack since Go 1.4 (and the minimum since 1.19).
pub const START_SIZE: u64 = 2048;
/// main.main's goroutine's stack when main starts (Go 1.27, amd64): the
/// runtime's start-up has already grown it from [`START_SIZE`].
pub const MAIN_START_SIZE: u64 = 4096;
/// runtime.maxstacksize on 64-bit: decimal, for a nicer error message.
pub const MAX_STACK: u64 = 1_000_000_000;
/// Go ≤ 1.2's segment size (the minimum stack since Go 1.2).
pub const SEGMENT: u64 = 8192;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// One block of this many bytes.
    Fixed(u64),
    /// Segments of at least this many bytes.
    Segmented(u64),
    /// Go's contiguous stacks, starting at this size.
    Copying(u64),
}

impl Scheme {
    /// The room a frame must leave at the bottom of its stack or segment
    /// (none for a fixed stack, which has no check and overflows).
    pub fn guard(self) -> u64 {
        match self {
            Scheme::Fixed(_) => 0,
            Scheme::Segmented(_) => SEGMENT_GUARD,
            Scheme::Copying(_) => GUARD,
        }
    }
}

/// What an 8-byte slot or register holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Word {
    Int(i64),
    /// An address; a pointer into the stack while it lies inside it.
    Ptr(u64),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GFrame {
    /// Never reused.
    pub id: u32,
    pub func: &'static str,
    pub size: u64,
    /// The frame's high end; it occupies [base − size, base).
    pub base: u64,
    /// The frame's words from its low end up to the last one written; the
    /// rest are zero. A C stack 9,000 frames of 1 KiB deep wrote a few words
    /// but, held whole, took 18 MB and tens of milliseconds to build.
    pub slots: Vec<Word>,
    /// Which segment holds it (always 0 unless segmented).
    pub segment: usize,
}

impl GFrame {
    pub fn lo(&self) -> u64 {
        self.base - self.size
    }
    pub fn slot_addr(&self, i: usize) -> u64 {
        self.lo() + 8 * i as u64
    }
    /// How many 8-byte words the frame holds.
    pub fn words(&self) -> usize {
        (self.size / 8) as usize
    }
    /// Word `i`, if the frame has one.
    pub fn word(&self, i: usize) -> Option<Word> {
        (i < self.words()).then(|| self.slots.get(i).copied().unwrap_or(Word::Int(0)))
    }
    fn word_mut(&mut self, i: usize) -> Option<&mut Word> {
        if i >= self.words() {
            return None;
        }
        if i >= self.slots.len() {
            self.slots.resize(i + 1, Word::Int(0));
        }
        self.slots.get_mut(i)
    }
}

/// A block of stack memory: [lo, hi).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub lo: u64,
    pub hi: u64,
}

impl Block {
    pub fn size(&self) -> u64 {
        self.hi - self.lo
    }
    pub fn contains(&self, a: u64) -> bool {
        (self.lo..self.hi).contains(&a)
    }
}

/// What happened to a stack so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Counters {
    pub copies: u32,
    pub bytes_copied: u64,
    pub shrinks: u32,
    pub segments_linked: u32,
    pub segments_freed: u32,
    /// The largest the stack has been.
    pub peak: u64,
}

/// Why a call could not go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Overflow {
    /// A fixed stack ran out: the call would write below its end.
    Fixed { size: u64 },
    /// A Go stack would have to grow past the limit.
    Limit { limit: u64, sp: u64, lo: u64, hi: u64 },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GOp {
    /// Call `func` with a frame of `size` bytes (a multiple of 8).
    Call {
        func: &'static str,
        size: u64,
    },
    Return,
    /// Slot `slot` of the current frame := an integer.
    Set {
        slot: usize,
        value: i64,
    },
    /// Slot `slot` of the current frame := &(slot `src` of the frame
    /// `back` calls up; 0 is the current frame).
    TakeAddr {
        slot: usize,
        back: usize,
        src: usize,
    },
    /// The register := slot `slot` of the current frame.
    Load {
        slot: usize,
    },
    /// *slot (a pointer) += value.
    AddThrough {
        slot: usize,
        value: i64,
    },
    /// Record slot `slot` of the current frame, or what it points to.
    Print {
        slot: usize,
    },
    /// A GC's stack scan: shrink when under a quarter is in use.
    Shrink,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GStack {
    pub scheme: Scheme,
    /// The stack's blocks: one, or a segment chain (first = top).
    pub blocks: Vec<Block>,
    /// The block a copy just left (freed), for the picture.
    pub freed: Option<Block>,
    pub frames: Vec<GFrame>,
    pub register: Word,
    pub counters: Counters,
    pub overflow: Option<Overflow>,
    pub out: Vec<i64>,
    next_id: u32,
    /// Where the next block is allocated (blocks come from the heap).
    next_block: u64,
}

/// Stack memory starts here in the pictures (an illustrative address).
pub const STACK_BASE: u64 = 0xc000100000;
/// A C main thread's stack ends here: just under the top of a 64-bit
/// Linux process's address space, as with address randomization off (the
/// C heap chapter's stack sits at the same place).
pub const C_STACK_HI: u64 = 0x7fff_ffff_e000;

impl GStack {
    pub fn new(scheme: Scheme) -> GStack {
        let size = match scheme {
            Scheme::Fixed(s) | Scheme::Segmented(s) | Scheme::Copying(s) => s,
        };
        let first = match scheme {
            Scheme::Fixed(_) => Block { lo: C_STACK_HI - size, hi: C_STACK_HI },
            _ => Block { lo: STACK_BASE, hi: STACK_BASE + size },
        };
        GStack {
            scheme,
            blocks: alloc::vec![first],
            freed: None,
            frames: Vec::new(),
            register: Word::Int(0),
            counters: Counters { peak: size, ..Counters::default() },
            overflow: None,
            out: Vec::new(),
            next_id: 1,
            next_block: align_up(first.hi, 1 << 20),
        }
    }

    /// The stack's reserved size (all segments).
    pub fn size(&self) -> u64 {
        self.blocks.iter().map(Block::size).sum()
    }

    /// Bytes the frames use.
    pub fn used(&self) -> u64 {
        self.frames.iter().map(|f| f.size).sum()
    }

    /// The stack pointer: the lowest frame's low end, or the top.
    fn sp(&self, block: usize) -> u64 {
        self.frames.iter().rev().find(|f| f.segment == block).map_or(self.blocks[block].hi, GFrame::lo)
    }

    fn new_block(&mut self, size: u64) -> Block {
        let lo = self.next_block;
        self.next_block = align_up(lo + size, 1 << 20);
        Block { lo, hi: lo + size }
    }

    /// The frame and slot an address names, if it is a slot of a frame.
    pub fn resolve(&self, a: u64) -> Option<(u32, usize)> {
        let f = self.frames.iter().find(|f| (f.lo()..f.base).contains(&a))?;
        let i = ((a - f.lo()) / 8) as usize;
        (i < f.words()).then_some((f.id, i))
    }

    fn word_at(&self, a: u64) -> Option<Word> {
        let f = self.frames.iter().find(|f| (f.lo()..f.base).contains(&a))?;
        f.word(((a - f.lo()) / 8) as usize)
    }

    fn word_at_mut(&mut self, a: u64) -> Option<&mut Word> {
        let f = self.frames.iter_mut().find(|f| (f.lo()..f.base).contains(&a))?;
        let lo = f.lo();
        f.word_mut(((a - lo) / 8) as usize)
    }

    /// Runs one op; after an overflow nothing more runs.
    pub fn apply(&mut self, op: &GOp) {
        if self.overflow.is_some() {
            return;
        }
        // The freed block stays in the picture until the stack changes again.
        if matches!(op, GOp::Call { .. } | GOp::Return | GOp::Shrink) {
            self.freed = None;
        }
        match *op {
            GOp::Call { func, size } => self.call(func, size.max(8)),
            GOp::Return => {
                // Registers do not survive a return (results aside).
                self.register = Word::Int(0);
                if let Some(f) = self.frames.pop() {
                    // Leaving the first frame of a later segment frees it.
                    if f.segment > 0 && !self.frames.iter().any(|g| g.segment == f.segment) {
                        if let Some(b) = self.blocks.pop() {
                            self.freed = Some(b);
                        }
                        self.counters.segments_freed += 1;
                    }
                }
            }
            GOp::Set { slot, value } => {
                if let Some(w) = self.frames.last_mut().and_then(|f| f.word_mut(slot)) {
                    *w = Word::Int(value);
                }
            }
            GOp::TakeAddr { slot, back, src } => {
                let n = self.frames.len();
                let Some(target) = n.checked_sub(1 + back).map(|i| &self.frames[i]) else { return };
                if src >= target.words() {
                    return;
                }
                let a = target.slot_addr(src);
                if let Some(w) = self.frames.last_mut().and_then(|f| f.word_mut(slot)) {
                    *w = Word::Ptr(a);
                }
            }
            GOp::Load { slot } => {
                if let Some(w) = self.frames.last().and_then(|f| f.word(slot)) {
                    self.register = w;
                }
            }
            GOp::AddThrough { slot, value } => {
                let Some(Word::Ptr(a)) = self.frames.last().and_then(|f| f.word(slot)) else { return };
                if let Some(Word::Int(v)) = self.word_at_mut(a) {
                    *v += value;
                }
            }
            GOp::Print { slot } => {
                let v = match self.frames.last().and_then(|f| f.word(slot)) {
                    Some(Word::Ptr(a)) => match self.word_at(a) {
                        Some(Word::Int(v)) => v,
                        _ => -1,
                    },
                    Some(Word::Int(v)) => v,
                    None => return,
                };
                self.out.push(v);
            }
            GOp::Shrink => self.shrink(),
        }
        self.counters.peak = self.counters.peak.max(self.size());
    }

    fn call(&mut self, func: &'static str, size: u64) {
        let id = self.next_id;
        self.next_id += 1;
        let slots = Vec::new();
        match self.scheme {
            Scheme::Fixed(s) => {
                let sp = self.sp(0);
                if sp - size < self.blocks[0].lo {
                    self.overflow = Some(Overflow::Fixed { size: s });
                    return;
                }
                self.frames.push(GFrame { id, func, size, base: sp, slots, segment: 0 });
            }
            Scheme::Segmented(min) => {
                let mut seg = self.blocks.len() - 1;
                let sp = self.sp(seg);
                let guard = self.scheme.guard();
                let base = if prologue_grows(sp, size, self.blocks[seg].lo + guard) {
                    // Does not fit: link a new segment (big enough for it).
                    let b = self.new_block(min.max(size + guard));
                    self.blocks.push(b);
                    self.counters.segments_linked += 1;
                    seg += 1;
                    b.hi
                } else {
                    sp
                };
                self.frames.push(GFrame { id, func, size, base, slots, segment: seg });
            }
            Scheme::Copying(_) => {
                // The prologue: is SP, less the frame beyond StackSmall, at
                // or below the guard?
                let b = self.blocks[0];
                let sp = self.sp(0);
                if prologue_grows(sp, size, b.lo + self.scheme.guard()) {
                    let used = self.used();
                    let mut new = b.size() * 2;
                    while used + size + GUARD > new {
                        new *= 2;
                    }
                    if new > MAX_STACK {
                        self.overflow = Some(Overflow::Limit { limit: MAX_STACK, sp, lo: b.lo, hi: b.hi });
                        return;
                    }
                    self.copy_to(new);
                    self.counters.copies += 1;
                }
                let base = self.sp(0);
                self.frames.push(GFrame { id, func, size, base, slots, segment: 0 });
            }
        }
    }

    /// Moves every frame to a new stack of `size` bytes and adjusts every
    /// pointer into the old one.
    fn copy_to(&mut self, size: u64) {
        let old = self.blocks[0];
        let new = self.new_block(size);
        // Frames keep their distance from the top.
        let moved = |a: u64| if old.contains(a) { new.hi - (old.hi - a) } else { a };
        for f in &mut self.frames {
            f.base = moved(f.base - 1) + 1;
            for w in &mut f.slots {
                if let Word::Ptr(a) = w {
                    *a = moved(*a);
                }
            }
        }
        if let Word::Ptr(a) = &mut self.register {
            *a = moved(*a);
        }
        self.counters.bytes_copied += self.used();
        self.blocks[0] = new;
        self.freed = Some(old);
    }

    fn shrink(&mut self) {
        let Scheme::Copying(_) = self.scheme else { return };
        let size = self.blocks[0].size();
        if size / 2 >= START_SIZE && self.used() < size / 4 {
            self.copy_to(size / 2);
            self.counters.shrinks += 1;
        }
    }
}

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

/// A recursion `depth` calls deep with frames of `frame` bytes, each
/// frame keeping a pointer to a local of the first: how a copying stack
/// grows (size, copies, bytes copied), or where it overflows.
pub fn recurse(scheme: Scheme, depth: u32, frame: u64) -> GStack {
    let mut s = GStack::new(scheme);
    s.apply(&GOp::Call { func: "main", size: 64 });
    s.apply(&GOp::Set { slot: 0, value: 42 });
    for _ in 0..depth {
        s.apply(&GOp::Call { func: "f", size: frame });
        if s.overflow.is_some() {
            break;
        }
        s.apply(&GOp::TakeAddr { slot: 0, back: s.frames.len() - 1, src: 0 });
    }
    s
}

/// How a copying stack fares under a recursion `depth` calls deep with
/// frames of `frame` bytes below a 64-byte main: worked out copy by copy,
/// equal to running [`recurse`] (tested) but cheap at any depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Growth {
    pub size: u64,
    pub used: u64,
    pub copies: u32,
    pub bytes_copied: u64,
    /// The depth at which the stack would pass the limit, if it does.
    pub overflow_at: Option<u64>,
}

pub fn growth(depth: u64, frame: u64) -> Growth {
    const MAIN: u64 = 64;
    let frame = frame.max(8);
    let (mut size, mut copies, mut bytes_copied) = (START_SIZE, 0, 0);
    // A call fits while used + (frame − StackSmall) + guard < size, as the
    // prologue checks (see `prologue_grows`).
    let need = frame.max(STACK_SMALL) - STACK_SMALL;
    loop {
        let room = size.saturating_sub(GUARD + MAIN + need);
        let fits = room.div_ceil(frame).min(depth);
        if fits >= depth {
            return Growth { size, used: MAIN + depth * frame, copies, bytes_copied, overflow_at: None };
        }
        let used = MAIN + fits * frame;
        let mut new = size * 2;
        while used + frame + GUARD > new {
            new *= 2;
        }
        if new > MAX_STACK {
            return Growth { size, used, copies, bytes_copied, overflow_at: Some(fits + 1) };
        }
        copies += 1;
        bytes_copied += used;
        size = new;
    }
}

/// The memory `goroutines` stacks reserve at `each` bytes apiece.
pub fn reserved(goroutines: u64, each: u64) -> u64 {
    goroutines * each
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_holds_only_the_words_written_and_reads_the_rest_as_zero() {
        // The stack-growth chapter's C program: 9,000 frames of 1 KiB.
        let mut s = GStack::new(Scheme::Fixed(8 << 20));
        s.apply(&GOp::Call { func: "main", size: 64 });
        for _ in 0..9000 {
            s.apply(&GOp::Call { func: "depth", size: 1024 });
        }
        assert!(s.overflow.is_some(), "9,000 KiB of frames overflow 8 MiB");
        assert!(s.frames.iter().all(|f| f.slots.is_empty()), "nothing written, nothing held");
        let deep = s.frames.last().expect("a frame");
        assert_eq!((deep.words(), deep.word(127), deep.word(128)), (128, Some(Word::Int(0)), None));

        let mut s = GStack::new(Scheme::Copying(START_SIZE));
        s.apply(&GOp::Call { func: "main", size: 64 });
        s.apply(&GOp::Set { slot: 5, value: 9 });
        s.apply(&GOp::Set { slot: 8, value: 1 });
        let f = &s.frames[0];
        assert_eq!(f.slots.len(), 6, "up to the last word written");
        assert_eq!((f.word(2), f.word(5), f.word(7), f.word(8)), (Some(Word::Int(0)), Some(Word::Int(9)), Some(Word::Int(0)), None));
        s.apply(&GOp::Load { slot: 3 });
        assert_eq!(s.register, Word::Int(0));
        s.apply(&GOp::Call { func: "f", size: 64 });
        s.apply(&GOp::TakeAddr { slot: 0, back: 1, src: 7 });
        s.apply(&GOp::AddThrough { slot: 0, value: 4 });
        assert_eq!(s.frames[0].word(7), Some(Word::Int(4)), "written through a pointer past the last written word");
    }

    #[test]
    fn copying_doubles_until_the_frame_fits_and_keeps_pointers() {
        let mut s = GStack::new(Scheme::Copying(START_SIZE));
        s.apply(&GOp::Call { func: "main", size: 64 });
        s.apply(&GOp::Set { slot: 1, value: 7 });
        s.apply(&GOp::Call { func: "f", size: 600 });
        s.apply(&GOp::TakeAddr { slot: 0, back: 1, src: 1 });
        let Word::Ptr(before) = s.frames[1].slots[0] else { panic!("pointer") };
        assert_eq!(s.resolve(before), Some((1, 1)));
        // 64 + 600 + 928 fit in 2 KiB; one more 600 does not: 4 KiB.
        s.apply(&GOp::Call { func: "g", size: 600 });
        assert_eq!((s.size(), s.counters.copies, s.counters.bytes_copied), (4096, 1, 664));
        let Word::Ptr(after) = s.frames[1].slots[0] else { panic!("pointer") };
        assert_ne!(after, before, "the pointer's value changed");
        assert_eq!(s.resolve(after), Some((1, 1)), "and it names the same variable");
        assert!(s.freed.is_some());
        // A frame bigger than twice the stack: doubled until it fits.
        s.apply(&GOp::Call { func: "big", size: 20_000 });
        assert_eq!(s.size(), 32768);
        s.apply(&GOp::Return);
        s.apply(&GOp::Return);
        s.apply(&GOp::Shrink);
        assert_eq!(s.size(), 16384, "under a quarter used: halved");
    }

    #[test]
    fn segmented_stacks_split_hot_in_a_loop() {
        let mut s = GStack::new(Scheme::Segmented(SEGMENT));
        // main leaves SP right at the guard: every call after it splits.
        s.apply(&GOp::Call { func: "main", size: SEGMENT - SEGMENT_GUARD });
        for _ in 0..100 {
            s.apply(&GOp::Call { func: "f", size: 128 });
            s.apply(&GOp::Return);
        }
        assert_eq!((s.counters.segments_linked, s.counters.segments_freed), (100, 100), "one segment per iteration");
    }

    #[test]
    fn a_fixed_stack_overflows_and_a_go_stack_stops_at_the_limit() {
        let s = recurse(Scheme::Fixed(8 << 20), 1_000_000, 64);
        assert!(matches!(s.overflow, Some(Overflow::Fixed { .. })));
        let deep = growth(3_000_000, 512);
        assert_eq!(deep.size, 512 << 20, "the largest stack reached is 512 MiB");
        assert!(deep.overflow_at.is_some_and(|d| d < 3_000_000));
        let ok = recurse(Scheme::Copying(START_SIZE), 1000, 512);
        assert!(ok.overflow.is_none());
        assert_eq!(ok.size(), 512 << 10, "64 + 1000 × 512 + the guard fit in 512 KiB");
        for (depth, frame) in [(0, 64), (1, 64), (10, 600), (1000, 512), (5000, 100), (300, 8192)] {
            let r = recurse(Scheme::Copying(START_SIZE), depth, frame);
            let g = growth(u64::from(depth), frame);
            assert_eq!(
                (g.size, g.used, g.copies, g.bytes_copied),
                (r.size(), r.used(), r.counters.copies, r.counters.bytes_copied),
                "depth {depth}, frame {frame}"
            );
        }
    }
}
