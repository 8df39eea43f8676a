//! Chapter `gc`: garbage collection — mark from the roots, sweep the rest;
//! tri-color marking; concurrent marking, the lost object without a write
//! barrier, and Go's hybrid barrier keeping it.
//!
//! Then two views beyond the listing: marking a larger heap object by
//! object and span by span (Green Tea), and the pacer's heap-over-time
//! chart with its knobs. Those steps change no state, so the program's
//! output stays the listing's.
//!
//! The listing is go/gc/main.go, a real program; its output (run.txt) and
//! compiler output (gcflags-m.txt) come from Go 1.27.3. The collector's own
//! steps are runtime work with no line of their own: they point at the
//! line the program is at.

mod knobs;
mod marking_view;
mod pacer_view;

pub use knobs::{pacer_inputs, KNOBS, WORKLOAD};
pub use marking_view::Marking;
pub use pacer_view::Pacer;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::{Figure, View};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use memsim::greentea::Strategy;
use memsim::pacer::MIB;
use memsim::{Expr, Op, Place};
use memview::Focus;
use memview::Language;

const STACK_HI: u64 = 0xc000048000;
/// Nodes are 24 bytes with pointers: size class 3, the first span, so node
/// n (from 0) sits at the heap base + 24·n.
const NODE: [u64; 4] = [0xc000010000, 0xc000010018, 0xc000010030, 0xc000010048];

fn s(x: &str) -> String {
    x.to_string()
}

fn node(v: i64) -> Expr {
    Expr::New { ty: s("Node"), value: Box::new(Expr::Struct(vec![(s("Next"), Expr::Nil), (s("Other"), Expr::Nil), (s("V"), Expr::Int(v))])) }
}

fn path(var: &str, fields: &[&str]) -> Place {
    fields.iter().fold(Place::var(var), |p, f| p.field(f))
}

fn set(var: &str, fields: &[&str], value: Expr) -> Op {
    Op::Assign { place: path(var, fields), value }
}

/// The program up to and including `extra = nil`.
fn setup() -> Vec<Op> {
    let mut ops = vec![Op::Spawn { goroutine: 1, hi: STACK_HI, size: 4096 }, Op::Call { func: s("main"), args: vec![] }];
    ops.extend(build());
    ops.push(set("root", &["Other"], Expr::Nil));
    ops.extend(collect(true));
    ops.extend(extra());
    ops
}

fn build() -> Vec<Op> {
    vec![
        Op::Call { func: s("build"), args: vec![] },
        Op::Declare { name: s("root"), ty: s("*Node"), value: node(1) },
        set("root", &["Next"], node(2)),
        set("root", &["Next", "Next"], node(3)),
        set("root", &["Other"], node(4)),
        Op::Return { value: Some(Expr::var("root")), bind: Some((s("root"), s("*Node"))) },
    ]
}

fn collect(barrier: bool) -> Vec<Op> {
    vec![Op::GcStart { barrier }, Op::GcScanStack { goroutine: 1 }, Op::GcFinishMark, Op::GcSweep]
}

fn extra() -> Vec<Op> {
    vec![
        Op::Declare { name: s("extra"), ty: s("*Node"), value: node(5) },
        set("root", &["Next", "Other"], Expr::var("extra")),
        Op::Assign { place: Place::var("extra"), value: Expr::Nil },
    ]
}

/// The concurrent part, from the program's side, one op per line.
fn moves() -> [Op; 4] {
    [
        Op::Declare { name: s("c"), ty: s("*Node"), value: Expr::Load(path("root", &["Next", "Next"])) },
        set("root", &["Next", "Next"], Expr::Nil),
        set("root", &["Other"], Expr::var("c")),
        Op::Assign { place: Place::var("c"), value: Expr::Nil },
    ]
}

fn finish() -> [Op; 2] {
    [set("root", &["Next", "Other"], node(99)), Op::Print(vec![Expr::Load(path("root", &["Other", "V"])), Expr::Load(path("root", &["Next", "Other", "V"]))])]
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "gc/main.go", lang: Lang::Go, text: include_str!("../../go/gc/main.go") };
    let mut c = Chapter::new(l, "gc", "Automatic heap management: garbage collection", code);
    c.run_command = Some("go run ./gc");
    mark_and_sweep(&mut c);
    three_colours(&mut c);
    concurrent(&mut c);
    green_tea(&mut c);
    pacer(&mut c);
    c.knobs = KNOBS;
    c
}

