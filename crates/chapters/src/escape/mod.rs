//! Chapter `escape`: why not everything lives on the heap, and how Go
//! decides. The pain first (the same request with every value on the heap
//! against Go's placement), then the compiler's verdicts value by value —
//! the real `go build -gcflags=-m` lines — then the runtime's side: size
//! classes, mcache, mcentral, mheap, the tiny allocator and large objects;
//! `-benchmem`; zero-allocation libraries and measuring first; and the
//! lab, eight real Go files behind three toggles.
//!
//! Listings: go/escape/escape.go (with benchmarks beside it), go/zeroalloc
//! and go/escapelab/*, all compiled and measured by tests/truth.

mod figures;
mod knobs;
pub mod lab;

pub use figures::{path_cards, Lab, Pain, Placement, ALL_HEAP, GO_HEAP, VALUES};
pub use knobs::KNOBS;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use alloc::rc::Rc;
use figures::{Cards, Path};
use memsim::size_classes::alloc_size;
use memview::Card;
use memview::Language;

const GCFLAGS: &str = "go build -gcflags=-m ./escape";
const GCFLAGS_OUT: &str = include_str!("../../go/escape/gcflags-m.txt");
/// Real `go test -bench . -benchmem` runs, recorded on the project's
/// 2-CPU test machine (tests/truth checks their B/op and allocs/op).
pub const BENCHMEM: &str = include_str!("../../go/escape/benchmem.txt");
pub const ZEROALLOC: &str = include_str!("../../go/zeroalloc/benchmem.txt");

/// What each benchmark's function allocates per call, by the compiler's
/// verdicts: (benchmark, [(bytes requested, holds pointers)]).
pub const ALLOCATIONS: &[(&str, &[(u64, bool)])] = &[
    ("NewPoint", &[(16, false)]),
    ("Distance", &[]),
    ("Boxed", &[(16, false)]),
    // n (an int) and the closure that holds a pointer to it.
    ("Counter", &[(8, false), (16, true)]),
    ("Squares4", &[]),
    ("Squares64", &[(512, false)]),
    ("Big", &[(131_072, false)]),
    ("Keep", &[(16, false)]),
    ("Handle", &[(16, false)]),
];

/// (B/op, allocs/op) the model gives a benchmark of the listing.
pub fn per_call(bench: &str) -> Option<(u64, u64)> {
    let (_, allocs) = ALLOCATIONS.iter().find(|(b, _)| *b == bench)?;
    Some((allocs.iter().map(|(n, p)| alloc_size(*n, *p)).sum(), allocs.len() as u64))
}

/// The benchmark's numbers as cards: B/op and allocs/op from the model's
/// verdicts (equal to Go's, tests/truth checks), ns/op as recorded.
fn measured(l: Language) -> alloc::vec::Vec<Card> {
    let card = |bench: &str, en: &str, ja: &str| {
        let (bytes, allocs) = per_call(bench).unwrap_or_default();
        // The recorded ns/op: the field before "ns/op" on the benchmark's line.
        let ns = BENCHMEM
            .lines()
            .find(|line| line.starts_with(&alloc::format!("Benchmark{bench}-")))
            .and_then(|line| line.split_whitespace().take_while(|w| *w != "ns/op").last())
            .unwrap_or("?");
        let body = match l {
            Language::En => alloc::format!("{allocs} allocs/op: {en}; {ns} ns/op"),
            Language::Ja => alloc::format!("{allocs} allocs/op：{ja}。{ns} ns/op"),
        };
        Card { big: Some(alloc::format!("{bytes} B/op")), title: alloc::format!("Benchmark{bench}"), body }
    };
    alloc::vec![
        card("Handle", "NewPoint's Point, kept", "NewPoint の Point がヒープに残る"),
        card("Distance", "every value on the stack", "値はすべてスタック上"),
        card("Big", "whole pages for buf", "buf にページを丸ごと割り当て"),
    ]
}

