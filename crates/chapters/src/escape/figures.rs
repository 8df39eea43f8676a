//! The escape chapter's figures: the cost of putting everything on the
//! heap, where each value of the listing lands, one escaped value's way
//! through the allocator, and the lab.

use super::knobs;
use super::lab::{self, Combo};
use crate::figure::Figure;
use crate::knob::Values;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::pacer::{simulate, Settings, Workload};
use memsim::size_classes::{alloc_size, class_for, nelems};
use memview::{Card, Language, Scene, Tr, Viewport};

/// What one call of Handle allocates if every non-primitive value lived on
/// the heap: a, b, mid, Distance's p (Points, 16 B), buf (4 ints, 32 B)
/// and NewPoint's p — against Go's placement, where only NewPoint's
/// Point escapes (its verdicts are in the listing's -m output).
pub const ALL_HEAP: [u64; 6] = [16, 16, 16, 32, 16, 16];
pub const GO_HEAP: [u64; 1] = [16];
/// Requests a second in the comparison.
pub const RATE: u64 = 1_000_000;

fn run(sizes: &[u64]) -> (u64, u64, memsim::pacer::Run) {
    let bytes: u64 = sizes.iter().map(|s| alloc_size(*s, false)).sum();
    let w = Workload { alloc_per_ms: bytes * RATE / 1000, ..memsim::pacer::SERVICE };
    (sizes.len() as u64, bytes, simulate(w, Settings { gogc: Some(100), memory_limit: None }))
}

fn cards_scene(title: &str, sub: &str, cards: &[Card], vp: Viewport) -> Scene {
    memview::cards(title, sub, cards, vp)
}

/// Everything on the heap against Go's placement, for Handle.
pub struct Pain {
    pub lang: Language,
}

impl Pain {
    fn cards(&self) -> Vec<Card> {
        let l = self.lang;
        let (n_all, b_all, r_all) = run(&ALL_HEAP);
        let (n_go, b_go, r_go) = run(&GO_HEAP);
        let card = |title: &str, n: u64, b: u64, r: &memsim::pacer::Run| Card {
            big: Some(match l {
                Language::En => format!("{n} object{}", if n == 1 { "" } else { "s" }),
                Language::Ja => format!("{n} オブジェクト"),
            }),
            title: String::from(title),
            body: match l {
                Language::En => format!(
                    "{b} B per request; at {} requests/s, {} GC cycles in 2 s, GC CPU {} (the model's)",
                    memview::grouped(RATE),
                    r.cycles.len(),
                    memview::percent(r.gc_cpu_basis_points)
                ),
                Language::Ja => format!(
                    "1 リクエストあたり {b} B。毎秒 {} リクエストなら 2 秒で GC が {} 回、GC の CPU 使用率 {}（モデルの値）",
                    memview::grouped(RATE),
                    r.cycles.len(),
                    memview::percent(r.gc_cpu_basis_points)
                ),
            },
        };
        alloc::vec![
            card(l.pick("Every value on the heap", "すべての値をヒープに"), n_all, b_all, &r_all),
            card(l.pick("Go's escape analysis", "Go のエスケープ解析"), n_go, b_go, &r_go)
        ]
    }
}

