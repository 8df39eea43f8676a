//! A deterministic model of the memory a Go program uses.
//!
//! The model knows nothing about browsers or drawing. It is `no_std` + `alloc`,
//! uses integers only, and never iterates a hash map, so the same operations
//! always give the same state, bit for bit, on every target.
//!
//! Data structures:
//!
//!    Memory   raw byte cells addressed by number, plus CPU registers: the
//!             world before variables (chapter `memory`).
//!    Stack    one goroutine's stack: frames of slots (arguments, locals,
//!             results) pushed and popped by calls.
//!    Heap     objects with addresses, placed in spans of one size class
//!             (Go's 67 classes of 8 B … 32 KiB) or in whole 8 KiB pages.
//!    CHeap    C's heap under glibc malloc: chunks, free and reuse, a
//!             memory limit past which the OOM killer ends the process.
//!    Value    what a slot or object holds: integers, pointers (plain
//!             addresses into the stack or the heap), structs, slices.
//!
//! A program is a list of [`Op`]s. [`Machine::apply`] runs one op. A
//! [`Timeline`] runs a list of steps once and keeps every state, so seeking to
//! any step is a lookup, and equals replaying from the start (tested).
#![no_std]

extern crate alloc;

mod addr;
pub mod casestudy;
mod digest;
mod error;
mod gc;
pub mod greentea;
pub mod growth;
mod heap;
mod machine;
pub mod malloc;
pub mod marking;
mod memory;
mod op;
pub mod pacer;
mod place;
pub mod programs;
pub mod report;
mod size_class_table;
pub mod size_classes;
mod stack;
mod timeline;
mod value;

pub use addr::{Addr, Id};
pub use digest::digest;
pub use error::SimError;
pub use gc::{Gc, GcPhase};
pub use heap::{Color, Heap, Object, Span, ARENA_BYTES};
pub use machine::Machine;
pub use memory::{Claim, Memory, Register};
pub use op::{Expr, Op, Place};
pub use place::{Loc, Target};
pub use stack::{Frame, Slot, SlotKind, Stack};
pub use timeline::Timeline;
pub use value::{Field, Value};
