//! Addresses and identities.

use core::fmt;

/// A byte address in the simulated address space.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Addr(pub u64);

impl Addr {
    pub const fn offset(self, by: u64) -> Addr {
        Addr(self.0 + by)
    }
}

impl fmt::Display for Addr {
    // Go prints pointers as lower-case hex with a 0x prefix (fmt %p).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}

/// A stable identity for a frame, slot or heap object. Identities are handed
/// out in order and never reused, so a renderer can tell "the same slot, new
/// value" from "a new slot" and animate each correctly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub u32);
