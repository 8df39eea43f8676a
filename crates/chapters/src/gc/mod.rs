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

/// n1's pointer root.Other (field 1 of Node{Next, Other, V}): the arrow
/// that breaks the tri-color invariant, lit where a step is about it.
const N1_OTHER: Focus = Focus::FieldOf { at: NODE[0], field: 1 };
/// The span's next free slot, where n6 goes when the barrier kept n3.
const FRESH: u64 = 0xc000010060;

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
    let mut c = Chapter::new(l, "gc", l.pick("Automatic heap management: garbage collection", "ヒープの自動管理：ガベージコレクション"), code);
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
    let l = c.language;
    c.part(l.pick("Mark and sweep", "マーク・アンド・スイープ"));
    c.step(l.pick(
        "C leaves freeing to the programmer; Go frees heap memory itself, with a garbage collector (GC). \
         It finds what the program can still reach and frees the rest. main starts.",
        "C では解放はプログラマの仕事ですが、Go はガベージコレクタ（GC）を使ってヒープのメモリを自分で解放します。プログラムがまだ到達できるものを見つけ、残りを解放します。main が始まります。",
    ))
    .at("func main()")
    .op(Op::Spawn { goroutine: 1, hi: STACK_HI, size: 4096 })
    .op(Op::Call { func: s("main"), args: vec![] })
    .focus(Focus::frame("main"));

    let mut b = c.step(l.pick(
        "build makes four 24-byte Nodes on the heap, n1 to n4: size class 3, side by side in one span — a run \
         of pages holding objects of one size class. main's root points to n1; the others hang off it.",
        "build がヒープに 24 バイトの Node を 4 つ（n1〜n4）作ります。サイズクラス 3 で、1 つのスパン（同じサイズクラスのオブジェクトを並べる連続したページ）に隣り合って入ります。main の root が n1 を指し、ほかの Node は n1 から先につながります。",
    ));
    for op in build() {
        b = b.op(op);
    }
    b.at("root := build()").focus(Focus::pointee("main", "root"));

    c.step(l.pick(
        "root.Other = nil: n4 is still in memory, but nothing can reach it any more. It is garbage.",
        "root.Other = nil で、n4 はメモリに残ってはいるものの、もうどこからも到達できません。これがゴミ（ガベージ）です。",
    ))
    .at("root.Other = nil")
    .op(set("root", &["Other"], Expr::Nil))
    .focus(Focus::HeapAt(NODE[3]));
}