fn small_and_large(l: Language) -> alloc::vec::Vec<Card> {
    match l {
        Language::En => alloc::vec![
            Card::new(
                Some("tiny"),
                "Counter's n: 8 B, no pointers",
                "Pointer-free values under 16 B share 16-byte blocks: the tiny allocator packs them back to back (two 8-byte n's fill a block: 8 B/op on average)."
            ),
            Card::new(Some("large"), "Big's buf: 128 KiB", "Requests over 32,760 B skip the size classes: the object gets 16 whole 8 KiB pages of its own from mheap."),
            Card::new(Some("small"), "Everything else", "One of 67 size classes, for requests up to 32,760 B, in spans of same-size objects."),
        ],
        Language::Ja => alloc::vec![
            Card::new(
                Some("極小"),
                "Counter の n：8 B、ポインタなし",
                "ポインタを含まない 16 B 未満の値は 16 バイトのブロックを共有する。タイニーアロケータが隙間なく詰める（8 バイトの n が 2 つで 1 ブロックが埋まる。平均 8 B/op）。"
            ),
            Card::new(Some("大"), "Big の buf：128 KiB", "32,760 B を超える要求はサイズクラスを使わない。mheap から 8 KiB のページを丸ごと 16 枚、専用に受け取る。"),
            Card::new(Some("小"), "それ以外すべて", "32,760 B までの要求は 67 種類のサイズクラスのどれか。同じサイズのオブジェクトが並ぶスパンに入る。"),
        ],
    }
}

