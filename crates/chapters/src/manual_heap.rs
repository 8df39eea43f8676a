//! Chapter `manual-heap`: C's malloc and free, and the two ways they fail.
//!
//! The listing is c/manualheap/main.c, a real program; gcc's warnings
//! (gcc-wall.txt) and its output (run.txt) come from building and running
//! it with gcc 12.2 and glibc 2.36, and tests/truth checks them again. It
//! runs without address randomization (setarch -R), so the heap starts
//! where the picture's does and the leftover number a reused chunk prints
//! is the same on every run.

use crate::chapter::{Chapter, Code, Lang};
use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use memsim::{Expr, Op, Place};
use memview::Focus;
use memview::Language;

/// The memory the process may use before the kernel's OOM killer ends it
/// (a container's memory limit, say).
const LIMIT: u64 = 64 << 20;
const STACK_HI: u64 = 0x7fff_ffff_e000;

const GCC: &str = "gcc -O0 -Wall -o manualheap main.c";
const GCC_OUT: &str = include_str!("../c/manualheap/gcc-wall.txt");

fn s(x: &str) -> String {
    x.to_string()
}

fn pair(a: &str, b: &str) -> Expr {
    Expr::Struct(vec![(s(a), Expr::Int(0)), (s(b), Expr::Int(0))])
}

/// `var->field`, the field being the first (offset 0) or second (8) long.
fn member(var: &str, field: &str) -> Place {
    let offset = if matches!(field, "id" | "qty") { 0 } else { 8 };
    Place::var(var).member(field, offset)
}

fn set(var: &str, field: &str, v: i64) -> Op {
    Op::Assign { place: member(var, field), value: Expr::Int(v) }
}

fn print_field(var: &str, field: &str) -> Op {
    Op::Print(vec![Expr::Load(member(var, field))])
}

fn malloc_buf() -> Op {
    Op::Declare { name: s("buf"), ty: s("char *"), value: Expr::Malloc { ty: s("char[4096]"), value: Box::new(Expr::Bytes(4096)) } }
}

fn end_buf() -> Op {
    Op::EndScope { names: vec![s("buf")] }
}

