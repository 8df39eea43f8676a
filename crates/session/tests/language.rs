//! The language: chosen by the link (`?lang=ja`), by the menu, or on first
//! open by the browser's preference; kept by every link the page writes or
//! gives away; a bad value gets a notice and English. And the page's own
//! words: both tables hold exactly the keys `www/index.html` uses.

use memview::Language;
use session::{Effect, Intent, Nav, Page, Session, Words};

fn open_with(preferred: Language, hash: &str) -> Session {
    let mut s = Session::default();
    s.set_preferred(preferred);
    s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
    s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
    s
}

fn page(s: &mut Session) -> Page {
    s.page().expect("a page once a link is open")
}

fn urls(s: &mut Session) -> Vec<String> {
    s.take_effects().into_iter().filter_map(|e| if let Effect::Url { hash, .. } = e { Some(hash) } else { None }).collect()
}

#[test]
fn the_link_names_the_language_and_every_link_written_keeps_it() {
    let mut s = open_with(Language::En, "#/gc/3?lang=ja");
    let p = page(&mut s);
    assert_eq!((p.lang, p.chapter_id, p.step), (Language::Ja, "gc", 2));
    assert!(p.title.ends_with(Words::of(Language::Ja).product), "{}", p.title);
    assert!(p.progress.text.starts_with("第 5 章"), "{}", p.progress.text);
    assert!(s.chapters().iter().all(|c| c.language == Language::Ja));
    urls(&mut s);
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(urls(&mut s), ["#/gc/4?lang=ja"]);
    // A caption's step link leaves the language out: the page stays in
    // Japanese and its link is rewritten to say so.
    s.dispatch(Intent::Open { hash: "#/case-study/1".into(), nav: Nav::Keep }, 2.0);
    assert_eq!(page(&mut s).lang, Language::Ja);
    assert_eq!(urls(&mut s), ["#/case-study/1?lang=ja"]);
    s.dispatch(Intent::CopyEmbed, 3.0);
    let copied: Vec<Effect> = s.take_effects();
    assert!(copied.contains(&Effect::CopyEmbed("#/case-study/1?embed&lang=ja".into())), "{copied:?}");
}

#[test]
fn without_a_lang_the_browser_decides_on_first_open() {
    let mut s = open_with(Language::Ja, "#/stack-heap/2");
    assert_eq!(page(&mut s).lang, Language::Ja);
    urls(&mut s);
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(urls(&mut s), ["#/stack-heap/3"], "the browser's own language needs no parameter");
    s.dispatch(Intent::CopyLink, 2.0);
    assert!(s.take_effects().contains(&Effect::CopyLink("#/stack-heap/3?lang=ja".into())), "a shared link names it");
    // An English link opens in English whatever the browser prefers.
    let mut s = open_with(Language::Ja, "#/stack-heap/2?lang=en");
    assert_eq!(page(&mut s).lang, Language::En);
}

#[test]
fn switching_keeps_the_chapter_step_and_knobs() {
    let mut s = open_with(Language::En, "#/gc/39?GOGC=50");
    let before = page(&mut s);
    urls(&mut s);
    assert!(s.dispatch(Intent::Language("ja".into()), 1.0));
    let after = page(&mut s);
    assert_eq!((after.lang, after.chapter_id, after.step), (Language::Ja, before.chapter_id, before.step));
    assert_eq!(
        after.sliders.iter().map(|k| (k.knob.key, k.position)).collect::<Vec<_>>(),
        before.sliders.iter().map(|k| (k.knob.key, k.position)).collect::<Vec<_>>()
    );
    assert_eq!(urls(&mut s), ["#/gc/39?GOGC=50&lang=ja"]);
    assert!(s.frame(2.0).is_some(), "the picture redraws");
    // A new window size keeps the picture's words in the language.
    s.dispatch(Intent::Resize { width: 390.0, height: 473.0, dpr: 2.0 }, 2.5);
    let scene = s.frame(1e6).expect("a picture");
    let japanese = scene.nodes.iter().flat_map(|n| &n.texts).filter(|t| t.content.chars().any(memview::text_is_wide)).count();
    assert!(japanese > 3, "{japanese} Japanese labels after a resize");
    assert!(s.dispatch(Intent::Language("en".into()), 3.0));
    assert_eq!(urls(&mut s), ["#/gc/39?GOGC=50&lang=en"], "a chosen language stays in the link");
    assert!(!s.dispatch(Intent::Language("<b>".into()), 4.0), "an unknown code changes nothing");
    assert_eq!(page(&mut s).lang, Language::En);
}

