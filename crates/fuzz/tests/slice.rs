//! A seeded slice of each fuzzer, in the default test run: the full runs
//! are scripts/fuzz.sh's.

#[test]
fn links_parse_to_sane_states() {
    let t = fuzz::links(20_000, 1, 40);
    assert_eq!(t.cases, 20_000);
    assert!(t.full >= 500);
    // Mutations keep a fair share valid, so the deep paths are reached too.
    assert!(t.valid > 2_000 && t.valid < 18_000, "{} valid", t.valid);
    assert!(t.failures.is_empty(), "{:#?}", t.failures);
}

#[test]
fn parent_messages_leave_sane_states() {
    let t = fuzz::messages(20_000, 2, 40);
    assert_eq!(t.cases, 20_000);
    assert!(t.valid > 1_000 && t.valid < 18_000, "{} valid", t.valid);
    assert!(t.failures.is_empty(), "{:#?}", t.failures);
}

#[test]
fn the_collector_keeps_its_invariants() {
    let t = fuzz::collector(3_000, 3);
    assert_eq!(t.cases, 3_000);
    assert!(t.failures.is_empty(), "{:#?}", t.failures);
}
