//! The toolchain's own text, as the simulation prints it (memsim::report),
//! against what the installed Go prints during this test: the same fields,
//! in the same order, with the same units and number formats. Each real line
//! is read back into numbers, printed again by the simulation's formatter,
//! and must come out identical.

use memsim::report::{benchmem_line, gctrace_line, stack_overflow, BenchLine, GcTrace};
use truth::{go, root};

fn drivers() -> std::path::PathBuf {
    root().join("tests/truth/go")
}

/// A decimal string as an integer count of `10^-digits` units:
/// `scaled("3.1", 6)` = 3_100_000 (ms → ns), `scaled("947.9", 5)` = 94_790_000.
fn scaled(s: &str, digits: u32) -> u64 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut v = whole.parse::<u64>().expect("decimal") * 10u64.pow(digits);
    let mut unit = 10u64.pow(digits);
    for d in frac.chars() {
        unit /= 10;
        v += u64::from(d.to_digit(10).expect("digit")) * unit;
    }
    v
}

fn ms_to_ns(s: &str) -> u64 {
    scaled(s, 6)
}

#[test]
fn gctrace_lines_match_go() {
    // Built first, as pacer.rs does: through `go run`, the go command and a
    // cold cache's compiler print gctrace lines of their own, interleaved.
    let bin = root().join("target/truth-go/gctrace");
    std::fs::create_dir_all(bin.parent().expect("dir")).expect("target dir");
    let built = go(&drivers()).args(["build", "-o"]).arg(&bin).arg("./gctrace").output().expect("go build");
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let out = std::process::Command::new(&bin).env("GODEBUG", "gctrace=1").output().expect("run the driver");
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("gc ")).collect();
    assert!(lines.len() >= 2, "the driver should trigger several collections:\n{text}");
    for line in lines {
        // gc 1 @0.002s 54%: 0.10+0.36+3.1 ms clock, 0.20+0.12/0.19/0+6.3 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
        let (head, rest) = line.split_once(": ").expect("head");
        let h: Vec<&str> = head.split(' ').collect();
        let parts: Vec<&str> = rest.split(", ").collect();
        let clock: Vec<u64> = parts[0].trim_end_matches(" ms clock").split('+').map(ms_to_ns).collect();
        let cpu: Vec<u64> = parts[1].trim_end_matches(" ms cpu").split(['+', '/']).map(ms_to_ns).collect();
        let heap = split_number(parts[2].trim_end_matches(" MB"));
        let mb = |i: usize, unit: &str| -> u64 { parts[i].trim_end_matches(unit).parse::<u64>().expect("MB") << 20 };
        let t = GcTrace {
            cycle: h[1].parse().expect("cycle"),
            at_ms: ms_to_ns(h[2].trim_start_matches('@').trim_end_matches('s')) / 1_000,
            cpu_percent: h[3].trim_end_matches('%').parse().expect("percent"),
            clock_ns: [clock[0], clock[1], clock[2]],
            cpu_ns: [cpu[0], cpu[1], cpu[2], cpu[3], cpu[4]],
            heap_bytes: [heap[0] << 20, heap[1] << 20, heap[2] << 20],
            goal_bytes: mb(3, " MB goal"),
            stacks_bytes: mb(4, " MB stacks"),
            globals_bytes: mb(5, " MB globals"),
            procs: parts[6].split(' ').next().and_then(|p| p.parse().ok()).expect("procs"),
            forced: line.ends_with(" (forced)"),
        };
        assert_eq!(gctrace_line(&t), line, "the simulation's gctrace line differs from Go's");
    }
}

fn split_number(s: &str) -> Vec<u64> {
    // "-" separators between "3->4->0" leave empty pieces; skip them.
    s.split(['-', '>']).filter(|x| !x.is_empty()).map(|x| x.parse().expect("number")).collect()
}

#[test]
fn gctrace_heap_triple_parses() {
    assert_eq!(split_number("3->4->0"), vec![3, 4, 0]);
}