fn leak_iteration() -> Vec<Op> {
    vec![malloc_buf(), end_buf()]
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "manualheap/main.c", lang: Lang::C, text: include_str!("../c/manualheap/main.c") };
    let mut c = Chapter::new(l, "manual-heap", l.pick("The heap by hand: malloc and free", "手で管理するヒープ：malloc と free"), code);
    c.run_command = Some("setarch -R ./manualheap leak");

    c.step(l.pick(
        "In C the programmer manages the heap by hand: malloc asks for memory and returns its address; \
         free gives it back. Nothing else ever frees it. The heap here is glibc's, on 64-bit Linux.",
        "C ではプログラマがヒープを手で管理します。malloc でメモリを要求するとそのアドレスが返り、free でそれを返却します。ほかに解放してくれるものはありません。ここでのヒープは、64 ビット Linux 上の glibc のものです。",
    ))
    .at("int main(int argc, char **argv)")
    .op(Op::CRuntime { limit: LIMIT })
    .op(Op::Spawn { goroutine: 1, hi: STACK_HI, size: 8 << 20 })
    .op(Op::Call { func: s("main"), args: vec![] })
    .focus(Focus::frame("main"));

    c.step(l.pick(
        "malloc(16) returns a pointer to a fresh chunk: 16 bytes plus an 8-byte hidden size word, rounded up \
         to 16, make a 32-byte chunk. It follows malloc's own bookkeeping: …92a0, run without address \
         randomization (setarch -R).",
        "malloc(16) は新しいチャンクへのポインタを返します。16 バイトに、隠れたサイズ情報の 8 バイトを足して 16 の倍数に切り上げた 32 バイトのチャンクです。場所は malloc の管理領域の直後、…92a0 です（setarch -R でアドレスのランダム化を無効化）。",
    ))
    .at("Account *alice = malloc(sizeof(Account));")
    .op(Op::Declare { name: s("alice"), ty: s("Account *"), value: Expr::Malloc { ty: s("Account"), value: Box::new(pair("id", "balance")) } })
    .focus(Focus::pointee("main", "alice"));

    c.step(l.pick("The program writes through the pointer: id 1, balance 100.", "プログラムはポインタ経由で書き込みます。id は 1、balance は 100 です。"))
        .at("alice->balance = 100;")
        .op(set("alice", "id", 1))
        .op(set("alice", "balance", 100))
        .focus(Focus::pointee("main", "alice"));

    c.step(l.pick("printf reads the balance back through alice: 100.", "printf が alice 経由で balance を読み出すと、100 です。"))
        .at_nth("printf(\"%ld\\n\", alice->balance);", 0, 0)
        .op(print_field("alice", "balance"))
        .focus(Focus::pointee("main", "alice"));

    c.step(l.pick(
        "free(alice) hands the chunk back to a per-size cache, the tcache, writing the cache's link and a key \
         into its first 16 bytes. alice still holds the address: a dangling pointer, drawn in red.",
        "free(alice) はチャンクをサイズごとのキャッシュ tcache に返し、先頭の 16 バイトに tcache のリンクとキーを書き込みます。\
         alice はまだそのアドレスを持っています。赤で描いたダングリングポインタです。",
    ))
    .at("free(alice);")
    .op(Op::Free(Expr::var("alice")))
    .focus(Focus::pointee("main", "alice"));

    c.step(l.pick(
        "Another malloc of the same size gets the most recently freed chunk — the very same address. Order \
         now lives where Account lived, and malloc does not clear it.",
        "同じサイズでもう一度 malloc すると、最後に解放されたチャンク、つまりまったく同じアドレスが返ります。\
         Account がいた場所に今度は Order が入りますが、malloc は中身を消しません。",
    ))
    .at("Order *order = malloc(sizeof(Order));")
    .op(Op::Declare { name: s("order"), ty: s("Order *"), value: Expr::Malloc { ty: s("Order"), value: Box::new(pair("qty", "price")) } })
    .focus(Focus::pointee("main", "order"));

    c.step(l.pick(
        "Before it is filled in, the order prints \"22906492249 0\": qty, then price. malloc does not zero: qty \
         is free's leftover link (no next free chunk here, XORed with its address >> 12); price is the key, \
         which malloc clears.",
        "値を入れる前に読むと、order は「22906492249 0」（qty、price の順）です。malloc はゼロクリアしません。qty は free が残したリンク（次の空きチャンクはなし）とアドレス >> 12 の排他的論理和、price は malloc が消したキーです。",
    ))
    .at("printf(\"%ld %ld\\n\", order->qty, order->price);")
    .op(Op::Print(vec![Expr::Load(member("order", "qty")), Expr::Load(member("order", "price"))]))
    .focus(Focus::pointee("main", "order"));

    c.step(l.pick("The order is filled in: 3 items at 999 each.", "order に値を入れます。単価 999 の品物が 3 個です。"))
        .at("order->price = 999;")
        .op(set("order", "qty", 3))
        .op(set("order", "price", 999))
        .focus(Focus::pointee("main", "order"));

    c.step(l.pick(
        "The next line reads alice->balance, after free(alice). gcc can warn about this simple case, with \
         -Wall; it cannot catch such reads in general.",
        "次の行は free(alice) の後で alice->balance を読みます。この程度の単純な例なら gcc も -Wall で警告できますが、こうした読み出しを常に検出できるわけではありません。",
    ))
    .at_nth("printf(\"%ld\\n\", alice->balance);", 1, 0)
    .focus(Focus::pointee("main", "alice"))
    .terminal(GCC, GCC_OUT);

    c.step(l.pick(
        "Freed too early: the program prints 999, the order's price — someone else's data. Nothing crashed; \
         the program is simply wrong.",
        "解放が早すぎました。プログラムは 999、つまり order の price という他人のデータを出力します。クラッシュはせず、ただ黙って間違った値を出すだけです。",
    ))
    .at_nth("printf(\"%ld\\n\", alice->balance);", 1, 0)
    .op(print_field("alice", "balance"))
    .focus(Focus::pointee("main", "alice"))
    .focus(Focus::var("main", "order"));

    c.step(l.pick(
        "order is freed properly. Every malloc needs exactly one free, at exactly the right time.",
        "order は正しく解放されます。どの malloc にも、正しいタイミングでちょうど 1 回の free が必要です。",
    ))
    .at("free(order);")
    .op(Op::Free(Expr::var("order")))
    .focus(Focus::var("main", "order"));

    c.step(l.pick(
        "Run with \"leak\", the program calls leak(): a loop that allocates 4 KiB at a time.",
        "引数 leak を付けて実行すると、プログラムは leak() を呼びます。4 KiB ずつ割り当て続けるループです。",
    ))
    .at("leak();")
    .op(Op::Call { func: s("leak"), args: vec![] })
    .focus(Focus::frame("leak"));

    c.step(l.pick(
        "Each turn mallocs 4096 bytes (a 4112-byte chunk) into buf and writes to it, so the memory is really \
         used.",
        "1 周ごとに 4096 バイト（チャンクとしては 4112 バイト）を malloc して buf に入れ、書き込みます。\
         これでメモリが実際に使われます。",
    ))
    .at("char *buf = malloc(4096);")
    .op(malloc_buf())
    .focus(Focus::pointee("leak", "buf"));

    c.step(l.pick(
        "At the closing brace buf goes out of scope — but the block stays: nothing points to it, and nothing \
         will ever free it. It has leaked.",
        "閉じ括弧で buf はスコープを外れますが、割り当てたブロックは残ります。もう何もそれを指しておらず、\
         二度と解放されることもありません。メモリリークです。",
    ))
    .at_nth("memset(buf, 1, 4096);", 0, 1)
    .op(end_buf())
    .focus(Focus::frame("leak"));

    // Whole turns from here on: each step ends, as the last did, at the
    // loop's closing brace, with buf out of scope.
    c.step(l.pick("Round and round: every turn leaks another 4 KiB chunk.", "ループは回り続け、1 周ごとに 4 KiB のチャンクがまたひとつリークします。"))
        .at_nth("memset(buf, 1, 4096);", 0, 1)
        .op(Op::Repeat { times: 3, body: leak_iteration() })
        .focus(Focus::frame("leak"));

    c.step(l.pick(
        "A thousand turns later the process holds about 4 MiB that it can neither use nor free.",
        "1,000 周後には、使うことも解放することもできない約 4 MiB をプロセスが抱えています。",
    ))
    .at_nth("memset(buf, 1, 4096);", 0, 1)
    .op(Op::Repeat { times: 1000, body: leak_iteration() })
    .focus(Focus::frame("leak"));

    c.step(l.pick(
        "Past the memory limit (64 MiB here), the kernel's OOM killer ends the process with SIGKILL: no \
         clean-up, no error message from the program, just \"Killed\" from the shell and exit status 137 \
         (128 + 9).",
        "メモリの上限（ここでは 64 MiB）を超えると、カーネルの OOM killer が SIGKILL でプロセスを強制終了します。後始末もプログラムからのエラーメッセージもなく、シェルが「Killed」と表示するだけです。終了ステータスは 137（128 + 9）です。",
    ))
    .at("memset(buf, 1, 4096);")
    .op(Op::Repeat { times: 100_000, body: leak_iteration() });

    c.step(l.pick(
        "The pain of manual memory management: forget a free and memory leaks until the process dies; free \
         too early and pointers silently read someone else's data. Programmers wanted the language to free \
         heap memory for them. Next: garbage collection.",
        "これが手動のメモリ管理のつらさです。free を忘れればプロセスが死ぬまでメモリがリークし、早すぎればポインタが黙って他人のデータを読みます。プログラマは、ヒープの解放を言語に任せたいと考えました。次は、ガベージコレクションです。",
    ));

    c
}