fn mark_and_sweep(c: &mut Chapter) {
    c.part("Mark and sweep");
    c.step(
        "C leaves freeing to the programmer; Go frees heap memory itself, with a garbage collector (GC). \
         It finds what the program can still reach and frees the rest. main starts.",
    )
    .at("func main()")
    .op(Op::Spawn { goroutine: 1, hi: STACK_HI, size: 4096 })
    .op(Op::Call { func: s("main"), args: vec![] })
    .focus(Focus::frame("main"));

    let mut b = c.step(
        "build makes four 24-byte Nodes on the heap, n1 to n4: size class 3, side by side in one span — a run \
         of pages holding objects of one size class. main's root points to n1; the others hang off it.",
    );
    for op in build() {
        b = b.op(op);
    }
    b.at("root := build()").focus(Focus::pointee("main", "root"));

    c.step("root.Other = nil: n4 is still in memory, but nothing can reach it any more. It is garbage.")
        .at("root.Other = nil")
        .op(set("root", &["Other"], Expr::Nil))
        .focus(Focus::HeapAt(NODE[3]));
}

fn three_colours(c: &mut Chapter) {
    c.part("Three colours");
    // Bridge: the idea of mark and sweep, then how Go marks.
    c.step(
        "Collecting takes two phases. Mark: start from the roots and find every object the program can \
         still reach. Sweep: free the rest. Go marks with three colours, so marking can stop and resume.",
    )
    .at("runtime.GC()");

    c.step(
        "runtime.GC() starts a cycle. Marking begins with every object white: not yet known to be alive. \
         (Go also starts cycles on its own as the heap nears a goal set by GOGC, and at least every two \
         minutes.)",
    )
    .at("runtime.GC()")
    .op(Op::GcStart { barrier: true });

    c.step(
        "The roots are where the program can start from: goroutine stacks and global variables. Scanning \
         main's stack finds root, and its Node, n1, turns grey: reached, but its own pointers not yet scanned.",
    )
    .at("runtime.GC()")
    .op(Op::GcScanStack { goroutine: 1 })
    .focus(Focus::HeapAt(NODE[0]));

    c.step("Scanning a grey object turns it black and turns the white objects it points to grey. n1 is black; n2 is grey.")
        .at("runtime.GC()")
        .op(Op::GcMarkStep { n: 1 })
        .focus(Focus::HeapAt(NODE[1]));

    c.step("Scanning n2 turns it black; n3 turns grey.").at("runtime.GC()").op(Op::GcMarkStep { n: 1 }).focus(Focus::HeapAt(NODE[2]));

    c.step(
        "n3 points nowhere; it turns black and no grey object is left: marking is done. n4 is still white — \
         nothing led to it.",
    )
    .at("runtime.GC()")
    .op(Op::GcMarkStep { n: 1 })
    .focus(Focus::HeapAt(NODE[3]));

    c.step(
        "Sweeping frees every white object, span by span: n4's slot is free again. Go's heap never moves \
         an object (it does not compact), so the surviving addresses stay as they were.",
    )
    .at("runtime.GC()")
    .op(Op::GcSweep);

    let mut b = c.step(
        "A new Node, n5, takes the first free slot in the span — n4's old address — and n2 points to it. \
         extra itself goes back to nil.",
    );
    for op in extra() {
        b = b.op(op);
    }
    b.at("root.Next.Other = extra").focus(Focus::HeapAt(NODE[3]));
}

