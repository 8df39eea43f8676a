//! The case study's figures: one call's allocation path, and the service
//! before and after the fix. Both versions are simulated once per (n, rate)
//! and shared by every step.

use super::knobs::{self, N};
use crate::figure::Figure;
use crate::knob::Values;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use memsim::casestudy::{simulate, workload, Outcome, Version};
use memsim::report::{benchmem_line, BenchLine};
use memview::{grouped, CallPart, Language, Scene, Shown, Viewport};

/// Before and after, for one (n, rate).
type Pair = Rc<(Outcome, Outcome)>;

/// The two outcomes for the last (n, rate).
#[derive(Default)]
pub struct Cache(RefCell<Option<((u64, u64), Pair)>>);

impl Cache {
    pub fn outcomes(&self, n: u64, rate: u64) -> Pair {
        let mut c = self.0.borrow_mut();
        if let Some((at, o)) = c.as_ref() {
            if *at == (n, rate) {
                return o.clone();
            }
        }
        let o = Rc::new((simulate(n, rate, Version::Alloc), simulate(n, rate, Version::InPlace)));
        *c = Some(((n, rate), o.clone()));
        o
    }
}

/// Where one call's slice goes, for the current n.
pub struct OneCall {
    pub lang: Language,
    /// The boxes the step is about.
    pub lit: CallPart,
}

impl Figure for OneCall {
    fn defaults(&self) -> Values {
        Values::new(&[(N, Some(1000))])
    }

    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        memview::case_call(k.num(N).unwrap_or(1000), self.lit, vp)
    }

    fn describe(&self, k: &Values) -> String {
        let n = k.num(N).unwrap_or(1000);
        let path = memview::call_path(n, self.lang).into_iter();
        match self.lang {
            Language::En => {
                let steps: Vec<String> = path.map(|(h, d)| format!("{h} ({d})")).collect();
                format!("One call of FilterAlloc with {} values: {}.", grouped(n), steps.join("; then "))
            }
            Language::Ja => {
                let steps: String = path.map(|(h, d)| format!("{h}（{d}）。")).collect();
                format!("FilterAlloc を {} 個の値で 1 回呼び出したときの流れです。{steps}", grouped(n))
            }
        }
    }

    fn readout(&self, k: &Values) -> String {
        let n = k.num(N).unwrap_or(1000);
        let (bytes, allocs) = memsim::casestudy::per_call(n, Version::Alloc);
        match self.lang {
            Language::En => format!("One call: {} B/op, {allocs} allocs/op", grouped(bytes)),
            Language::Ja => format!("1 回の呼び出し：{} B/op、{allocs} allocs/op", grouped(bytes)),
        }
    }
}

/// The service with one or both versions.
pub struct Compare {
    pub shown: Shown,
    pub cache: Rc<Cache>,
    pub lang: Language,
}

/// The -benchmem lines the model gives for both versions, under a comment
/// in the reader's language.
pub fn benchmem(before: &Outcome, after: &Outcome, n: u64, lang: Language) -> String {
    let name = |v: Version| format!("BenchmarkFilter{}/n={n}", if v == Version::Alloc { "Alloc" } else { "InPlace" });
    // The model's service runs on GOMAXPROCS=4, the suffix go test adds.
    let procs = memsim::pacer::SERVICE.procs;
    // Padded past the longest name and its "-4", as go test pads its column.
    let width = name(Version::InPlace).len() + 3;
    let line = |o: &Outcome| {
        benchmem_line(&BenchLine {
            name: name(o.version),
            procs,
            name_width: width,
            // About a second's worth of calls, as go test aims for.
            iterations: 100_000_000_000 / o.ns_per_op_e2.max(1),
            ns_per_op_e5: o.ns_per_op_e2 * 1000,
            bytes_per_op: o.bytes_per_op,
            allocs_per_op: o.allocs_per_op,
        })
    };
    let comment = lang.pick(
        "# B/op and allocs/op are Go's own for this code (checked against Go 1.27.3);\n# ns/op is the model's estimate for its 4 CPUs (the -4), not a measurement.",
        "# B/op と allocs/op は、このコードで Go 自身が報告する値（Go 1.27.3 で確認）。\n# ns/op はモデル（4 CPU、名前の -4）による見積もりで、実測値ではない。",
    );
    format!("{comment}\n$ go test -bench . -benchmem ./casestudy\n{}\n{}", line(before), line(after))
}

/// The change from `a` to `b` in percent, rounded: `−94%`; under 1%, in
/// tenths (`−0.4%`), and `±0%` only for no change to a tenth (a list of one
/// value leaves the peak all but the same, and "−0%" read as a typo).
fn change(a: u64, b: u64) -> String {
    let tenths = (a.abs_diff(b) * 1000 + a / 2).checked_div(a).unwrap_or(0);
    let sign = if b < a { "\u{2212}" } else { "+" };
    match tenths {
        0 => String::from("\u{b1}0%"),
        1..=9 => format!("{sign}0.{tenths}%"),
        _ => format!("{sign}{}%", (a.abs_diff(b) * 100 + a / 2) / a),
    }
}

