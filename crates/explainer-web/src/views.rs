//! The pictures that are not a machine state: the pacer chart and the
//! marking views. Their inputs (the knobs) live here with the results
//! computed from them, so a slider move recomputes only what it changed.

use chapters::knobs::Knobs;
use chapters::View;
use memsim::greentea::{MarkRun, Strategy};
use memsim::pacer::{simulate, Run};
use memsim::Machine;
use memview::{MarkTimes, Scene, Viewport};

/// The heap the marking views mark, and both strategies' runs over it.
pub struct Marking {
    pub objects: usize,
    pub heap: Machine,
    flood: MarkRun,
    spans: MarkRun,
    flood_times: MarkTimes,
    spans_times: MarkTimes,
}

impl Marking {
    fn new(objects: usize) -> Marking {
        let heap = chapters::marking_heap(objects);
        let flood = heap.mark_with(Strategy::ObjectByObject);
        let spans = heap.mark_with(Strategy::SpanBySpan);
        let (flood_times, spans_times) = (MarkTimes::new(&heap, &flood), MarkTimes::new(&heap, &spans));
        Marking { objects, heap, flood, spans, flood_times, spans_times }
    }

    pub fn times(&self, s: Strategy) -> &MarkTimes {
        match s {
            Strategy::ObjectByObject => &self.flood_times,
            Strategy::SpanBySpan => &self.spans_times,
        }
    }

    pub fn run(&self, s: Strategy) -> &MarkRun {
        match s {
            Strategy::ObjectByObject => &self.flood,
            Strategy::SpanBySpan => &self.spans,
        }
    }
}

#[derive(Default)]
pub struct Views {
    pub knobs: Option<Knobs>,
    pacer: Option<(Knobs, Run)>,
    marking: Option<Marking>,
    /// The last marking picture, by what it was laid out from: a scan
    /// playing out asks for the same moment several frames running.
    last_marking: Option<(View, Knobs, Viewport, Scene)>,
}

impl Views {
    /// The knobs in effect (the chapter defaults until a step or link
    /// sets them).
    pub fn knobs(&self) -> Knobs {
        self.knobs.unwrap_or(Knobs::DEFAULT)
    }

    /// Entering a step: a pacer step starts from its own settings, as its
    /// caption describes them; the object count carries over.
    pub fn enter(&mut self, view: &View) {
        if let View::Pacer(k) = view {
            self.knobs = Some(Knobs { objects: self.knobs().objects, ..*k });
        }
    }

    pub fn pacer_run(&mut self) -> &Run {
        let k = self.knobs();
        if self.pacer.as_ref().is_none_or(|(had, _)| *had != k) {
            self.pacer = Some((k, simulate(k.workload(), k.settings())));
        }
        let Some((_, run)) = &self.pacer else { unreachable!("just computed") };
        run
    }

    pub fn marking(&mut self) -> &Marking {
        let n = self.knobs().objects;
        if self.marking.as_ref().is_none_or(|m| m.objects != n) {
            self.marking = Some(Marking::new(n));
        }
        let Some(m) = &self.marking else { unreachable!("just built") };
        m
    }

    /// The picture of `view`, or `None` when it is the machine's.
    pub fn layout(&mut self, view: &View, vp: Viewport) -> Option<Scene> {
        match view {
            View::Machine => None,
            View::Pacer(_) => {
                let k = self.knobs();
                let run = self.pacer_run();
                Some(memview::pacer(run, &k.workload(), &k, vp))
            }
            View::Marking { strategy, done } => {
                let k = self.knobs();
                if let Some((v, had, at, scene)) = &self.last_marking {
                    if v == view && *had == k && *at == vp {
                        return Some(scene.clone());
                    }
                }
                let m = self.marking();
                let other = match strategy {
                    Strategy::ObjectByObject => m.spans.regions_touched,
                    Strategy::SpanBySpan => m.flood.regions_touched,
                };
                let scene = memview::marking(&m.heap, m.run(*strategy), m.times(*strategy), *strategy, *done, other, vp);
                self.last_marking = Some((view.clone(), k, vp, scene.clone()));
                Some(scene)
            }
        }
    }

    /// The text alternative of `view`, when it is not the machine's.
    pub fn describe(&mut self, view: &View) -> Option<String> {
        match view {
            View::Machine => None,
            View::Pacer(_) => {
                let k = self.knobs();
                Some(memview::describe_pacer(self.pacer_run(), &k.workload(), &k))
            }
            View::Marking { strategy, done } => {
                let m = self.marking();
                Some(memview::describe_marking(&m.heap, m.run(*strategy), m.times(*strategy), *strategy, *done))
            }
        }
    }

    /// The gctrace lines of the simulated cycles, for the terminal.
    pub fn gctrace(&mut self) -> String {
        let k = self.knobs();
        let w = k.workload();
        let lines = self.pacer_run().gctrace(&w);
        let mut out = format!(
            "# the simulated cycles, printed as Go's GODEBUG=gctrace=1 prints them\n$ GOGC={} GOMEMLIMIT={} GODEBUG=gctrace=1 ./app",
            chapters::knobs::gogc_text(k.gogc),
            k.limit.map_or_else(|| "off".to_string(), chapters::knobs::byte_count)
        );
        if lines.is_empty() {
            out.push_str("\n# (no cycle ran)");
        }
        for t in &lines {
            out.push('\n');
            out.push_str(&memsim::report::gctrace_line(t));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn knob_changes_recompute_and_pacer_steps_reset_them() {
        let mut v = Views::default();
        let first = v.pacer_run().cycles.len();
        v.knobs = Some(Knobs { gogc: Some(400), objects: 255, ..Knobs::DEFAULT });
        assert!(v.pacer_run().cycles.len() < first);
        v.enter(&View::Pacer(Knobs::DEFAULT));
        assert_eq!(v.knobs(), Knobs { objects: 255, ..Knobs::DEFAULT });
        assert_eq!(v.marking().heap.heap.objects.len(), 255);
        assert!(v.gctrace().lines().nth(2).is_some_and(|l| l.starts_with("gc 1 @")));
    }
}