fn three_colours(c: &mut Chapter) {
    let l = c.language;
    c.part(l.pick("Three colours", "三色マーキング"));
    // Bridge: the idea of mark and sweep, then how Go marks.
    c.step(l.pick(
        "Collecting takes two phases. Mark: find every object the program can still reach from the roots. \
         Sweep: free the rest. Go marks with three colours, so marking can stop and resume; shown here in \
         the classic order, object by object.",
        "回収は 2 つのフェーズで進みます。マークでは、ルートからたどってプログラムがまだ到達できるオブジェクトをすべて見つけます。スイープでは残りを解放します。Go は三色でマークするので、マークを中断・再開できます。ここでは従来の方式で 1 つずつマークします。",
    ))
    .at("runtime.GC()");

    c.step(l.pick(
        "runtime.GC() starts a cycle. Marking begins with every object white: not yet known to be alive. \
         (Go also starts cycles itself as the heap nears its GOGC goal, and, after a first one, at most two \
         minutes apart unless GOGC=off.)",
        "runtime.GC() で GC サイクルが始まります。マーク開始時、オブジェクトはすべて白（生きているかまだ不明）です。（Go は、ヒープが GOGC の目標に近づくと自らサイクルを始め、GOGC=off でなければ最初の GC 以降は少なくとも 2 分に 1 回実行します。）",
    ))
    .at("runtime.GC()")
    .op(Op::GcStart { barrier: true });

    c.step(l.pick(
        "The roots are where the program can start from: goroutine stacks and global variables. Scanning \
         main's stack finds root, and its Node, n1, turns grey: reached, but its own pointers not yet scanned.",
        "ルートとは、プログラムがたどり始められる場所、つまりゴルーチンのスタックとグローバル変数です。main のスタックをスキャンすると root が見つかり、root が指す n1 が灰色になります。灰色は「到達済みだが、持っているポインタはまだ調べていない」という意味です。",
    ))
    .at("runtime.GC()")
    .op(Op::GcScanStack { goroutine: 1 })
    .focus(Focus::HeapAt(NODE[0]));

    c.step(l.pick(
        "Scanning a grey object turns it black and turns the white objects it points to grey. n1 is black; n2 is grey.",
        "灰色のオブジェクトをスキャンすると、そのオブジェクトは黒になり、指している白のオブジェクトは灰色になります。n1 が黒、n2 が灰色です。",
    ))
    .at("runtime.GC()")
    .op(Op::GcMarkStep { n: 1 })
    .focus(Focus::HeapAt(NODE[1]));

    c.step(l.pick("Scanning n2 turns it black; n3 turns grey.", "n2 をスキャンすると n2 は黒に、n3 は灰色になります。"))
        .at("runtime.GC()")
        .op(Op::GcMarkStep { n: 1 })
        .focus(Focus::HeapAt(NODE[2]));

    c.step(l.pick(
        "n3 points nowhere; it turns black and no grey object is left: marking is done. n4 is still white — \
         nothing led to it.",
        "n3 はどこも指していないので黒になり、灰色のオブジェクトがなくなりました。マーク完了です。n4 は白のままです。どこからもたどり着けなかったからです。",
    ))
    .at("runtime.GC()")
    .op(Op::GcMarkStep { n: 1 })
    .focus(Focus::HeapAt(NODE[3]));

    c.step(l.pick(
        "Sweeping frees every white object, span by span: n4's slot is free again. Go's heap never moves \
         an object (it does not compact), so the surviving addresses stay as they were.",
        "スイープは白のオブジェクトをスパンごとに解放します。n4 のスロットは空きに戻ります。Go のヒープはオブジェクトを移動しない（コンパクションしない）ので、生き残ったオブジェクトのアドレスは変わりません。",
    ))
    .at("runtime.GC()")
    .op(Op::GcSweep);

    let mut b = c.step(l.pick(
        "In this model a new Node, n5, takes the first free slot in the span — n4's old address — and n2 points \
         to it. extra itself goes back to nil.",
        "このモデルでは、新しい Node の n5 がスパンの最初の空きスロット、つまり n4 が使っていたアドレスに入り、n2 がそれを指します。変数 extra 自体は nil に戻ります。",
    ));
    for op in extra() {
        b = b.op(op);
    }
    b.at("extra = nil").focus(Focus::HeapAt(NODE[3]));
}

