//! The exact text the Go toolchain prints, for the simulation's terminal
//! panels: `GODEBUG=gctrace=1` lines, `go test -benchmem` lines and the
//! stack-overflow fatal error. Integer-only ports of the runtime's and the
//! testing package's own formatting (runtime/mgc.go gcMarkTermination,
//! fmtNSAsMS, itoaDiv; testing/benchmark.go prettyPrint, MemString).
//! tests/truth checks them field for field against real Go output.

use alloc::format;
use alloc::string::String;

/// `val` with `dec` decimal places inserted (runtime.itoaDiv).
pub fn itoa_div(val: u64, dec: u32) -> String {
    let digits = format!("{val:0width$}", width = dec as usize + 1);
    if dec == 0 {
        return digits;
    }
    let (whole, frac) = digits.split_at(digits.len() - dec as usize);
    format!("{whole}.{frac}")
}

/// Nanoseconds as milliseconds, two significant digits and at most three
/// decimals, whole milliseconds from 10 ms up (runtime.fmtNSAsMS).
pub fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return itoa_div(ns / 1_000_000, 0);
    }
    let mut x = ns / 1000;
    if x == 0 {
        return String::from("0");
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    itoa_div(x, dec)
}

/// One garbage-collection cycle, as `GODEBUG=gctrace=1` reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GcTrace {
    pub cycle: u32,
    /// Milliseconds since the program started.
    pub at_ms: u64,
    /// GC share of CPU since start, in percent.
    pub cpu_percent: u32,
    /// Wall time: sweep termination (STW), concurrent mark, mark termination (STW).
    pub clock_ns: [u64; 3],
    /// CPU time: sweep termination, assist / background / idle mark, mark termination.
    pub cpu_ns: [u64; 5],
    /// Heap at GC start, at GC end, and marked live, in bytes.
    pub heap_bytes: [u64; 3],
    pub goal_bytes: u64,
    pub stacks_bytes: u64,
    pub globals_bytes: u64,
    pub procs: u32,
    /// Started by runtime.GC().
    pub forced: bool,
}

pub fn gctrace_line(t: &GcTrace) -> String {
    let c = &t.cpu_ns;
    let mut s = format!(
        "gc {} @{}s {}%: {}+{}+{} ms clock, {}+{}/{}/{}+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, {} P",
        t.cycle,
        itoa_div(t.at_ms, 3),
        t.cpu_percent,
        fmt_ns_as_ms(t.clock_ns[0]),
        fmt_ns_as_ms(t.clock_ns[1]),
        fmt_ns_as_ms(t.clock_ns[2]),
        fmt_ns_as_ms(c[0]),
        fmt_ns_as_ms(c[1]),
        fmt_ns_as_ms(c[2]),
        fmt_ns_as_ms(c[3]),
        fmt_ns_as_ms(c[4]),
        t.heap_bytes[0] >> 20,
        t.heap_bytes[1] >> 20,
        t.heap_bytes[2] >> 20,
        t.goal_bytes >> 20,
        t.stacks_bytes >> 20,
        t.globals_bytes >> 20,
        t.procs,
    );
    if t.forced {
        s.push_str(" (forced)");
    }
    s
}

/// One `go test -bench -benchmem` result line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchLine {
    /// `BenchmarkFilter`; the `-N` GOMAXPROCS suffix is added when N > 1.
    pub name: String,
    pub procs: u32,
    /// Width the name column is padded to (the longest name in the run).
    pub name_width: usize,
    pub iterations: u64,
    /// Nanoseconds per op, in units of 1e-5 ns.
    pub ns_per_op_e5: u64,
    pub bytes_per_op: u64,
    pub allocs_per_op: u64,
}

/// testing.prettyPrint for ns/op: whole numbers from 999.95 up, then four
/// significant digits with the decimal points aligned.
fn pretty_ns(e5: u64) -> String {
    const SCALE: u64 = 100_000;
    let (width, decimals) = match e5 {
        0 => (10, 0),
        x if x >= 99_995_000 => (10, 0),
        x if x >= 9_999_500 => (12, 1),
        x if x >= 999_950 => (13, 2),
        x if x >= 99_995 => (14, 3),
        _ => (15, 4),
    };
    let unit = SCALE / 10u64.pow(decimals);
    // Round half to even, as Go's %f does for a value exactly halfway.
    let (q, r) = (e5 / unit, e5 % unit);
    let q = if r * 2 > unit || (r * 2 == unit && q % 2 == 1) { q + 1 } else { q };
    format!("{:>width$}", itoa_div(q, decimals))
}

pub fn benchmem_line(b: &BenchLine) -> String {
    let name = if b.procs > 1 { format!("{}-{}", b.name, b.procs) } else { b.name.clone() };
    format!(
        "{name:<w$}\t{:>8}\t{} ns/op\t{:>8} B/op\t{:>8} allocs/op",
        b.iterations,
        pretty_ns(b.ns_per_op_e5),
        b.bytes_per_op,
        b.allocs_per_op,
        w = b.name_width
    )
}

/// The first three lines Go prints when a goroutine's stack would grow past
/// its limit (runtime.newstack); a `runtime stack:` trace follows and the
/// process exits with status 2.
pub fn stack_overflow(limit: u64, sp: u64, lo: u64, hi: u64) -> [String; 3] {
    [
        format!("runtime: goroutine stack exceeds {limit}-byte limit"),
        format!("runtime: sp={sp:#x} stack=[{lo:#x}, {hi:#x}]"),
        String::from("fatal error: stack overflow"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_lines() {
        // Real Go 1.27.3 output; tests/truth/tests/report.rs checks the
        // formatters against what the installed Go prints.
        let t = GcTrace {
            cycle: 1,
            at_ms: 2,
            cpu_percent: 54,
            clock_ns: [100_000, 360_000, 3_100_000],
            cpu_ns: [200_000, 120_000, 190_000, 0, 6_300_000],
            heap_bytes: [3 << 20, 4 << 20, 0],
            goal_bytes: 4 << 20,
            stacks_bytes: 0,
            globals_bytes: 0,
            procs: 2,
            forced: false,
        };
        assert_eq!(
            gctrace_line(&t),
            "gc 1 @0.002s 54%: 0.10+0.36+3.1 ms clock, 0.20+0.12/0.19/0+6.3 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P"
        );
        let b = BenchLine {
            name: "BenchmarkFilterInPlace".into(),
            procs: 2,
            name_width: 27,
            iterations: 1_287_314,
            ns_per_op_e5: 94_790_000,
            bytes_per_op: 0,
            allocs_per_op: 0,
        };
        assert_eq!(benchmem_line(&b), "BenchmarkFilterInPlace-2   \t 1287314\t       947.9 ns/op\t       0 B/op\t       0 allocs/op");
        let b = BenchLine { name: "BenchmarkFilterAlloc".into(), iterations: 127_021, ns_per_op_e5: 1_088_600_000, bytes_per_op: 16384, allocs_per_op: 1, ..b };
        assert_eq!(benchmem_line(&b), "BenchmarkFilterAlloc-2     \t  127021\t     10886 ns/op\t   16384 B/op\t       1 allocs/op");
        assert_eq!(stack_overflow(1_000_000_000, 0xc020070390, 0xc020070000, 0xc040070000)[0], "runtime: goroutine stack exceeds 1000000000-byte limit");
        assert_eq!(fmt_ns_as_ms(14_000_000), "14");
        assert_eq!(fmt_ns_as_ms(2_000), "0.002");
        assert_eq!(fmt_ns_as_ms(999), "0");
    }
}
