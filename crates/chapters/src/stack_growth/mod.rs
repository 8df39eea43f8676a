//! Chapter `stack-growth`: why goroutine stacks grow. A fixed stack
//! overflows (a real C program, run by the truth suite) or, made huge,
//! wastes memory; Go ≤ 1.2 linked segments and suffered the hot split;
//! Go 1.3+ copies the stack to one twice the size and adjusts every
//! pointer into it; stacks shrink during GC; and past 1 GB a goroutine's
//! stack does overflow.
//!
//! The listing is go/stackgrowth/main.go, a real program whose recursion
//! passes a pointer into main's frame down 100,000 calls; the pictures run
//! memsim::growth over scripts of the same shape (frames of 128 B, as the
//! model draws them).

mod figures;
mod knobs;

pub use figures::{overflow_text, Ladder, Reserve, Script};
pub use knobs::KNOBS;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use alloc::rc::Rc;
use alloc::vec::Vec;
use memsim::growth::{GOp, Scheme, SEGMENT, START_SIZE};
use memview::Language;

const GCFLAGS: &str = "go build -gcflags=-m ./stackgrowth";
const GCFLAGS_OUT: &str = include_str!("../../go/stackgrowth/gcflags-m.txt");
/// The C program and what gcc and the shell say about it (checked by
/// tests/truth, which compiles and runs it).
pub const C_DIR: &str = "c/stackgrowth";
pub const C_COMMAND: &str = "gcc -Wall -o overflow overflow.c";
pub const C_WARNINGS: &str = include_str!("../../c/stackgrowth/gcc-wall.txt");
/// The frame size the pictures give sum (64-byte array, arguments, spills).
const SUM_FRAME: u64 = 128;

