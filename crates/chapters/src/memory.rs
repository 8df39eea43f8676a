//! Chapter `memory`: memory as a key–value store, and why raw addresses hurt.

use crate::chapter::{Chapter, Code, Lang};
use memsim::Op;
use memview::Focus;
use memview::Language;

const BASE: u64 = 0x1000;
const A: u8 = 0;
const B: u8 = 1;

fn claim(addr: u64, owner: u8, name: &str) -> Op {
    Op::Claim { addr, len: 8, owner, name: name.into() }
}

fn load(addr: u64, reg: &str) -> Op {
    Op::Load { addr, width: 8, reg: reg.into() }
}

pub fn chapter(l: Language) -> Chapter {
    let code = Code { file: "memory.s", lang: Lang::Asm, text: include_str!("../asm/memory.s") };
    let mut c = Chapter::new(l, "memory", l.pick("Ancient times: raw memory", "太古の時代：生のメモリ"), code);

    c.step(l.pick(
        "A program's memory is a long row of numbered boxes, one byte each. A program can use it as a \
         key–value store: the key is an address, the value a byte. Here are 48 bytes, 0x1000 to 0x102f, all \
         zero.",
        "プログラムのメモリは、番号の付いた 1 バイトの箱がずらりと並んだものです。プログラムからは、アドレスを\
         キー、バイトを値とするキーバリューストアとして使えます。ここに示すのは 0x1000 から 0x102f までの 48 バイトで、\
         すべて 0 です。",
    ))
    .op(Op::MapMemory { base: BASE, len: 48 })
    .focus(Focus::Bytes { addr: BASE, len: 48 });

    c.step(l.pick(
        "Assembly writes straight to an address. MOVQ moves a quadword, 8 bytes, least significant byte \
         first (little-endian, as on amd64): 40 is 0x28, so 0x28 lands in 0x1000 and zeros fill \
         0x1001–0x1007. Program A decides this is where \"apples\" live.",
        "アセンブリはアドレスに直接書きます。MOVQ はクアッドワード（8 バイト）を下位バイトから書きます（amd64 のリトルエンディアン）。40 は 0x28 なので 0x1000 が 0x28、0x1001–0x1007 が 0 です。プログラム A はここを apples 用に決めます。",
    ))
    .at("MOVQ $40, 0x1000")
    .op(Op::Store { addr: BASE, width: 8, value: 40 })
    .op(claim(BASE, A, "apples"))
    .focus(Focus::Bytes { addr: BASE, len: 8 });

    c.step(l.pick(
        "Pears go to 0x1008, the next free 8 bytes. Nothing in memory records that choice: the labels \
         drawn here exist only in the head of the programmer, who must remember every address.",
        "pears は次の空き 8 バイト、0x1008 に置きます。この決定はメモリのどこにも記録されません。図に描いたラベルは\
         プログラマの頭の中にしかなく、プログラマがすべてのアドレスを覚えておくしかありません。",
    ))
    .at("MOVQ $2, 0x1008")
    .op(Op::Store { addr: BASE + 8, width: 8, value: 2 })
    .op(claim(BASE + 8, A, "pears"))
    .focus(Focus::Bytes { addr: BASE + 8, len: 8 });

    c.step(l.pick(
        "Reading is the same lookup in reverse: the CPU fetches the 8 bytes at 0x1000 into register AX, \
         one of its few built-in storage places.",
        "読み出しはその逆で、アドレスをキーに値を取り出します。CPU は 0x1000 の 8 バイトをレジスタ AX に読み込みます。\
         レジスタは CPU に内蔵された、数少ない記憶場所の一つです。",
    ))
    .at("MOVQ 0x1000, AX")
    .op(load(BASE, "AX"))
    .focus(Focus::Bytes { addr: BASE, len: 8 })
    .focus(Focus::register("AX"));

    c.step(l.pick("And the pears into BX.", "同じように、pears を BX に読み込みます。"))
        .at("MOVQ 0x1008, BX")
        .op(load(BASE + 8, "BX"))
        .focus(Focus::Bytes { addr: BASE + 8, len: 8 })
        .focus(Focus::register("BX"));

    c.step(l.pick(
        "ADDQ adds BX to AX inside the CPU: AX is now 42. Memory has not changed.",
        "ADDQ は CPU の中で BX を AX に足します。AX は 42 になりました。メモリは変わっていません。",
    ))
    .at("ADDQ BX, AX")
    .op(Op::AddReg { src: "BX".into(), dst: "AX".into() })
    .focus(Focus::register("AX"));

    c.step(l.pick(
        "The total is written back to 0x1010. Three values, three addresses chosen by hand — so far, so \
         good, while one person writes all the code.",
        "合計（total）は 0x1010 に書き戻します。値が 3 つに、手で選んだアドレスが 3 つ。一人ですべてのコードを\
         書いているうちは、これで何の問題もありません。",
    ))
    .at("MOVQ AX, 0x1010")
    .op(Op::StoreReg { reg: "AX".into(), addr: BASE + 16, width: 8 })
    .op(claim(BASE + 16, A, "total"))
    .focus(Focus::Bytes { addr: BASE + 16, len: 8 });

    c.step(l.pick(
        "Program B was written by someone else, who also picked 0x1008 — for a flag. It writes -1: eight 0xff \
         bytes. Nothing warns either program: before operating systems gave each process protected memory, \
         memory did what it was told.",
        "プログラム B は別の人が書いたもので、同じ 0x1008 をフラグ用に選んでいました。-1、つまり 0xff を 8 バイト\
         書き込みます。どちらにも警告は出ません。OS がプロセスごとに保護されたメモリを与えるようになる\
         前は、メモリは命じられたとおりに動くだけでした。",
    ))
    .at("MOVQ $-1, 0x1008")
    .op(Op::Store { addr: BASE + 8, width: 8, value: -1 })
    .op(claim(BASE + 8, B, "flag"))
    .focus(Focus::Conflict { addr: BASE + 8, len: 8 });

    c.step(l.pick(
        "Later, program A reads its pears again and gets -1. Each program was right about its own \
         addresses and the two were wrong together: A's data was clobbered.",
        "その後、プログラム A が pears を読み直すと -1 が返ります。どちらも自分のアドレスについては正しかったのに、\
         2 つがそろうと破綻しました。A のデータは上書きされて壊れています。",
    ))
    .at_nth("MOVQ 0x1008, BX", 1, 0)
    .op(load(BASE + 8, "BX"))
    .focus(Focus::Conflict { addr: BASE + 8, len: 8 })
    .focus(Focus::register("BX"));

    c.step(l.pick(
        "The pain: every address is tracked by hand, by everyone who writes code. Programmers needed names \
         instead of addresses, and memory handed out so two pieces of code never collide. Next: variables, \
         the stack and the heap.",
        "つらいのは、コードを書く全員がすべてのアドレスを手で管理しなければならないことです。必要だったのは、\
         アドレスに代わる名前と、コード同士が決して衝突しないように割り当てられるメモリでした。次は変数、スタック、\
         ヒープです。",
    ));

    c
}