impl Figure for Compare {
    fn defaults(&self) -> Values {
        knobs::defaults()
    }

    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        let (n, rate) = knobs::read(k);
        let o = self.cache.outcomes(n, rate);
        memview::case_compare(&o.0, &o.1, &workload(n, rate, Version::Alloc), self.shown, rate, vp)
    }

    fn describe(&self, k: &Values) -> String {
        let (n, rate) = knobs::read(k);
        let o = self.cache.outcomes(n, rate);
        memview::describe_compare(&o.0, &o.1, n, rate, workload(n, rate, Version::Alloc).duration_ms / 1000, self.lang)
    }

    fn readout(&self, k: &Values) -> String {
        let (n, rate) = knobs::read(k);
        let o = self.cache.outcomes(n, rate);
        let (b, a) = (&o.0, &o.1);
        // A saturated load says what it needs; a change from it means nothing.
        let cpu_of = |o: &memsim::casestudy::Outcome| match (o.saturated(), self.lang) {
            (false, _) => memview::percent(o.total_cpu_bp()),
            (true, Language::En) => format!("{} needed, more than the CPUs have", memview::percent(o.total_cpu_bp())),
            (true, Language::Ja) => format!("{} が必要（CPU の能力を超える）", memview::percent(o.total_cpu_bp())),
        };
        let (cpu_b, cpu_a) = (cpu_of(b), cpu_of(a));
        let cpu = match (b.saturated() || a.saturated(), self.lang) {
            (true, _) => String::new(),
            (false, Language::En) => format!(" ({})", change(b.total_cpu_bp(), a.total_cpu_bp())),
            (false, Language::Ja) => format!("（{}）", change(b.total_cpu_bp(), a.total_cpu_bp())),
        };
        let (mut peak_b, mut peak_a, peak) = (memview::bytes(b.run.peak), memview::bytes(a.run.peak), change(b.run.peak, a.run.peak));
        // Peaks that read the same to a tenth of a MiB but differ (a list of
        // one value) are said in KiB, so the change beside them shows.
        if peak_b == peak_a && b.run.peak != a.run.peak {
            (peak_b, peak_a) = (format!("{} KiB", grouped(b.run.peak / 1024)), format!("{} KiB", grouped(a.run.peak / 1024)));
        }
        let allocated = memview::bytes(b.bytes_per_op * rate);
        // The model's collector marks with a fixed quarter of the CPUs and
        // no mark assists: under a heavy load what is allocated while it
        // marks survives the cycle, and the heap runs far past the goal its
        // live data sets, where real Go would slow the calls to hold it near.
        let goal = b.run.cycles.first().map_or(0, |c| c.goal);
        let past = (goal > 0 && b.run.peak * 4 > goal * 5).then(|| match self.lang {
            Language::En => format!(
                "\nThe heap runs far past the {} goal its live data sets: the model has no mark assists, which in real Go would slow the calls to hold it near.",
                memview::bytes(goal)
            ),
            Language::Ja => format!(
                "\nヒープは生存データから決まる目標 {} を大きく超えています。モデルにはマークアシストがなく、実際の Go ならアシストが呼び出しを遅くして目標近くに保ちます。",
                memview::bytes(goal)
            ),
        });
        let past = past.unwrap_or_default();
        let (n, rate) = (grouped(n), grouped(rate));
        match self.lang {
            Language::En => format!(
                "This model, n = {n}, {rate} calls/s: CPU {cpu_b} \u{2192} {cpu_a}{cpu}, heap peak {peak_b} \u{2192} {peak_a} ({peak}), allocated {allocated}/s \u{2192} 0.{past}\nReported by the talk: CPU \u{2212}57%, memory \u{2212}99%."
            ),
            Language::Ja => format!(
                "このモデル（n = {n}、毎秒 {rate} 回）：CPU {cpu_b} \u{2192} {cpu_a}{cpu}、ヒープのピーク {peak_b} \u{2192} {peak_a}（{peak}）、毎秒の割り当て {allocated} \u{2192} 0。{past}\n発表での報告値：CPU \u{2212}57%、メモリ \u{2212}99%。"
            ),
        }
    }

    fn terminal(&self, k: &Values) -> Option<String> {
        let (n, rate) = knobs::read(k);
        let o = self.cache.outcomes(n, rate);
        Some(benchmem(&o.0, &o.1, n, self.lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_under_one_percent_is_said_in_tenths() {
        assert_eq!(change(200, 12), "\u{2212}94%");
        assert_eq!(change(100, 150), "+50%");
        assert_eq!(change(8_400_000, 8_370_000), "\u{2212}0.4%");
        assert_eq!(change(8_400_000, 8_399_990), "\u{b1}0%");
        assert_eq!(change(0, 0), "\u{b1}0%");
    }

    #[test]
    fn peaks_that_read_the_same_are_said_in_kib() {
        let f = Compare { shown: Shown::Both, cache: Default::default(), lang: Language::En };
        let text = f.readout(&Values::new(&[(knobs::N, Some(1)), (knobs::RATE, Some(1000))]));
        assert!(text.contains(" KiB \u{2192} ") && text.contains("(\u{2212}0."), "{text}");
        assert!(f.readout(&f.defaults()).contains("18.0 MiB \u{2192} 8.0 MiB"));
    }

    /// A load whose heap the model lets run far past its goal says that
    /// real Go's mark assists would hold it near; the defaults do not.
    #[test]
    fn a_heap_far_past_its_goal_names_the_assists_the_model_leaves_out() {
        for l in [Language::En, Language::Ja] {
            let f = Compare { shown: Shown::Both, cache: Default::default(), lang: l };
            let heavy = f.readout(&Values::new(&[(knobs::N, Some(100_000)), (knobs::RATE, Some(10_000))]));
            let word = l.pick("mark assists", "マークアシスト");
            assert!(heavy.contains(word), "{heavy}");
            assert!(!f.readout(&f.defaults()).contains(word));
        }
    }
}
