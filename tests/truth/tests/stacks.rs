//! The stack-growth chapter against the real tools: the C program that
//! overflows its fixed stack (gcc's warning as shown, then SIGSEGV and
//! status 139), and main.go, whose output the stack model reproduces by
//! running the same recursion — 100,001 frames, on a new goroutine, writing
//! through a pointer into count's frame while the stack is copied again
//! and again — and the stack sizes the pictures start from.

use chapters::stack_growth::{program, C_COMMAND, C_DIR, C_WARNINGS};
use memsim::growth::{GStack, Scheme, MAIN_START_SIZE, SEGMENT, START_SIZE};
use std::os::unix::process::ExitStatusExt;
use truth::{module, root, run};

#[test]
fn the_c_program_overflows_its_fixed_stack() {
    let dir = root().join("crates/chapters").join(C_DIR);
    let bin = root().join("target/truth-c/stack-overflow");
    std::fs::create_dir_all(bin.parent().expect("dir")).expect("target dir");
    let args: Vec<&str> = C_COMMAND.split_whitespace().collect();
    assert_eq!(args[..3], ["gcc", "-Wall", "-o"]);
    let out = std::process::Command::new("gcc").args(["-Wall", "-o"]).arg(&bin).args(&args[4..]).current_dir(&dir).output().expect("gcc");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), C_WARNINGS, "gcc's warning as the page shows it");
    // Run under the default 8 MiB stack, as the page says.
    let run = std::process::Command::new("sh").arg("-c").arg(format!("ulimit -s 8192; exec {}", bin.display())).output().expect("run");
    assert_eq!(run.status.signal(), Some(11), "killed by SIGSEGV: the shell reports status 128 + 11 = 139");
    assert!(run.stdout.is_empty());
}

#[test]
fn main_go_prints_what_the_stack_model_computes() {
    let (ok, real) = run(&module(), &["run", "./stackgrowth"]);
    assert!(ok, "{real}");
    let ops = program(100_000, true);
    for scheme in [Scheme::Copying(START_SIZE), Scheme::Segmented(SEGMENT)] {
        let mut s = GStack::new(scheme);
        for op in &ops {
            s.apply(op);
        }
        assert!(s.overflow.is_none());
        let printed: String = s.out.iter().map(|v| format!("{v}\n")).collect();
        assert_eq!(printed, real, "{scheme:?}: the model's output differs from go run ./stackgrowth");
        if let Scheme::Copying(_) = scheme {
            // The caption's numbers: a 16 MiB stack after 13 copies.
            assert_eq!((s.counters.peak, s.counters.copies), (16 << 20, 13));
        }
    }
    let kept = std::fs::read_to_string(module().join("stackgrowth/run.txt")).expect("run.txt");
    assert_eq!(kept, real, "run.txt is stale");
}

/// The stack sizes the chapters draw: a new goroutine's starts at 2 KiB
/// (stack-growth), and main.main's goroutine has grown to 4 KiB by the time
/// main runs (stack-heap). tests/truth/go/stackstart measures both in the
/// real runtime by pushing frames until the stack is copied.
#[test]
fn stacks_start_at_the_sizes_the_pictures_draw() {
    let (ok, out) = run(&root().join("tests/truth/go"), &["run", "./stackstart"]);
    assert!(ok, "{out}");
    let size = |who: &str| -> u64 {
        let line = out.lines().find(|l| l.starts_with(&format!("{who} "))).unwrap_or_else(|| panic!("no {who} line in {out}"));
        line[who.len() + 1..].trim().parse().expect("a size")
    };
    assert_eq!(size("goroutine"), START_SIZE, "a new goroutine's stack");
    assert_eq!(size("main"), MAIN_START_SIZE, "main.main's stack");
}
