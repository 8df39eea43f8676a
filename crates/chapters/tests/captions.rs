//! Captions stay short enough to read while the picture moves: at most
//! [`MAX_WORDS`] words, whether the step states them or a figure writes
//! them from its knobs.

use chapters::catalog;

const MAX_WORDS: usize = 40;

/// Words as a reader counts them: a dash or a × between spaces is not one.
fn words(caption: &str) -> usize {
    caption.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

#[test]
fn no_caption_is_over_forty_words() {
    let mut long = Vec::new();
    for ch in catalog() {
        for (i, step) in ch.steps.iter().enumerate() {
            // As a page with sliders shows them: with the invitation to try them.
            let mut captions = vec![step.with_try_it(&step.caption, ch.language)];
            if let Some(f) = step.view.figure() {
                captions.extend(f.caption(&f.defaults()).map(|c| step.with_try_it(&c, ch.language)));
            }
            for c in captions {
                let n = words(&c);
                if n > MAX_WORDS {
                    long.push(format!("{} step {}: {n} words: {c}", ch.id, i + 1));
                }
            }
        }
    }
    assert!(long.is_empty(), "captions over {MAX_WORDS} words:\n{}", long.join("\n"));
}

#[test]
fn words_are_counted_as_read() {
    assert_eq!(words("Node 3 — white, 24 × 2 bytes."), 6);
    assert_eq!(words("GOGC=100: goal 18 MiB"), 4);
}

/// A screen reader reads a picture's description once through: no sentence
/// in it says the same thing twice in a row (a card titled as its figure).
#[test]
fn descriptions_do_not_repeat_a_sentence() {
    for lang in memview::Language::ALL {
        for ch in chapters::catalog_in(lang) {
            for (i, step) in ch.steps.iter().enumerate() {
                let Some(f) = step.view.figure() else { continue };
                let d = f.describe(&f.defaults());
                let sentences: Vec<&str> = d.split(['.', '\u{3002}']).map(str::trim).filter(|s| !s.is_empty()).collect();
                for w in sentences.windows(2) {
                    assert_ne!(w[0], w[1], "{} step {} ({lang:?}): {d}", ch.id, i + 1);
                }
            }
        }
    }
}
