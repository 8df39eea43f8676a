//! Prints the gctrace lines and totals of the pacer simulation for a
//! workload: `cargo run -p memsim --example pacer [GOGC]`.

use memsim::pacer::{simulate, Settings, Workload, MIB};
use memsim::report::gctrace_line;

fn main() {
    let gogc = std::env::args().nth(1).and_then(|a| a.parse().ok());
    let w = Workload {
        alloc_per_ms: 256 << 10,
        live: 8 * MIB,
        stacks: MIB,
        globals: MIB,
        non_heap: 5 * MIB,
        procs: 2,
        mark_bytes_per_ms: 2 * MIB,
        duration_ms: 500,
    };
    let run = simulate(w, Settings { gogc: gogc.or(Some(100)), memory_limit: None });
    for t in run.gctrace(&w) {
        println!("{}", gctrace_line(&t));
    }
    println!("cycles {}, peak {} MiB, GC CPU {}.{:02}%", run.cycles.len(), run.peak / MIB, run.gc_cpu_basis_points / 100, run.gc_cpu_basis_points % 100);
}
