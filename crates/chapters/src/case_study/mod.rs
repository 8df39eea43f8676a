//! Chapter `case-study`: the talk's opening claim explained. A filter
//! in common use made a new slice on every call; filtering in place
//! removed the allocation, and with it the collector's work.
//!
//! The listing is go/casestudy/filter.go, compiled by Go 1.27.3 (its
//! -gcflags=-m output is gcflags-m.txt beside it); filter_test.go beside it
//! benchmarks both versions over a sweep of list lengths, which tests/truth
//! runs to check the model's B/op. Every step is a figure driven by two
//! knobs, the list length and the call rate.

mod figures;
mod knobs;

pub use figures::{benchmem, Compare, OneCall};
pub use knobs::KNOBS;

use crate::chapter::{Chapter, Code, Lang};
use crate::figure::View;
use alloc::rc::Rc;
use memview::Language;
use memview::{CallPart, Shown};

const GCFLAGS: &str = "go build -gcflags=-m ./casestudy";
const GCFLAGS_OUT: &str = include_str!("../../go/casestudy/gcflags-m.txt");

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "casestudy/filter.go", lang: Lang::Go, text: include_str!("../../go/casestudy/filter.go") };
    let mut c = Chapter::new(l, "case-study", l.pick("The case study: one allocation per call", "ケーススタディ：呼び出しごとに 1 回のアロケーション"), code);
    c.knobs = KNOBS;
    let cache = Rc::new(figures::Cache::default());
    let compare = |shown| View::Figure(Rc::new(Compare { shown, cache: cache.clone(), lang: l }));
    let one_call = |lit| View::Figure(Rc::new(OneCall { lang: l, lit }));

    c.step(l.pick(
        "The talk's author reported (BuriKaigi 2026) that changing one allocation cut CPU by 57% and memory \
         by 99%. The culprit: a filter that made a new slice on every call. Drive its model, before and \
         after.",
        "アロケーションを 1 か所変えただけで CPU が 57%、メモリが 99% 減ったと、発表者が BuriKaigi 2026 で報告しています。原因は、呼び出しのたびに新しいスライスを作るフィルタ関数でした。その変更前と変更後を、操作できるモデルで見ていきます。",
    ))
    .at("func (list targetList) FilterAlloc")
    .view(compare(Shown::Both));

    c.step(l.pick(
        "FilterAlloc makes a new slice on every call, sized for the whole list. The compiler reports \
         \"make(targetList, 0, len(list)) escapes to heap\": the slice is returned, so it must outlive the \
         call's frame.",
        "FilterAlloc は呼び出しのたびに、リスト全体が入る新しいスライスを作ります。コンパイラの報告は「make(targetList, 0, len(list)) escapes to heap」です。返すスライスは、フレームが消えた後も生きていなければなりません。",
    ))
    .at("filtered := make(targetList, 0, len(list))")
    .view(one_call(CallPart::Escape))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(l.pick(
        "The runtime rounds requests up. By default, 1,000 values of 16 bytes plus an 8-byte \
         malloc header (the slice holds pointers) land in size class 59: 16,384 bytes. From 2,048 values \
         (32 KiB) on: whole pages.",
        "ランタイムは要求サイズを切り上げます。既定では 16 バイトの値 1,000 個と 8 バイトの malloc ヘッダ（ポインタを含む）で、サイズクラス 59 の 16,384 バイトになります。2,048 個（32 KiB）からページ単位です。",
    ))
    .try_it(l.pick("Drag the list length.", "リストの長さ（n）を動かしてみてください。"))
    .at("filtered := make(targetList, 0, len(list))")
    .view(one_call(CallPart::Rounding));

    c.step(l.pick(
        "At the defaults, 1,000 calls a second make 15.6 MiB/s of garbage. Above the service's 8 MiB live, the \
         heap climbs until the pacer starts a cycle; it marks (shaded), sweeps, and climbs again. Nothing is \
         kept; GC still runs.",
        "既定の設定では、毎秒 1,000 回の呼び出しが毎秒 15.6 MiB のゴミを生みます。ヒープはサービスの生存データ 8 MiB の上で、ペーサーが GC サイクルを始めるまで増え、マーク（網掛け）とスイープの後にまた増えます。何も残らないのに、GC は動き続けます。",
    ))
    .at("return filtered")
    .view(compare(Shown::Before));

    c.step(l.pick(
        "FilterInPlace moves the kept values to the front of its list and returns list[:n]. The compiler \
         reports \"leaking param: list to result ~r0 level=0\": the result is the input. No allocation, so in this \
         model no cycles at all.",
        "FilterInPlace は残す値をリストの先頭に詰め、list[:n] を返します。コンパイラの報告は「leaking param: list to result ~r0 level=0」で、結果は入力そのものです。アロケーションがなく、このモデルでは GC も起きません。",
    ))
    .at("list = list[:n]")
    .view(compare(Shown::After))
    .terminal(GCFLAGS, GCFLAGS_OUT);

    c.step(l.pick(
        "Before and after, same load. B/op and allocs/op are what go test -benchmem reports, checked against Go \
         1.27.3; cycles, heap peak and the CPU split come from the model.",
        "同じ負荷で比べます。B/op と allocs/op は go test -benchmem が報告する値で、Go 1.27.3 で確認しました。GC 回数、ヒープのピーク、CPU の内訳はモデルの値です。",
    ))
    .try_it(l.pick("Drag the list length and call rate: the link keeps them.", "リストの長さと毎秒の呼び出し回数を動かせます。設定はリンクに残ります。"))
    .at("func (list targetList) FilterInPlace")
    .view(compare(Shown::Both));

    c.step(l.pick(
        "The talk reports 57% and 99% for one real change. The model shows the same direction for your load; it leaves out cache effects, mark assists and all else the real program did, so its \
         percentages are no prediction.",
        "57% と 99% は、実際の 1 つの変更について発表者が報告した数字です。モデルは設定した負荷でも同じ傾向を示しますが、キャッシュの効果やマークアシストなど、実際のプログラムにあったほかの要素はすべて省いています。モデルが示す削減率は予測値ではありません。",
    ))
    .at("func (list targetList) FilterInPlace")
    .view(compare(Shown::Both));

    c.step(l.pick(
        "The lesson: one allocation in a function called everywhere is multiplied by every call. The fix is \
         not to never allocate but to keep allocation out of the hot path, found by measuring with -benchmem \
         and a profiler first.",
        "教訓：あちこちから呼ばれる関数のアロケーションは、1 回でも呼び出しの回数だけ積み重なります。対策はアロケーションを一切しないことではなく、ホットパスから外すことです。ホットパスは、まず -benchmem とプロファイラで測定して見つけます。",
    ))
    .at("func (list targetList) FilterAlloc")
    .view(compare(Shown::Both));
    c
}
