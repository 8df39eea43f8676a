//! Chapter `stack-growth`: why goroutine stacks grow. A fixed stack
//! overflows (a real C program, run by the truth suite) or, made huge,
//! wastes memory; Go ≤ 1.2 linked segments and suffered the hot split;
//! Go 1.3+ copies the stack to one twice the size and adjusts every
//! pointer into it; stacks shrink during GC; and past 1 GB a goroutine's
//! stack does overflow.
//!
//! The listing is go/stackgrowth/main.go, a real program whose recursion,
//! on a new goroutine, passes a pointer into count's frame down 100,000
//! calls; the pictures run
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
use memsim::growth::{GOp, GStack, Scheme, SEGMENT, START_SIZE};
use memview::Language;

const GCFLAGS: &str = "go build -gcflags=-m ./stackgrowth";
const GCFLAGS_OUT: &str = include_str!("../../go/stackgrowth/gcflags-m.txt");
/// The C program and what gcc and the shell say about it (checked by
/// tests/truth, which compiles and runs it).
pub const C_DIR: &str = "c/stackgrowth";
pub const C_COMMAND: &str = "gcc -Wall -o overflow overflow.c";
pub const C_WARNINGS: &str = include_str!("../../c/stackgrowth/gcc-wall.txt");
/// sum's frame on amd64, as the pictures draw it: its 96-byte array, room
/// for the next call's two arguments, the saved frame pointer and the
/// return address (tests/truth reads it from the compiler's assembly).
pub const SUM_FRAME: u64 = 128;

