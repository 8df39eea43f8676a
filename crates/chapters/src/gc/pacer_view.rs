//! The pacer figure: the heap over time under GOGC and GOMEMLIMIT, with
//! the readouts, the goal worked out, and the simulated gctrace lines.
//! One run is kept and recomputed only when a knob moves.

use super::knobs::{pacer_inputs, GOGC, GOMEMLIMIT};
use crate::figure::Figure;
use crate::knob::{byte_count, Values};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use memsim::pacer::{gogc_text, heap_goal, simulate, Run};
use memview::{Scene, Viewport};

/// The last run, by the knob values it was computed from; shared by every
/// pacer step of the chapter.
#[derive(Default)]
pub struct Cache(RefCell<Option<(Values, Rc<Run>)>>);

pub struct Pacer {
    pub settings: Values,
    /// The step's point, free of any number a slider changes; the caption
    /// adds the numbers for the values on the sliders.
    pub lead: &'static str,
    pub cache: Rc<Cache>,
}

impl Pacer {
    fn run(&self, k: &Values) -> Rc<Run> {
        let mut c = self.cache.0.borrow_mut();
        if let Some((had, run)) = c.as_ref() {
            if had == k {
                return run.clone();
            }
        }
        let (settings, workload) = pacer_inputs(k);
        let run = Rc::new(simulate(workload, settings));
        *c = Some((k.clone(), run.clone()));
        run
    }
}

impl Figure for Pacer {
    fn defaults(&self) -> Values {
        self.settings.clone()
    }

    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        let (s, w) = pacer_inputs(k);
        memview::pacer(&self.run(k), &w, &s, vp)
    }

    fn describe(&self, k: &Values) -> String {
        let (s, w) = pacer_inputs(k);
        memview::describe_pacer(&self.run(k), &w, &s)
    }

    fn readout(&self, k: &Values) -> String {
        let (s, w) = pacer_inputs(k);
        let stats = memview::pacer_stats(&self.run(k), &w, &s);
        let line: Vec<String> = stats.iter().map(|(l, v)| format!("{l}: {v}")).collect();
        format!("{}\n{}", memview::goal_formula(&w, &s), line.join(" \u{b7} "))
    }

    // The first goal, as the runtime sets it from the live heap; later
    // goals sit higher by what marking allocated (the chart shows them).
    fn caption(&self, k: &Values) -> Option<String> {
        let (s, w) = pacer_inputs(k);
        let limit = s.memory_limit.map_or_else(|| String::from("no GOMEMLIMIT"), |l| format!("GOMEMLIMIT={}", byte_count(l)));
        let goal = heap_goal(w.live, &w, s).map_or_else(|| String::from("no goal, the heap only grows"), |g| format!("first goal {}", memview::bytes(g)));
        // The first cycle's goal: later ones are set from the heap each cycle
        // marked, which includes what was allocated while it marked.
        Some(format!("{} Now: GOGC={}, {limit}, {} live: {goal}.", self.lead, gogc_text(s.gogc), memview::bytes(w.live)))
    }

    fn terminal(&self, k: &Values) -> Option<String> {
        let (_, w) = pacer_inputs(k);
        let lines = self.run(k).gctrace(&w);
        let mut out = format!(
            "# the simulated cycles, printed as Go's GODEBUG=gctrace=1 prints them (its MB are MiB)\n$ GOGC={} GOMEMLIMIT={} GODEBUG=gctrace=1 ./app",
            gogc_text(k.num(GOGC).map(|g| g as u32)),
            k.num(GOMEMLIMIT).map_or_else(|| String::from("off"), byte_count)
        );
        if lines.is_empty() {
            out.push_str("\n# (no cycle ran)");
        }
        for t in &lines {
            out.push('\n');
            out.push_str(&memsim::report::gctrace_line(t));
        }
        Some(out)
    }
}
