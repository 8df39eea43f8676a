//! No language can fall behind. The chapters of every language run the same
//! programs step for step, and every word a reader sees in Japanese is
//! Japanese: captions, part names, titles, links, knob labels, and every
//! label, readout and description a picture draws, at its defaults and its
//! knob extremes. Code, compiler messages and program output stay as the
//! tools print them, so the words of a chapter's listing and terminal may
//! appear; any other Latin word fails the test with where it was found.

mod common;

use chapters::{catalog_in, Chapter, Language};
use memview::{layout, Stage, Viewport};
use std::collections::BTreeSet;

/// Latin words Japanese Go writing keeps as they are: units, environment
/// variables, the runtime's own names for its parts, and the names of tools
/// and people's projects. Identifiers of a chapter's listing and words of
/// its terminal output are allowed in that chapter without being listed.
const KEPT: &[&str] = &[
    // units and numbers
    "B",
    "KiB",
    "MiB",
    "GiB",
    "KB",
    "MB",
    "GB",
    "ms",
    "ns",
    "µs",
    "s",
    "x",
    "px",
    // languages, tools, the runtime's names
    "Go",
    "C",
    "CPU",
    "GC",
    "OS",
    "API",
    "GOGC",
    "GOMAXPROCS",
    "GOMEMLIMIT",
    "GODEBUG",
    "gctrace",
    "benchmem",
    "gcflags",
    "pprof",
    "malloc",
    "free",
    "glibc",
    "gcc",
    "tcache",
    "mcache",
    "mcentral",
    "mheap",
    "mspan",
    "P",
    "M",
    "G",
    "Green",
    "Tea",
    "nil",
    "int",
    "amd64",
    "arm64",
    // ulimit -s, and Go's nosplit functions and defer statements.
    "ulimit",
    "nosplit",
    "defer",
    "go",
    "run",
    "build",
    "test",
    "bench",
    "new",
    "make",
    // &T{}: a composite literal of any type T.
    "T",
    "return",
    "func",
    "Linux",
    "Python",
    "Rust",
    "Java",
    "Tutor",
    "JVM",
    "JIT",
    "ZGC",
    "Arena",
    "arena",
    "BuriKaigi",
    "Gophers",
    "EX",
    "SP",
    "PC",
    "RAM",
    "RSS",
    "n",
    "vs",
    // signals, the kernel's OOM killer, and the runtime's and standard
    // library's names a caption gives (morestack, sync.Pool and its Put,
    // debug.SetMaxStack): Japanese writing keeps them as they are.
    "SIGSEGV",
    "SIGKILL",
    "OOM",
    "killer",
    "Killed",
    "morestack",
    "sync",
    "Pool",
    "Put",
    "debug",
    "SetMaxStack",
];

/// Latin words of text that must be Japanese, except the kept ones.
fn latin_words<'a>(s: &'a str, allowed: &BTreeSet<String>) -> Vec<&'a str> {
    let kept = |w: &str| KEPT.contains(&w) || allowed.contains(w);
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !is_object_name(w) && !w.starts_with("0x"))
        // …92a0: an address written by its last hex digits.
        .filter(|w| !(w.chars().all(|c| c.is_ascii_hexdigit()) && w.chars().any(|c| c.is_ascii_digit())))
        // 256MiB, P0: a number glued to a kept word.
        .filter(|w| !kept(w) && !kept(w.trim_matches(|c: char| c.is_ascii_digit())))
        .collect()
}

/// n1, n12: the picture's names for heap objects.
fn is_object_name(w: &str) -> bool {
    w.strip_prefix('n').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(memview::text_is_wide)
}

