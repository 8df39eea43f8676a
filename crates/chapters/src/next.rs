//! Chapter `next`: the conclusion — this is the start — and the five talks
//! the outline recommends for going deeper, each with the chapter here it
//! continues. Plain links only; the page itself requests nothing.

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use crate::story::Story;
use alloc::rc::Rc;
use memview::Card;
use memview::{Language, Tr};

/// (title, where and when, what it goes deeper into, the chapter here it
/// continues: link text and link), as the talk's outline lists them.
/// Titles and events keep their own names in every language, as a reader
/// searches for them.
pub const TALKS: &[(Tr, Tr, Tr, Tr, &str)] = &[
    (
        Tr {
            en: "Escape Analysis in Go: Understanding and Optimizing Memory Allocation",
            ja: "Escape Analysis in Go: Understanding and Optimizing Memory Allocation",
        },
        Tr { en: "Go Conference 2023 Online", ja: "Go Conference 2023 Online" },
        Tr {
            en: "when values escape to the heap, and how to read the compiler's analysis", ja: "値がヒープへエスケープする条件と、コンパイラの解析の読み方"
        },
        Tr { en: "The escape-analysis talk continues its chapter", ja: "エスケープ解析：同名の章の続き" },
        "#/escape/2",
    ),
    (
        Tr { en: "Garbage Collection Semantics", ja: "Garbage Collection Semantics" },
        Tr { en: "GopherCon SG 2019", ja: "GopherCon SG 2019" },
        Tr { en: "the collector's logic in depth", ja: "ガベージコレクタのロジックを深く掘り下げる" },
        Tr {
            en: "The GC-semantics talk continues the collector's chapter", ja: "GC のセマンティクス：「ガベージコレクション」の章の続き"
        },
        "#/gc/1",
    ),
    (
        Tr { en: "Memory Management in Go: The good, the bad and the ugly", ja: "Memory Management in Go: The good, the bad and the ugly" },
        Tr { en: "GopherCon UK 2023", ja: "GopherCon UK 2023" },
        Tr { en: "finding and fixing memory costs with pprof", ja: "pprof でメモリのコストを見つけて直す" },
        Tr { en: "pprof continues the case study", ja: "pprof：「ケーススタディ」の章の続き" },
        "#/case-study/8",
    ),
    (
        Tr { en: "Understanding Go's Memory Allocator", ja: "Understanding Go's Memory Allocator" },
        Tr { en: "GopherCon UK 2018", ja: "GopherCon UK 2018" },
        Tr { en: "(advanced) how allocation works with the operating system", ja: "（上級）OS と連携する割り当ての仕組み" },
        Tr {
            en: "The allocator continues the heap's spans", ja: "アロケータ：「エスケープ解析」の章のスパンとサイズクラスの続き"
        },
        "#/escape/10",
    ),
    (
        Tr { en: "The Go Memory Model", ja: "The Go Memory Model" },
        Tr { en: "GoSF Meetup", ja: "GoSF Meetup" },
        Tr {
            en: "memory and concurrency: what one goroutine may see of another's writes",
            ja: "メモリと並行性：あるゴルーチンの書き込みが、別のゴルーチンからどう見えるか",
        },
        Tr { en: "The memory model: concurrency, met in marking", ja: "メモリモデル：並行マークで出会った並行性の話" },
        "#/gc/12",
    ),
];

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "casestudy/filter.go", lang: Lang::Go, text: include_str!("../go/casestudy/filter.go") };
    let mut c = Chapter::new(l, "next", l.pick("What's next: going deeper", "この先へ：さらに深く"), code);
    c.step(l.pick(
        "This is the start. You have seen what each piece of Go's memory management is and why it exists: raw \
         memory, stack and heap, malloc and free, the collector, growable stacks — and how one hot allocation \
         adds up.",
        "ここからが本当の出発点です。Go のメモリ管理の各部品が何で、なぜあるのかを見てきました。生のメモリ、スタックとヒープ、\
         malloc と free、ガベージコレクタ、伸びるスタック。そして、ホットパスのアロケーション 1 つが積み重なる様子も見ました。",
    ))
    .view(View::Figure(Rc::new(Story::Cards {
        lang: l,
        title: l.pick("What you have seen", "ここまでに見たもの"),
        sub: l.pick("what and why", "仕組みと理由"),
        cards: match l {
            Language::En => alloc::vec![
                Card::new(None, "The compiler decides", "stack or heap, per value, by escape analysis; frames and the checks around them."),
                Card::new(
                    None,
                    "The runtime works",
                    "size classes and spans, a concurrent collector with a write barrier and a pacer, stacks that grow by copying."
                ),
                Card::new(None, "You measure", "B/op and allocs/op first: an allocation in a hot path is paid on every call."),
            ],
            Language::Ja => alloc::vec![
                Card::new(None, "コンパイラが決める", "値ごとにスタックかヒープかを、エスケープ解析で。フレームの大きさと、プロローグでのスタックの確認も。"),
                Card::new(None, "ランタイムが管理する", "サイズクラスとスパン、書き込みバリアとペーサーを備えた並行 GC、コピーで伸びるスタック。"),
                Card::new(
                    None,
                    "あなたが計測する",
                    "まず 1 回あたりのバイト数とアロケーション回数を。ホットパスのアロケーションは、呼び出しのたびにコストになる。"
                ),
            ],
        },
    })))
    .at("func (list targetList) FilterInPlace");

    let mut t = c.step(l.pick(
        "Now deep-dive with the talks the outline recommends. Each goes further into one part of this story.",
        "ここからは、元のトークのアウトラインが勧めるトークで理解を深めましょう。どれも、この話の一部をさらに掘り下げています。",
    ));
    t.page_note(l.pick("The links below lead back to the step each continues.", "下のリンクから、各トークの起点となるステップへ戻れます。"));
    let cards = TALKS
        .iter()
        .map(|(title, event, what, ..)| Card {
            big: None,
            title: alloc::string::String::from(title.get(l)),
            body: alloc::format!("{} \u{2014} {}", event.get(l), what.get(l)),
        })
        .collect();
    t = t
        .view(View::Figure(Rc::new(Story::Cards {
            lang: l,
            title: l.pick("Talks to see next", "次に見るトーク"),
            sub: l.pick("from the talk's outline", "トークのアウトラインから"),
            cards,
        })))
        .at("func (list targetList) FilterInPlace");
    for (.., label, href) in TALKS {
        t = t.link(label.get(l), href);
    }
    c
}
