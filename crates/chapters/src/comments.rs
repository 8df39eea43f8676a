//! The listings' comments in Japanese.
//!
//! A listing is the real file the truth checks compile and run
//! (tests/truth). A Japanese page shows it with its comments translated and
//! everything else as it is, line for line: the compiler's messages name
//! the same lines, and each step's current line, found in the file as
//! written, is the same line. tests/listings.rs holds every listing to that
//! and to a decision for each of its comments: translated, or kept.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use memview::Language;

/// (comment as written, in Japanese). A run of whole-line comments is one
/// entry, its lines joined with '\n', and its translation has as many
/// lines; a comment after code is an entry of its own. Directives
/// (`//go:noinline`) and bare `//` lines are code, never translated.
pub const JA: &[(&str, &str)] = &[
    // memory.s
    (
        "Pseudo-assembly, x86-64 style,\noperands as in Go's assembler:\nsource first, then destination.",
        "x86-64 風の疑似アセンブリ。\nオペランドの順は Go のアセンブラと同じで、\n先がソース、後が宛先。",
    ),
    ("Program A", "プログラム A"),
    ("Program B, by someone else", "プログラム B（別の人が書いたもの）"),
    ("Program A, later", "プログラム A（その後）"),
    // intro/main.go
    (
        "Go's two halves, in one line of work. The compiler decides that the\n\
         point below must outlive newPoint (escape analysis) and has it\n\
         allocated on the heap; the runtime, linked into this binary, does the\n\
         allocating — and later the collecting — while the program runs.",
        "Go を成す 2 つの部分が、1 つの仕事で協力する。コンパイラは、下の point が\n\
         newPoint より長く生きなければならないと判断し（エスケープ解析）、\n\
         ヒープに割り当てさせる。このバイナリにリンクされたランタイムが、\n\
         プログラムの実行中にその割り当てを行い、後には回収も行う。",
    ),
    // gc/main.go
    ("While the collector marks, the program moves node 3:", "ガベージコレクタがマークしている間に、プログラムがノード 3 をつなぎ替える："),
    // escape/escape.go
    (
        "Escape analysis, value by value: the compiler puts each value on the\n\
         stack unless it may outlive its frame (or is too big), whatever its type.",
        "エスケープ解析は値ごとに行われる。コンパイラは型によらず、どの値も\n\
         スタックに置く。ただし、フレームより長く生きうる値と大きすぎる値は除く。",
    ),
    (
        "NewPoint returns a pointer to its local: the Point must outlive the call.",
        "NewPoint はローカル変数へのポインタを返す。その Point は呼び出しより長く生きなければならない。",
    ),
    ("Distance uses a pointer that never leaves: the same type stays put.", "Distance のポインタは関数の外に出ない。同じ型でもスタックに留まる。"),
    ("Boxed stores a Point in an interface that leaves the function.", "Boxed は Point をインターフェースに入れ、そのインターフェースが関数の外に出る。"),
    ("Counter's closure captures n and outlives the call.", "Counter のクロージャは n をキャプチャし、呼び出しより長く生きる。"),
    ("Squares makes a slice whose size is known only at run time.", "Squares は、実行時にしか大きさが分からないスライスを作る。"),
    (
        "Big needs 128 KiB: over the 64 KiB limit for implicit stack values.",
        "Big には 128 KiB が必要。new、&T{}、make で作る値をスタックに置ける上限 64 KiB を超える。",
    ),
    (
        "Handle is one request's work: of the six values it and its callees\n\
         make, only NewPoint's Point outlives the call.",
        "Handle は 1 リクエスト分の仕事。Handle と呼び出し先が作る 6 つの値のうち、\n\
         呼び出しより長く生きるのは NewPoint の Point だけ。",
    ),
    (
        "Keep stores its parameter in a global: the caller's value must be on\n\
         the heap.",
        "Keep は引数をグローバル変数に保存する。呼び出し側の値は\n\
         ヒープに置かれなければならない。",
    ),
    // escapelab/*/lab.go
    ("Escape lab: ret=value, size=const, type=Point.", "エスケープラボ：ret=value, size=const, type=Point。"),
    ("Escape lab: ret=value, size=const, type=any.", "エスケープラボ：ret=value, size=const, type=any。"),
    ("Escape lab: ret=value, size=var, type=Point.", "エスケープラボ：ret=value, size=var, type=Point。"),
    ("Escape lab: ret=value, size=var, type=any.", "エスケープラボ：ret=value, size=var, type=any。"),
    ("Escape lab: ret=pointer, size=const, type=Point.", "エスケープラボ：ret=pointer, size=const, type=Point。"),
    ("Escape lab: ret=pointer, size=const, type=any.", "エスケープラボ：ret=pointer, size=const, type=any。"),
    ("Escape lab: ret=pointer, size=var, type=Point.", "エスケープラボ：ret=pointer, size=var, type=Point。"),
    ("Escape lab: ret=pointer, size=var, type=any.", "エスケープラボ：ret=pointer, size=var, type=any。"),
    // zeroalloc/zeroalloc.go
    (
        "Avoiding an allocation is not always faster. Pooled keeps a 16-byte\n\
         []byte in a sync.Pool to skip Fresh's allocation, but Put takes an any:\n\
         the slice header is boxed on the heap, 24 bytes per call, and the pool's\n\
         work comes on top. PooledArray pools a pointer and allocates nothing.",
        "アロケーションを避ければ速くなるとは限らない。Pooled は Fresh の\n\
         アロケーションを省こうと 16 バイトの []byte を sync.Pool に置くが、Put の引数は any。\n\
         スライスヘッダが呼び出しごとに 24 バイト、ヒープにコピーされ、プールの仕事も加わる。\n\
         PooledArray はポインタをプールに置き、何も割り当てない。",
    ),
    ("Fresh allocates a 16-byte buffer on every call.", "Fresh は呼び出しのたびに 16 バイトのバッファを割り当てる。"),
    ("Pooled reuses a buffer from the pool, yet allocates on every Put.", "Pooled はプールのバッファを使い回すが、Put のたびに割り当てる。"),
    ("PooledArray reuses a *[16]byte: a pointer fits in an any as it is.", "PooledArray は *[16]byte を使い回す。ポインタはそのまま any に収まる。"),
    // stackgrowth/main.go
    (
        "sum recurses depth times. Its frame is 128 bytes on amd64: a 96-byte\n\
         array, room for the next call's two arguments, the saved frame pointer\n\
         and the return address. Every call passes down a pointer to count's\n\
         total: a pointer into the stack.",
        "sum は depth 回再帰する。amd64 でのフレームは 128 バイト：96 バイトの配列、\n\
         次の呼び出しの引数 2 つを置く場所、保存したフレームポインタ、戻りアドレス。\n\
         呼び出しのたびに count の total へのポインタ、\n\
         つまりスタック内を指すポインタを渡す。",
    ),
    (
        "count runs on a new goroutine, whose stack starts at 2 KiB (main's has\n\
         grown to 4 KiB by the time main runs). 100,001 frames of sum copy it to\n\
         a bigger one again and again, and &total is adjusted every time.",
        "count は新しいゴルーチンで動く。そのスタックは 2 KiB から始まる\n\
         （main のスタックは実行時点で 4 KiB に伸びている）。sum のフレーム 100,001 個の\n\
         ために、スタックは何度も大きなものへコピーされ、そのたびに &total が調整される。",
    ),
    // stackgrowth/overflow.c
    (
        "Each call keeps 1 KiB on the stack, and nothing stops the recursion:\n\
         the main thread's stack, 8 MiB under the usual ulimit -s, runs out.",
        "呼び出しごとにスタックに 1 KiB を置き、再帰を止めるものはない。\n\
         メインスレッドのスタック（通常の ulimit -s では 8 MiB）が尽きる。",
    ),
    // casestudy/filter.go
    (
        "The case study: a filter called on every request. FilterAlloc builds\n\
         its result in a new slice on each call; FilterInPlace reuses the list.",
        "ケーススタディ：リクエストごとに呼ばれるフィルタ。FilterAlloc は\n\
         呼び出しのたびに新しいスライスに結果を作り、FilterInPlace は list を再利用する。",
    ),
    ("the bottleneck", "ボトルネック"),
    (
        "FilterInPlace overwrites the caller's list, and the values past n stay\n\
         referenced: fit for a list the caller is done with, with clear(list[n:])\n\
         where those values should become garbage.",
        "FilterInPlace は呼び出し側の list を書き換え、n 以降の値も参照されたまま残る。\n\
         呼び出し側が元のリストを使い終えている場合に向き、\n\
         それらの値をゴミにしたいなら clear(list[n:]) を呼ぶ。",
    ),
];

