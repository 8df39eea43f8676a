//! Chapter `intro`: the hook (one allocation change, CPU −57%, memory
//! −99%, as the talk reported), why memory talks are hard and this one's
//! promise, Go's two halves — compiler and runtime — and the history the
//! chapters follow, each milestone a link to the step that shows it.

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use crate::story::Story;
use alloc::rc::Rc;
use alloc::vec::Vec;
use memview::{Card, Milestone};
use memview::{Language, Tr};

/// The releases the chapters cover, with the step that shows each: (the
/// milestone, the link's text, the link, a word the linked step's caption
/// contains — tested).
pub const TIMELINE: &[(Milestone, Tr, &str, &str)] = &[
    (
        Milestone {
            version: "1.0",
            date: "2012-03-28",
            what: Tr {
                en: "Go 1: a stack per goroutine, a garbage-collected heap", ja: "Go 1：ゴルーチンごとのスタックと、GC が回収するヒープ"
            },
        },
        Tr { en: "Go 1.0: stack and heap", ja: "Go 1.0：スタックとヒープ" },
        "#/stack-heap/1",
        "stack",
    ),
    (
        Milestone {
            version: "1.3",
            date: "2014-06-18",
            what: Tr { en: "contiguous stacks replace segmented ones", ja: "セグメントスタックから連続スタックへ" },
        },
        Tr { en: "1.3: contiguous stacks", ja: "1.3：連続スタック" },
        "#/stack-growth/6",
        "Go 1.3",
    ),
    (
        Milestone {
            version: "1.4", date: "2014-12-10", what: Tr { en: "goroutine stacks start at 2 KiB", ja: "ゴルーチンのスタックが 2 KiB から始まる" }
        },
        Tr { en: "1.4: 2 KiB stacks", ja: "1.4：2 KiB のスタック" },
        "#/stack-growth/11",
        "Go 1.4",
    ),
    (
        Milestone { version: "1.5", date: "2015-08-19", what: Tr { en: "the concurrent tri-color collector", ja: "三色マーキングによる並行 GC" } },
        Tr { en: "1.5: concurrent GC", ja: "1.5：並行 GC" },
        "#/gc/12",
        "Go 1.5",
    ),
    (
        Milestone { version: "1.8", date: "2017-02-16", what: Tr { en: "the hybrid write barrier", ja: "ハイブリッド書き込みバリア" } },
        Tr { en: "1.8: hybrid barrier", ja: "1.8：ハイブリッドバリア" },
        "#/gc/23",
        "1.8",
    ),
    (
        Milestone {
            version: "1.19",
            date: "2022-08-02",
            what: Tr { en: "GOMEMLIMIT; stacks start at the average size", ja: "GOMEMLIMIT の導入、スタックの初期サイズが平均サイズに" },
        },
        Tr { en: "1.19: GOMEMLIMIT", ja: "1.19：GOMEMLIMIT の導入" },
        "#/gc/42",
        "Go 1.19",
    ),
    (
        Milestone { version: "1.25", date: "2025-08-12", what: Tr { en: "Green Tea GC as an experiment", ja: "Green Tea GC が実験的に登場" } },
        Tr { en: "1.25: Green Tea (experiment)", ja: "1.25：Green Tea（実験的）" },
        "#/gc/35",
        "an experiment in Go 1.25",
    ),
    (
        Milestone { version: "1.26", date: "2026-02-10", what: Tr { en: "Green Tea GC by default", ja: "Green Tea GC がデフォルトに" } },
        Tr { en: "1.26: Green Tea by default", ja: "1.26：Green Tea がデフォルトに" },
        "#/gc/35",
        "Go 1.26",
    ),
    (
        Milestone {
            version: "1.27",
            date: "2026-08-19",
            what: Tr {
                en: "today: numbers are for Go 1.27 unless a version is named", ja: "現在：バージョンの記載がない数値は Go 1.27 のもの"
            },
        },
        Tr { en: "1.27: today", ja: "1.27：現在" },
        "#/case-study/6",
        "Go 1.27.3",
    ),
];

