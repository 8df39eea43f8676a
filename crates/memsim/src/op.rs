//! The operations a chapter script applies to the machine.
//!
//! Ops read like the Go (or assembly) line they stand for: `Declare` is
//! `q := Point{1, 2}`, `Call` pushes a frame and copies argument values into
//! it, `Assign` through a pointer changes whatever the pointer addresses.
//! Nothing here is special-cased for a chapter: the effects follow from the
//! model, so "which mutation the caller sees" is computed, not scripted.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// Map `len` bytes of raw memory starting at `base`.
    MapMemory { base: u64, len: u32 },
    /// `MOVQ $value, addr`: write an immediate, little-endian.
    Store { addr: u64, width: u8, value: i64 },
    /// `MOVQ reg, addr`.
    StoreReg { reg: String, addr: u64, width: u8 },
    /// `MOVQ addr, reg`.
    Load { addr: u64, width: u8, reg: String },
    /// `ADDQ src, dst`: dst += src.
    AddReg { src: String, dst: String },
    /// Record that a program believes it owns `len` bytes at `addr`.
    Claim { addr: u64, len: u64, owner: u8, name: String },
    /// Create goroutine `goroutine`'s stack, `size` bytes below `hi`.
    Spawn { goroutine: u32, hi: u64, size: u64 },
    /// Push a frame for `func`; each argument is (name, type, value), the
    /// value evaluated in the caller's frame and copied into the callee's.
    Call { func: String, args: Vec<(String, String, Expr)> },
    /// `name := value` in the current frame.
    Declare { name: String, ty: String, value: Expr },
    /// `place = value`.
    Assign { place: Place, value: Expr },
    /// A `}` closing a block: its variables' slots are released.
    EndScope { names: Vec<String> },
    /// `return value`; pops the frame and, with `bind` = (name, type),
    /// declares the result in the caller (`b := add(a, 5)`).
    Return { value: Option<Expr>, bind: Option<(String, String)> },
    /// `println(args…)` / `printf("%d …\n", …)`: one line of output.
    Print(Vec<Expr>),
    /// Start a C program's runtime: a glibc heap, and a memory limit past
    /// which the kernel's OOM killer ends the process.
    CRuntime { limit: u64 },
    /// `free(ptr)`.
    Free(Expr),
    /// Start a collection: marking on, all objects white; with `barrier`,
    /// heap pointer stores run Go's hybrid write barrier (gc.rs).
    GcStart { barrier: bool },
    /// Scan goroutine `goroutine`'s stack: its pointers shade their targets.
    GcScanStack { goroutine: u32 },
    /// Scan up to `n` grey objects.
    GcMarkStep { n: u32 },
    /// Scan until no grey object is left (mark termination).
    GcFinishMark,
    /// Free every white object and end the cycle.
    GcSweep,
    /// Start the program over from nothing (to run it again another way).
    Restart,
    /// A loop body run `times` times, or until the process is killed.
    Repeat { times: u32, body: Vec<Op> },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Expr {
    Int(i64),
    Nil,
    /// The value stored at a place (a copy of it).
    Load(Place),
    /// `&place`.
    AddrOf(Place),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    /// A struct literal: `Point{X: 1, Y: 2}`.
    Struct(Vec<(String, Expr)>),
    /// `new(T)` / `&T{…}` / a variable moved to the heap: allocates and
    /// yields a pointer.
    New {
        ty: String,
        value: Box<Expr>,
    },
    /// `make([]byte, len)`: allocates a backing array and yields a slice.
    MakeBytes {
        len: u64,
    },
    /// `len(place)` of a slice.
    Len(Place),
    /// `n` bytes of data (an array value, not a new allocation).
    Bytes(u64),
    /// C's `malloc(sizeof(T))`, the new memory holding `value`; yields the
    /// pointer.
    Malloc {
        ty: String,
        value: Box<Expr>,
    },
}

/// Something that can be assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Var(String),
    /// `base.name`; like Go, a pointer base is dereferenced automatically.
    Field(Box<Place>, String),
    /// `*base`.
    Deref(Box<Place>),
    /// C's `base->name`: whatever lives `offset` bytes past the address in
    /// `base`. The compiler turns a member access into address arithmetic
    /// on the pointer's declared type, whatever the memory now holds.
    Member {
        base: Box<Place>,
        name: String,
        offset: u64,
    },
}

/// As the source writes it (`p.Next`, `*p`, `p->next`): error messages
/// name places without the size of a derived Debug in the wasm.
impl core::fmt::Display for Place {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Place::Var(name) => f.write_str(name),
            Place::Field(base, name) => write!(f, "{base}.{name}"),
            Place::Deref(base) => write!(f, "*{base}"),
            Place::Member { base, name, .. } => write!(f, "{base}->{name}"),
        }
    }
}

impl Place {
    pub fn var(name: &str) -> Place {
        Place::Var(name.into())
    }

    pub fn field(self, name: &str) -> Place {
        Place::Field(Box::new(self), name.into())
    }

    pub fn member(self, name: &str, offset: u64) -> Place {
        Place::Member { base: Box::new(self), name: name.into(), offset }
    }

    pub fn deref(self) -> Place {
        Place::Deref(Box::new(self))
    }
}

impl Expr {
    pub fn var(name: &str) -> Expr {
        Expr::Load(Place::var(name))
    }

    pub fn plus(a: Expr, b: Expr) -> Expr {
        Expr::Add(Box::new(a), Box::new(b))
    }

    pub fn times(a: Expr, b: Expr) -> Expr {
        Expr::Mul(Box::new(a), Box::new(b))
    }
}
