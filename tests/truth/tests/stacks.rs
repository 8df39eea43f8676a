//! The stack-growth chapter against the real tools: the C program that
//! overflows its fixed stack (gcc's warning as shown, then SIGSEGV and
//! status 139), and main.go, whose output the stack model reproduces by
//! running the same recursion — 100,001 frames, on a new goroutine, writing
//! through a pointer into count's frame while the stack is copied again
//! and again — and the stack sizes the pictures start from.

use chapters::stack_growth::{program, C_COMMAND, C_DIR, C_WARNINGS, SUM_FRAME};
use memsim::growth::{GStack, Scheme, MAIN_START_SIZE, SEGMENT, STACK_SMALL, START_SIZE};
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

/// The prologue check the stack-growth chapter describes and its model
/// runs: a function with a frame of up to 128 bytes compares SP itself
/// with the guard; one with a larger frame compares SP less its frame's
/// size over 128 bytes. tests/truth/go/prologue holds one of each, read
/// from the compiler's assembly (amd64).
#[test]
fn prologues_compare_sp_less_any_frame_over_128_bytes() {
    let out = truth::go(&root().join("tests/truth/go"))
        .env("GOARCH", "amd64")
        .args(["build", "-o", "/dev/null", "-gcflags=-S", "./prologue"])
        .output()
        .expect("go build");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let asm = String::from_utf8_lossy(&out.stderr);
    // The instructions after `TEXT main.<name>(SB)`, and its frame size.
    let function = |name: &str| -> (u64, Vec<String>) {
        let text = format!("TEXT\tmain.{name}(SB)");
        let at = asm.find(&text).unwrap_or_else(|| panic!("no {text} in the assembly"));
        let head = asm[at..].lines().next().expect("a line");
        let frame = head.rsplit_once('$').and_then(|(_, f)| f.split('-').next()).and_then(|f| f.parse().ok()).expect("frame size");
        let code = asm[at..].lines().skip(1).take(2).map(|l| l.split_once(")\t").map_or("", |(_, i)| i).trim().replace('\t', " ")).collect();
        (frame, code)
    };
    let (small, code) = function("small");
    assert!(small <= STACK_SMALL, "small's frame is {small} bytes");
    assert_eq!(code[0], "CMPQ SP, 16(R14)", "a small frame compares SP with g.stackguard0");
    let (big, code) = function("big");
    assert!(big > STACK_SMALL, "big's frame is {big} bytes");
    assert_eq!(code, [format!("LEAQ -{}(SP), R12", big - STACK_SMALL), "CMPQ R12, 16(R14)".to_string()], "SP less the frame over 128 bytes");
}

/// main.go's sum takes the stack the pictures give each of its frames:
/// its frame (array, spill room, saved frame pointer) from the compiler's
/// assembly, plus the return address its call pushes (amd64). A frame the
/// compiler shrank (an unused array removed) would make the model's stack
/// sizes and copies untrue of the real program.
#[test]
fn sum_takes_the_frame_the_pictures_draw() {
    let out = truth::go(&module()).env("GOARCH", "amd64").args(["build", "-o", "/dev/null", "-gcflags=-S", "./stackgrowth"]).output().expect("go build");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let asm = String::from_utf8_lossy(&out.stderr);
    let text = "TEXT\tmain.sum(SB)";
    let at = asm.find(text).unwrap_or_else(|| panic!("no {text} in the assembly"));
    let head = asm[at..].lines().next().expect("a line");
    let frame: u64 = head.rsplit_once('$').and_then(|(_, f)| f.split('-').next()).and_then(|f| f.parse().ok()).expect("frame size");
    assert_eq!(frame + 8, SUM_FRAME, "sum's frame and return address: {head}");
    // A frame of at most StackSmall: its prologue compares SP itself.
    let first = asm[at..].lines().nth(1).and_then(|l| l.split_once(")\t")).map_or("", |(_, i)| i).trim().replace('\t', " ");
    assert_eq!(first, "CMPQ SP, 16(R14)", "sum's prologue, a small frame's");
}
