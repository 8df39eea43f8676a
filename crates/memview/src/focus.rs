//! What a step draws the eye to, named by meaning (a variable, what a
//! pointer points to, a byte range) rather than by screen position, so the
//! same focus finds its boxes in any layout.

use alloc::string::String;

/// Something in the picture a step draws the eye to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    /// Raw memory bytes `[addr, addr+len)`.
    Bytes {
        addr: u64,
        len: u64,
    },
    Register(String),
    /// The innermost frame of `func`.
    Frame(String),
    /// Variable `name` in the innermost frame of `func`.
    Var {
        func: String,
        name: String,
    },
    /// The heap object or stack slot that variable `name` of `func` points to.
    Pointee {
        func: String,
        name: String,
    },
    /// Memory bytes that two programs both claim, shown as a conflict.
    Conflict {
        addr: u64,
        len: u64,
    },
    /// The heap object at this address.
    HeapAt(u64),
    /// The pointer in field `field` of the heap object at `at`: its arrow.
    FieldOf {
        at: u64,
        field: u8,
    },
}

impl Focus {
    pub fn var(func: &str, name: &str) -> Focus {
        Focus::Var { func: func.into(), name: name.into() }
    }
    pub fn pointee(func: &str, name: &str) -> Focus {
        Focus::Pointee { func: func.into(), name: name.into() }
    }
    pub fn frame(func: &str) -> Focus {
        Focus::Frame(func.into())
    }
    pub fn register(name: &str) -> Focus {
        Focus::Register(name.into())
    }
}
