//! When the collector runs: Go's heap goal, and the heap over time.
//!
//! The goal (runtime/mgcpacer.go, Go ≥ 1.18; the GC guide's formula):
//!
//!    goal = live + (live + stacks + globals) × GOGC/100
//!    goal ≥ 4 MiB × GOGC/100                        (heapMinimum)
//!
//! and with GOMEMLIMIT set (memoryLimitHeapGoal), the smaller of that and
//!
//!    limit goal = (GOMEMLIMIT − non-heap) − headroom, but ≥ live
//!    headroom   = 3% of (GOMEMLIMIT − non-heap), at least 1 MiB
//!
//! where non-heap is all the memory the runtime holds that is not heap:
//! goroutine stacks, GC and span metadata, other runtime structures (not
//! globals: they live in the binary's data). The runtime also subtracts
//! any mapped memory over the limit; the model's never is. GOGC=off
//! removes the first goal; with no limit either, the collector never runs. A cycle is triggered before the goal, so that
//! marking, which runs while the program keeps allocating, ends near it:
//! the trigger lies between 45/64 and 61/64 of the way from the live heap
//! to the goal (or 4 MiB short of the goal, if that is higher). During marking the background workers use 25% of the CPU
//! (gcBackgroundUtilization); what the program allocates meanwhile is
//! allocated black and survives the cycle.
//!
//! The simulation is integer-only and deterministic: the same workload and
//! settings give the same chart, gctrace lines and totals.

use crate::report::GcTrace;
use alloc::string::String;
use alloc::vec::Vec;

pub const MIB: u64 = 1 << 20;
/// defaultHeapMinimum.
pub const HEAP_MINIMUM: u64 = 4 * MIB;
/// Stop-the-world pauses modelled per cycle (sweep termination and mark
/// termination), in ns: since Go 1.8 "usually under 100 microseconds".
pub const STW_NS: u64 = 50_000;

/// GOGC and GOMEMLIMIT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Settings {
    /// `None` is GOGC=off.
    pub gogc: Option<u32>,
    /// GOMEMLIMIT in bytes; `None` is no limit.
    pub memory_limit: Option<u64>,
}

/// GOGC as the environment spells it: a percentage or `off`.
pub fn gogc_text(g: Option<u32>) -> String {
    g.map_or_else(|| String::from("off"), |g| alloc::format!("{g}"))
}

/// memoryLimitHeapGoalHeadroomPercent and memoryLimitMinHeapGoalHeadroom.
pub const LIMIT_HEADROOM_PERCENT: u64 = 3;
pub const LIMIT_MIN_HEADROOM: u64 = MIB;

/// How memoryLimitHeapGoal works out the goal GOMEMLIMIT alone sets, before
/// the floor of the bytes the last cycle marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitGoal {
    /// Non-heap memory fills the limit on its own: the goal is the live heap.
    NoRoom,
    /// What the limit leaves the heap is under twice the headroom: the goal
    /// is the headroom.
    Headroom { room: u64, headroom: u64 },
    /// What the limit leaves the heap, less the headroom.
    Room { room: u64, headroom: u64, goal: u64 },
}

/// The limit's goal the way `memoryLimitHeapGoal` computes it: the limit less
/// non-heap memory, less a headroom of 3% (at least 1 MiB).
pub fn limit_goal_parts(limit: u64, non_heap: u64) -> LimitGoal {
    if non_heap >= limit {
        return LimitGoal::NoRoom;
    }
    let room = limit - non_heap;
    let headroom = (room / 100 * LIMIT_HEADROOM_PERCENT).max(LIMIT_MIN_HEADROOM);
    if room < 2 * headroom {
        LimitGoal::Headroom { room, headroom }
    } else {
        LimitGoal::Room { room, headroom, goal: room - headroom }
    }
}