/// Comments shown as written in every language: memory.s's pseudo-code
/// (names, registers and arithmetic, read the same in both).
pub const AS_WRITTEN: &[&str] = &["apples = 40", "pears = 2", "AX = apples", "BX = pears", "AX = AX + BX", "total = AX", "flag = -1", "BX = pears?"];

/// A comment in a listing: the lines it spans (a run of whole-line
/// comments, or one after code), where its text starts on each (after
/// "// "), and the text, lines joined with '\n'.
#[derive(Debug)]
pub struct Comment {
    pub lines: core::ops::Range<usize>,
    pub text: String,
    starts: Vec<usize>,
    whole: bool,
}

/// Every comment in `text` that says something: not a directive
/// (`//go:noinline`, no space after the slashes), not a bare `//`.
pub fn comments(text: &str) -> Vec<Comment> {
    let mut out: Vec<Comment> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(slash) = comment_start(line) else { continue };
        let Some(body) = line[slash + 2..].strip_prefix(' ').filter(|b| !b.trim().is_empty()) else { continue };
        let (start, whole) = (slash + 3, line[..slash].trim().is_empty());
        match out.last_mut() {
            Some(c) if whole && c.whole && c.lines.end == i => {
                c.lines.end = i + 1;
                c.text.push('\n');
                c.text.push_str(body);
                c.starts.push(start);
            }
            _ => out.push(Comment { lines: i..i + 1, text: String::from(body), starts: alloc::vec![start], whole }),
        }
    }
    out
}

/// Where `line`'s comment starts (its "//"), if it has one outside a
/// string literal.
fn comment_start(line: &str) -> Option<usize> {
    let mut quoted = false;
    let b = line.as_bytes();
    (0..b.len()).find(|&i| {
        if b[i] == b'"' {
            quoted = !quoted;
        }
        !quoted && b[i] == b'/' && b.get(i + 1) == Some(&b'/')
    })
}

/// The translation of a comment's text into `l`, if it has one.
pub fn translated(text: &str, l: Language) -> Option<&'static str> {
    match l {
        Language::En => None,
        Language::Ja => JA.iter().find(|(en, _)| *en == text).map(|&(_, ja)| ja),
    }
}

/// `text` as a page in language `l` shows it: its comments translated,
/// every other character and every line where it was.
pub fn listing_in(text: &str, l: Language) -> Cow<'_, str> {
    let found: Vec<(Comment, &str)> = comments(text).into_iter().filter_map(|c| translated(&c.text, l).map(|t| (c, t))).collect();
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for (c, t) in found {
        for ((i, &start), said) in c.lines.clone().zip(&c.starts).zip(t.split('\n')) {
            lines[i].truncate(start);
            lines[i].push_str(said);
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Cow::Owned(out)
}
