//! A goroutine's stack: frames of slots, growing toward lower addresses.
//!
//!    hi ──► +----------------------+
//!           | main: a, b, p, q      |  frame of the caller
//!           +----------------------+
//!           | moveByValue: pt       |  frame of the callee (args, locals)
//!    sp ──► +----------------------+
//!           |        free          |
//!    lo ──► +----------------------+
//!
//! A call pushes a frame below the caller's; a return pops it, and every slot
//! in it is gone at once. That is why the stack needs no garbage collector.
//! Conceptually the callee's arguments sit in its frame; since Go 1.17 amd64
//! passes them in registers and spills them to the stack when needed.

use crate::addr::{Addr, Id};
use crate::value::Value;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Stack {
    pub goroutine: u32,
    /// Highest address; the first frame starts here.
    pub hi: Addr,
    /// Bytes reserved for this stack. Go starts goroutines at 2 KiB (the
    /// average scanned stack size since Go 1.19, never below 2 KiB).
    pub size: u64,
    pub frames: Vec<Frame>,
    /// Whether the collector has scanned this stack in the current cycle
    /// (a scanned stack is black; an unscanned one grey).
    pub scanned: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Frame {
    pub id: Id,
    pub func: String,
    /// Highest address of the frame (the caller's stack pointer at the call).
    pub top: Addr,
    pub slots: Vec<Slot>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SlotKind {
    Arg,
    Local,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    pub id: Id,
    pub name: String,
    /// The Go type as written in the source (`int`, `*Point`, `[]byte`).
    pub ty: String,
    pub kind: SlotKind,
    pub addr: Addr,
    pub value: Value,
    /// The slot this value was copied from, when it is a plain copy of a
    /// variable (an argument, a returned value). Lets a renderer show the
    /// copy travelling from its source.
    pub copied_from: Option<Id>,
}

impl Slot {
    pub fn size(&self) -> u64 {
        self.value.size()
    }
}

impl Frame {
    /// The lowest address in use by this frame (its stack pointer).
    pub fn sp(&self) -> Addr {
        self.slots.last().map_or(self.top, |s| s.addr)
    }

    pub fn bytes(&self) -> u64 {
        self.top.0 - self.sp().0
    }

    pub fn slot(&self, name: &str) -> Option<usize> {
        // The innermost declaration wins, as with Go's scoping.
        self.slots.iter().rposition(|s| s.name == name)
    }
}

impl Stack {
    pub fn new(goroutine: u32, hi: Addr, size: u64) -> Stack {
        Stack { goroutine, hi, size, frames: Vec::new(), scanned: false }
    }

    pub fn sp(&self) -> Addr {
        self.frames.last().map_or(self.hi, Frame::sp)
    }

    pub fn used(&self) -> u64 {
        self.hi.0 - self.sp().0
    }

    /// Where a new slot of `size` bytes goes: below the stack pointer,
    /// 8-byte aligned.
    pub fn next_slot_addr(&self, size: u64) -> Addr {
        Addr((self.sp().0 - size) & !7)
    }

    pub fn contains(&self, addr: Addr) -> bool {
        addr < self.hi && addr.0 >= self.hi.0 - self.size
    }
}
