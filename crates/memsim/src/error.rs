//! Why an operation could not be applied.

use alloc::string::String;
use core::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    NoMemory,
    OutOfRange { addr: u64 },
    NoFrame,
    NoSuchVariable(String),
    NoSuchField(String),
    NotAPointer(String),
    NilDereference,
    DanglingAddress { addr: u64 },
    NotAnInteger,
    NothingToReturnTo,
    NoCRuntime,
    BadFree { addr: u64 },
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::NoMemory => write!(f, "no raw memory is mapped"),
            SimError::OutOfRange { addr } => write!(f, "address {addr:#x} is outside mapped memory"),
            SimError::NoFrame => write!(f, "no goroutine frame is active"),
            SimError::NoSuchVariable(n) => write!(f, "no variable named {n}"),
            SimError::NoSuchField(n) => write!(f, "no field named {n}"),
            SimError::NotAPointer(n) => write!(f, "{n} is not a pointer"),
            SimError::NilDereference => write!(f, "nil pointer dereference"),
            SimError::DanglingAddress { addr } => write!(f, "nothing lives at {addr:#x}"),
            SimError::NotAnInteger => write!(f, "arithmetic on a non-integer"),
            SimError::NothingToReturnTo => write!(f, "return from the outermost frame"),
            SimError::NoCRuntime => write!(f, "malloc without a C runtime"),
            SimError::BadFree { addr } => write!(f, "free({addr:#x}) of something malloc did not hand out"),
        }
    }
}