fn concurrent(c: &mut Chapter) {
    let [load_c, cut, store, clear_c] = moves();
    let [alloc99, print] = finish();
    let hypothetical = "a Go without write barriers (hypothetical) would print:";

    c.part("Marking while the program runs");
    // Bridge: a stopped program waits for the whole mark.
    c.step(
        "Stopping the program for a whole mark would pause it for as long as the heap takes to scan. Since \
         Go 1.5, marking runs concurrently with the program, which keeps moving pointers meanwhile.",
    )
    .at("// While the collector marks");

    c.step("First, imagine concurrent marking with no write barrier. A new cycle starts and scans main's stack: n1 turns grey.")
        .at("// While the collector marks")
        .op(Op::GcStart { barrier: false })
        .op(Op::GcScanStack { goroutine: 1 })
        .focus(Focus::HeapAt(NODE[0]));

    c.step("The collector scans n1 (black) and greys n2. n3 is still white.")
        .at("// While the collector marks")
        .op(Op::GcMarkStep { n: 1 })
        .focus(Focus::HeapAt(NODE[1]));

    c.step(
        "Meanwhile the program copies n2's pointer to n3 into a local, c. Stack writes have no \
         barrier, and main's stack was already scanned.",
    )
    .at("c := root.Next.Next")
    .op(load_c.clone())
    .focus(Focus::var("main", "c"));

    c.step("It clears n2's pointer: grey n2, not yet scanned, no longer leads to n3.").at("root.Next.Next = nil").op(cut.clone()).focus(Focus::HeapAt(NODE[1]));

    c.step(
        "And stores c into root.Other: black n1 now points to white n3. That breaks the tri-color \
         invariant — no black object may point to a white one — because black objects are never scanned again.",
    )
    .at("root.Other = c")
    .op(store.clone())
    .focus(Focus::HeapAt(NODE[2]));

    c.step("c goes back to nil. n3 is now reachable only through black n1.").at("c = nil").op(clear_c.clone()).focus(Focus::HeapAt(NODE[2]));

    c.step(
        "Marking finishes: n2 is scanned (it leads to n5, the extra Node, now black) and the queue empties. \
         n3 is white although root.Other points to it.",
    )
    .at("c = nil")
    .op(Op::GcFinishMark)
    .focus(Focus::HeapAt(NODE[2]));

    c.step("Sweeping frees n3. root.Other still holds its address, drawn red: a dangling pointer, in a language that promises none.")
        .at("c = nil")
        .op(Op::GcSweep)
        .focus(Focus::HeapAt(NODE[0]));

    c.step(
        "A new Node, n6, with V = 99 is allocated into the first free slot: n3's old address. root.Next.Other \
         points to it, and so does root.Other, still meant for n3: a stale pointer, drawn red.",
    )
    .at("root.Next.Other = &Node{V: 99}")
    .op(alloc99.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .output_note(hypothetical);

    c.step(
        "The program reads root.Other.V and gets n6's 99, where it stored n3's 3: the lost-object bug. A concurrent \
         collector must see every pointer the program moves while it marks.",
    )
    .at("println(root.Other.V, root.Next.Other.V)")
    .op(print.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .output_note(hypothetical);

    c.step(
        "Go's answer since 1.8 is the hybrid write barrier. By design: on a pointer store while marking, \
         shade the old pointer, and the new one if the stack is not yet scanned.",
    )
    .at("root.Next.Next = nil")
    .output_note(hypothetical);

    let mut b = c.step(
        "The runtime simply records both pointers in a buffer of the P that runs the goroutine and greys them \
         when the buffer is flushed. The same moment again, barrier on: n1 black, n2 grey, n3 white.",
    );
    b = b.op(Op::Restart);
    for op in setup() {
        b = b.op(op);
    }
    b.op(Op::GcStart { barrier: true })
        .op(Op::GcScanStack { goroutine: 1 })
        .op(Op::GcMarkStep { n: 1 })
        .at("// While the collector marks")
        .focus(Focus::HeapAt(NODE[1]));

    c.step("c takes n3's address. No barrier on the stack, as before.").at("c := root.Next.Next").op(load_c).focus(Focus::var("main", "c"));

    c.step(
        "This store overwrites a pointer to n3, so the barrier greys n3. (The design skips the new value, nil, \
         once the stack is scanned; the runtime buffers old and new alike before the store.)",
    )
    .at("root.Next.Next = nil")
    .op(cut)
    .focus(Focus::HeapAt(NODE[2]));

    c.step("root.Other = c, c = nil: n3 is grey, so the collector will still scan it.")
        .at("root.Other = c")
        .op(store)
        .op(clear_c)
        .focus(Focus::HeapAt(NODE[2]));

    c.step("Marking finishes with n3 black. Every node is reachable, so sweeping finds nothing unreachable to free.")
        .at("c = nil")
        .op(Op::GcFinishMark)
        .op(Op::GcSweep)
        .focus(Focus::HeapAt(NODE[2]));

    c.step(
        "The cycle is over. The new Node, n6, goes to a fresh slot, and the program prints 3 99 — exactly what \
         the real program prints. (During marking, new objects are allocated black, so they cannot be lost either.)",
    )
    .at("println(root.Other.V, root.Next.Other.V)")
    .op(alloc99)
    .op(print)
    .focus(Focus::pointee("main", "root"));

    c.step(
        "Go's collector is concurrent, tri-color, non-moving and non-generational. Its cost grows with the \
         number of heap objects it must scan — which is why Go also tries hard to keep values off the heap.",
    );
}

// The Green Tea and pacer steps are about the runtime, not a line of the
// listing: they mark no line.
fn green_tea(c: &mut Chapter) {
    let cache = Rc::new(marking_view::Cache::default());
    let view = |strategy, done| View::Figure(Rc::new(Marking { strategy, done, cache: cache.clone() }));
    let flood = |done| view(Strategy::ObjectByObject, done);
    let spans = |done| view(Strategy::SpanBySpan, done);
    let all = usize::MAX;
    c.part("Green Tea");
    // Bridge: scanning cost is memory waits, not only object counts.
    c.step(
        "Scanning is slow for a reason beyond the object count: marking spends much of its time waiting for \
         memory — at least 35%, the Green Tea authors measured. The order of the scan matters.",
    );
    c.step(
        "Here is a bigger heap: a binary tree of three node sizes in three spans, one per size class. The \
         Objects slider sets how many nodes, up to 20,000.",
    )
    .view(flood(0));
    c.step(
        "The classic mark (Go 1.5 to 1.25) floods the object graph: take an object, scan it, push what it \
         points to. Each next object is usually in another span, so the scanner keeps jumping around memory.",
    )
    .view(flood(8));
    c.step(
        "Object by object, marking every node touched a new memory region almost every time — each a \
         likely cache miss on a real machine.",
    )
    .view(flood(all));
    c.step(
        "Green Tea, the default since Go 1.26, works with spans instead: finding a pointer only sets the mark \
         bit and queues the target's span. A queued span waits while more of its objects get marked.",
    )
    .view(spans(1));
    c.step(
        "Taking a span from the queue scans its marked objects in address order: far fewer region visits. \
         Go uses this path for objects of 16 to 512 bytes.",
    )
    .view(spans(all));
    c.step(
        "The count is a lower bound: Go scans a snapshot of the span's marks, and objects marked meanwhile \
         queue the span again, so real Go visits more often.",
    )
    .view(spans(all));
}

fn pacer(c: &mut Chapter) {
    c.part("The pacer");
    // Bridge: from the program's runtime.GC() to the runtime's own timing.
    c.step(
        "So far runtime.GC() asked for every cycle. Real programs rarely call it: the runtime starts cycles \
         itself, pacing them so the heap stays near a goal.",
    )
    .at("runtime.GC()");
    let cache = Rc::new(pacer_view::Cache::default());
    let mut step = |lead: &'static str, settings| {
        let p = Pacer { settings, lead, cache: cache.clone() };
        // The step's own caption is the figure's at the step's settings.
        let caption = p.caption(&p.defaults()).unwrap_or_default();
        c.step(&caption).view(View::Figure(Rc::new(p)));
    };
    step(
        "A cycle starts before the heap reaches its goal: live + (live + stacks + globals) × GOGC/100, at \
         least 4 MiB.",
        knobs::pacer(Some(100), None, 8 * MIB),
    );
    step(
        "Objects allocated while marking are born black and count as live, so later goals sit a little \
         higher. Drag the sliders; the link keeps your settings.",
        knobs::pacer(Some(100), None, 8 * MIB),
    );
    step(
        "GOGC trades memory for CPU: a higher GOGC means fewer cycles and less GC CPU, at a higher peak. \
         GOGC=off never collects — unless a memory limit is set.",
        knobs::pacer(Some(400), None, 8 * MIB),
    );
    step(
        "GOMEMLIMIT (Go 1.19) caps the goal: the limit less the runtime's non-heap memory and 3% headroom. \
         Every cycle is still a full collection.",
        knobs::pacer(None, Some(48 * MIB), 8 * MIB),
    );
    step(
        "A limit too close to the live heap makes cycles run back to back: in this model, marking takes its \
         usual quarter of the CPUs nonstop.",
        knobs::pacer(Some(100), Some(20 * MIB), 16 * MIB),
    );
    step(
        "Real Go also caps GC at 50% of CPU time (the GC CPU limiter) and lets the heap pass the limit rather \
         than thrash.",
        knobs::pacer(Some(100), Some(20 * MIB), 16 * MIB),
    );
}