/// Every word of a chapter's listing and recorded tool output.
fn tool_words(ch: &Chapter) -> BTreeSet<String> {
    let mut text = String::from(ch.code.text);
    let mut add = |t: &str| {
        text.push('\n');
        text.push_str(t);
    };
    for s in &ch.steps {
        if let Some(t) = &s.terminal {
            add(t.command);
            add(t.output);
        }
        if let Some(f) = s.view.figure() {
            add(&f.terminal(&f.defaults()).unwrap_or_default());
        }
    }
    add(ch.run_command.unwrap_or(""));
    // Code shown on a card (the escape lab's eight files) and the names of
    // talks and events, which keep their own spelling.
    if ch.id == "escape" {
        for c in chapters::escape::lab::Combo::all() {
            add(&chapters::escape::lab::source(c));
        }
    }
    if ch.id == "next" {
        for (title, event, ..) in chapters::next::TALKS {
            add(title.en);
            add(event.en);
        }
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Numbers as written: `41.7`, `2`, `1,000` (as `1000`).
fn numbers(s: &str) -> BTreeSet<String> {
    let plain = s.replace(',', "");
    plain
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(String::from)
        .collect()
}

/// Every piece of text a reader of chapter `ch` sees: (where, text, must be
/// a sentence in the language).
fn texts(ch: &Chapter, vp: Viewport) -> Vec<(String, String, bool)> {
    let mut out = vec![("title".into(), ch.title.into(), true)];
    for (_, name) in &ch.parts {
        out.push(("part".into(), (*name).into(), true));
    }
    for k in ch.knobs {
        out.push((format!("knob {}", k.key), k.label.get(ch.language).into(), false));
    }
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    for (i, (step, m)) in ch.steps.iter().zip(tl.states()).enumerate() {
        let at = |what: &str| format!("step {} {what}", i + 1);
        out.push((at("caption"), step.caption.clone(), true));
        out.extend(step.try_it.map(|t| (at("try it"), t.into(), true)));
        out.extend(step.page_note.map(|t| (at("page note"), t.into(), true)));
        out.extend(step.links.iter().map(|(label, _)| (at("link"), (*label).into(), true)));
        out.extend(step.output_note.map(|n| (at("output note"), n.into(), true)));
        let mut scenes = Vec::new();
        match step.view.figure() {
            None => {
                out.push((at("description"), memview::describe(m, &stage, ch.language), true));
                scenes.push(layout(m, &stage, vp, &step.focus));
            }
            Some(f) => {
                let settings = common::knob_extremes(f, ch.knobs);
                for k in &settings {
                    out.push((at("description"), f.describe(k), true));
                    out.push((at("readout"), f.readout(k), false));
                    out.extend(f.caption(k).map(|c| (at("figure caption"), c, true)));
                    scenes.push(f.scene(k, vp));
                    let n = f.moments(k);
                    if n > 0 {
                        scenes.push(f.scene_at(k, n / 2, vp));
                    }
                }
            }
        }
        for s in scenes {
            // A memory cell's text is its byte in hex (`2a`, `ff`): a number.
            for n in s.nodes.iter().filter(|n| !matches!(n.key, memview::Key::Cell(_))) {
                out.extend(n.texts.iter().map(|t| (at("label"), t.content.clone(), false)));
            }
        }
    }
    out
}

/// A katakana word of seven or more characters is one the line breaker
/// knows, or made of words it knows, so a narrow line breaks it at a seam
/// (ガベージ|コレクタ), not inside a word (ガベージコレク|タ). A new long word
/// belongs in memview's list of parts.
#[test]
fn long_katakana_words_break_where_a_reader_expects() {
    let mut unknown = std::collections::BTreeSet::new();
    for ch in catalog_in(Language::Ja) {
        for (_, text, sentence) in texts(&ch, Viewport::new(1470.0, 981.0)) {
            if !sentence {
                continue;
            }
            let katakana = |c: char| ('\u{30a0}'..='\u{30ff}').contains(&c) && c != '・';
            for run in text.split(|c: char| !katakana(c)).filter(|r| r.chars().count() >= 7) {
                if !memview::katakana_known(run) {
                    unknown.insert(run.to_string());
                }
            }
        }
    }
    assert!(unknown.is_empty(), "long katakana words the breaker does not know: {unknown:?}");
    assert!(!memview::katakana_known("ガベージコレク"), "a word cut short is not known");
}

/// Japanese text wrapped for the canvas breaks at phrase boundaries where a
/// line can: a line that ends on a kanji whose kana ending starts the next
/// (決|める, 周|り, 割|り当て) reads as a broken word. Counted over every
/// sentence the pictures may wrap, at widths from a phone's card to a
/// slide's.
#[test]
fn japanese_lines_break_between_phrases_not_inside_words() {
    let kanji = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let hiragana = |c: char| ('\u{3041}'..='\u{309f}').contains(&c);
    let (mut breaks, mut inside, mut example) = (0, 0, String::new());
    for ch in catalog_in(Language::Ja) {
        for (_, text, sentence) in texts(&ch, Viewport::new(1470.0, 981.0)) {
            if !sentence {
                continue;
            }
            for max in [14, 18, 22, 28, 34, 40] {
                let lines = memview::wrap(&text, max);
                for pair in lines.windows(2) {
                    breaks += 1;
                    let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
                    if end.is_some_and(kanji) && start.is_some_and(hiragana) {
                        inside += 1;
                        if example.is_empty() {
                            example = format!("{} | {}", pair[0], pair[1]);
                        }
                    }
                }
            }
        }
    }
    println!("{inside} of {breaks} breaks inside a word, e.g. {example}");
    assert!(breaks > 1000, "the check saw text: {breaks} breaks");
    assert!(inside * 100 <= breaks, "{inside} of {breaks} line breaks fall inside a word, e.g. {example}");
}

#[test]
fn every_language_runs_the_same_programs() {
    let en = catalog_in(Language::En);
    for lang in Language::ALL {
        let other = catalog_in(lang);
        assert_eq!(other.len(), en.len());
        for (a, b) in en.iter().zip(&other) {
            assert_eq!(b.language, lang);
            assert_eq!((a.id, a.steps.len(), a.code.text), (b.id, b.steps.len(), b.code.text), "{lang:?}");
            let firsts = |c: &Chapter| c.parts.iter().map(|p| p.0).collect::<Vec<_>>();
            assert_eq!(firsts(a), firsts(b), "{} parts in {lang:?}", a.id);
            let keys = |c: &Chapter| c.knobs.iter().map(|k| k.key).collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b));
            for (i, (x, y)) in a.steps.iter().zip(&b.steps).enumerate() {
                let at = format!("{} step {} in {lang:?}", a.id, i + 1);
                assert_eq!(x.ops, y.ops, "{at}: ops");
                assert_eq!((x.anchor, &x.focus, &x.terminal), (y.anchor, &y.focus, &y.terminal), "{at}");
                let hrefs = |s: &chapters::Step| s.links.iter().map(|l| l.1).collect::<Vec<_>>();
                assert_eq!(hrefs(x), hrefs(y), "{at}: links");
                assert_eq!(x.view.figure().map(|f| f.defaults()), y.view.figure().map(|f| f.defaults()), "{at}: knobs");
                assert_eq!(x.view.figure().map(|f| f.moment()), y.view.figure().map(|f| f.moment()), "{at}: run");
            }
        }
    }
}

