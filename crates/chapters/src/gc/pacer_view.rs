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
use memview::{Language, Scene, Viewport};

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
    pub lang: Language,
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

/// gctrace lines shown at each end of a long run.
const TRACE_ENDS: usize = 12;

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
        memview::describe_pacer(&self.run(k), &w, &s, self.lang)
    }

    fn readout(&self, k: &Values) -> String {
        let (s, w) = pacer_inputs(k);
        let stats = memview::pacer_stats(&self.run(k), &w, &s, self.lang);
        let line: Vec<String> = stats
            .iter()
            .map(|(l, v)| match self.lang {
                Language::En => format!("{l}: {v}"),
                Language::Ja => format!("{l}：{v}"),
            })
            .collect();
        format!("{}\n{}", memview::goal_formula(&w, &s, self.lang), line.join(" \u{b7} "))
    }

    /// The results only: the formula, read aloud, ran to thirty words and
    /// said the goal the results say again.
    fn news(&self, k: &Values) -> String {
        String::from(self.readout(k).lines().last().unwrap_or(""))
    }

    // The first goal, as the runtime sets it from the live heap; later
    // goals sit higher by what marking allocated (the chart shows them).
    fn caption(&self, k: &Values) -> Option<String> {
        let (s, w) = pacer_inputs(k);
        let (gogc, live) = (gogc_text(s.gogc), memview::bytes(w.live));
        // The first cycle's goal: later ones are set from the heap each cycle
        // marked, which includes what was allocated while it marked.
        let goal = heap_goal(w.live, &w, s);
        Some(match self.lang {
            Language::En => {
                let limit = s.memory_limit.map_or_else(|| String::from("no GOMEMLIMIT"), |l| format!("GOMEMLIMIT={}", byte_count(l)));
                let goal = goal.map_or_else(|| String::from("no goal, the heap only grows"), |g| format!("first goal {}", memview::bytes(g)));
                format!("{} Now: GOGC={gogc}, {limit}, {live} live: {goal}.", self.lead)
            }
            // The limit as the environment spells it (`48MiB`), as in English.
            Language::Ja => {
                let limit = s.memory_limit.map_or_else(|| String::from("GOMEMLIMIT なし"), |l| format!("GOMEMLIMIT={}", byte_count(l)));
                let goal = goal.map_or_else(|| String::from("目標はなく、ヒープは増える一方です"), |g| format!("最初の目標は {} です", memview::bytes(g)));
                format!("{}GOGC={gogc}、{limit}、生存ヒープ {live} では、{goal}。", self.lead)
            }
        })
    }

    fn terminal(&self, k: &Values) -> Option<String> {
        let (_, w) = pacer_inputs(k);
        let lines = self.run(k).gctrace(&w);
        // The third heap figure reads above the live heap set: what marking
        // allocated is born black and counted (said in words at a later step).
        let mut out = format!(
            "{}\n{}\n$ GOGC={} GOMEMLIMIT={} GODEBUG=gctrace=1 ./app",
            self.lang.pick(
                "# the simulated cycles, printed as Go's GODEBUG=gctrace=1 prints them (its MB are MiB)",
                "# シミュレーションしたサイクルを、Go の GODEBUG=gctrace=1 と同じ形式で表示（MB は実際は MiB）"
            ),
            self.lang.pick(
                "# A->B->C MB: the heap as a cycle starts, as it ends, and marked live, which counts what marking allocated",
                "# A->B->C MB：サイクル開始時と終了時のヒープ、マーク済みの生存ヒープ（マーク中の割り当ても含む）"
            ),
            gogc_text(k.num(GOGC).map(|g| g as u32)),
            k.num(GOMEMLIMIT).map_or_else(|| String::from("off"), byte_count)
        );
        if lines.is_empty() {
            out.push_str(self.lang.pick("\n# (no cycle ran)", "\n# （サイクルは一度も実行されなかった）"));
        }
        // A low GOGC runs hundreds of cycles: the first and last ones show
        // the pattern, the readouts count them all, and a page holding every
        // line would lay out tens of kilobytes of text per slider input.
        let n = lines.len();
        for (i, t) in lines.iter().enumerate() {
            if n > 2 * TRACE_ENDS + 1 && i == TRACE_ENDS {
                let (hidden, from, to) = (n - 2 * TRACE_ENDS, TRACE_ENDS + 1, n - TRACE_ENDS);
                out.push('\n');
                out.push_str(&self.lang.pick(
                    format!("# … {hidden} more cycles (gc {from} to gc {to}) left out here …"),
                    format!("# … ここでは {hidden} サイクル（gc {from} 〜 gc {to}）を省略 …"),
                ));
            }
            if n > 2 * TRACE_ENDS + 1 && (TRACE_ENDS..n - TRACE_ENDS).contains(&i) {
                continue;
            }
            out.push('\n');
            out.push_str(&memsim::report::gctrace_line(t));
        }
        Some(out)
    }
}
