//! The escape lab: one snippet, three toggles, eight real Go files
//! (go/escapelab/<ret>-<size>-<type>/lab.go, written by [`source`] and
//! compiled by Go 1.27.3; their `-gcflags=-m` output sits beside each).
//!
//!    ret    value | pointer   return p, or &p
//!    size   const | var       make([]int, 4), or make([]int, n)
//!    type   Point | any       the type of the global the Point is stored in

use crate::chapter::{Code, Lang};
use alloc::format;
use alloc::string::String;
use memsim::size_classes::alloc_size;

/// The list length the lab's benchmark passes: 16 ints = 128 bytes, too
/// big for the 32-byte buffer a variable-size make may use on the stack.
pub const BENCH_N: u64 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Combo {
    pub pointer: bool,
    pub var_size: bool,
    pub any: bool,
}

impl Combo {
    pub fn all() -> impl Iterator<Item = Combo> {
        (0..8u8).map(|i| Combo { pointer: i & 4 != 0, var_size: i & 2 != 0, any: i & 1 != 0 })
    }

    /// The package directory: `pointer-var-any`.
    pub fn dir(&self) -> String {
        format!("{}-{}-{}", if self.pointer { "pointer" } else { "value" }, if self.var_size { "var" } else { "const" }, if self.any { "any" } else { "point" })
    }

    /// What the compiler's verdicts say each call allocates, (bytes,
    /// allocations) as -benchmem counts them: a moved Point (16 B), a
    /// Point copied into an interface (16 B), a make past the 32-byte
    /// stack buffer (n ints).
    pub fn per_call(&self) -> (u64, u64) {
        let mut bytes = 0;
        let mut allocs = 0;
        for (on, size, ptrs) in [(self.pointer, 16, false), (self.any, 16, false), (self.var_size && BENCH_N * 8 > 32, BENCH_N * 8, false)] {
            if on {
                bytes += alloc_size(size, ptrs);
                allocs += 1;
            }
        }
        (bytes, allocs)
    }
}

/// The lab's Go source for `c`, as committed under go/escapelab/.
pub fn source(c: Combo) -> String {
    let ty = if c.any { "any" } else { "Point" };
    format!(
        "// Escape lab: ret={}, size={}, type={ty}.\npackage lab\n\ntype Point struct{{ X, Y int }}\n\nvar sink {ty}\n\n//go:noinline\nfunc Lab(n int) {} {{\n\tp := Point{{X: n, Y: n}}\n\tbuf := make([]int, {})\n\tbuf[0] = p.X\n\tsink = p\n\tp.Y = buf[0]\n\treturn {}\n}}\n",
        if c.pointer { "pointer" } else { "value" },
        if c.var_size { "var" } else { "const" },
        if c.pointer { "*Point" } else { "Point" },
        if c.var_size { "n" } else { "4" },
        if c.pointer { "&p" } else { "p" },
    )
}

/// The file of `c` as the listing shows it (equal to [`source`]; tests
/// keep the two the same).
pub fn code(c: Combo) -> Code {
    let (file, text) = match (c.pointer, c.var_size, c.any) {
        (false, false, false) => ("escapelab/value-const-point/lab.go", include_str!("../../go/escapelab/value-const-point/lab.go")),
        (false, false, true) => ("escapelab/value-const-any/lab.go", include_str!("../../go/escapelab/value-const-any/lab.go")),
        (false, true, false) => ("escapelab/value-var-point/lab.go", include_str!("../../go/escapelab/value-var-point/lab.go")),
        (false, true, true) => ("escapelab/value-var-any/lab.go", include_str!("../../go/escapelab/value-var-any/lab.go")),
        (true, false, false) => ("escapelab/pointer-const-point/lab.go", include_str!("../../go/escapelab/pointer-const-point/lab.go")),
        (true, false, true) => ("escapelab/pointer-const-any/lab.go", include_str!("../../go/escapelab/pointer-const-any/lab.go")),
        (true, true, false) => ("escapelab/pointer-var-point/lab.go", include_str!("../../go/escapelab/pointer-var-point/lab.go")),
        (true, true, true) => ("escapelab/pointer-var-any/lab.go", include_str!("../../go/escapelab/pointer-var-any/lab.go")),
    };
    Code { file, lang: Lang::Go, text }
}

/// The real `go build -gcflags=-m` output for `c` (committed, re-checked
/// by tests/truth).
pub fn gcflags(c: Combo) -> &'static str {
    match (c.pointer, c.var_size, c.any) {
        (false, false, false) => include_str!("../../go/escapelab/value-const-point/gcflags-m.txt"),
        (false, false, true) => include_str!("../../go/escapelab/value-const-any/gcflags-m.txt"),
        (false, true, false) => include_str!("../../go/escapelab/value-var-point/gcflags-m.txt"),
        (false, true, true) => include_str!("../../go/escapelab/value-var-any/gcflags-m.txt"),
        (true, false, false) => include_str!("../../go/escapelab/pointer-const-point/gcflags-m.txt"),
        (true, false, true) => include_str!("../../go/escapelab/pointer-const-any/gcflags-m.txt"),
        (true, true, false) => include_str!("../../go/escapelab/pointer-var-point/gcflags-m.txt"),
        (true, true, true) => include_str!("../../go/escapelab/pointer-var-any/gcflags-m.txt"),
    }
}