fn zero_alloc(l: Language) -> alloc::vec::Vec<Card> {
    match l {
        Language::En => alloc::vec![
            Card::new(None, "Off the heap", "Packages whose functions keep their values off the heap: no garbage, less GC work."),
            Card::new(None, "Usually faster", "An allocation costs time, and more allocation means more GC cycles."),
            Card::new(None, "Not always", "Pooling a 16-byte []byte still allocates: Put boxes the slice, 24 B a call, and it ran slower than a fresh one. Measure first."),
        ],
        Language::Ja => alloc::vec![
            Card::new(None, "ヒープに置かない", "関数が値をヒープに置かないパッケージ。ゴミが出ず、GC の仕事が減る。"),
            Card::new(None, "たいていは速い", "アロケーションには時間がかかり、アロケーションが増えるほど GC サイクルも増える。"),
            Card::new(
                None,
                "常にではない",
                "16 バイトの []byte を sync.Pool で使い回しても、Put の any への変換で毎回 24 B を割り当てる。しかも新しく割り当てるより遅かった。まずは計測を。"
            ),
        ],
    }
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "escape/escape.go", lang: Lang::Go, text: include_str!("../../go/escape/escape.go") };
    let mut c =
        Chapter::new(l, "escape", l.pick("Escape analysis: stack when it can, heap when it must", "エスケープ解析：できればスタック、必要ならヒープ"), code);
    c.knobs = KNOBS;
    let place = |current| View::Figure(Rc::new(Placement { lang: l, current }));
    let path = |lit| View::Figure(Rc::new(Path { lang: l, lit }));

    c.step(l.pick(
        "Heap allocations bring collections sooner, and each scans what is live. Handle makes six values; Go \
         leaves one on the heap. At a million calls a second, all six on the heap means far more cycles (the pacer model's \
         count).",
        "アロケーションが増えるほど GC が早く始まり、そのたびに生存オブジェクトをスキャンします。Handle が作る 6 つの値のうち、Go がヒープに置くのは 1 つだけです。毎秒 100 万回呼ぶなら、6 つともヒープに置くと GC サイクルはずっと増えます（ペーサーモデルでの回数）。",
    ))
    .at("func Handle(id int) int")
    .view(View::Figure(Rc::new(Pain { lang: l })));
    c.step(l.pick(
        "The compiler decides, per value. NewPoint returns &p, so p must outlive the call: \"moved to \
         heap: p\". The verdicts come from go build -gcflags=-m.",
        "決めるのはコンパイラで、値ごとに判断します。NewPoint は &p を返すので、p は呼び出しより長く生きなければなりません（「moved to heap: p」）。判定は go build -gcflags=-m で表示されます。",
    ))
    .at("func NewPoint(x, y int) *Point")
    .view(place(0))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "The same type in Distance stays on the stack: the pointer never leaves the function — \
         \"&Point{...} does not escape\". Escape analysis is about values, not types.",
        "同じ型でも Distance ではスタックに留まります。ポインタが関数の外に出ないからです（「&Point{...} does not escape」）。エスケープ解析が見るのは型ではなく値です。",
    ))
    .at("p := &Point{X: x, Y: y}")
    .view(place(1))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "Boxed returns its Point as an any: the interface that leaves the function points to a copy on the heap — \"p escapes to heap\".",
        "Boxed は Point を any として返します。関数の外に出るインターフェース値は、ヒープ上のコピーを指します（「p escapes to heap」）。",
    ))
    .at("func Boxed(x int) any")
    .view(place(2))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "Counter's closure captures n and outlives the call, so n moves to the heap (\"moved to heap: n\") \
         and so does the closure (\"func literal escapes to heap\").",
        "Counter のクロージャは n をキャプチャし、呼び出しより長く生きます。そのため n はヒープへ移り（「moved to heap: n」）、クロージャもヒープへエスケープします（「func literal escapes to heap」）。",
    ))
    .at("n := 0")
    .view(place(3))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "A make sized only at run time: Go 1.27 says \"make([]int, n) does not escape\". Since Go 1.25 the \
         compiler reserves a 32-byte stack buffer for it, used when the slice fits; a bigger n is allocated \
         on the heap.",
        "サイズが実行時に決まる make でも、Go 1.27 の判定は「make([]int, n) does not escape」です。Go 1.25 以降、コンパイラはスタックに 32 バイトのバッファを用意し、スライスが収まればそれを使います。n が大きければヒープに割り当てます。",
    ))
    .at("s := make([]int, n)")
    .view(place(4))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "Big's 128 KiB buffer is over the 64 KiB limit for values made by new, &T{} or make on the stack: \"make([]byte, 131072) \
         escapes to heap\", even though it never leaves the function.",
        "Big の 128 KiB バッファは、new、&T{}、make で作る値をスタックに置ける上限 64 KiB を超えます。関数の外に出ないのに「make([]byte, 131072) escapes to heap」となります。",
    ))
    .at("buf := make([]byte, 128<<10)")
    .view(place(5))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "Keep stores its parameter in a global: \"leaking param: p\". Every caller's Point must then be on \
         the heap, whatever the caller does with it.",
        "Keep は引数をグローバル変数に保存します（「leaking param: p」）。すると、呼び出し側が Point をどう使っていても、その Point は必ずヒープに置かれます。",
    ))
    .at("kept = p")
    .view(place(6))
    .terminal(GCFLAGS, GCFLAGS_OUT);
    c.step(l.pick(
        "The compiler decides stack or heap; the runtime decides how much and where. Allocating NewPoint's \
         16-byte Point calls the allocator, which rounds the request to a size class.",
        "スタックかヒープかはコンパイラが、どれだけどこに置くかはランタイムが決めます。NewPoint の 16 バイトの Point のためにアロケータが呼ばれ、要求はサイズクラスに切り上げられます。",
    ))
    .at("return &p")
    .view(path(1));
    c.step(l.pick(
        "Each P (one per GOMAXPROCS) keeps an mcache: two spans per size class, for values with pointers and without. The Point \
         has none: it takes the next free slot of the P's pointer-free class-2 span — no lock, a few \
         instructions.",
        "各 P（GOMAXPROCS 個）は mcache を持ち、サイズクラスごとにポインタあり用となし用の 2 つのスパンを抱えます。Point はポインタを含まないので、その P のポインタなし用クラス 2 スパンから次の空きスロットを受け取ります。ロック不要、数命令で済みます。",
    ))
    .at("return &p")
    .view(path(2));
    c.step(l.pick(
        "Once that span is full, the mcache swaps it for one with free slots from mcentral, shared spans of \
         each class; when none has any, mheap, the page allocator, cuts 8 KiB pages from a 64 MiB arena.",
        "スパンが満杯になると、mcache はサイズクラスごとの共有スパンを持つ mcentral から、空きのあるスパンを受け取って取り替えます。どれにも空きがなければ、ページアロケータの mheap が 64 MiB のアリーナから 8 KiB のページを切り出します。",
    ))
    .at("return &p")
    .view(path(4));
    c.step(l.pick(
        "Two special paths: pointer-free values under 16 bytes, like Counter's n, are packed into shared \
         16-byte blocks by the tiny allocator; objects over 32,760 B, like Big's buf, get whole pages.",
        "特別な経路が 2 つあります。Counter の n のようにポインタを含まない 16 バイト未満の値は、タイニーアロケータが共有の 16 バイトのブロックに詰めます。Big の buf のような 32,760 B 超のオブジェクトは、ページを丸ごと受け取ります。",
    ))
    .at("buf := make([]byte, 128<<10)")
    .view(View::Figure(Rc::new(Cards {
        lang: l,
        title: l.pick("Tiny, large and small", "極小・大・小"),
        sub: l.pick("three allocation paths", "3 つのアロケーション経路"),
        cards: small_and_large,
    })));
    c.step(l.pick(
        "Measure it: go test -benchmem reports bytes and allocations per call. B/op and allocs/op here are \
         the model's verdict-by-verdict sums and equal Go's; ns/op was recorded on the project's 2-CPU test \
         machine with Go 1.27.3.",
        "計測しましょう。go test -benchmem は 1 回あたりのバイト数とアロケーション回数を報告します。B/op と allocs/op はコンパイラの判定からモデルで合計した値で、Go の実測どおりです。ns/op は 2 CPU のマシンと Go 1.27.3 での実測です。",
    ))
    .at("func Handle(id int) int")
    .view(View::Figure(Rc::new(Cards {
        lang: l,
        title: "go test -benchmem",
        sub: l.pick("per call", "1 回あたり"),
        cards: measured,
    })))
    .terminal("go test -bench . -benchmem ./escape", BENCHMEM);
    c.step(l.pick(
        "Zero-allocation libraries keep values off the heap, and usually that pays. Not always: a pooled \
         16-byte []byte still allocated 24 B a call, as Put boxed the slice, and ran slower than a fresh one. \
         Measure before adopting.",
        "ゼロアロケーションのライブラリは値をヒープに置かず、たいてい速くなります。ただし常にではありません。16 バイトの []byte を sync.Pool で使い回しても、Put の any への変換で毎回 24 B を割り当て、新しく割り当てるより遅くなりました。採用前に計測を。",
    ))
    // The listing is the benchmark's own code: the pooled buffer the terminal measures.
    .listing(Code { file: "zeroalloc/zeroalloc.go", lang: Lang::Go, text: include_str!("../../go/zeroalloc/zeroalloc.go") })
    .at("func Pooled() byte")
    .view(View::Figure(Rc::new(Cards {
        lang: l,
        title: l.pick("Zero-allocation libraries", "ゼロアロケーションのライブラリ"),
        sub: l.pick("measure first", "まず計測"),
        cards: zero_alloc,
    })))
    .terminal("go test -bench . -benchmem ./zeroalloc", ZEROALLOC);
    c.step(l.pick(
        "The escape lab: one snippet, three choices — return a value or a pointer, constant or variable size, \
         store the Point as Point or as any. Go 1.27.3 compiled all eight versions.",
        "エスケープラボ：1 つのコード片に 3 つの選択。値とポインタのどちらを返すか、サイズは定数か変数か、Point を Point と any のどちらで保存するか。8 通りすべてを Go 1.27.3 でコンパイル済みです。",
    ))
    .try_it(l.pick("Flip the toggles; the link keeps your choice.", "切り替えてみてください。組み合わせはリンクに残ります。"))
    .at("func Lab(n int)")
    .view(View::Figure(Rc::new(Lab { lang: l })));
    c
}