/// The goal GOMEMLIMIT alone sets, never below the bytes the last cycle
/// marked.
pub fn limit_goal(limit: u64, non_heap: u64, marked: u64) -> u64 {
    match limit_goal_parts(limit, non_heap) {
        LimitGoal::NoRoom => marked,
        LimitGoal::Headroom { headroom, .. } => headroom.max(marked),
        LimitGoal::Room { goal, .. } => goal.max(marked),
    }
}

/// The heap goal after a cycle that marked `marked` bytes, for `w`'s roots
/// and non-heap memory.
pub fn heap_goal(marked: u64, w: &Workload, s: Settings) -> Option<u64> {
    let by_gogc = s.gogc.map(|g| {
        let goal = marked + (marked + w.stacks + w.globals) * u64::from(g) / 100;
        goal.max(HEAP_MINIMUM * u64::from(g) / 100)
    });
    let by_limit = s.memory_limit.map(|l| limit_goal(l, w.non_heap, marked));
    match (by_gogc, by_limit) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The range a cycle's trigger may lie in: 45/64 to 61/64 of the way from
/// the live heap to the goal, the top raised to 4 MiB short of the goal
/// where that is higher (a large heap's runway), as gcControllerState.trigger
/// bounds it.
pub fn trigger_bounds(live: u64, goal: u64) -> (u64, u64) {
    let runway = goal.saturating_sub(live);
    let mut hi = live + runway / 64 * 61;
    if goal > HEAP_MINIMUM && goal - HEAP_MINIMUM > hi {
        hi = goal - HEAP_MINIMUM;
    }
    (live + runway / 64 * 45, hi)
}

/// A program's steady behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Workload {
    /// Bytes allocated per millisecond (all garbage soon after).
    pub alloc_per_ms: u64,
    /// Bytes that stay reachable.
    pub live: u64,
    pub stacks: u64,
    pub globals: u64,
    /// Memory the runtime holds outside the heap (stacks included): what
    /// GOMEMLIMIT's goal subtracts.
    pub non_heap: u64,
    /// GOMAXPROCS.
    pub procs: u32,
    /// Bytes one CPU marks per millisecond.
    pub mark_bytes_per_ms: u64,
    pub duration_ms: u64,
}

/// The service the pictures model, before its allocation rate is set: 8 MiB
/// live, 1 MiB of stacks and of globals as in the GC guide's example, the
/// 5 MiB of non-heap memory Go 1.27.3 holds for it (tests/truth/go/memlimit),
/// 4 Ps marking 1 MiB per CPU-millisecond, two seconds.
pub const SERVICE: Workload =
    Workload { alloc_per_ms: 0, live: 8 * MIB, stacks: MIB, globals: MIB, non_heap: 5 * MIB, procs: 4, mark_bytes_per_ms: MIB, duration_ms: 2000 };

/// One collection.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cycle {
    pub start_ms: u64,
    pub end_ms: u64,
    pub heap_start: u64,
    pub heap_end: u64,
    pub marked: u64,
    pub goal: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Run {
    /// Heap size at the end of every millisecond.
    pub heap: Vec<u64>,
    pub cycles: Vec<Cycle>,
    pub peak: u64,
    /// GC share of all CPU time, in hundredths of a percent.
    pub gc_cpu_basis_points: u64,
}