#[test]
fn a_bad_lang_gets_a_notice_and_english() {
    for bad in ["xx", "<script>alert(1)</script>", "", "jp"] {
        let mut s = open_with(Language::Ja, &format!("#/gc/3?lang={bad}"));
        let p = page(&mut s);
        assert_eq!((p.lang, p.chapter_id, p.step), (Language::En, "gc", 2), "{bad}");
        let notice = p.notice.expect("a notice");
        assert!(notice.contains("There is no language") && notice.contains("showing English"), "{notice}");
        assert!(!notice.contains('<') || notice.contains("\u{201c}<script>"), "quoted as text: {notice}");
        assert_eq!(urls(&mut s).last().map(String::as_str), Some("#/gc/3?lang=en"), "the link is corrected");
    }
}

#[test]
fn the_page_words_match_the_page() {
    let html = include_str!("../../../www/index.html");
    let mut used = std::collections::BTreeSet::new();
    for attr in ["data-t=\"", "data-t-aria=\"", "data-t-title=\""] {
        for part in html.split(attr).skip(1) {
            used.insert(part.split('"').next().unwrap_or_default().to_string());
        }
    }
    assert!(used.len() > 40, "{used:?}");
    for lang in Language::ALL {
        let w = Words::of(lang);
        let keys: std::collections::BTreeSet<String> = w.page.iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(keys.len(), w.page.len(), "{lang:?}: a key twice");
        let missing: Vec<_> = used.difference(&keys).collect();
        let unused: Vec<_> = keys.difference(&used).collect();
        assert!(missing.is_empty() && unused.is_empty(), "{lang:?}: missing {missing:?}, unused {unused:?}");
    }
    let (en, ja) = (Words::of(Language::En), Words::of(Language::Ja));
    for ((k, e), (k2, j)) in en.page.iter().zip(ja.page) {
        assert_eq!(k, k2, "both tables list the keys in one order");
        assert!(j.chars().any(memview::text_is_wide), "{k}: {j:?} is not Japanese");
        assert_ne!(e, j);
    }
}

/// index.html is written in English, word for word the English table: an
/// English page opens without writing its words again (render.rs), so a
/// word that differed would stay as index.html has it.
#[test]
fn index_html_says_what_the_english_table_says() {
    let html = include_str!("../../../www/index.html");
    let en = Words::of(Language::En);
    let decode = |s: &str| {
        [
            ("&rsquo;", "\u{2019}"),
            ("&ldquo;", "\u{201c}"),
            ("&rdquo;", "\u{201d}"),
            ("&uarr;", "\u{2191}"),
            ("&darr;", "\u{2193}"),
            ("&larr;", "\u{2190}"),
            ("&rarr;", "\u{2192}"),
            ("&times;", "\u{d7}"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&amp;", "&"),
        ]
        .iter()
        .fold(s.to_string(), |s, (entity, c)| s.replace(entity, c))
    };
    let attr = |tag: &str, name: &str| tag.split(&format!(" {name}=\"")).nth(1).map(|v| decode(v.split('"').next().unwrap_or_default()));
    let mut checked = 0;
    for (i, _) in html.match_indices('<') {
        let Some(tag) = html[i..].split('>').next() else { continue };
        let rest = &html[i + tag.len() + 1..];
        for (key_attr, said) in [
            ("data-t", rest.split('<').next().map(decode).filter(|_| rest.contains('<'))),
            ("data-t-aria", attr(tag, "aria-label")),
            ("data-t-title", attr(tag, "title")),
        ] {
            let Some(key) = attr(tag, key_attr) else { continue };
            let want = en.page(&key).unwrap_or_else(|| panic!("{key} is in the table"));
            assert_eq!(said.as_deref(), Some(want), "index.html's {key_attr}=\"{key}\"");
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} words checked");
}

#[test]
fn japanese_reads_at_its_own_pace() {
    // Eight characters a second against four words: the same dwell for
    // the same reading.
    let en = "one two three four five six seven eight nine ten eleven twelve";
    let ja = "ガベージコレクタは到達できないオブジェクトを回収します";
    assert_eq!(session::dwell_ms(en, 1.0), 1500.0 + 250.0 * 12.0);
    assert_eq!(session::dwell_ms(ja, 1.0), 1500.0 + 250.0 * 13.5);
}
