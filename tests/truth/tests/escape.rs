//! Every Go listing compiles; every compiler message the page shows, in a
//! terminal panel or quoted in a caption, is what `go build -gcflags=-m`
//! really prints; every program's output is what it really prints.

use chapters::{catalog, Chapter, Lang};
use truth::{module, package_of, run};

fn go_chapters() -> Vec<Chapter> {
    catalog().into_iter().filter(|c| c.code.lang == Lang::Go).collect()
}

/// `go build -gcflags=… ./pkg` as the page shows it, run for real (the
/// binary goes to /dev/null so the checkout stays clean). A trailing
/// `2>&1 | grep WORD` keeps the lines holding WORD, as the shell would.
fn real_output(command: &str) -> String {
    let (command, grep) = match command.split_once(" 2>&1 | grep ") {
        Some((c, word)) => (c, Some(word)),
        None => (command, None),
    };
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    assert_eq!(args.first(), Some(&"build"), "only `go build` commands are shown: {command}");
    let mut full = vec!["build", "-o", "/dev/null"];
    full.extend(&args[1..]);
    let (ok, text) = run(&module(), &full);
    assert!(ok, "`{command}` failed:\n{text}");
    match grep {
        Some(word) => text.lines().filter(|l| l.contains(word)).map(|l| format!("{l}\n")).collect(),
        None => text,
    }
}

/// The listing line a compiler message points at (`./main.go:13:2: …`).
fn source_line(message: &str) -> Option<usize> {
    message.split(':').nth(1)?.parse().ok()
}

#[test]
fn every_go_listing_compiles_and_vets() {
    let chapters = go_chapters();
    assert!(!chapters.is_empty(), "no Go listing found to check");
    for ch in chapters {
        let pkg = format!("./{}", package_of(ch.code.file));
        let (ok, text) = run(&module(), &["vet", &pkg]);
        assert!(ok, "chapter {}: go vet {pkg} failed:\n{text}", ch.id);
        let on_disk = std::fs::read_to_string(module().join(ch.code.file)).expect("listing on disk");
        assert_eq!(on_disk, ch.code.text, "chapter {}: the page's listing is the file", ch.id);
    }
}

#[test]
fn compiler_output_on_the_page_is_real() {
    let mut checked = 0;
    for ch in go_chapters() {
        for (i, step) in ch.steps.iter().enumerate() {
            let Some(t) = &step.terminal else { continue };
            if !t.command.starts_with("go build") {
                continue;
            }
            let real = real_output(t.command);
            let real_lines: Vec<&str> = real.lines().collect();
            for shown in t.output.lines() {
                let line = source_line(shown).map_or(String::new(), |n| format!(", listing line {n}"));
                assert!(
                    real_lines.contains(&shown),
                    "chapter {}, step {}{line}: the page shows\n    {shown}\nbut `{}` prints:\n{real}",
                    ch.id,
                    i + 1,
                    t.command
                );
                checked += 1;
            }
            assert_eq!(t.output.lines().count(), real_lines.len(), "chapter {}, step {}: the page leaves out compiler lines:\n{real}", ch.id, i + 1);
        }
    }
    assert!(checked > 0, "no compiler output was checked");
}

/// Compiler verdicts quoted in captions ("moved to heap: p").
fn quoted_verdicts(caption: &str) -> Vec<&str> {
    const MARKERS: [&str; 5] = ["moved to heap", "does not escape", "escapes to heap", "leaking param", "can inline"];
    caption.split('"').skip(1).step_by(2).filter(|q| MARKERS.iter().any(|m| q.contains(m))).collect()
}

#[test]
fn compiler_verdicts_quoted_in_captions_are_real() {
    let mut checked = 0;
    for ch in go_chapters() {
        let pkg = format!("./{}", package_of(ch.code.file));
        let real = real_output(&format!("go build -gcflags=-m {pkg}"));
        for (i, step) in ch.steps.iter().enumerate() {
            for verdict in quoted_verdicts(&step.caption) {
                let line = ch.line(i).map_or(String::new(), |n| format!(", listing line {n}"));
                assert!(
                    real.lines().any(|l| l.ends_with(&format!(": {verdict}"))),
                    "chapter {}, step {}{line}: the caption says \"{verdict}\" but go build -gcflags=-m prints:\n{real}",
                    ch.id,
                    i + 1
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no quoted verdict was checked");
}

#[test]
fn program_output_matches_the_simulation() {
    for ch in go_chapters() {
        let Some(cmd) = ch.run_command else { continue };
        let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
        let (ok, real) = run(&module(), &args);
        let tl = ch.timeline().expect("chapter builds");
        let simulated = tl.states().last().expect("steps").stdout.join("\n") + "\n";
        assert!(ok, "chapter {}: `{cmd}` failed:\n{real}", ch.id);
        assert_eq!(simulated, real, "chapter {}: the simulated output differs from `{cmd}`", ch.id);
        let kept = std::fs::read_to_string(module().join(package_of(ch.code.file)).join("run.txt")).expect("run.txt");
        assert_eq!(kept, real, "chapter {}: run.txt is stale", ch.id);
    }
}

/// The page names the gcc and glibc the C listings were checked against.
#[test]
fn c_toolchain_is_the_one_the_page_names() {
    let version = |cmd: &str| {
        let out = std::process::Command::new(cmd).arg("--version").output().unwrap_or_else(|e| panic!("{cmd}: {e}"));
        String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string()
    };
    let (gcc, glibc) = (version("gcc"), version("ldd"));
    let page = chapters::C_CHECKED;
    assert!(gcc.ends_with(page.split(' ').nth(1).expect("gcc version")), "the page says {page}; {gcc}");
    assert!(glibc.ends_with(page.rsplit(' ').next().expect("glibc version")), "the page says {page}; {glibc}");
}

/// C listings: gcc builds them, its warnings are the ones the page shows,
/// and the program prints what the simulation prints (run without "leak",
/// which prints nothing before the OOM killer would end it).
#[test]
fn c_listings_compile_warn_and_print_as_shown() {
    let c_chapters: Vec<Chapter> = catalog().into_iter().filter(|c| c.code.lang == Lang::C).collect();
    for ch in c_chapters {
        let dir = truth::root().join("crates/chapters/c").join(package_of(ch.code.file));
        let bin = truth::root().join("target/truth-c").join(ch.id);
        std::fs::create_dir_all(bin.parent().expect("dir")).expect("target dir");
        for (i, step) in ch.steps.iter().enumerate() {
            let Some(t) = &step.terminal else { continue };
            let args: Vec<&str> = t.command.split_whitespace().collect();
            assert_eq!(args[0], "gcc", "chapter {}, step {}: only gcc commands are shown", ch.id, i + 1);
            let out = std::process::Command::new("gcc").args(&args[1..]).current_dir(&dir).arg("-o").arg(&bin).output().expect("gcc");
            let real = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "chapter {}: gcc failed:\n{real}", ch.id);
            assert_eq!(t.output, real, "chapter {}, step {}: the page's gcc output differs from gcc's", ch.id, i + 1);
        }
        // Without address randomization, as the page's run command says:
        // the heap starts where the picture's does, and the leftover link a
        // reused chunk prints is the same number every run.
        let out = std::process::Command::new("setarch").arg("-R").arg(&bin).output().expect("run the C program under setarch -R");
        let real = String::from_utf8_lossy(&out.stdout).into_owned();
        let tl = ch.timeline().expect("chapter builds");
        let simulated = tl.states().last().expect("steps").stdout.join("\n") + "\n";
        assert_eq!(simulated, real, "chapter {}: the simulated output differs from the real program's", ch.id);
    }
}
