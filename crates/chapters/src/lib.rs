//! The explainer's chapters, as data over the `memsim` model.
//!
//! A chapter is a source listing (real Go, or pseudo-assembly) and a list of
//! steps. A step is:
//!    - the ops it applies to the machine (possibly none),
//!    - a one-paragraph caption, plain text,
//!    - the line of the listing it stands for, found by a text anchor so the
//!      number can never drift from the file,
//!    - what to highlight in the picture ([`Focus`]),
//!    - optional tool output for the terminal panel, taken verbatim from
//!      files produced by the real Go toolchain.
//!
//! Renderers draw any machine state, so a new chapter needs no renderer
//! change: only a new module here and an entry in [`catalog`].
#![no_std]

extern crate alloc;

pub mod case_study;
mod chapter;
pub mod comments;
pub mod escape;
pub mod figure;
pub mod gc;
pub mod intro;
pub mod knob;
mod manual_heap;
mod memory;
pub mod next;
pub mod route;
pub mod stack_growth;
mod stack_heap;
mod story;

pub use chapter::{Chapter, Code, Lang, Step, Terminal};
pub use figure::{Figure, View};
pub use memview::{Focus, Language, Tr};

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Every chapter, in reading order, in English.
pub fn catalog() -> Vec<Chapter> {
    catalog_in(Language::En)
}

/// Every chapter, in reading order, in language `l`. The chapters of every
/// language run the same programs: only their words differ (tests/translation.rs).
pub fn catalog_in(l: Language) -> Vec<Chapter> {
    alloc::vec![
        intro::chapter(l),
        memory::chapter(l),
        stack_heap::chapter(l),
        manual_heap::chapter(l),
        gc::chapter(l),
        escape::chapter(l),
        stack_growth::chapter(l),
        case_study::chapter(l),
        next::chapter(l),
    ]
}

/// The Go release the explainer's numbers are for.
pub const GO_VERSION: &str = "Go 1.27";

/// The exact toolchain the truth checks (tests/truth) compile and run the
/// listings with; the page says so.
pub const GO_CHECKED: &str = "Go 1.27.3";

/// The C compiler and C library the C listings were built and run with
/// (tests/truth checks the versions installed).
pub const C_CHECKED: &str = "gcc 12.2.0 and glibc 2.36";

/// What a chapter's listing was checked against, said under it in `l`.
pub fn checked(lang: Lang, l: Language) -> String {
    match (lang, l) {
        (Lang::Go, Language::En) => format!(
            "Numbers are for {GO_VERSION} on 64-bit Linux; listings, compiler messages, program output and allocation sizes were \
             checked against {GO_CHECKED}. Addresses are illustrative."
        ),
        (Lang::Go, Language::Ja) => format!(
            "数値は 64 ビット Linux 上の {GO_VERSION} のものです。コード、コンパイラのメッセージ、プログラムの出力、割り当てサイズは \
             {GO_CHECKED} で確認しました。アドレスは説明用の値です。"
        ),
        (Lang::C, Language::En) => format!(
            "This C listing, gcc's warnings and the program's output were checked against {C_CHECKED} on 64-bit Linux, run \
             without address randomization."
        ),
        (Lang::C, Language::Ja) => format!(
            "この C のコード、gcc の警告、プログラムの出力は、64 ビット Linux 上の {} で、アドレスのランダム化を無効にして確認しました。",
            C_CHECKED.replace(" and ", " と ")
        ),
        (Lang::Asm, Language::En) => String::from(
            "This listing is pseudo-assembly in amd64's style, for reading rather than assembling: no toolchain checked it. \
             Addresses are illustrative.",
        ),
        (Lang::Asm, Language::Ja) => String::from(
            "このコードは amd64 風の疑似アセンブリで、アセンブルするためではなく読むためのものです。ツールチェーンでは確認していません。\
             アドレスは説明用の値です。",
        ),
    }
}
