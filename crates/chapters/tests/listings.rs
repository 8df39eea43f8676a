//! The listings as each language shows them: in Japanese every comment is
//! translated or deliberately kept, and nothing else moves — same lines,
//! same code on each — so the compiler's messages and each step's current
//! line still point where they did in the file the truth checks compile.

use chapters::comments::{self, comments, listing_in, AS_WRITTEN, JA};
use chapters::escape::lab::{self, Combo};
use chapters::{catalog, Code, Language};

/// Every listing a page can show: each chapter's, each step's own, and the
/// escape lab's eight.
fn listings() -> Vec<Code> {
    let mut out: Vec<Code> = Vec::new();
    for ch in catalog() {
        out.push(ch.code);
        out.extend(ch.steps.iter().filter_map(|s| s.code));
    }
    out.extend(Combo::all().map(lab::code));
    out.sort_by_key(|c| c.file);
    out.dedup_by_key(|c| c.file);
    out
}

fn japanese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_comment_is_translated_or_kept_as_written() {
    let mut missing = Vec::new();
    for code in listings() {
        for c in comments(code.text) {
            if comments::translated(&c.text, Language::Ja).is_none() && !AS_WRITTEN.contains(&c.text.as_str()) {
                missing.push(format!("{} line {}: {:?}", code.file, c.lines.start + 1, c.text));
            }
        }
    }
    assert!(missing.is_empty(), "comments with no Japanese (add them to chapters::comments::JA, or AS_WRITTEN):\n{}", missing.join("\n"));
}

#[test]
fn only_comments_change_and_every_line_stays_where_it_was() {
    for code in listings() {
        assert_eq!(listing_in(code.text, Language::En), code.text, "{}: English is the file as written", code.file);
        let ja = listing_in(code.text, Language::Ja);
        let (en_lines, ja_lines): (Vec<&str>, Vec<&str>) = (code.text.lines().collect(), ja.lines().collect());
        assert_eq!(en_lines.len(), ja_lines.len(), "{}: as many lines", code.file);
        assert_eq!(code.text.ends_with('\n'), ja.ends_with('\n'), "{}: the last line's end", code.file);
        for (i, (en, ja)) in en_lines.iter().zip(&ja_lines).enumerate() {
            if en == ja {
                continue;
            }
            // Only what follows "// " may differ: the code, its
            // indentation and the directives stay as compiled.
            let at = en.find("// ").unwrap_or_else(|| panic!("{} line {}: changed without a comment: {en:?} → {ja:?}", code.file, i + 1));
            assert!(ja.starts_with(&en[..at + 3]), "{} line {}: code changed: {en:?} → {ja:?}", code.file, i + 1);
            assert!(japanese(&ja[at + 3..]), "{} line {}: not Japanese: {ja:?}", code.file, i + 1);
        }
    }
}

#[test]
fn every_translation_is_used_and_has_the_lines_of_its_original() {
    let all: Vec<String> = listings().iter().flat_map(|c| comments(c.text)).map(|c| c.text).collect();
    for (en, ja) in JA {
        assert!(all.iter().any(|c| c == en), "a translation no listing uses: {en:?}");
        assert_eq!(en.lines().count(), ja.lines().count(), "one line of Japanese per line of {en:?}");
        assert!(ja.lines().all(japanese), "every line in Japanese: {ja:?}");
    }
    for kept in AS_WRITTEN {
        assert!(all.iter().any(|c| c == kept), "a comment kept as written that no listing has: {kept:?}");
    }
}

#[test]
fn directives_and_bare_comment_lines_are_code() {
    let text = "// Doc line one\n// line two\n//\n//go:noinline\nfunc f() {\n\tx := \"a // b\" // tail\n}\n";
    let found: Vec<(usize, String)> = comments(text).into_iter().map(|c| (c.lines.start, c.text)).collect();
    assert_eq!(found, [(0, String::from("Doc line one\nline two")), (5, String::from("tail"))]);
}