/// main.go as stack ops: main's total, then `sum(depth, &total)` down to
/// depth 0 — each frame holds its depth and &total and adds depth & 1
/// through the pointer — then every return and println(total). With
/// `returns` false it stops at the deepest call (for the pictures).
pub fn program(depth: u64, returns: bool) -> Vec<GOp> {
    let mut ops = alloc::vec![GOp::Call { func: "main", size: SUM_FRAME }, GOp::Set { slot: 0, value: 0 }];
    for (i, d) in (0..=depth).rev().enumerate() {
        ops.push(GOp::Call { func: "sum", size: SUM_FRAME });
        ops.push(GOp::Set { slot: 0, value: d as i64 });
        ops.push(GOp::TakeAddr { slot: 1, back: i + 1, src: 0 });
        ops.push(GOp::AddThrough { slot: 1, value: (d & 1) as i64 });
    }
    if returns {
        ops.extend((0..=depth).map(|_| GOp::Return));
        ops.push(GOp::Print { slot: 0 });
    }
    ops
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "stackgrowth/main.go", lang: Lang::Go, text: include_str!("../../go/stackgrowth/main.go") };
    let mut c = Chapter::new(l, "stack-growth", "Growable stacks: from fixed to copied", code);
    c.knobs = KNOBS;
    let script = |scheme, ops: &Rc<Vec<GOp>>, upto| View::Figure(Rc::new(Script::new(scheme, ops.clone(), upto)));

    // A C thread's fixed 8 MiB stack, 1 KiB per call, until it runs out.
    let fixed: Rc<Vec<GOp>> = Rc::new({
        let mut ops = alloc::vec![GOp::Call { func: "main", size: 64 }];
        ops.extend((0..9000).map(|_| GOp::Call { func: "depth", size: 1024 }));
        ops
    });
    // A C program, so no line of the Go listing is marked; the terminal runs it.
    c.step(
        "First, C: a function that recurses forever, keeping 1 KiB per call on the main thread's fixed 8 MiB \
         stack. About 8,000 calls in, a frame lands past the stack's end: SIGSEGV, exit status 139 — the \
         terminal runs it.",
    )
    .view(script(Scheme::Fixed(8 << 20), &fixed, fixed.len()))
    .terminal(C_COMMAND, C_TERMINAL);

    c.step(
        "The opposite pain: make every stack huge. 10,000 goroutines at 8 MiB each reserve 78.1 GiB — more \
         than a 16 GiB machine has. At 2 KiB each they take 19.5 MiB, and nearly all memory is left for the \
         heap.",
    )
    .at("func main()")
    .view(View::Figure(Rc::new(Reserve)));

    // Go ≤ 1.2: 8 KiB segments; main and six frames leave too little room
    // above the guard for a seventh.
    let seg: Rc<Vec<GOp>> = Rc::new({
        let mut ops = alloc::vec![GOp::Call { func: "main", size: SUM_FRAME }];
        ops.extend((0..6).map(|_| GOp::Call { func: "sum", size: 1024 }));
        ops.push(GOp::Call { func: "sum", size: 1024 });
        ops.push(GOp::Return);
        for _ in 0..1000 {
            ops.push(GOp::Call { func: "sum", size: 1024 });
            ops.push(GOp::Return);
        }
        ops
    });
    c.step(
        "Go up to 1.2 used segmented stacks. When the next frame does not fit in the current segment, a new 8 \
         KiB segment (Go 1.2's minimum) is linked and the frame goes there: nothing is copied.",
    )
    .at("sum(depth-1, total)")
    .view(script(Scheme::Segmented(SEGMENT), &seg, 8));
    c.step("Returning from the first frame of a segment unlinks the segment and frees it again.").at("func sum(depth int, total *int)").view(script(
        Scheme::Segmented(SEGMENT),
        &seg,
        9,
    ));
    c.step(
        "The hot split: a call in a loop right at a segment boundary links and frees a segment on every \
         iteration — here 1,000 calls, 1,000 segments linked and freed. Programs slowed down for no visible \
         reason.",
    )
    .at("sum(depth-1, total)")
    .view(script(Scheme::Segmented(SEGMENT), &seg, seg.len()));

    // Go 1.3+: contiguous stacks, 2 KiB to start.
    // The same program, 60 calls deep, then back and two GC scans.
    let copying: Rc<Vec<GOp>> = Rc::new({
        let mut ops = program(59, true);
        ops.push(GOp::Shrink);
        ops.push(GOp::Shrink);
        ops
    });
    let after = |frames: usize| 2 + 4 * frames;
    let copy = Scheme::Copying(START_SIZE);
    c.step(
        "Go 1.3 made stacks contiguous; Go 1.4 starts them at 2 KiB. Each function's prologue compares the \
         stack pointer with the guard, 928 bytes above the end on amd64. sum's frames fill the stack toward \
         it, each holding &total.",
    )
    .at("func sum(depth int, total *int)")
    .view(script(copy, &copying, after(7)));
    c.step(
        "The next frame would cross the guard, so the prologue calls morestack: a stack twice the size, every \
         frame copied, every pointer into the old stack — each &total — moved by the same distance. The \
         arrows still point at total.",
    )
    .at("sum(depth-1, total)")
    .view(script(copy, &copying, after(8)));
    c.step(
        "Why rewriting frames is enough: escape analysis keeps heap objects from pointing into a stack. The \
         compiler says \"total does not escape\", so pointers into this stack live only in its own frames \
         and registers, where the runtime finds them.",
    )
    .at("func sum(depth int, total *int)")
    .view(script(copy, &copying, after(8)))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(
        "The recursion goes on, and the stack doubles each time it fills: 4 KiB, 8 KiB. Each copy costs time \
         in proportion to the stack in use, but doubling keeps copies few and their total below the final \
         size.",
    )
    .at("sum(depth-1, total)")
    .view(script(copy, &copying, after(60)));
    c.step(
        "When the calls return, the stack stays big. During a GC, a stack using less than a quarter of its \
         size is copied to one half the size, never below 2 KiB.",
    )
    .at("println(total)")
    .view(script(copy, &copying, copying.len()));
    c.step(
        "New goroutines start at 2 KiB (Go 1.4; 8 KiB in Go 1.2 and 1.3). Since Go 1.19 the start size \
         follows the average stack size seen at GC scans. Drag the depth and frame size.",
    )
    .at("sum(100000, &total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(1000, 128) })));
    c.step(
        "With the defaults, main.go's recursion — 100,000 frames of 128 B — ends on a 16 MiB stack after 13 \
         copies, under 16 MiB copied in all. The real program prints 50000, as with a stack that never moved.",
    )
    .at("sum(100000, &total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(100_000, 128) })));
    c.step(
        "Go stacks do overflow, rarely: one may grow to 1 GB on 64-bit (debug.SetMaxStack changes it), then \
         comes the fatal error below, exit status 2. With the defaults the stack reaches 512 MiB; doubling \
         again passes 10⁹ bytes.",
    )
    .at("sum(depth-1, total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(10_000_000, 128) })));
    c
}

/// What the shell shows for the C program: gcc's warning, then the crash.
const C_TERMINAL: &str = concat!(include_str!("../../c/stackgrowth/gcc-wall.txt"), "$ ./overflow\nSegmentation fault\n$ echo $?\n139");
