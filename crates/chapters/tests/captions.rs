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
            let mut captions = vec![step.on_page(&step.caption, ch.language)];
            if let Some(f) = step.view.figure() {
                captions.extend(f.caption(&f.defaults()).map(|c| step.on_page(&c, ch.language)));
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

/// A frame shows the picture and the caption only, and the presenter view
/// adds only the sliders: a caption points at the sliders, the terminal or
/// the links under it only in the sentences the page adds where those are
/// shown (`try_it`, `page_note`), never in its own words.
#[test]
fn a_caption_points_at_nothing_a_slide_hides() {
    const POINTERS: [&str; 12] = [
        "slider",
        "toggle",
        "drag",
        "links below",
        "below, ",
        "error below",
        "output matches",
        "terminal",
        "スライダー",
        "下のリンク",
        "下の fatal",
        "出力は実際",
    ];
    let mut found = Vec::new();
    for lang in memview::Language::ALL {
        for ch in chapters::catalog_in(lang) {
            for (i, step) in ch.steps.iter().enumerate() {
                let mut captions = vec![step.caption.clone()];
                if let Some(f) = step.view.figure() {
                    captions.extend(f.caption(&f.defaults()));
                }
                for c in captions {
                    let lower = c.to_lowercase();
                    if let Some(p) = POINTERS.iter().find(|p| lower.contains(*p)) {
                        found.push(format!("{} step {} ({lang:?}) says {p:?}: {c}", ch.id, i + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "captions that point at what a slide hides:\n{}", found.join("\n"));
}
