//! Chapter `stack-heap`: variables, frames, the heap, pointer vs value.
//!
//! The listing is go/stackheap/main.go, a real program; its compiler and
//! run output (gcflags-m.txt, run.txt) were produced by Go 1.27.3.

use crate::chapter::{Chapter, Code, Lang};
use alloc::string::{String, ToString};
use alloc::vec;
use memsim::{Expr, Op, Place};
use memview::{Focus, Language};

/// Goroutine 1's stack: the highest address, and Go's minimum stack size.
const STACK_HI: u64 = 0xc000048000;
/// Goroutine 1 has already grown from 2 KiB to 4 KiB when main.main runs.
const STACK_SIZE: u64 = 4096;

const GCFLAGS: &str = "go build -gcflags=-m ./stackheap";
const GCFLAGS_OUT: &str = include_str!("../go/stackheap/gcflags-m.txt");
/// The compiler's own account of each function's frame (one header line per
/// function of the assembly listing; tests/truth runs it again).
const ASM_HEADERS: &str = "go build -gcflags=-S ./stackheap 2>&1 | grep STEXT";
const ASM_HEADERS_OUT: &str = include_str!("../go/stackheap/gcflags-S-stext.txt");

fn s(x: &str) -> String {
    x.to_string()
}

fn call(func: &str, args: &[(&str, &str, Expr)]) -> Op {
    Op::Call { func: s(func), args: args.iter().map(|(n, t, e)| (s(n), s(t), e.clone())).collect() }
}

fn declare(name: &str, ty: &str, value: Expr) -> Op {
    Op::Declare { name: s(name), ty: s(ty), value }
}

fn ret(value: Option<Expr>, bind: Option<(&str, &str)>) -> Op {
    Op::Return { value, bind: bind.map(|(n, t)| (s(n), s(t))) }
}

fn point(x: Expr, y: Expr) -> Expr {
    Expr::Struct(vec![(s("X"), x), (s("Y"), y)])
}