/// Runs `w` under `s` and records the heap every millisecond.
pub fn simulate(w: Workload, s: Settings) -> Run {
    let mut run = Run::default();
    let roots = w.stacks + w.globals;
    let mut heap = w.live;
    let mut goal = heap_goal(w.live, &w, s);
    // (start, end, heap at start, goal, allocated since start)
    let mut marking: Option<(u64, u64, u64, u64, u64)> = None;
    let mut mark_cpu_ms_x4 = 0; // quarter-CPU milliseconds
                                // Background marking uses a quarter of the CPUs.
    let mark_rate = (w.mark_bytes_per_ms * u64::from(w.procs) / 4).max(1);
    let mark_ms = (w.live + roots).div_ceil(mark_rate).max(1);
    for t in 0..w.duration_ms {
        heap += w.alloc_per_ms;
        match marking {
            None => {
                if let Some(g) = goal {
                    let (lo, hi) = trigger_bounds(w.live, g);
                    // Start early enough that marking ends near the goal.
                    let trigger = g.saturating_sub(w.alloc_per_ms * mark_ms).clamp(lo, hi);
                    if heap >= trigger {
                        marking = Some((t, t + mark_ms, heap, g, 0));
                    }
                }
            }
            Some((start, end, heap_start, g, ref mut during)) => {
                *during += w.alloc_per_ms;
                if t + 1 >= end {
                    // New objects were allocated black: they survive.
                    let marked = w.live + *during;
                    run.cycles.push(Cycle { start_ms: start, end_ms: t + 1, heap_start, heap_end: heap, marked, goal: g });
                    mark_cpu_ms_x4 += (t + 1 - start) * u64::from(w.procs);
                    run.peak = run.peak.max(heap);
                    heap = marked;
                    goal = heap_goal(marked, &w, s);
                    marking = None;
                }
            }
        }
        run.peak = run.peak.max(heap);
        run.heap.push(heap);
    }
    let total_cpu = w.duration_ms * u64::from(w.procs);
    run.gc_cpu_basis_points = (mark_cpu_ms_x4 * 10_000 / 4).checked_div(total_cpu).unwrap_or(0);
    run
}

