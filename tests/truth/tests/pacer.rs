//! The pacer's goals under GOMEMLIMIT, against real Go: for every pacer
//! step of the gc chapter that sets a memory limit, the real runtime runs
//! the same workload (tests/truth/go/memlimit: the live heap kept, 256 KiB
//! of garbage every millisecond, 4 Ps) and its gctrace goals must agree
//! with the model's within 1 MiB (medians over the run, in gctrace's
//! truncated MiB).

use chapters::gc::pacer_inputs;
use memsim::pacer::{simulate, MIB};
use truth::{go, root};

fn median(mut v: Vec<u64>) -> u64 {
    assert!(!v.is_empty(), "no goals");
    v.sort_unstable();
    v[v.len() / 2]
}

#[test]
fn memory_limit_goals_match_go() {
    let drivers = root().join("tests/truth/go");
    let bin = root().join("target/truth-go/memlimit");
    std::fs::create_dir_all(bin.parent().expect("dir")).expect("target dir");
    // Built first: run through `go run`, the go command's own collections
    // would print gctrace lines too.
    let out = go(&drivers).args(["build", "-o"]).arg(&bin).arg("./memlimit").output().expect("go build");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let gc = chapters::catalog().into_iter().find(|c| c.id == "gc").expect("gc chapter");
    let mut checked = 0;
    for (i, step) in gc.steps.iter().enumerate() {
        let Some(fig) = step.view.figure() else { continue };
        let (settings, workload) = pacer_inputs(&fig.defaults());
        let (Some(limit), true) = (settings.memory_limit, fig.defaults().get("GOMEMLIMIT").is_some()) else { continue };
        let gogc = settings.gogc.map_or_else(|| "off".to_string(), |g| g.to_string());
        let run = std::process::Command::new(&bin)
            .env("GOGC", &gogc)
            .env("GOMEMLIMIT", format!("{}MiB", limit / MIB))
            .env("LIVE_MIB", (workload.live / MIB).to_string())
            .env("GOMAXPROCS", workload.procs.to_string())
            .env("GODEBUG", "gctrace=1")
            .output()
            .expect("run the driver");
        let trace = String::from_utf8_lossy(&run.stderr);
        let real: Vec<u64> = trace
            .lines()
            .filter(|l| l.starts_with("gc ") && !l.ends_with("(forced)"))
            .filter_map(|l| l.split(", ").find(|f| f.ends_with(" MB goal"))?.trim_end_matches(" MB goal").parse().ok())
            .collect();
        let model: Vec<u64> = simulate(workload, settings).cycles.iter().map(|c| c.goal / MIB).collect();
        let (r, m) = (median(real.clone()), median(model));
        println!(
            "gc step {}: GOGC={gogc} GOMEMLIMIT={} MiB live {} MiB: real goal {r} MB (of {} cycles), model {m} MiB",
            i + 1,
            limit / MIB,
            workload.live / MIB,
            real.len()
        );
        assert!(r.abs_diff(m) <= 1, "gc step {}: Go 1.27.3 sets goals of {r} MB, the model {m} MiB:\n{trace}", i + 1);
        checked += 1;
    }
    assert!(checked >= 2, "the gc chapter shows at least two memory-limit scenarios; checked {checked}");
}
