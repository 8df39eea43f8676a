//! The committed golden files still describe what the explainer computes:
//! every step's state digest, and the display lists of a few pictures at a
//! laptop's canvas size. After an intended change, `scripts/bless.sh`
//! rewrites them (BLESS=1) and the diff shows what changed.

use session::{Intent, Nav, Session};
use std::path::PathBuf;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

fn check(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var("BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; run scripts/bless.sh", path.display()));
    if want != actual {
        let line = want.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(want.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the committed golden file at line {}:\n  committed: {:?}\n  now:       {:?}\nIf the change is intended, run scripts/bless.sh.",
            line + 1,
            want.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn every_steps_state_digest_is_the_committed_one() {
    check("digests.txt", &session::golden::digest_table(&chapters::catalog()));
}

/// A few pictures, one of each kind: raw memory, stack and heap with
/// arrows, the C heap, the collector mid-mark, a marking figure, the pacer.
const PICTURES: &[&str] = &[
    "#/intro/1",
    "#/intro/5",
    "#/intro/7",
    "#/memory/5",
    "#/stack-heap/14",
    "#/manual-heap/6",
    "#/manual-heap/10",
    "#/gc/10",
    "#/gc/34",
    "#/gc/39?GOGC=200",
    "#/case-study/3?n=2049",
    "#/case-study/6",
    "#/stack-growth/7",
    "#/stack-growth/13",
    "#/next/2",
];

#[test]
fn a_few_display_lists_are_the_committed_ones() {
    for link in PICTURES {
        let mut s = Session::default();
        s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
        s.dispatch(Intent::Open { hash: (*link).into(), nav: Nav::Replace }, 0.0);
        let scene = s.frame(0.0).expect("a picture");
        let name = link.trim_start_matches("#/").replace(['/', '?', '='], "-");
        check(&format!("{name}.txt"), &memview::dump(&memview::paint(&scene, &memview::Palette::LIGHT)));
    }
}