fn halves(l: Language) -> Vec<Card> {
    match l {
        Language::En => alloc::vec![
            Card::new(None, "Your source", "main.go: values, pointers, calls, nothing about where anything lives."),
            Card::new(
                None,
                "The compiler",
                "Escape analysis decides whether each value lives on the stack or the heap; it lays out frames, and inserts stack checks and write barriers."
            ),
            Card::new(
                None,
                "The binary and its runtime",
                "Linked into every program: the allocator, the garbage collector, stack growth and the scheduler's Ps."
            ),
            Card::new(
                None,
                "A running process",
                "The runtime allocates, collects and grows stacks while your code runs; the compiler's choices decide how much it must."
            ),
        ],
        Language::Ja => alloc::vec![
            Card::new(None, "ソースコード", "main.go：値、ポインタ、関数呼び出し。どこに置かれるかは書かれていない。"),
            Card::new(
                None,
                "コンパイラ",
                "エスケープ解析で、各値をスタックとヒープのどちらに置くか決める。フレームのレイアウトを決め、スタックチェックと書き込みバリアを挿入する。"
            ),
            Card::new(None, "バイナリとランタイム", "どのプログラムにもリンクされる。アロケータ、ガベージコレクタ、スタックの伸長、スケジューラの P。"),
            Card::new(None, "実行中のプロセス", "コードの実行中、ランタイムが割り当て、回収し、スタックを伸ばす。その仕事量はコンパイラの判断で決まる。"),
        ],
    }
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "intro/main.go", lang: Lang::Go, text: include_str!("../go/intro/main.go") };
    let mut c = Chapter::new(l, "intro", l.pick("Why memory, and how this story goes", "なぜメモリか、この話の進め方"), code);
    let cards = |title, sub, cards| View::Figure(Rc::new(Story::Cards { lang: l, title, sub, cards }));
    let stage = |lit| {
        View::Figure(Rc::new(Story::Pipeline {
            lang: l,
            title: l.pick("Go's two halves", "Go の 2 つの部分"),
            sub: l.pick("compiler and runtime", "コンパイラとランタイム"),
            stages: halves(l),
            lit,
        }))
    };

    c.step(l.pick(
        "One allocation change cut CPU use by 57% and memory by 99% — figures \
         reported at BuriKaigi 2026 by the author of the talk this explainer follows. By the end you will see why one \
         allocation matters so.",
        "アロケーションを 1 つ変えただけで、CPU 使用量が 57%、メモリが 99% 減りました。この解説の元に\
         なったトークの発表者が BuriKaigi 2026 で報告した数字です。なぜ 1 つのアロケーションがそこまで効くのか、最後にはわかります。",
    ))
    .view(cards(
        l.pick("One allocation change", "1 つのアロケーションの変更"),
        l.pick("as reported by the talk", "トークでの報告"),
        match l {
            Language::En => alloc::vec![
                Card::new(Some("\u{2212}57%"), "CPU", "after removing one allocation: a filter function made a new slice on every call"),
                Card::new(Some("\u{2212}99%"), "memory", "the same change, as reported"),
                Card::new(None, "Reported, not measured here", "The case study rebuilds the function and models the effect; its numbers are the model's."),
            ],
            Language::Ja => alloc::vec![
                Card::new(Some("\u{2212}57%"), "CPU", "呼び出しのたびに新しいスライスを作っていたフィルタ関数から、アロケーションを 1 つ取り除いた結果"),
                Card::new(Some("\u{2212}99%"), "メモリ", "同じ変更での報告値"),
                Card::new(None, "報告値（ここでの計測ではない）", "ケーススタディでは関数を再現し、効果をモデルで示す。その数値はモデルによるもの。"),
            ],
        },
    ))
    .at("func newPoint(x, y int) *point")
    .link(l.pick("See how: the case study \u{2192}", "その仕組みはケーススタディで \u{2192}"), "#/case-study/1");

    c.step(l.pick(
        "Memory talks are often hard because they start with how: escape rules, allocator internals. This one \
         starts with what each mechanism is and why it was invented — each appears when the pain that caused \
         it appears.",
        "メモリの話が難しくなりがちなのは、エスケープの規則やアロケータの内部など「どう動くか」から始まるからです。この解説では、各仕組みが「何か」「なぜ生まれたか」から始めます。どの仕組みも、それが必要になった問題とともに登場します。",
    ))
    .view(cards(
        l.pick("What and why before how", "「どう」の前に「何」と「なぜ」"),
        l.pick("the promise", "この話の約束"),
        match l {
            Language::En => alloc::vec![
                Card::new(None, "How", "Implementation details: heap escaping, size classes, marking loops. Hard without the map."),
                Card::new(
                    None,
                    "What and why",
                    "What each mechanism is, and the problem it solved: raw memory, the stack, the heap, malloc, GC, growable stacks."
                ),
                Card::new(None, "Then how", "With the map in hand, the details read as answers to questions you already have."),
            ],
            Language::Ja => alloc::vec![
                Card::new(None, "どう動くか", "実装の詳細：ヒープへのエスケープ、サイズクラス、マークのループ。地図なしでは難しい。"),
                Card::new(None, "何か、なぜか", "各仕組みが何で、どんな問題を解決したか：生のメモリ、スタック、ヒープ、malloc、GC、伸びるスタック。"),
                Card::new(None, "それから「どう」", "地図を手にしていれば、詳細は自分がすでに抱いている疑問への答えとして読める。"),
            ],
        },
    ))
    .at("package main");

    c.step(l.pick(
        "Go comes in two halves. It starts with your source: values, pointers, calls — nothing about where anything lives.",
        "Go は 2 つの部分からなります。出発点はソースコード。値、ポインタ、関数呼び出しだけで、どこに置かれるかは書かれていません。",
    ))
    .view(stage(0))
    .at("package main");
    c.step(l.pick(
        "The compiler decides where each value lives: here it sees that &point{x, y} outlives newPoint and has \
         it allocated on the heap (\"&point{...} escapes to heap\"). It also lays out frames and inserts stack \
         checks and write barriers.",
        "各値の置き場所はコンパイラが決めます。ここでは &point{x, y} が newPoint より長く生きると判断し、ヒープに置きます（「&point{...} escapes to heap」）。フレームのレイアウトや、スタックチェックと書き込みバリアの挿入も行います。",
    ))
    .view(stage(1))
    .at("return &point{x, y}")
    .terminal("go build -gcflags=-m ./intro", include_str!("../go/intro/gcflags-m.txt"));
    c.step(l.pick(
        "Every Go binary carries the runtime: the allocator that finds the point a home, the garbage \
         collector that frees it later, stack growth, and the scheduler's Ps — processors that run \
         goroutines, each with its own allocation cache, the mcache.",
        "Go のバイナリには必ずランタイムが入っています。point の置き場所を探すアロケータ、後で解放するガベージコレクタ、\
         スタックの伸長、そしてスケジューラの P。P はゴルーチンを実行する論理プロセッサで、それぞれ割り当て用のキャッシュ mcache を持ちます。",
    ))
    .view(stage(2))
    .at("p := newPoint(1, 2)");
    c.step(l.pick(
        "Running, the two halves meet: the compiler's choices decide how much work the runtime gets. The \
         chapters come back to these two halves again and again.",
        "実行時には、この 2 つが組み合わさって働きます。ランタイムの仕事量は、コンパイラの判断で決まります。この先の章は、\
         この 2 つに何度も立ち返ります。",
    ))
    .view(stage(3))
    .at("println(p.x + p.y)");
    let mut t = c.step(l.pick(
        "The story follows memory management through history, and Go through its releases. Each milestone has a \
         step of its own further on.",
        "この話は、メモリ管理を歴史の順に、Go をリリースの順にたどります。どのマイルストーンにも、この先でそれを扱うステップがあります。",
    ));
    let items = TIMELINE.iter().map(|(m, ..)| *m).collect();
    t = t
        .view(View::Figure(Rc::new(Story::Timeline {
            lang: l,
            title: l.pick("Go's memory, release by release", "リリースでたどる Go のメモリ"),
            sub: l.pick("dates of the releases", "リリース日"),
            items,
        })))
        .at("package main");
    for (_, label, href, _) in TIMELINE {
        t = t.link(label.get(l), href);
    }
    c
}