#[test]
fn every_japanese_word_is_japanese() {
    let vp = Viewport::new(830.0, 621.0).in_language(Language::Ja);
    let mut report = Vec::new();
    let only = std::env::var("TRANSLATION_CHAPTER").ok();
    for ch in catalog_in(Language::Ja).into_iter().filter(|c| only.as_deref().is_none_or(|o| o == c.id)) {
        let allowed = tool_words(&ch);
        let mut seen = BTreeSet::new();
        for (at, text, sentence) in texts(&ch, vp) {
            if !seen.insert(text.clone()) {
                continue;
            }
            let latin = latin_words(&text, &allowed);
            if !latin.is_empty() {
                report.push(format!("{} {at}: English {latin:?} in {text:?}", ch.id));
            } else if sentence && !text.trim().is_empty() && !has_japanese(&text) {
                report.push(format!("{} {at}: no Japanese in {text:?}", ch.id));
            }
        }
    }
    report.dedup();
    assert!(report.is_empty(), "{} untranslated texts; the first:\n{}", report.len(), report.iter().take(80).cloned().collect::<Vec<_>>().join("\n"));
}

/// A translation says the same numbers, and stays short enough to read
/// while the picture moves (about as long as 40 English words take).
#[test]
fn captions_keep_their_numbers_and_stay_short() {
    const MAX_CHARS: usize = 130;
    let mut report = Vec::new();
    for (en, ja) in catalog_in(Language::En).iter().zip(catalog_in(Language::Ja)) {
        for (i, (a, b)) in en.steps.iter().zip(&ja.steps).enumerate() {
            // As a page with sliders shows them: with the invitation to try them.
            let (full_a, full_b) = (a.on_page(&a.caption, Language::En), b.on_page(&b.caption, Language::Ja));
            let missing: Vec<String> = numbers(&full_a).difference(&numbers(&full_b)).cloned().collect();
            if !missing.is_empty() {
                report.push(format!("{} step {}: {missing:?} missing from {:?}", en.id, i + 1, full_b));
            }
            let mut captions = vec![full_b];
            if let Some(f) = b.view.figure() {
                captions.extend(f.caption(&f.defaults()).map(|c| b.on_page(&c, Language::Ja)));
            }
            for c in captions {
                let n = c.chars().filter(|c| !c.is_whitespace()).count();
                if n > MAX_CHARS {
                    report.push(format!("{} step {}: {n} characters: {c}", ja.id, i + 1));
                }
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn the_checks_catch_what_they_should() {
    let none = BTreeSet::new();
    assert_eq!(latin_words("GOGC=100 のとき、n3 はヒープに置かれる (0xc000010000)", &none), Vec::<&str>::new());
    assert_eq!(latin_words("the goal is 18 MiB", &none), ["the", "goal", "is"]);
    assert_eq!(latin_words("GOMEMLIMIT=256MiB、P0 の mcache", &none), Vec::<&str>::new());
    assert_eq!(latin_words("amd64 では、…92a0 にある", &none), Vec::<&str>::new());
    assert_eq!(latin_words("～r0 level=0", &BTreeSet::from(["r0".into(), "level".into()])), Vec::<&str>::new());
    assert_eq!(numbers("goal 41.7 MiB, 1,000 objects."), BTreeSet::from(["41.7".into(), "1000".into()]));
    assert!(has_japanese("ヒープ") && !has_japanese("heap"));
}
