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
const STACK_SIZE: u64 = memsim::growth::MAIN_START_SIZE;

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
    let mut c = Chapter::new(l, "stack-heap", l.pick("The era of variables: the stack and the heap", "変数の時代：スタックとヒープ"), code);
    c.run_command = Some("go run ./stackheap");

    c.step(l.pick(
        "Languages brought variables: names instead of addresses, which the compiler picks. Each goroutine \
         has a stack (at least 2 KiB; main's has grown to 4 KiB before main runs), and each call gets a frame \
         on it.",
        "プログラミング言語に変数が登場しました。アドレスではなく名前で書き、アドレスはコンパイラが決めます。\
         ゴルーチンごとにスタックがあり（最小 2 KiB。main のスタックは main が動く前にすでに 4 KiB に伸びています）、\
         呼び出しのたびにフレームが積まれます。",
    ))
    .at("func main()")
    .op(Op::Spawn { goroutine: 1, hi: STACK_HI, size: STACK_SIZE })
    .op(call("main", &[]))
    .focus(Focus::frame("main"));

    c.step(l.pick(
        "a := 10 gets a slot in main's frame: 8 bytes, the size of an int on 64-bit, at a place the compiler \
         chose. The stack grows downward: later slots and frames go below this one.",
        "a := 10 には、main のフレームに 8 バイトの場所が用意されます。64 ビット環境の int の大きさで、\
         位置はコンパイラが決めます。スタックは下向きに伸びるので、後から来る変数やフレームはこの下に置かれます。",
    ))
    .at("a := 10")
    .op(declare("a", "int", Expr::Int(10)))
    .focus(Focus::var("main", "a"));

    c.step(l.pick(
        "The classic model: a call pushes a frame below main's and copies the arguments in, so add's a is its \
         own 10. (Go 1.27 passes a and b in registers and gives add no frame: see step 24.)",
        "古典的なモデルでは、呼び出しは main の下にフレームを積み、引数をそこへコピーします。\
         add の a は main の a とは別の、add 自身の 10 です。実際の Go 1.27 は a と b をレジスタで渡し、add にフレームを作りません（ステップ 24 で確かめます）。",
    ))
    .at("b := add(a, 5)")
    .op(call("add", &[("a", "int", Expr::var("a")), ("b", "int", Expr::Int(5))]))
    .focus(Focus::frame("add"));

    c.step(l.pick("sum is a local of add: one more slot in add's frame.", "sum は add のローカル変数です。add のフレームに場所がもう 1 つ増えます。"))
        .at("sum := a + b")
        .op(declare("sum", "int", Expr::plus(Expr::var("a"), Expr::var("b"))))
        .focus(Focus::var("add", "sum"));

    c.step(l.pick(
        "return pops add's frame: a, b and sum vanish at once, with no clean-up code. main's b receives \
         the result, 15. The stack needs no bookkeeping beyond one pointer moving up and down.",
        "return で add のフレームがポップされ、a、b、sum は後始末のコードなしに一度に消えます。main の b は結果の 15 を受け取ります。スタックの管理は、スタックポインタを上下させるだけで済みます。",
    ))
    .at("return sum")
    .op(ret(Some(Expr::var("sum")), Some(("b", "int"))))
    .focus(Focus::var("main", "b"));

    c.step(l.pick(
        "A block is a scope too: the name c can be used only inside its braces.",
        "ブロックもスコープを作ります。c という名前は、この波括弧の中でしか使えません。",
    ))
    .at("c := b * 2")
    .op(declare("c", "int", Expr::times(Expr::var("b"), Expr::Int(2))))
    .focus(Focus::var("main", "c"));

    c.step(l.pick("println(c) prints 30.", "println(c) は 30 を出力します。"))
        .at("println(c)")
        .op(Op::Print(vec![Expr::var("c")]))
        .focus(Focus::var("main", "c"));

    c.step(l.pick(
        "The brace ends c's scope. A real frame is sized once, at the call; this picture grows and shrinks \
         it with its variables to show scopes. Calls nest and the stack mirrors them: last in, first out.",
        "閉じ括弧で c のスコープが終わります。実際のフレームは呼び出し時に一度だけ大きさが決まりますが、この図ではスコープを見せるため、\
         変数に合わせてフレームを伸び縮みさせています。呼び出しは入れ子になり、スタックはそれをそのまま映します。後入れ先出しです。",
    ))
    .at_nth("println(c)", 0, 1)
    .op(Op::EndScope { names: vec![s("c")] })
    .focus(Focus::frame("main"));

    c.step(l.pick(
        "Some data must outlive the call that makes it. newPoint builds a Point and returns its address, \
         so the Point cannot live in newPoint's frame: the frame is gone after the return.",
        "データの中には、それを作った呼び出しより長く生きなければならないものがあります。newPoint は Point を作ってそのアドレスを\
         返すので、Point を newPoint のフレームには置けません。return の後、フレームは消えているからです。",
    ))
    .at("p := newPoint(a, b)")
    .op(call("newPoint", &[("x", "int", Expr::var("a")), ("y", "int", Expr::var("b"))]))
    .focus(Focus::frame("newPoint"));

    c.step(l.pick(
        "&p escapes, so the compiler moves p to the heap: \"moved to heap: p\". The Point, n1, takes 16 bytes \
         in size class 2 (small requests are rounded up to one of 67 sizes); the frame keeps only its address.",
        "&p がエスケープするので、コンパイラは p をヒープへ移します（「moved to heap: p」）。\
         この Point（n1）はサイズクラス 2 の 16 バイトです（小さな要求は 67 種類のサイズのどれかに切り上げられます）。\
         フレームに残るのはアドレスだけです。",
    ))
    .at("p := Point{X: x, Y: y}")
    .op(declare("&p", "*Point", Expr::New { ty: s("Point"), value: alloc::boxed::Box::new(point(Expr::var("x"), Expr::var("y"))) }))
    .focus(Focus::pointee("newPoint", "&p"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(l.pick(
        "newPoint's frame is popped, but the Point, n1, survives on the heap. main's p holds its address: a \
         pointer, 8 bytes, drawn as an arrow. Data that outlives the frame that made it lives on the heap.",
        "newPoint のフレームはポップされますが、Point の n1 はヒープに残ります。main の p はそのアドレスを持つ 8 バイトのポインタで、\
         矢印で描いています。作ったフレームより長く生きるデータはヒープに置かれます。",
    ))
    .at("return &p")
    .op(ret(Some(Expr::var("&p")), Some(("p", "*Point"))))
    .focus(Focus::pointee("main", "p"));

    c.step(l.pick(
        "1 MiB is over the 64 KiB stack limit for new, &T{} and make, so make's backing array, n2, goes to \
         the heap as a large object: 128 whole 8 KiB pages. buf, on main's stack, is its 24-byte header.",
        "1 MiB は new、&T{}、make で作る値をスタックに置ける上限 64 KiB を超えるため、make の基底配列 n2 はヒープに置かれます。8 KiB ページ 128 枚分のラージオブジェクトです。main のスタックの buf は 24 バイトのスライスヘッダです。",
    ))
    .at("buf := make([]byte, 1<<20)")
    .op(declare("buf", "[]byte", Expr::MakeBytes { len: 1 << 20 }))
    .focus(Focus::pointee("main", "buf"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(l.pick(
        "q is a Point value: its 16 bytes sit right in main's frame, X and Y side by side.",
        "q は Point の値です。その 16 バイトは main のフレームに直接置かれ、X と Y が隣り合って並びます。",
    ))
    .at("q := Point{X: 1, Y: 2}")
    .op(declare("q", "Point", point(Expr::Int(1), Expr::Int(2))))
    .focus(Focus::var("main", "q"));

    c.step(l.pick(
        "Passing by value: all 16 bytes of q are copied into moveByValue's frame as pt. Two Points now \
         exist.",
        "値渡しです。q の 16 バイトがすべて、pt として moveByValue のフレームにコピーされます。\
         これで Point は 2 つになりました。",
    ))
    .at("moveByValue(q)")
    .op(call("moveByValue", &[("pt", "Point", Expr::var("q"))]))
    .focus(Focus::var("main", "q"))
    .focus(Focus::var("moveByValue", "pt"));

    c.step(l.pick(
        "The callee adds 100 to pt.X — to its own copy. main's q still says X = 1.",
        "呼ばれた側は pt.X に 100 を足しますが、足す先は自分のコピーです。main の q は X = 1 のままです。",
    ))
    .at("pt.X += 100")
    .op(add_100(Place::var("pt").field("X")))
    .focus(Focus::var("moveByValue", "pt"))
    .focus(Focus::var("main", "q"));

    c.step(l.pick("The return pops the frame, and the changed copy is gone with it.", "return でフレームがポップされ、変更したコピーも一緒に消えます。"))
        .at_nth("pt.X += 100", 0, 1)
        .op(ret(None, None))
        .focus(Focus::var("main", "q"));

    c.step(l.pick(
        "println(q.X) prints 1: the caller never sees a change made to a copy.",
        "println(q.X) は 1 を出力します。コピーに加えた変更は、呼び出し元からは見えません。",
    ))
    .at("println(q.X)")
    .op(Op::Print(vec![Expr::Load(Place::var("q").field("X"))]))
    .focus(Focus::var("main", "q"));

    c.step(l.pick(
        "Passing a pointer copies only an 8-byte address. This pt points into main's frame, which is fine \
         while it cannot outlive the frame — and the compiler proved it: \"pt does not escape\", so q stays \
         on the stack.",
        "ポインタを渡すと、コピーされるのは 8 バイトのアドレスだけです。この pt は main のフレームの中を指します。pt がフレームより長く生きない限り問題はなく、コンパイラもそれを証明しました（「pt does not escape」）。だから q はスタックに残ります。",
    ))
    .at("moveByPointer(&q)")
    .op(call("moveByPointer", &[("pt", "*Point", Expr::AddrOf(Place::var("q")))]))
    .focus(Focus::pointee("moveByPointer", "pt"))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(l.pick(
        "Writing through the pointer changes main's q itself: X becomes 101.",
        "ポインタ経由で書き込むと、main の q そのものが変わります。X は 101 になります。",
    ))
    .at_nth("pt.X += 100", 1, 0)
    .op(add_100(Place::var("pt").field("X")))
    .focus(Focus::var("main", "q"));

    c.step(l.pick(
        "After the return, println(q.X) prints 101: the caller sees a change made through a pointer.",
        "return の後、println(q.X) は 101 を出力します。ポインタ経由の変更は、呼び出し元にも見えます。",
    ))
    .at_nth("println(q.X)", 1, 0)
    .op(ret(None, None))
    .op(Op::Print(vec![Expr::Load(Place::var("q").field("X"))]))
    .focus(Focus::var("main", "q"));

    c.step(l.pick(
        "The same function given the heap pointer p: again only the 8-byte address is copied, and both \
         frames now point at n1, the one Point on the heap.",
        "同じ関数に、今度はヒープを指すポインタ p を渡します。やはりコピーされるのは 8 バイトのアドレスだけで、\
         両方のフレームがヒープ上のただ 1 つの Point、n1 を指します。",
    ))
    .at("moveByPointer(p)")
    .op(call("moveByPointer", &[("pt", "*Point", Expr::var("p"))]))
    .focus(Focus::pointee("moveByPointer", "pt"));

    c.step(l.pick(
        "pt.X += 100 writes to n1 on the heap: X goes from 10 to 110, for everyone who holds its address.",
        "pt.X += 100 はヒープ上の n1 に書き込みます。X は 10 から 110 になり、そのアドレスを持つ誰からもその値が見えます。",
    ))
    .at_nth("pt.X += 100", 1, 0)
    .op(add_100(Place::var("pt").field("X")))
    .focus(Focus::pointee("moveByPointer", "pt"));

    c.step(l.pick("Back in main, p.X is 110; len(buf) is 1048576.", "main に戻ると、p.X は 110、len(buf) は 1048576 です。"))
        .page_note(l.pick("The output matches the real program's, line for line.", "出力は実際のプログラムと 1 行残らず一致します。"))
        .at("println(p.X, len(buf))")
        .op(ret(None, None))
        .op(Op::Print(vec![Expr::Load(Place::var("p").field("X")), Expr::Len(Place::var("buf"))]))
        .focus(Focus::pointee("main", "p"));

    c.step(l.pick(
        "These frames are the classic model. What Go 1.27 emitted: add, moveByValue and moveByPointer have \
         locals=0x0 and no frame — since Go 1.17 on amd64 (1.18 on arm64) arguments travel in registers. \
         newPoint's frame is 0x28 (40) bytes, main's 0x48 (72).",
        "図は古典的なモデル。Go 1.27 の add、moveByValue、moveByPointer は locals=0x0 でフレームなし（amd64 1.17、arm64 1.18 からレジスタ渡し）。newPoint は 0x28（40）、main は 0x48（72）バイト。",
    ))
    .at("func add(a, b int) int")
    .terminal(ASM_HEADERS, ASM_HEADERS_OUT);

    c.step(l.pick(
        "The stack frees itself: a frame's memory is reclaimed when its function returns. The heap holds what \
         is too big for a frame or outlives its call, until someone frees it. Who, and when? Next: the heap \
         by hand.",
        "スタックは自分で片付きます。フレームのメモリは、関数が戻るときに回収されます。ヒープには、\
         フレームに入りきらないものや呼び出しより長く生きるものが、誰かが解放するまで残ります。\
         では誰が、いつ解放するのか。次は、手で管理するヒープです。",
    ))
    .at_nth("println(p.X, len(buf))", 0, 1)
    .op(ret(None, None));

    c
}