fn concurrent(c: &mut Chapter) {
    let l = c.language;
    let [load_c, cut, store, clear_c] = moves();
    let [alloc99, print] = finish();
    let hypothetical = l.pick("a Go without write barriers (hypothetical) would print:", "書き込みバリアのない仮想の Go なら、こう出力します：");

    c.part(l.pick("Marking while the program runs", "プログラム実行中のマーク"));
    // Bridge: a stopped program waits for the whole mark.
    c.step(l.pick(
        "Stopping the program for a whole mark would pause it for as long as the heap takes to scan. Since \
         Go 1.5, marking runs concurrently with the program, which keeps moving pointers meanwhile.",
        "マークの間ずっとプログラムを止めると、ヒープのスキャンにかかる時間だけプログラムが停止します。Go 1.5 以降、マークはプログラムと並行して動き、その間もプログラムはポインタを書き換え続けます。",
    ))
    .at("// While the collector marks");

    c.step(l.pick(
        "First, imagine concurrent marking with no write barrier. A new cycle starts and scans main's stack: n1 turns grey.",
        "まず、書き込みバリアのない並行マークを考えてみます。新しいサイクルが始まり、main のスタックをスキャンして n1 が灰色になります。",
    ))
    .at("// While the collector marks")
    .op(Op::GcStart { barrier: false })
    .op(Op::GcScanStack { goroutine: 1 })
    .focus(Focus::HeapAt(NODE[0]));

    c.step(l.pick(
        "The collector scans n1 (black) and greys n2. n3 is still white.",
        "ガベージコレクタが n1 をスキャンして黒にし、n2 を灰色にします。n3 はまだ白です。",
    ))
    .at("// While the collector marks")
    .op(Op::GcMarkStep { n: 1 })
    .focus(Focus::HeapAt(NODE[1]));

    c.step(l.pick(
        "Meanwhile the program copies n2's pointer to n3 into a local, c. Stack writes have no \
         barrier, and main's stack was already scanned.",
        "その間にプログラムは、n2 が持つ n3 へのポインタをローカル変数 c にコピーします。スタックへの書き込みにはバリアがなく、main のスタックはスキャン済みです。",
    ))
    .at("c := root.Next.Next")
    .op(load_c.clone())
    .focus(Focus::var("main", "c"));

    c.step(l.pick(
        "It clears n2's pointer: grey n2, not yet scanned, no longer leads to n3.",
        "続いて n2 のポインタを消します。まだスキャンされていない灰色の n2 から、もう n3 へはたどれません。",
    ))
    .at("root.Next.Next = nil")
    .op(cut.clone())
    .focus(Focus::HeapAt(NODE[1]));

    c.step(l.pick(
        "And stores c into root.Other: black n1 now points to white n3. That breaks the tri-color \
         invariant — no black object may point to a white one — because black objects are never scanned again.",
        "そして c を root.Other に格納したので、黒の n1 が白の n3 を指します。これは三色不変条件（黒は白を指してはならない）に反します。黒のオブジェクトは二度とスキャンされないからです。",
    ))
    .at("root.Other = c")
    .op(store.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .focus(N1_OTHER);

    c.step(
        l.pick("c goes back to nil. n3 is now reachable only through black n1.", "c は nil に戻ります。n3 に到達できるのは、黒の n1 からだけになりました。"),
    )
    .at("c = nil")
    .op(clear_c.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .focus(N1_OTHER);

    c.step(l.pick(
        "Marking finishes: n2 is scanned (it leads to n5, the extra Node, now black) and the queue empties. \
         n3 is white although root.Other points to it.",
        "マークが終わります。n2 がスキャンされ（その先にある extra の Node、n5 も黒になります）、キューが空になります。root.Other が指しているのに、n3 は白のままです。",
    ))
    .at("c = nil")
    .op(Op::GcFinishMark)
    .focus(Focus::HeapAt(NODE[2]));

    c.step(l.pick(
        "Sweeping frees n3. root.Other still holds its address, drawn red: a dangling pointer, in a language that promises none.",
        "スイープが n3 を解放します。root.Other にはそのアドレスが残ったままです（赤）。ダングリングポインタとは無縁のはずの言語で、ダングリングポインタが生まれました。",
    ))
        .at("c = nil")
        .op(Op::GcSweep)
        .focus(Focus::HeapAt(NODE[0]));

    c.step(l.pick(
        "In this model a new Node, n6, with V = 99 takes the first free slot: n3's old address. root.Next.Other \
         points to it, and so does root.Other, still meant for n3: a stale pointer, drawn red.",
        "このモデルでは、V = 99 の新しい Node の n6 が、最初の空きスロット、つまり n3 が使っていたアドレスに割り当てられます。root.Next.Other がそれを指し、n3 を指すつもりの root.Other も同じ場所を指します。古くなったポインタです（赤）。",
    ))
    .at("root.Next.Other = &Node{V: 99}")
    .op(alloc99.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .output_note(hypothetical);

    c.step(l.pick(
        "The program reads root.Other.V and gets n6's 99, where it stored n3's 3: the lost-object bug. A concurrent \
         collector must see every pointer the program moves while it marks.",
        "プログラムは root.Other.V を読み、格納したはずの n3 の 3 ではなく n6 の 99 を得ます。これがオブジェクト消失のバグです。並行 GC は、マーク中にプログラムが書き換えるポインタをすべて把握しなければなりません。",
    ))
    .at("println(root.Other.V, root.Next.Other.V)")
    .op(print.clone())
    .focus(Focus::HeapAt(NODE[2]))
    .output_note(hypothetical);

    let mut b = c.step(l.pick(
        "Since 1.8 Go uses the hybrid write barrier (1.5–1.7's insertion barrier re-scanned stacks in \
         a pause). By design, while marking, a pointer store shades the old pointer, and the new one if the \
         writing goroutine's stack is not yet scanned.",
        "Go 1.8 以降はハイブリッド書き込みバリアを使います（1.5〜1.7 の挿入型バリアは停止中にスタックを再スキャンしました）。設計上、マーク中のポインタ書き込みは古い参照先を灰色にし、書き込むゴルーチンのスタックが未スキャンなら新しい参照先も灰色にします。",
    ))
    // The picture is back before the moves, so the line is too.
    .at("// While the collector marks");
    // The bug's picture goes with it: the heap is back as it was before the
    // moves, ready for the replay with the barrier on.
    b = b.op(Op::Restart);
    for op in setup() {
        b = b.op(op);
    }

    c.step(l.pick(
        "The runtime simply records both pointers in a buffer of the P that runs the goroutine and greys them \
         when the buffer is flushed. The same moment again, barrier on: n1 black, n2 grey, n3 white.",
        "実際のランタイムは、ゴルーチンを実行中の P のバッファに新旧両方のポインタを記録するだけで、灰色にするのはバッファをフラッシュするときです。同じ場面をバリアありでもう一度見ます。n1 は黒、n2 は灰色、n3 は白です。",
    ))
    .op(Op::GcStart { barrier: true })
        .op(Op::GcScanStack { goroutine: 1 })
        .op(Op::GcMarkStep { n: 1 })
        .at("// While the collector marks")
        .focus(Focus::HeapAt(NODE[1]));

    c.step(l.pick(
        "c takes n3's address. No barrier on the stack, as before.",
        "c が n3 のアドレスを受け取ります。先ほどと同じく、スタックにはバリアがありません。",
    ))
    .at("c := root.Next.Next")
    .op(load_c)
    .focus(Focus::var("main", "c"));

    c.step(l.pick(
        "This store overwrites a pointer to n3, so the barrier greys n3. (The design skips the new value, nil, \
         once the stack is scanned; the runtime buffers old and new alike before the store.)",
        "この書き込みは n3 へのポインタを上書きするので、バリアが n3 を灰色にします。（設計上はスタックがスキャン済みなら新しい値 nil は対象外ですが、ランタイムは書き込みの前に新旧どちらもバッファに入れます。）",
    ))
    .at("root.Next.Next = nil")
    .op(cut)
    .focus(Focus::HeapAt(NODE[2]));

    c.step(l.pick(
        "root.Other = c, c = nil: n3 is grey, so the collector will still scan it.",
        "root.Other = c、c = nil と続きますが、n3 は灰色なので、ガベージコレクタは後で n3 もスキャンします。",
    ))
    .at("root.Other = c")
    .op(store)
    .op(clear_c)
    .focus(Focus::HeapAt(NODE[2]));

    c.step(l.pick(
        "Marking finishes with n3 black. Every node is reachable, so sweeping will find nothing unreachable to free.",
        "n3 が黒になってマークが終わります。どの Node も到達可能なので、続くスイープで解放するものはありません。",
    ))
    .at("c = nil")
    .op(Op::GcFinishMark)
    .focus(Focus::HeapAt(NODE[2]));

    // The sweep opens the next step, so this one shows marking's end: every
    // node black.
    c.step(l.pick(
        "The cycle is over. The new Node, n6, goes to a fresh slot; the program prints 3 99, as the real one \
         does (where no cycle runs). Objects allocated while marking are black, so they can't be \
         lost either.",
        "サイクルが終わりました。新しい Node の n6 は空いているスロットに入り、プログラムは 3 99 と出力します。GC サイクルが走らない実際のプログラムと同じ出力です。マーク中に割り当てたオブジェクトは最初から黒なので、これも失われません。",
    ))
    .at("println(root.Other.V, root.Next.Other.V)")
    .op(Op::GcSweep)
    .op(alloc99)
    .op(print)
    .focus(Focus::HeapAt(FRESH));

    c.step(l.pick(
        "Go's collector is concurrent, tri-color, non-moving and non-generational. A cycle's cost grows \
         with what it scans (live heap, stacks, globals), and more allocation brings more cycles — which is why \
         Go also tries hard to keep values off the heap.",
        "Go の GC は並行・三色・非移動・非世代型です。1 サイクルのコストはスキャンする対象（生存ヒープ、スタック、グローバル変数）とともに増え、アロケーションが多いほどサイクルの頻度も上がります。だからこそ Go は、値をできるだけヒープに置かないようにしているのです。",
    ));
}

// The Green Tea and pacer steps are about the runtime, not a line of the
// listing: they mark no line.
fn green_tea(c: &mut Chapter) {
    let l = c.language;
    let cache = Rc::new(marking_view::Cache::default());
    let view = |strategy, done| View::Figure(Rc::new(Marking { strategy, done, cache: cache.clone(), lang: l }));
    let flood = |done| view(Strategy::ObjectByObject, done);
    let spans = |done| view(Strategy::SpanBySpan, done);
    let all = usize::MAX;
    c.part(l.pick("Green Tea", "Green Tea によるマーク"));
    // Bridge: scanning cost is memory waits, not only object counts.
    c.step(l.pick(
        "Scanning is slow for a reason beyond the object count: marking spends much of its time waiting for \
         memory — at least 35%, the Green Tea authors measured. The order of the scan matters.",
        "スキャンが遅い理由はオブジェクト数だけではありません。マークは時間の多くをメモリ待ちに費やします。Green Tea の作者たちの計測では少なくとも 35% です。スキャンの順序が効いてくるのです。",
    ));
    c.step(l.pick(
        "Here is a bigger heap: a binary tree of nodes of three sizes, in spans of three size classes.",
        "もっと大きなヒープを見ます。3 種類のサイズのノードからなる二分木で、ノードは 3 つのサイズクラスのスパンに入ります。",
    ))
    .try_it(l.pick("The Objects slider sets how many nodes, up to 20,000.", "ノード数は「オブジェクト数」スライダーで最大 20,000 まで変えられます。"))
    .view(flood(0));
    c.step(l.pick(
        "The classic mark (the default up to Go 1.25; still used outside 16–512 B) floods the object graph: \
         scan an object, push what it points to. The next is usually in another span: the scanner jumps \
         around memory.",
        "従来のマーク（Go 1.25 までのデフォルト。16〜512 B 以外のサイズでは今も使われる）はオブジェクトグラフをたどります。1 つスキャンしては、その指す先を積んでいきます。次のオブジェクトはたいてい別のスパンにあるので、スキャンはメモリ上を飛び回ります。",
    ))
    .view(flood(8));
    c.step(l.pick(
        "Object by object, marking every node touched a new memory region almost every time — each a \
         likely cache miss on a real machine.",
        "オブジェクト単位では、全ノードをマークするまでに、ほぼ毎回新しいメモリ領域に触れました。実機では、その一つひとつがキャッシュミスになりやすいのです。",
    ))
    .view(flood(all));
    c.step(l.pick(
        "Green Tea, an experiment in Go 1.25 and the default since Go 1.26, works with spans: finding a \
         pointer only sets the mark bit and queues the target's span. A queued span waits while more of its \
         objects get marked.",
        "Go 1.25 で実験的に登場し、Go 1.26 でデフォルトになった Green Tea は、スパン単位で動きます。ポインタを見つけても、マークビットを立てて指す先のスパンをキューに入れるだけです。キューで待つ間に、そのスパンのほかのオブジェクトもマークされていきます。",
    ))
    .view(spans(1));
    c.step(l.pick(
        "Taking a span from the queue scans its marked objects in address order: far fewer region visits. \
         Go uses this path for objects of 16 to 512 bytes that contain pointers.",
        "スパンをキューから取り出すと、マーク済みのオブジェクトをアドレス順にまとめてスキャンします。触れる領域の数はずっと少なくなります。Go はこの方式を、ポインタを含む 16〜512 バイトのオブジェクトに使います。",
    ))
    .view(spans(all));
    c.step(l.pick(
        "The count is a lower bound: Go scans a snapshot of the span's marks, and objects marked meanwhile \
         queue the span again, so real Go visits more often.",
        "この数は下限です。Go はスパンのマークビットのスナップショットをスキャンするため、スキャン中に新たにマークされたオブジェクトがあるとスパンが再びキューに入り、実際に触れる回数はもっと多くなります。",
    ))
    .view(spans(all));
}

fn pacer(c: &mut Chapter) {
    let l = c.language;
    c.part(l.pick("The pacer", "ペーサー"));
    // Bridge: from the program's runtime.GC() to the runtime's own timing.
    c.step(l.pick(
        "So far runtime.GC() asked for every cycle. Real programs rarely call it: the runtime starts cycles \
         itself, pacing them so the heap stays near a goal.",
        "ここまでは毎回 runtime.GC() でサイクルを起こしました。実際のプログラムが runtime.GC() を呼ぶことはまずありません。ランタイムが自らサイクルを始め、ヒープが目標付近に収まるようにペースを調整します。",
    ))
    .at("runtime.GC()");
    let cache = Rc::new(pacer_view::Cache::default());
    let mut step = |lead: &'static str, settings, try_it: Option<&'static str>| {
        let p = Pacer { settings, lead, cache: cache.clone(), lang: l };
        // The step's own caption is the figure's at the step's settings.
        let caption = p.caption(&p.defaults()).unwrap_or_default();
        let s = c.step(&caption).view(View::Figure(Rc::new(p)));
        s.try_it = try_it;
    };
    step(
        l.pick(
            "A cycle starts before the heap reaches its goal: live + (live + stacks + globals) × GOGC/100, at \
             least 4 MiB × GOGC/100.",
            "サイクルはヒープが目標に達する前に始まります。目標は「生存 + (生存 + スタック + グローバル) × GOGC/100」で、最低でも 4 MiB × GOGC/100 です。",
        ),
        knobs::pacer(Some(100), None, 8 * MIB),
        None,
    );
    step(
        l.pick(
            "Objects allocated while marking are born black and count as live, so later goals sit a little \
             higher.",
            "マーク中に割り当てたオブジェクトは最初から黒で、生存ヒープに数えられるので、以後の目標は少し上がります。",
        ),
        knobs::pacer(Some(100), None, 8 * MIB),
        Some(l.pick("Drag the sliders; the link keeps your settings.", "スライダーを動かしてみてください。設定はリンクに残ります。")),
    );
    step(
        l.pick(
            "GOGC trades memory for CPU: a higher GOGC means fewer cycles and less GC CPU, at a higher peak. \
             GOGC=off never collects — unless a memory limit is set.",
            "GOGC はメモリと CPU のトレードオフです。上げると GC の回数と CPU は減り、ヒープのピークは上がります。GOGC=off では、メモリ上限がない限り回収しません。",
        ),
        knobs::pacer(Some(400), None, 8 * MIB),
        None,
    );
    step(
        l.pick(
            "GOMEMLIMIT (Go 1.19) caps the goal: roughly the limit less the runtime's non-heap memory and a headroom of 3% (at least 1 MiB). \
             Every cycle is still a full collection.",
            "GOMEMLIMIT（Go 1.19）は目標を、ほぼ「上限 − ヒープ外メモリ − 余裕（3%、最低 1 MiB）」に抑えます。それでも毎回ヒープ全体を回収します。",
        ),
        knobs::pacer(None, Some(48 * MIB), 8 * MIB),
        None,
    );
    step(
        l.pick(
            "A limit near the live heap runs cycles back to back; their allocations are born black, so goals \
             rise past the first. Here the live heap exceeds limit \u{2212} non\u{2011}heap.",
            "上限が生存ヒープに近いと GC が切れ目なく続き、その間の割り当ては黒なので目標は最初より上がります。ここでは生存ヒープが「上限 \u{2212} ヒープ外」を超えています。",
        ),
        knobs::pacer(Some(100), Some(20 * MIB), 16 * MIB),
        None,
    );
    step(
        l.pick(
            "Real Go adds mark assists by allocating goroutines, but caps GC at 50% of CPU time (the GC CPU \
             limiter) and lets memory pass the limit rather than thrash.",
            "実際の Go では割り当てるゴルーチンもマークアシストをしますが、GC CPU リミッタが GC を CPU 時間の 50% に抑え、スラッシングより上限超えを選びます。",
        ),
        knobs::pacer(Some(100), Some(20 * MIB), 16 * MIB),
        None,
    );
}