#[test]
fn benchmem_lines_match_go() {
    // Three runs: a background runtime allocation now and then adds a few
    // bytes to one run's B/op average; the smallest is the code's own.
    // The case study's own listing, at the benchmark's classic 1,000 values.
    let out = go(&truth::module())
        .args(["test", "-run", "^$", "-bench", "/^n=1000$", "-benchmem", "-benchtime=2000x", "-count=3", "./casestudy"])
        .output()
        .expect("go test");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("Benchmark")).collect();
    assert_eq!(lines.len(), 6, "{text}");
    let mut least: Vec<(String, (u64, u64))> = Vec::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let (name, procs) = cols[0].trim_end().rsplit_once('-').expect("name-procs");
        let field = |i: usize, unit: &str| cols[i].trim().trim_end_matches(unit).trim().to_string();
        let b = BenchLine {
            name: name.into(),
            procs: procs.parse().expect("procs"),
            name_width: cols[0].len(),
            iterations: cols[1].trim().parse().expect("iterations"),
            ns_per_op_e5: scaled(&field(2, "ns/op"), 5),
            bytes_per_op: field(3, "B/op").parse().expect("B/op"),
            allocs_per_op: field(4, "allocs/op").parse().expect("allocs/op"),
        };
        assert_eq!(benchmem_line(&b), line, "the simulation's -benchmem line differs from Go's");
        let per_op = (b.bytes_per_op, b.allocs_per_op);
        match least.iter_mut().find(|(n, _)| n == name) {
            Some((_, l)) => *l = (*l).min(per_op),
            None => least.push((name.to_string(), per_op)),
        }
    }
    for (name, per_op) in least {
        // The case study's numbers: 1,000 `any` = 16,000 B → one 16 KiB object.
        if name == "BenchmarkFilterAlloc/n=1000" {
            assert_eq!(per_op, (16384, 1));
            assert_eq!(memsim::size_classes::alloc_size(16_000, true), 16384);
        } else {
            assert_eq!(per_op, (0, 0), "{name}");
        }
    }
}

#[test]
fn stack_overflow_text_matches_go() {
    let out = go(&drivers()).args(["build", "-o", root().join("target/truth-overflow").to_str().expect("path"), "./overflow"]).output().expect("go build");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let run = std::process::Command::new(root().join("target/truth-overflow")).output().expect("run overflow");
    assert_eq!(run.status.code(), Some(2), "a stack overflow exits with status 2");
    let text = String::from_utf8_lossy(&run.stderr).into_owned();
    let lines: Vec<&str> = text.lines().take(3).collect();
    // runtime: sp=0x… stack=[0x…, 0x…]
    let hex = |s: &str| u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("hex");
    let sp_line = lines[1];
    let sp = sp_line.split("sp=").nth(1).and_then(|s| s.split(' ').next()).expect("sp");
    let range = sp_line.split('[').nth(1).and_then(|s| s.strip_suffix(']')).expect("range");
    let (lo, hi) = range.split_once(", ").expect("lo, hi");
    let expected = stack_overflow(1 << 20, hex(sp), hex(lo), hex(hi));
    assert_eq!(lines, expected.iter().map(String::as_str).collect::<Vec<_>>(), "\n{text}");
    assert!(text.contains("\nruntime stack:\n"), "{text}");
}

/// The case study's B/op and allocs/op, for a sweep of list lengths that
/// crosses size-class boundaries, the malloc header and the large-object
/// line, equal real `go test -benchmem` on the chapter's own listing.
#[test]
fn case_study_bytes_per_op_match_go() {
    use memsim::casestudy::{per_call, Version};
    let out = truth::go(&truth::module())
        .args(["test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime=300x", "-count=3", "./casestudy"])
        // With the collector off, no runtime allocation of its own lands in
        // a benchmark's average (large objects trigger a cycle every few
        // calls, and a cycle allocates a little).
        .env("GOGC", "off")
        .output()
        .expect("go test");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    // (version, n) → least (B/op, allocs/op) over the runs.
    let mut least: Vec<((Version, u64), (u64, u64))> = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("BenchmarkFilter")) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let name = cols[0];
        let version = if name.starts_with("BenchmarkFilterAlloc/") { Version::Alloc } else { Version::InPlace };
        let n: u64 = name.split("n=").nth(1).and_then(|s| s.split('-').next()).and_then(|s| s.parse().ok()).expect("n=…");
        let num = |i: usize, unit: &str| cols[i].trim_end_matches(unit).trim().parse::<u64>().expect(unit);
        let per_op = (num(3, "B/op"), num(4, "allocs/op"));
        match least.iter_mut().find(|(k, _)| *k == (version, n)) {
            Some((_, l)) => *l = (*l).min(per_op),
            None => least.push(((version, n), per_op)),
        }
    }
    assert!(least.len() >= 20, "the sweep ran: {text}");
    for ((version, n), real) in least {
        assert_eq!(per_call(n, version), real, "{version:?} with n = {n}: the model's (B/op, allocs/op) differ from go test -benchmem");
    }
}