fn add_100(target: Place) -> Op {
    Op::Assign { place: target.clone(), value: Expr::plus(Expr::Load(target), Expr::Int(100)) }
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "stackheap/main.go", lang: Lang::Go, text: include_str!("../go/stackheap/main.go") };
    let mut c = Chapter::new(l, "stack-heap", "The era of variables: the stack and the heap", code);
    c.run_command = Some("go run ./stackheap");

    c.step(
        "Languages brought variables: names instead of addresses; the compiler picks each address and \
         remembers it. Each goroutine has a stack (new ones start at 2 KiB; main's has grown to 4 KiB), and \
         each call gets a frame on it.",
    )
    .at("func main()")
    .op(Op::Spawn { goroutine: 1, hi: STACK_HI, size: STACK_SIZE })
    .op(call("main", &[]))
    .focus(Focus::frame("main"));

    c.step(
        "a := 10 gets a slot in main's frame: 8 bytes, the size of an int on 64-bit, at a place the compiler \
         chose. The stack grows downward: later slots and frames go below this one.",
    )
    .at("a := 10")
    .op(declare("a", "int", Expr::Int(10)))
    .focus(Focus::var("main", "a"));

    c.step(
        "The classic model: a call pushes a frame below main's and copies the arguments in, so add's a is its \
         own 10. (Go 1.27 passes a and b in registers and gives add no frame: see the last step.)",
    )
    .at("b := add(a, 5)")
    .op(call("add", &[("a", "int", Expr::var("a")), ("b", "int", Expr::Int(5))]))
    .focus(Focus::frame("add"));

    c.step("sum is a local of add: one more slot in add's frame.")
        .at("sum := a + b")
        .op(declare("sum", "int", Expr::plus(Expr::var("a"), Expr::var("b"))))
        .focus(Focus::var("add", "sum"));

    c.step(
        "return pops add's frame: a, b and sum vanish at once, with no clean-up code. main's b receives \
         the result, 15. The stack needs no bookkeeping beyond one pointer moving up and down.",
    )
    .at("return sum")
    .op(ret(Some(Expr::var("sum")), Some(("b", "int"))))
    .focus(Focus::var("main", "b"));

    c.step("A block is a scope too: the name c can be used only inside its braces.")
        .at("c := b * 2")
        .op(declare("c", "int", Expr::times(Expr::var("b"), Expr::Int(2))))
        .focus(Focus::var("main", "c"));

    c.step("println(c) prints 30.").at("println(c)").op(Op::Print(vec![Expr::var("c")])).focus(Focus::var("main", "c"));

    c.step(
        "The brace ends c's scope, a compiler rule: the frame was sized once when main began; the picture \
         drops c only to show the scope ending. Calls nest and the stack mirrors them: last in, first out.",
    )
    .at_nth("println(c)", 0, 1)
    .op(Op::EndScope { names: vec![s("c")] })
    .focus(Focus::frame("main"));

    c.step(
        "Some data must outlive the call that makes it. newPoint builds a Point and returns its address, \
         so the Point cannot live in newPoint's frame: the frame is gone after the return.",
    )
    .at("p := newPoint(a, b)")
    .op(call("newPoint", &[("x", "int", Expr::var("a")), ("y", "int", Expr::var("b"))]))
    .focus(Focus::frame("newPoint"));

    c.step(
        "&p escapes, so the compiler moves p to the heap: \"moved to heap: p\". The Point, n1, takes 16 bytes \
         in size class 2 (small requests are rounded up to one of 67 sizes); the frame keeps only its address.",
    )
    .at("p := Point{X: x, Y: y}")
    .op(declare("&p", "*Point", Expr::New { ty: s("Point"), value: alloc::boxed::Box::new(point(Expr::var("x"), Expr::var("y"))) }))
    .focus(Focus::pointee("newPoint", "&p"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(
        "newPoint's frame is popped, but the Point, n1, survives on the heap. main's p holds its address: a \
         pointer, 8 bytes, drawn as an arrow. Data that outlives the frame that made it lives on the heap.",
    )
    .at("return &p")
    .op(ret(Some(Expr::var("&p")), Some(("p", "*Point"))))
    .focus(Focus::pointee("main", "p"));

    c.step(
        "1 MiB exceeds the 64 KiB limit for implicit stack values, so make's backing array, n2, goes to the heap: \
         a large object, 128 whole 8 KiB pages. buf, in main's frame, is a 24-byte slice header: pointer, length, \
         capacity.",
    )
    .at("buf := make([]byte, 1<<20)")
    .op(declare("buf", "[]byte", Expr::MakeBytes { len: 1 << 20 }))
    .focus(Focus::pointee("main", "buf"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step("q is a Point value: its 16 bytes sit right in main's frame, X and Y side by side.")
        .at("q := Point{X: 1, Y: 2}")
        .op(declare("q", "Point", point(Expr::Int(1), Expr::Int(2))))
        .focus(Focus::var("main", "q"));

    c.step(
        "Passing by value: all 16 bytes of q are copied into moveByValue's frame as pt. Two Points now \
         exist.",
    )
    .at("moveByValue(q)")
    .op(call("moveByValue", &[("pt", "Point", Expr::var("q"))]))
    .focus(Focus::var("main", "q"))
    .focus(Focus::var("moveByValue", "pt"));

    c.step("The callee adds 100 to pt.X — to its own copy. main's q still says X = 1.")
        .at("pt.X += 100")
        .op(add_100(Place::var("pt").field("X")))
        .focus(Focus::var("moveByValue", "pt"))
        .focus(Focus::var("main", "q"));

    c.step("The return pops the frame, and the changed copy is gone with it.").at_nth("pt.X += 100", 0, 1).op(ret(None, None)).focus(Focus::var("main", "q"));

    c.step("println(q.X) prints 1: the caller never sees a change made to a copy.")
        .at("println(q.X)")
        .op(Op::Print(vec![Expr::Load(Place::var("q").field("X"))]))
        .focus(Focus::var("main", "q"));

    c.step(
        "Passing a pointer copies only an 8-byte address. This pt points into main's frame, which is fine \
         while it cannot outlive the frame — and the compiler proved it: \"pt does not escape\", so q stays \
         on the stack.",
    )
    .at("moveByPointer(&q)")
    .op(call("moveByPointer", &[("pt", "*Point", Expr::AddrOf(Place::var("q")))]))
    .focus(Focus::pointee("moveByPointer", "pt"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step("Writing through the pointer changes main's q itself: X becomes 101.")
        .at_nth("pt.X += 100", 1, 0)
        .op(add_100(Place::var("pt").field("X")))
        .focus(Focus::var("main", "q"));

    c.step("After the return, println(q.X) prints 101: the caller sees a change made through a pointer.")
        .at_nth("println(q.X)", 1, 0)
        .op(ret(None, None))
        .op(Op::Print(vec![Expr::Load(Place::var("q").field("X"))]))
        .focus(Focus::var("main", "q"));

    c.step(
        "The same function given the heap pointer p: again only the 8-byte address is copied, and both \
         frames now point at n1, the one Point on the heap.",
    )
    .at("moveByPointer(p)")
    .op(call("moveByPointer", &[("pt", "*Point", Expr::var("p"))]))
    .focus(Focus::pointee("moveByPointer", "pt"));

    c.step("pt.X += 100 writes to n1 on the heap: X goes from 10 to 110, for everyone who holds its address.")
        .at_nth("pt.X += 100", 1, 0)
        .op(add_100(Place::var("pt").field("X")))
        .focus(Focus::pointee("moveByPointer", "pt"));

    c.step("Back in main, p.X is 110; len(buf) is 1048576. The output matches the real program's, line for line.")
        .at("println(p.X, len(buf))")
        .op(ret(None, None))
        .op(Op::Print(vec![Expr::Load(Place::var("p").field("X")), Expr::Len(Place::var("buf"))]))
        .focus(Focus::pointee("main", "p"));

    c.step(
        "These frames are the classic model. What Go 1.27 emitted: add, moveByValue and moveByPointer have \
         locals=0x0 and no frame — since Go 1.17 arguments travel in registers. newPoint's frame is 0x28 (40) \
         bytes, main's 0x48 (72).",
    )
    .at("func add(a, b int) int")
    .terminal(ASM_HEADERS, ASM_HEADERS_OUT);

    c.step(
        "The stack frees itself: a frame's memory is reclaimed when its function returns. The heap holds what \
         is too big for a frame or outlives its call, until someone frees it. Who, and when? Next: the heap \
         by hand.",
    )
    .at_nth("println(p.X, len(buf))", 0, 1)
    .op(ret(None, None));

    c
}
