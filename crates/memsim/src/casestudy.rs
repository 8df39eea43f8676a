//! The case study as a model: a service calls `Filter` on a list of `n`
//! values (`[]any`, 16 bytes each: an interface is two words) `rate` times
//! a second, keeping none of the results.
//!
//!    FilterAlloc    one new slice per call: alloc_size(16·n, pointers)
//!                   bytes, all garbage at once → the pacer runs cycles
//!    FilterInPlace  reuses the list: no allocation, no cycles
//!
//! What a call allocates (B/op, allocs/op) is Go's own rounding (size
//! classes, malloc headers, whole pages over 32,760 B) and equals real
//! `go test -benchmem` (tests/truth). The rest is the model's: the loop
//! costs 1 ns per element (FilterInPlace measures about 1 ns/element on
//! the test machine), an allocation 20 ns plus 0.25 ns per byte it clears
//! and copies into, and collection is the pacer model's background marking
//! (25% of the CPUs while a cycle runs, no assists). It leaves out cache
//! effects and everything else the real service did.

use crate::pacer::{simulate as pace, Run, Settings, Workload, MIB};
use crate::size_classes::alloc_size;

/// Bytes of one `any`: a type word and a data word.
pub const ANY_BYTES: u64 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Version {
    /// `make(targetList, 0, len(list))` on every call.
    Alloc,
    /// `list[:n]` over the same backing array.
    InPlace,
}

/// What one call allocates: (bytes, allocations), as -benchmem reports it.
pub fn per_call(n: u64, v: Version) -> (u64, u64) {
    match v {
        Version::InPlace => (0, 0),
        // make with capacity 0 allocates nothing.
        Version::Alloc if n == 0 => (0, 0),
        Version::Alloc => (alloc_size(n * ANY_BYTES, true), 1),
    }
}

/// The model's time for one call, in ns × 100 (0.01 ns resolution).
pub fn ns_per_call_e2(n: u64, v: Version) -> u64 {
    let (bytes, allocs) = per_call(n, v);
    n * 100 + allocs * 2_000 + bytes * 25
}

/// The service: its live data and how it runs (4 Ps, the gc chapter's
/// pacer numbers).
pub fn workload(n: u64, rate: u64, v: Version) -> Workload {
    let (bytes, _) = per_call(n, v);
    Workload {
        alloc_per_ms: bytes * rate / 1000,
        // The list itself plus 8 MiB of the service's other data.
        live: 8 * MIB + alloc_size(n * ANY_BYTES, true),
        ..crate::pacer::SERVICE
    }
}

/// One version under one load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub version: Version,
    pub bytes_per_op: u64,
    pub allocs_per_op: u64,
    pub ns_per_op_e2: u64,
    /// The heap over two seconds under GOGC=100.
    pub run: Run,
    /// Cycles in the two seconds.
    pub cycles: u64,
    /// Program and collector shares of all CPU time, in basis points: what
    /// the load asks for, which may be more than there is (see
    /// [`Outcome::saturated`]).
    pub program_cpu_bp: u64,
    pub gc_cpu_bp: u64,
}

impl Outcome {
    pub fn total_cpu_bp(&self) -> u64 {
        self.program_cpu_bp + self.gc_cpu_bp
    }

    /// The load needs more CPU time than the Ps have: a real service would
    /// fall behind its calls, so no share of it is meaningful.
    pub fn saturated(&self) -> bool {
        self.total_cpu_bp() > 10_000
    }
}

/// Runs `v` with lists of `n` values, `rate` calls a second, GOGC=100.
pub fn simulate(n: u64, rate: u64, v: Version) -> Outcome {
    let (bytes_per_op, allocs_per_op) = per_call(n, v);
    let w = workload(n, rate, v);
    let run = pace(w, Settings { gogc: Some(100), memory_limit: None });
    let ns_per_op_e2 = ns_per_call_e2(n, v);
    // CPU time per second of all Ps: procs × 1e9 ns; as basis points.
    let program_cpu_bp = rate * ns_per_op_e2 / 100 * 10_000 / (u64::from(w.procs) * 1_000_000_000);
    Outcome { version: v, bytes_per_op, allocs_per_op, ns_per_op_e2, cycles: run.cycles.len() as u64, gc_cpu_bp: run.gc_cpu_basis_points, run, program_cpu_bp }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_allocates_what_go_reports() {
        // Real go test -benchmem, Go 1.27.3 (tests/truth checks a sweep).
        for (n, bytes) in [(1, 16), (3, 48), (9, 144), (64, 1152), (500, 8192), (1000, 16384), (2048, 32768), (2049, 40960), (100_000, 1_605_632)] {
            assert_eq!(per_call(n, Version::Alloc), (bytes, 1), "n={n}");
            assert_eq!(per_call(n, Version::InPlace), (0, 0));
        }
    }

    /// The sliders' far corner asks for more CPU than the service's four Ps have: it says
    /// so rather than give a share over 100% as if it were one.
    #[test]
    fn a_load_past_the_cpus_is_saturated() {
        let (before, after) = (simulate(100_000, 10_000, Version::Alloc), simulate(100_000, 10_000, Version::InPlace));
        assert!(before.saturated() && before.total_cpu_bp() > 10_000, "{}", before.total_cpu_bp());
        assert!(!after.saturated());
        for (n, rate) in [(1000, 1000), (10_000, 2000)] {
            assert!(!simulate(n, rate, Version::Alloc).saturated(), "n={n} rate={rate}");
        }
    }

    #[test]
    fn in_place_allocates_nothing_and_runs_no_cycle() {
        for n in [1, 1000, 100_000] {
            let after = simulate(n, 1000, Version::InPlace);
            assert_eq!((after.bytes_per_op, after.allocs_per_op, after.cycles, after.gc_cpu_bp), (0, 0, 0, 0));
            assert_eq!(after.run.peak, workload(n, 1000, Version::InPlace).live);
        }
    }

    #[test]
    fn more_elements_or_calls_mean_more_cycles_and_a_higher_peak() {
        let mut last = simulate(100, 1000, Version::Alloc);
        for n in [1000, 10_000, 100_000] {
            let o = simulate(n, 1000, Version::Alloc);
            assert!(o.cycles >= last.cycles && o.run.peak >= last.run.peak && o.gc_cpu_bp >= last.gc_cpu_bp, "n={n}");
            last = o;
        }
        let mut last = simulate(10_000, 10, Version::Alloc);
        for rate in [100, 1000, 5000] {
            let o = simulate(10_000, rate, Version::Alloc);
            assert!(o.cycles >= last.cycles && o.gc_cpu_bp >= last.gc_cpu_bp, "rate={rate}");
            last = o;
        }
        assert!(last.cycles > 0);
    }
}
