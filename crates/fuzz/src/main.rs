//! `fuzz [--links N] [--messages N] [--programs N] [--seed S] [--full K]`:
//! runs each fuzzer, prints counts, failures and time, and exits non-zero
//! on any failure. scripts/fuzz.sh runs it with a million links and
//! messages and a hundred thousand programs.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut n = (1_000_000u64, 1_000_000u64, 100_000u64);
    let (mut seed, mut full) = (0x5eed_cafe_u64, 8u64);
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).and_then(|v| v.replace('_', "").parse::<u64>().ok());
        let Some(value) = value else {
            eprintln!("usage: fuzz [--links N] [--messages N] [--programs N] [--seed S] [--full K]; bad: {pair:?}");
            return ExitCode::from(2);
        };
        match pair[0].as_str() {
            "--links" => n.0 = value,
            "--messages" => n.1 = value,
            "--programs" => n.2 = value,
            "--seed" => seed = value,
            "--full" => full = value.max(1),
            other => {
                eprintln!("unknown option {other}");
                return ExitCode::from(2);
            }
        }
    }
    // Panics are counted as failures; their messages would only be noise.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    for (name, run) in [
        ("links", Box::new(move || fuzz::links(n.0, seed, full)) as Box<dyn Fn() -> fuzz::Tally>),
        ("embed messages", Box::new(move || fuzz::messages(n.1, seed ^ 0x9e37, full))),
        ("collector programs", Box::new(move || fuzz::collector(n.2, seed ^ 0x7f4a))),
    ] {
        let start = Instant::now();
        let t = run();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name:<19} {:>8} cases, {:>8} taken as valid, {:>7} through a whole session, {secs:>6.1} s: {} failures",
            t.cases,
            t.valid,
            t.full,
            t.failures.len()
        );
        for f in &t.failures {
            println!("    {f}");
        }
        failed |= !t.failures.is_empty();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