impl Run {
    /// The `GODEBUG=gctrace=1` line for each cycle.
    pub fn gctrace(&self, w: &Workload) -> Vec<GcTrace> {
        let mut cpu_ms_x4 = 0;
        self.cycles
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mark_ns = (c.end_ms - c.start_ms) * 1_000_000;
                cpu_ms_x4 += (c.end_ms - c.start_ms) * u64::from(w.procs);
                let elapsed = (c.end_ms * u64::from(w.procs)).max(1);
                GcTrace {
                    cycle: i as u32 + 1,
                    at_ms: c.start_ms,
                    cpu_percent: (cpu_ms_x4 * 100 / 4 / elapsed) as u32,
                    clock_ns: [STW_NS, mark_ns, STW_NS],
                    cpu_ns: [STW_NS * u64::from(w.procs), 0, mark_ns * u64::from(w.procs) / 4, 0, STW_NS * u64::from(w.procs)],
                    heap_bytes: [c.heap_start, c.heap_end, c.marked],
                    goal_bytes: c.goal,
                    stacks_bytes: w.stacks,
                    globals_bytes: w.globals,
                    procs: w.procs,
                    forced: false,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::gctrace_line;

    const GOGC100: Settings = Settings { gogc: Some(100), memory_limit: None };

    #[test]
    fn the_gc_guide_example() {
        // 8 MiB live + 1 MiB stacks + 1 MiB globals at GOGC=100 → 18 MiB.
        assert_eq!(heap_goal(8 * MIB, &workload(), GOGC100), Some(18 * MIB));
    }

    #[test]
    fn the_4_mib_minimum_scales_with_gogc() {
        let bare = Workload { stacks: 0, globals: 0, ..workload() };
        assert_eq!(heap_goal(MIB, &bare, GOGC100), Some(4 * MIB));
        assert_eq!(heap_goal(MIB, &bare, Settings { gogc: Some(50), memory_limit: None }), Some(2 * MIB));
        assert_eq!(heap_goal(MIB, &bare, Settings { gogc: Some(200), memory_limit: None }), Some(8 * MIB));
    }

    #[test]
    fn gogc_off_and_the_memory_limit() {
        let w = workload();
        assert_eq!(heap_goal(8 * MIB, &w, Settings { gogc: None, memory_limit: None }), None);
        // (64 − 5) MiB less 3% headroom, worked out as Go does (room / 100 * 3).
        let room = 59 * MIB;
        assert_eq!(heap_goal(8 * MIB, &w, Settings { gogc: None, memory_limit: Some(64 * MIB) }), Some(room - room / 100 * 3));
        // Non-heap memory fills the limit: the goal is the live heap.
        assert_eq!(limit_goal_parts(4 * MIB, 5 * MIB), LimitGoal::NoRoom);
        assert_eq!(limit_goal(4 * MIB, 5 * MIB, 3 * MIB), 3 * MIB);
        // What the limit leaves is under twice the headroom: the headroom.
        assert_eq!(limit_goal_parts(6 * MIB + MIB / 2, 5 * MIB), LimitGoal::Headroom { room: MIB + MIB / 2, headroom: MIB });
        assert_eq!(limit_goal(6 * MIB + MIB / 2, 5 * MIB, 0), MIB);
        // Headroom is at least 1 MiB: (12 − 5) − 1.
        assert_eq!(heap_goal(3 * MIB, &w, Settings { gogc: Some(100), memory_limit: Some(12 * MIB) }), Some(6 * MIB));
        // Never below what the last cycle marked.
        assert_eq!(heap_goal(16 * MIB, &w, Settings { gogc: Some(100), memory_limit: Some(20 * MIB) }), Some(16 * MIB));
    }

    #[test]
    fn trigger_lies_inside_the_runway() {
        let (lo, hi) = trigger_bounds(8 * MIB, 18 * MIB);
        assert!(8 * MIB < lo && lo < hi && hi < 18 * MIB);
        // A long runway: the top is 4 MiB short of the goal, above 61/64.
        assert_eq!(trigger_bounds(64 * MIB, 384 * MIB).1, 380 * MIB);
    }

    fn workload() -> Workload {
        Workload {
            alloc_per_ms: 256 << 10,
            live: 8 * MIB,
            stacks: MIB,
            globals: MIB,
            non_heap: 5 * MIB,
            procs: 2,
            mark_bytes_per_ms: 2 * MIB,
            duration_ms: 2000,
        }
    }

    #[test]
    fn the_heap_saws_between_live_and_goal() {
        let r = simulate(workload(), GOGC100);
        assert!(r.cycles.len() > 10);
        for c in &r.cycles {
            assert!(c.heap_start < c.goal && c.heap_end <= c.goal + workload().alloc_per_ms, "{c:?}");
            assert!(c.marked >= workload().live);
        }
        assert_eq!(r.cycles[0].goal, 18 * MIB);
        // Objects allocated during marking count as marked, so later goals
        // sit a little higher than the first.
        let max_goal = r.cycles.iter().map(|c| c.goal).max().unwrap_or(0);
        assert!(r.peak <= max_goal + workload().alloc_per_ms);
        assert_eq!(simulate(workload(), GOGC100), r, "deterministic");
    }

    #[test]
    fn higher_gogc_means_fewer_cycles_and_a_higher_peak() {
        let low = simulate(workload(), Settings { gogc: Some(50), memory_limit: None });
        let high = simulate(workload(), Settings { gogc: Some(400), memory_limit: None });
        assert!(low.cycles.len() > high.cycles.len());
        assert!(low.peak < high.peak);
        assert!(low.gc_cpu_basis_points > high.gc_cpu_basis_points);
        let off = simulate(workload(), Settings { gogc: None, memory_limit: None });
        assert!(off.cycles.is_empty());
        assert_eq!(off.peak, 8 * MIB + 2000 * (256 << 10));
        let limited = simulate(workload(), Settings { gogc: None, memory_limit: Some(32 * MIB) });
        assert!(!limited.cycles.is_empty() && limited.peak <= 32 * MIB);
    }

    #[test]
    fn gctrace_lines_have_the_real_shape() {
        let w = workload();
        let r = simulate(w, GOGC100);
        let line = gctrace_line(&r.gctrace(&w)[0]);
        assert!(line.starts_with("gc 1 @0."), "{line}");
        assert!(line.contains(" ms clock, ") && line.contains(" ms cpu, ") && line.ends_with(" MB globals, 2 P"), "{line}");
        assert!(line.contains("18 MB goal, 1 MB stacks, 1 MB globals"), "{line}");
    }
}