/// main.go's goroutine as stack ops: count's total, then `sum(depth,
/// &total)` down to depth 0 — each frame holds its depth and &total and
/// adds depth & 1 through the pointer — then every return and the total
/// handed back. With
/// `returns` false it stops at the deepest call (for the pictures).
pub fn program(depth: u64, returns: bool) -> Vec<GOp> {
    let mut ops = alloc::vec![GOp::Call { func: "count", size: SUM_FRAME }, GOp::Set { slot: 0, value: 0 }];
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

/// How many of sum's frames fit in a first segment after count's: the
/// next one links a second segment.
fn segment_fill() -> usize {
    let mut s = GStack::new(Scheme::Segmented(SEGMENT));
    s.apply(&GOp::Call { func: "count", size: SUM_FRAME });
    let mut n = 0;
    loop {
        s.apply(&GOp::Call { func: "sum", size: SUM_FRAME });
        if s.counters.segments_linked > 0 {
            return n;
        }
        n += 1;
    }
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "stackgrowth/main.go", lang: Lang::Go, text: include_str!("../../go/stackgrowth/main.go") };
    let mut c = Chapter::new(l, "stack-growth", l.pick("Growable stacks: from fixed to copied", "伸びるスタック：固定サイズからコピーへ"), code);
    c.knobs = KNOBS;
    let script = |scheme, ops: &Rc<Vec<GOp>>, upto| View::Figure(Rc::new(Script::new(scheme, ops.clone(), upto, l)));

    // A C thread's fixed 8 MiB stack, 1 KiB per call, until it runs out.
    let fixed: Rc<Vec<GOp>> = Rc::new({
        let mut ops = alloc::vec![GOp::Call { func: "main", size: 64 }];
        ops.extend((0..9000).map(|_| GOp::Call { func: "depth", size: 1024 }));
        ops
    });
    // A C program: the listing is its file, the terminal runs it.
    c.step(l.pick(
        "First, C: a function that recurses forever, keeping 1 KiB per call on the main thread's stack, capped \
         at 8 MiB (the usual ulimit -s). About 8,000 calls in, a frame lands past the stack's end: SIGSEGV, exit status \
         139.",
        "まずは C から。無限に再帰する関数が、メインスレッドのスタック（上限は一般的な ulimit -s の 8 MiB）に、呼び出し 1 回につき 1 KiB を積みます。約 8,000 回目でフレームがスタックの外にはみ出し、SIGSEGV で終了します（終了ステータス 139）。",
    ))
    .at("return depth(n + 1)")
    .listing(Code { file: "stackgrowth/overflow.c", lang: Lang::C, text: include_str!("../../c/stackgrowth/overflow.c") })
    .view(script(Scheme::Fixed(8 << 20), &fixed, fixed.len()))
    .terminal(C_COMMAND, C_TERMINAL);

    c.step(l.pick(
        "Or make every stack huge: 10,000 goroutines at 8 MiB each reserve 78.1 GiB — once \
         used, more than a 16 GiB machine has. At 2 KiB each they take 19.5 MiB, and nearly all memory is left for the \
         heap.",
        "逆の問題もあります。どのスタックも大きく取ると、スタックが 8 MiB のゴルーチン 10,000 個で 78.1 GiB を確保することになり、使えば 16 GiB のマシンには収まりません。2 KiB ずつなら 19.5 MiB で済み、メモリのほぼすべてをヒープに回せます。",
    ))
    .at("func main()")
    .view(View::Figure(Rc::new(Reserve { lang: l })));

    // Go ≤ 1.2: 8 KiB segments above a 256-byte guard. count and as many
    // of sum's frames as fit (the same frames as the copying steps'), then
    // the one that links a new segment, its return, and the hot split.
    let fill = segment_fill();
    let seg: Rc<Vec<GOp>> = Rc::new({
        let mut ops = alloc::vec![GOp::Call { func: "count", size: SUM_FRAME }];
        ops.extend((0..=fill).map(|_| GOp::Call { func: "sum", size: SUM_FRAME }));
        ops.push(GOp::Return);
        for _ in 0..1000 {
            ops.push(GOp::Call { func: "sum", size: SUM_FRAME });
            ops.push(GOp::Return);
        }
        ops
    });
    let linked = fill + 2;
    c.step(l.pick(
        "Go up to 1.2 used segmented stacks. When the next frame does not fit in the current segment, a new 8 \
         KiB segment (Go 1.2's minimum) is linked and the frame goes there: nothing is copied.",
        "Go 1.2 まではセグメントスタックでした。次のフレームが今のセグメントに収まらなければ、新しい 8 KiB のセグメント（Go 1.2 の最小サイズ）をつなぎ、そこにフレームを置きます。何もコピーしません。",
    ))
    .at("sum(depth-1, total)")
    .view(script(Scheme::Segmented(SEGMENT), &seg, linked));
    c.step(l.pick(
        "Returning from the first frame of a segment unlinks the segment and frees it again.",
        "セグメントの最初のフレームから戻ると、そのセグメントは切り離されて解放されます。",
    ))
    .at("func sum(depth int, total *int)")
    .view(script(Scheme::Segmented(SEGMENT), &seg, linked + 1));
    c.step(l.pick(
        "The hot split: a call in a loop right at a segment boundary links and frees a segment on every \
         iteration — here 1,000 more calls link and free 1,000 more segments. Programs slowed down for no \
         visible reason.",
        "これがホットスプリット問題です。セグメントの境界ちょうどでループから関数を呼ぶと、反復のたびにセグメントをつないでは解放します。ここでは 1,000 回の呼び出しで、セグメントの連結と解放も 1,000 回ずつ増えます。プログラムは目に見える理由もなく遅くなりました。",
    ))
    .at("sum(depth-1, total)")
    .view(script(Scheme::Segmented(SEGMENT), &seg, seg.len()));

    // Go 1.3+: contiguous stacks, 2 KiB to start.
    // The same program, 60 calls deep, then back and a GC scan: one
    // halving, as the step says.
    let copying: Rc<Vec<GOp>> = Rc::new({
        let mut ops = program(59, true);
        ops.push(GOp::Shrink);
        ops
    });
    let after = |frames: usize| 2 + 4 * frames;
    let copy = Scheme::Copying(START_SIZE);
    c.step(l.pick(
        "Go 1.3 made stacks contiguous, 2 KiB from Go 1.4. Most prologues check the stack pointer, less \
         their frame's size over 128 B, against a guard 928 bytes above the end (amd64). sum's frames, each \
         holding &total, fill toward it.",
        "Go 1.3 で連続スタックになり、Go 1.4 から 2 KiB で始まります。ほとんどのプロローグはスタックポインタ（128 B 超のフレームは超過分を引く）を末端から 928 バイト上のガード（amd64）と比べます。&total を持つ sum のフレームがガードへ迫ります。",
    ))
    .at("func sum(depth int, total *int)")
    .view(script(copy, &copying, after(8)));
    c.step(l.pick(
        "SP is now inside the guard, so the next prologue calls morestack: a stack twice the size, every \
         frame copied, every pointer into the old stack — each &total — moved by the same distance. The \
         arrows still point at total.",
        "SP がガードの内側に入ったので、次のプロローグが morestack を呼びます。morestack は 2 倍のスタックを確保して全フレームをコピーし、古いスタックを指すポインタ（各 &total）をすべて同じ距離だけずらします。矢印は今も total を指しています。",
    ))
    .at("sum(depth-1, total)")
    .view(script(copy, &copying, after(9)));
    c.step(l.pick(
        "Why rewriting frames is enough: escape analysis keeps heap objects from pointing into a stack \
         (\"total does not escape\"). Pointers into it live only in its frames, its registers and a few \
         runtime records (defers, channel waits), all adjusted.",
        "フレームの書き換えで済むのは、エスケープ解析がヒープからスタックを指させないからです（「total does not escape」）。スタックを指すポインタはそのフレーム、レジスタ、一部のランタイムの記録（defer、チャネル待ち）にしかなく、すべて調整されます。",
    ))
    .at("func sum(depth int, total *int)")
    .view(script(copy, &copying, after(9)))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "The recursion goes on, and the stack doubles each time it fills: 4, 8, 16 KiB. Each copy costs time \
         in proportion to the stack in use, but doubling keeps copies few and their total below the final \
         size.",
        "再帰が続くと、スタックは埋まるたびに 4、8、16 KiB と 2 倍になります。コピーには使用中のスタックに比例した時間がかかりますが、倍々に伸ばすのでコピーは少なく、コピーの合計も最終的なサイズより小さく収まります。",
    ))
    .at("sum(depth-1, total)")
    .view(script(copy, &copying, after(60)));
    c.step(l.pick(
        "When the calls return, the stack stays big. During a GC, a stack using less than a quarter of its \
         size is copied to one half the size, never below 2 KiB.",
        "呼び出しが戻っても、スタックは大きいままです。GC の際、使用量がサイズの 4 分の 1 未満のスタックは半分のサイズへコピーされます。ただし 2 KiB より小さくはなりません。",
    ))
    .at("done <- total")
    .view(script(copy, &copying, copying.len()));
    c.step(l.pick(
        "New goroutines start at 2 KiB (Go 1.4; 8 KiB in Go 1.2 and 1.3). Since Go 1.19 the start size \
         follows the average stack size seen at GC scans.",
        "新しいゴルーチンは 2 KiB で始まります（Go 1.4 から。Go 1.2 と 1.3 では 8 KiB）。Go 1.19 以降、初期サイズは GC のスキャンで観測した平均スタックサイズに合わせて決まります。",
    ))
    .try_it(l.pick("Drag the depth and frame size.", "「再帰の深さ」と「フレームサイズ」を動かしてみてください。"))
    .at("sum(100000, &total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(1000, 128), lang: l })));
    c.step(l.pick(
        "Modelled at main.go's depth — about 100,000 frames of 128 B from a 2 KiB start — main.go's recursion \
         ends on a 16 MiB stack after 13 copies. The real program prints 50000, as if the stack never moved.",
        "main.go と同じ深さ（128 B のフレームを約 100,000 個、スタックは 2 KiB から）でモデルを動かすと、再帰は 13 回のコピーを経て 16 MiB のスタックに収まります。実際のプログラムは、スタックが一度も移動しなかったかのように 50000 を出力します。",
    ))
    .at("sum(100000, &total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(100_000, 128), lang: l })));
    c.step(l.pick(
        "Go stacks do overflow, rarely: one may grow to 1 GB on 64-bit (debug.SetMaxStack changes it); past \
         that, \"fatal error: stack overflow\", exit status 2. Here the stack doubles up to 512 MiB; the next \
         doubling would pass 10⁹ bytes.",
        "Go のスタックもまれに溢れます。64 ビットでは 1 GB まで伸び（debug.SetMaxStack で変更可）、超えると「fatal error: stack overflow」で終了（ステータス 2）。ここでは 512 MiB まで倍増し、次の 2 倍で 10⁹ バイトを超えます。",
    ))
    .at("sum(depth-1, total)")
    .view(View::Figure(Rc::new(Ladder { settings: knobs::ladder(10_000_000, 128), lang: l })));
    c
}

/// What the shell shows for the C program: gcc's warning, then the crash.
const C_TERMINAL: &str = concat!(include_str!("../../c/stackgrowth/gcc-wall.txt"), "$ ./overflow\nSegmentation fault\n$ echo $?\n139");
