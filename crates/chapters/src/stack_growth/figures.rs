//! The stack-growth chapter's figures: a scripted stack at one moment, the
//! memory that big fixed stacks reserve, and a recursion's growth ladder
//! with its knobs.

use super::knobs;
use crate::figure::Figure;
use crate::knob::Values;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use memsim::growth::{growth, GOp, GStack, Overflow, Scheme, GUARD};
use memview::{Language, Scene, Viewport};

/// A stack after the first `upto` ops of a script (computed once).
pub struct Script {
    pub scheme: Scheme,
    pub ops: Rc<Vec<GOp>>,
    pub upto: usize,
    pub lang: Language,
    state: RefCell<Option<Rc<GStack>>>,
    /// The text alternative, made once: it counts through every frame.
    described: RefCell<Option<String>>,
}

impl Script {
    pub fn new(scheme: Scheme, ops: Rc<Vec<GOp>>, upto: usize, lang: Language) -> Script {
        Script { scheme, ops, upto, lang, state: RefCell::new(None), described: RefCell::new(None) }
    }

    pub fn state(&self) -> Rc<GStack> {
        if let Some(s) = self.state.borrow().as_ref() {
            return s.clone();
        }
        let mut s = GStack::new(self.scheme);
        for op in &self.ops[..self.upto.min(self.ops.len())] {
            s.apply(op);
        }
        let s = Rc::new(s);
        *self.state.borrow_mut() = Some(s.clone());
        s
    }
}

impl Figure for Script {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        memview::growth_stack(&self.state(), vp)
    }
    fn prepare(&self) {
        self.state();
    }
    fn describe(&self, _: &Values) -> String {
        self.described.borrow_mut().get_or_insert_with(|| memview::describe_growth(&self.state(), self.lang)).clone()
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// 10,000 goroutines at 8 MiB and at 2 KiB on a 16 GiB machine.
pub struct Reserve {
    pub lang: Language,
}

pub const GOROUTINES: u64 = 10_000;
pub const MACHINE: u64 = 16 << 30;

impl Figure for Reserve {
    fn defaults(&self) -> Values {
        Values::default()
    }
    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        memview::reserve(GOROUTINES, 8 << 20, 2 << 10, MACHINE, vp)
    }
    fn describe(&self, _: &Values) -> String {
        let (big, machine, small, left) = (
            memview::bytes(GOROUTINES * (8 << 20)),
            memview::bytes(MACHINE),
            memview::bytes(GOROUTINES * (2 << 10)),
            memview::bytes(MACHINE - GOROUTINES * (2 << 10)),
        );
        match self.lang {
            Language::En => format!(
                "{GOROUTINES} goroutines with 8 MiB stacks reserve {big}, more than the {machine} machine has once used; with 2 KiB stacks they take {small}, leaving {left} for the heap."
            ),
            Language::Ja => format!(
                "8 MiB のスタックを持つゴルーチン {GOROUTINES} 個は {big} を確保し、使えば {machine} のマシンのメモリを超えます。2 KiB のスタックなら {small} で済み、ヒープに {left} が残ります。"
            ),
        }
    }
    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}

/// A recursion's growth under the depth and frame-size knobs.
pub struct Ladder {
    pub settings: Values,
    pub lang: Language,
}

/// The runtime's overflow text for a stack that would pass the limit,
/// printed by the simulation's formatter (illustrative addresses). The
/// comment line is in the reader's language; the runtime's lines are Go's.
pub fn overflow_text(size: u64, lang: Language) -> String {
    let lo = 0xc020000000u64;
    let o = Overflow::Limit { limit: memsim::growth::MAX_STACK, sp: lo + GUARD - 0x90, lo, hi: lo + size };
    let lines = memview::limit_text(&o).map(|l| l.join("\n")).unwrap_or_default();
    let comment = lang.pick(
        "# the runtime's message, printed by the simulation's formatter (addresses illustrative)",
        "# ランタイムのメッセージ（シミュレーションのフォーマッタで出力。アドレスは説明用）",
    );
    format!("{comment}\n$ go run ./deep\n{lines}\n\nruntime stack:\n…\nexit status 2")
}

impl Figure for Ladder {
    fn defaults(&self) -> Values {
        self.settings.clone()
    }
    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        let (depth, frame) = knobs::read(k);
        memview::growth_ladder(&growth(depth, frame), depth, frame, vp)
    }
    fn describe(&self, k: &Values) -> String {
        let (depth, frame) = knobs::read(k);
        let g = growth(depth, frame);
        let (frame, size, copies, copied, used) =
            (memview::bytes(frame), memview::bytes(g.size), g.copies, memview::bytes(g.bytes_copied), memview::bytes(g.used));
        match self.lang {
            Language::En => {
                let end = match g.overflow_at {
                    Some(at) => format!(" Call {at} would need a stack over the 1,000,000,000-byte limit: fatal error: stack overflow."),
                    None => String::new(),
                };
                format!("A recursion {depth} calls deep with {frame} frames: the stack grew from 2 KiB to {size} in {copies} copies, copying {copied} in all; {used} in use.{end}")
            }
            Language::Ja => {
                let end = match g.overflow_at {
                    Some(at) => {
                        format!("{at} 回目の呼び出しには 1,000,000,000 バイトの上限を超えるスタックが必要になり、fatal error: stack overflow で終了します。")
                    }
                    None => String::new(),
                };
                format!("深さ {depth} の再帰（フレーム {frame}）です。スタックは {copies} 回のコピーで 2 KiB から {size} に伸び、コピー総量は {copied}、使用中は {used} です。{end}")
            }
        }
    }
    fn readout(&self, k: &Values) -> String {
        let (depth, frame) = knobs::read(k);
        let g = growth(depth, frame);
        let (copied, used) = (memview::bytes(g.bytes_copied), memview::bytes(g.used));
        // Past the limit the frames in use are those before the overflow,
        // not the recursion's: say where it stopped.
        match (self.lang, g.overflow_at.map(memview::grouped)) {
            (Language::En, None) => format!("{} copies, {copied} copied in all, for {used} of frames", g.copies),
            (Language::Ja, None) => format!("コピー {} 回、コピー総量 {copied}、フレームの合計 {used}", g.copies),
            (Language::En, Some(at)) => {
                format!("{} copies, {copied} copied in all, up to {used} of frames; call {at} passes the 1 GB limit: stack overflow", g.copies)
            }
            (Language::Ja, Some(at)) => {
                format!("コピー {} 回、コピー総量 {copied}、フレームは最大 {used}。{at} 回目の呼び出しで上限 1 GB を超え、スタックオーバーフロー", g.copies)
            }
        }
    }
    fn terminal(&self, k: &Values) -> Option<String> {
        let (depth, frame) = knobs::read(k);
        let g = growth(depth, frame);
        g.overflow_at.map(|_| overflow_text(g.size, self.lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_readout_past_the_limit_says_the_stack_overflowed() {
        let ladder = |lang| Ladder { settings: knobs::ladder(1_000_000, 1024), lang };
        let en = ladder(Language::En).readout(&knobs::ladder(1_000_000, 1024));
        assert!(en.contains("call 524,288 passes the 1 GB limit: stack overflow"), "{en}");
        let ja = ladder(Language::Ja).readout(&knobs::ladder(1_000_000, 1024));
        assert!(ja.contains("524,288 回目") && ja.contains("スタックオーバーフロー"), "{ja}");
        let fits = ladder(Language::En).readout(&knobs::ladder(1000, 128));
        assert!(!fits.contains("overflow"), "{fits}");
    }
}