impl Figure for Pain {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        let l = self.lang;
        cards_scene(
            l.pick("One request of Handle", "Handle の 1 リクエスト"),
            l.pick("the same work, two placements", "同じ処理、2 通りの配置"),
            &self.cards(),
            vp,
        )
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards(self.lang.pick("One request of Handle, two placements", "Handle の 1 リクエスト、2 通りの配置"), &self.cards(), self.lang)
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// Where each value of the listing lands, with the current one singled out.
pub struct Placement {
    pub lang: Language,
    pub current: usize,
}

/// (value, where, the compiler's verdict, why) for the listing's values.
pub const VALUES: &[(Tr, bool, &str, Tr)] = &[
    (Tr { en: "NewPoint's p", ja: "NewPoint の p" }, true, "moved to heap: p", Tr { en: "its address is returned", ja: "アドレスを返すため" }),
    (
        Tr { en: "Distance's Point", ja: "Distance の Point" },
        false,
        "&Point{...} does not escape",
        Tr { en: "the pointer never leaves Distance", ja: "ポインタが Distance の外に出ない" },
    ),
    (
        Tr { en: "Boxed's p, as any", ja: "any にした Boxed の p" },
        true,
        "p escapes to heap",
        Tr { en: "an interface that leaves the function holds a copy", ja: "関数の外に出るインターフェース値がコピーを持つ" },
    ),
    (
        Tr { en: "Counter's n and closure", ja: "Counter の n とクロージャ" },
        true,
        "moved to heap: n",
        Tr { en: "the returned closure keeps n alive", ja: "返したクロージャが n を生かし続ける" },
    ),
    (
        Tr { en: "Squares' s, up to 32 B", ja: "Squares の s（32 B まで）" },
        false,
        "make([]int, n) does not escape",
        Tr {
            en: "a stack buffer of 32 bytes; larger sizes go to the heap at run time",
            ja: "スタック上の 32 バイトのバッファ。それより大きければ実行時にヒープへ",
        },
    ),
    (
        Tr { en: "Big's buf, 128 KiB", ja: "Big の buf（128 KiB）" },
        true,
        "make([]byte, 131072) escapes to heap",
        Tr {
            en: "over the 64 KiB limit for new, &T{} and make on the stack", ja: "new、&T{}、make で作る値をスタックに置ける上限 64 KiB を超える"
        },
    ),
    (
        Tr { en: "the Point passed to Keep", ja: "Keep に渡す Point" },
        true,
        "leaking param: p",
        Tr { en: "Keep stores it in a global", ja: "Keep がグローバル変数に保存する" },
    ),
];

impl Placement {
    fn cards(&self) -> Vec<Card> {
        let l = self.lang;
        let list = |heap: bool| VALUES.iter().filter(|v| v.1 == heap).map(|v| v.0.get(l)).collect::<Vec<_>>().join(" \u{b7} ");
        let (name, heap, verdict, why) = VALUES[self.current.min(VALUES.len() - 1)];
        let (stack_word, heap_word) = l.pick(("stack", "heap"), ("スタック", "ヒープ"));
        alloc::vec![
            Card::new(Some(stack_word), l.pick("Stays in its frame", "フレームに留まる"), &list(false)),
            Card::new(Some(heap_word), l.pick("Escapes", "エスケープする"), &list(true)),
            match l {
                Language::En => Card {
                    big: None,
                    title: format!("{}: {}", name.en, if heap { heap_word } else { stack_word }),
                    body: format!("\u{201c}{verdict}\u{201d} \u{2014} {}", why.en),
                },
                Language::Ja => Card {
                    big: None,
                    title: format!("{}：{}", name.ja, if heap { heap_word } else { stack_word }),
                    body: format!("「{verdict}」\u{2014} {}", why.ja),
                },
            },
        ]
    }
}

impl Figure for Placement {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        let l = self.lang;
        cards_scene(l.pick("Per value, not per type", "型ではなく値ごと"), l.pick("the compiler's verdicts", "コンパイラの判定"), &self.cards(), vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards(self.lang.pick("Where the listing's values live", "コードの各値の置き場所"), &self.cards(), self.lang)
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// NewPoint's 16-byte Point on its way through the allocator, lit up to
/// stage `lit`.
pub struct Path {
    pub lang: Language,
    pub lit: usize,
}

pub fn path_cards(l: Language) -> Vec<Card> {
    // The slots a pointer-free span of the class really has in Go 1.27
    // (504: Green Tea keeps 128 B of mark bits at its end), not the size
    // class table's upper bound.
    let c = class_for(16).map_or((0, 0, 0), |c| (c.class, c.bytes_per_span, nelems(c, true)));
    if l == Language::Ja {
        return alloc::vec![
            Card::new(None, "new Point：16 B", "int 2 つでポインタなし。コンパイラがエスケープすると判定したので、ランタイムのアロケータが呼ばれる"),
            Card {
                big: None,
                title: format!("サイズクラス {}：16 B", c.0),
                body: String::from("Go 1.27 の 67 種類のサイズのどれかに切り上げ（ここではちょうど 16）。スパンクラスはポインタなし用"),
            },
            Card {
                big: None,
                title: String::from("P の mcache"),
                body: format!("P がキャッシュするスパン（{} KiB：{} スロットとマークビット）が次の空きスロットを渡す。ロック不要", c.1 / 1024, c.2),
            },
            Card::new(None, "mcentral", "キャッシュしたスパンが満杯なら、同じクラスで空きのある別のスパン"),
            Card::new(None, "mheap", "mcentral にもなければ、64 MiB のアリーナから切り出した新しい 8 KiB のページ"),
        ];
    }
    alloc::vec![
        Card::new(None, "new Point: 16 B", "two ints, no pointers: the compiler said it escapes, so it calls the runtime's allocator"),
        Card {
            big: None,
            title: format!("size class {}: 16 B", c.0),
            body: String::from("rounded up to one of Go 1.27's 67 sizes (here exactly 16), pointer-free span class")
        },
        Card {
            big: None,
            title: String::from("P's mcache"),
            body: format!("the P's cached span of that class ({} KiB: {} slots and their mark bits) hands out its next free slot: no lock", c.1 / 1024, c.2)
        },
        Card::new(None, "mcentral", "when the cached span is full: another span of that class with free slots"),
        Card::new(None, "mheap", "when mcentral has none: fresh 8 KiB pages, cut from a 64 MiB arena"),
    ]
}

impl Figure for Path {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        let l = self.lang;
        memview::pipeline(
            l.pick("One allocation's path", "1 回のアロケーションの経路"),
            l.pick("compiler, then runtime", "コンパイラ、そしてランタイム"),
            &path_cards(l),
            self.lit,
            vp,
        )
    }
    fn describe(&self, _: &Values) -> String {
        let l = self.lang;
        memview::describe_cards(l.pick("One allocation's path", "1 回のアロケーションの経路"), &path_cards(l)[..=self.lit.min(4)], l)
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// Cards with fixed text.
pub struct Cards {
    pub lang: Language,
    pub title: &'static str,
    pub sub: &'static str,
    pub cards: fn(Language) -> Vec<Card>,
}

impl Figure for Cards {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        cards_scene(self.title, self.sub, &(self.cards)(self.lang), vp)
    }
    fn describe(&self, _: &Values) -> String {
        memview::describe_cards(self.title, &(self.cards)(self.lang), self.lang)
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// The lab: the snippet for the toggles, its verdicts and its B/op.
pub struct Lab {
    pub lang: Language,
}

fn lab_cards(c: Combo, l: Language) -> Vec<Card> {
    let verdicts: Vec<&str> = lab::gcflags(c).lines().skip(1).map(|l| l.splitn(4, ':').nth(3).unwrap_or(l).trim()).collect();
    let (bytes, allocs) = c.per_call();
    let heap: Vec<&str> = [
        (c.pointer, l.pick("p (returned by address)", "p（アドレスで返す）")),
        (c.any, l.pick("a copy of p in the any", "any に入れた p のコピー")),
        (c.var_size, l.pick("buf, past the stack buffer", "buf（スタック上のバッファを超える）")),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| *w)
    .collect();
    let source = lab::code(c).text;
    // The global the value is stored in, whose type the third toggle
    // sets, then the function.
    let body: Vec<&str> = source.lines().filter(|l| l.starts_with("var sink")).chain(source.lines().skip_while(|l| !l.starts_with("func Lab"))).collect();
    alloc::vec![
        // One line per source line; no-break spaces keep the indentation.
        Card { big: None, title: String::from(l.pick("The snippet", "コード片")), body: body.join("\n").replace('\t', "\u{a0}\u{a0}") },
        Card { big: None, title: String::from("go build -gcflags=-m"), body: verdicts.join(" \u{b7} ") },
        match l {
            Language::En => Card {
                big: Some(format!("{bytes} B/op")),
                title: format!("{allocs} allocs/op (benchmark: n = {})", lab::BENCH_N),
                body: if heap.is_empty() { String::from("everything stays on the stack") } else { format!("on the heap: {}", heap.join(", ")) },
            },
            Language::Ja => Card {
                big: Some(format!("{bytes} B/op")),
                title: format!("{allocs} allocs/op（ベンチマーク：n = {}）", lab::BENCH_N),
                body: if heap.is_empty() { String::from("すべてスタックに留まる") } else { format!("ヒープへ：{}", heap.join("、")) },
            },
        },
    ]
}

impl Figure for Lab {
    fn defaults(&self) -> Values {
        knobs::defaults()
    }
    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        let l = self.lang;
        let mut cards = lab_cards(knobs::read(k), l);
        // A narrow canvas (a phone, a small window) has no room for the
        // snippet beside the answers; the page's listing is the same file.
        let sub = if vp.width < 640.0 {
            cards.remove(0);
            l.pick("its code: see the source listing", "コードはソースコード欄に")
        } else {
            l.pick("every combination compiled by Go 1.27.3", "全組み合わせを Go 1.27.3 でコンパイル")
        };
        cards_scene(l.pick("Escape lab", "エスケープラボ"), sub, &cards, vp)
    }
    fn describe(&self, k: &Values) -> String {
        let l = self.lang;
        memview::describe_cards(l.pick("Escape lab", "エスケープラボ"), &lab_cards(knobs::read(k), l), l)
    }
    fn readout(&self, k: &Values) -> String {
        let (bytes, allocs) = knobs::read(k).per_call();
        format!("{bytes} B/op, {allocs} allocs/op")
    }
    fn terminal(&self, k: &Values) -> Option<String> {
        let c = knobs::read(k);
        Some(format!("$ go build -gcflags=-m ./escapelab/{}\n{}", c.dir(), lab::gcflags(c).trim_end()))
    }
    fn code(&self, k: &Values) -> Option<crate::Code> {
        Some(lab::code(knobs::read(k)))
    }
}
