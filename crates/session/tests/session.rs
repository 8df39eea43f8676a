//! The session, driven by intents as the page drives it: what it shows,
//! what it writes to the link, and how keys, sliders and playback behave.

use session::{Effect, Intent, KeyTarget, Nav, Page, Session};

fn open(hash: &str) -> Session {
    let mut s = Session::default();
    s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
    s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
    s
}

fn page(s: &mut Session) -> Page {
    s.page().expect("a page once a link is open")
}

fn urls(s: &mut Session) -> Vec<(String, Nav)> {
    s.take_effects().into_iter().filter_map(|e| if let Effect::Url { hash, nav } = e { Some((hash, nav)) } else { None }).collect()
}

/// The number of steps of `chapter`.
fn steps(chapter: &str) -> usize {
    chapters::catalog().into_iter().find(|c| c.id == chapter).expect("chapter").steps.len()
}

fn key(k: &str, target: KeyTarget) -> Intent {
    Intent::Key { key: k.into(), modifier: false, target }
}

fn step_of(s: &Session, chapter: &str) -> Option<usize> {
    let (c, step) = s.position();
    (s.chapters()[c].id == chapter).then_some(step + 1)
}

/// The 1-based steps of `chapter` whose figure reads knob `key`.
fn steps_with(chapter: &str, key: &str) -> Vec<usize> {
    let ch = chapters::catalog().into_iter().find(|c| c.id == chapter).expect("chapter");
    ch.steps.iter().enumerate().filter(|(_, s)| s.view.figure().is_some_and(|f| f.defaults().get(key).is_some())).map(|(i, _)| i + 1).collect()
}

#[test]
fn a_bare_link_opens_the_first_step() {
    let mut s = open("");
    let p = page(&mut s);
    assert_eq!((p.chapter_id, p.step, p.counter.as_str()), ("intro", 0, format!("1 / {}", steps("intro")).as_str()));
    assert_eq!(p.links, [("See how: the case study \u{2192}".to_string(), "#/case-study/1".to_string())], "the hook leads to the case study");
    assert!(!p.has_prev && p.has_next);
    assert!(!p.caption.is_empty() && !p.description.is_empty());
    assert!(p.sliders.is_empty() && p.notice.is_none());
    assert!(s.frame(0.0).is_some(), "the first frame draws");
}

/// The note under the listing names what that listing was checked against.
#[test]
fn the_checked_note_follows_the_listing_s_language() {
    let checked = |hash: &str| page(&mut open(hash)).checked;
    assert!(checked("#/gc/1").contains("checked against Go 1.27.3"), "{}", checked("#/gc/1"));
    let c = checked("#/manual-heap/1");
    assert!(c.contains("gcc 12.2.0 and glibc 2.36") && !c.contains("Go 1.27"), "{c}");
    let asm = checked("#/memory/1");
    assert!(asm.contains("pseudo-assembly") && !asm.contains("Go 1.27"), "{asm}");
}

#[test]
fn keys_do_what_the_help_says_wherever_they_are_pressed() {
    let mut s = open("#/stack-heap/3");
    assert!(s.dispatch(key("ArrowRight", KeyTarget::Page), 1.0));
    assert_eq!(step_of(&s, "stack-heap"), Some(4));
    assert_eq!(urls(&mut s).last(), Some(&("#/stack-heap/4".to_string(), Nav::Push)));
    assert!(s.dispatch(key("ArrowLeft", KeyTarget::Button), 2.0), "arrows step even on a button");
    assert_eq!(step_of(&s, "stack-heap"), Some(3));
    assert!(!s.dispatch(key("ArrowLeft", KeyTarget::Slider), 3.0), "a slider keeps its arrows");
    assert_eq!(step_of(&s, "stack-heap"), Some(3));
    assert!(!s.dispatch(key("Enter", KeyTarget::Button), 3.0), "a button keeps Enter");
    assert!(!s.dispatch(Intent::Key { key: "ArrowRight".into(), modifier: true, target: KeyTarget::Page }, 3.0));
    let last = steps("stack-heap");
    s.dispatch(key("End", KeyTarget::Page), 4.0);
    assert_eq!(step_of(&s, "stack-heap"), Some(last));
    let p = page(&mut s);
    assert_eq!(p.links.last().map(|(_, h)| h.as_str()), Some("#/manual-heap/1"), "the last step says what comes next");
    s.dispatch(key("ArrowRight", KeyTarget::Page), 5.0);
    assert_eq!(step_of(&s, "manual-heap"), Some(1), "→ on a chapter's last step goes on into the next chapter");
    s.dispatch(key("ArrowLeft", KeyTarget::Page), 5.5);
    assert_eq!(step_of(&s, "stack-heap"), Some(last), "← goes back into the previous one");
    s.dispatch(key("Home", KeyTarget::Page), 6.0);
    assert_eq!(step_of(&s, "stack-heap"), Some(1));
    s.dispatch(key("?", KeyTarget::Page), 7.0);
    assert!(page(&mut s).help_open);
    assert!(s.take_effects().contains(&Effect::Focus("help")));
    // Tab and Shift+Tab go round the help's two controls (its switch and Close), each its own way.
    assert!(s.dispatch(key("Tab", KeyTarget::Button), 7.5), "Tab is kept from the browser");
    assert_eq!(s.take_effects(), [Effect::Focus("help-next")]);
    assert!(s.dispatch(key("Shift+Tab", KeyTarget::Button), 7.6), "so is Shift+Tab");
    assert_eq!(s.take_effects(), [Effect::Focus("help-prev")]);
    s.dispatch(key("Escape", KeyTarget::Text), 8.0);
    assert!(!page(&mut s).help_open);
    assert!(s.dispatch(key(" ", KeyTarget::Page), 9.0));
    assert!(page(&mut s).playing);
}

/// Single-character shortcuts can be turned off (WCAG 2.1.4): then `p`,
/// `?` and a frame's deck letters are the browser's, the other keys still
/// step, and the buttons still open the help and the presenter view.
#[test]
fn letter_keys_can_be_turned_off() {
    for (frame, hash) in [(false, "#/gc/3"), (true, "#/gc/3?embed&controls")] {
        let mut s = Session::default();
        s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
        assert!(page(&mut s).letter_keys, "on by default");
        s.dispatch(Intent::LetterKeys(false), 0.5);
        assert!(!page(&mut s).letter_keys);
        s.take_effects();
        for k in ["p", "P", "?", "o", "b", "."] {
            assert!(!s.dispatch(key(k, KeyTarget::Page), 1.0), "{k} is left to the browser");
            assert!(s.take_effects().is_empty(), "{k} posts nothing to a deck");
        }
        let p = page(&mut s);
        assert!(!p.help_open && !p.embed.present, "neither the help nor the presenter view opened");
        assert!(s.dispatch(key("ArrowRight", KeyTarget::Page), 2.0));
        assert_eq!(page(&mut s).step, 3, "→ still steps");
        if !frame {
            s.dispatch(Intent::Help(true), 3.0);
            assert!(page(&mut s).help_open, "the help button still opens the help");
        }
        s.dispatch(Intent::LetterKeys(true), 4.0);
        s.dispatch(Intent::Help(false), 4.5);
        assert!(s.dispatch(key("?", KeyTarget::Page), 5.0), "on again");
        assert!(page(&mut s).help_open);
    }
}

#[test]
fn a_link_with_more_than_it_needs_opens_and_says_what_was_set_aside() {
    let mut s = open("#/GC/39/extra");
    let p = page(&mut s);
    assert_eq!((p.chapter_id, p.step + 1), ("gc", 39));
    assert!(p.notice.as_deref().is_some_and(|n| n.contains("\u{201c}extra\u{201d} after the step number")), "{:?}", p.notice);
    assert_eq!(urls(&mut s).last().map(|(h, _)| h.clone()), Some(String::from("#/gc/39")), "the link is corrected");
    assert_eq!(page(&mut open("#/GC/39")).notice, None, "a chapter in capitals needs no notice");
    // GOGC twice: the notice names the value used, the slider shows it, and
    // the link is written with it once.
    let mut s = open("#/gc/39?GOGC=50&GOGC=300");
    let p = page(&mut s);
    assert!(p.notice.as_deref().is_some_and(|n| n.contains("GOGC is given more than once; the last value, \u{201c}300\u{201d}, is used")), "{:?}", p.notice);
    assert!(p.sliders.iter().any(|k| k.knob.key == "GOGC" && k.text == "300"), "{:?}", p.sliders.iter().map(|k| &k.text).collect::<Vec<_>>());
    let written = urls(&mut s);
    let last = written.last().map(|(h, _)| h.clone()).unwrap_or_default();
    assert_eq!(last.matches("GOGC").count(), 1, "{last}");
    assert!(last.contains("GOGC=300"), "{last}");
}

#[test]
fn bad_links_show_a_notice_and_the_nearest_state() {
    let last = steps("stack-heap");
    let runs_to = format!("steps run from 1 to {last}");
    for (hash, chapter, step, says) in [
        ("#/<img src=x onerror=alert(1)>/99999", "intro", 1, "There is no chapter"),
        ("#/gc/-1", "gc", 1, "Step -1 does not exist"),
        ("#/stack-heap/99999", "stack-heap", last, runs_to.as_str()),
        ("#/memory/abc", "memory", 1, "is not a step number"),
        ("#/memory/2?evil=1", "memory", 2, "not used here"),
    ] {
        let mut s = open(hash);
        let p = page(&mut s);
        assert_eq!((p.chapter_id, p.step + 1), (chapter, step), "{hash}");
        let notice = p.notice.unwrap_or_default();
        assert!(notice.contains(says), "{hash}: {notice}");
        // "Instead" only when the page shows another place than the link named.
        assert_eq!(notice.contains("instead"), (chapter, step) != ("memory", 2), "{hash}: {notice}");
        let written = urls(&mut s);
        assert_eq!(
            written.last().map(|(h, n)| (h.as_str(), *n)),
            Some((format!("#/{chapter}/{step}").as_str(), Nav::Replace)),
            "{hash}: the link is corrected"
        );
    }
    // A bad flag is set aside on the step the link named: no "instead".
    for (hash, notice) in [
        ("#/gc/3?present=maybe", "present=\u{201c}maybe\u{201d} cannot be used (expected on or off) and was ignored."),
        ("#/gc/3?embed&theme=blue", "theme=\u{201c}blue\u{201d} cannot be used (expected dark or light) and was ignored."),
        ("#/gc/3?present=maybe&lang=ja", "present=\u{300c}maybe\u{300d}は使えません（on\u{3001}off のいずれか）。無視しました。"),
    ] {
        let p = page(&mut open(hash));
        assert_eq!((p.chapter_id, p.step, p.notice.as_deref()), ("gc", 2, Some(notice)), "{hash}");
    }
    // A step that does not exist and a slider value that cannot be used:
    // both are said, the step first (the slider's used to replace it).
    for (hash, step, slider) in [
        ("#/gc/999?GOGC=abc", "Step 999 does not exist", "GOGC=\u{201c}abc\u{201d} cannot be used"),
        ("#/gc/999?GOGC=abc&lang=ja", "ステップ 999", "GOGC=\u{300c}abc\u{300d}は使えません"),
    ] {
        let p = page(&mut open(hash));
        let notice = p.notice.unwrap_or_default();
        let (a, b) = (notice.find(step), notice.find(slider));
        assert!(a.is_some() && b.is_some() && a < b, "{hash}: {notice}");
    }
    let long = format!("#/{}", "x".repeat(10_000));
    assert!(page(&mut open(&long)).notice.unwrap_or_default().contains("too long"));
    // Moving on clears the complaint.
    let mut s = open("#/memory/abc");
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(page(&mut s).notice, None);
    // A slider the chapter has, on a step that does not show it, is set
    // aside with a notice (it was dropped without a word).
    for (hash, key) in [("#/gc/5?GOGC=200", "GOGC"), ("#/stack-growth/1?depth=1000000&frame=1KiB", "depth"), ("#/gc/35?GOGC=200", "GOGC")] {
        let p = page(&mut open(hash));
        let notice = p.notice.unwrap_or_default();
        assert!(notice.contains(&format!("no {key} slider")), "{hash}: {notice}");
    }
    assert_eq!(page(&mut open("#/gc/39?GOGC=200")).notice, None);
    // Set aside, not applied: no slider appears for it and the link drops
    // it, whatever its value (it used to add an Objects slider to gc/39).
    for (hash, key, corrected) in [
        ("#/gc/39?objects=10000", "objects", "#/gc/39"),
        ("#/gc/39?objects=5", "objects", "#/gc/39"),
        ("#/gc/36?GOGC=5", "GOGC", "#/gc/36"),
        ("#/gc/5?GOGC=200&lang=en", "GOGC", "#/gc/5?lang=en"),
    ] {
        let mut s = open(hash);
        let p = page(&mut s);
        assert!(p.notice.unwrap_or_default().contains(&format!("no {key} slider")), "{hash}");
        assert!(p.sliders.iter().all(|x| x.knob.key != key), "{hash}: a {key} slider");
        assert_eq!(s.hash(), corrected, "{hash}");
        assert_eq!(urls(&mut s).last().map(|(h, _)| h.as_str()), Some(corrected), "{hash}: the address bar says so");
    }
    // So does opening another link (pasted, or Back and Forward): the
    // notice spoke of the link before it. A bad one gets its own.
    for (then, says) in [("#/gc/3", None), ("#/gc/39?present", None), ("#/gc/39?GOGC=abc", Some("GOGC"))] {
        let mut s = open("#/nope/3");
        assert!(page(&mut s).notice.is_some());
        s.dispatch(Intent::Open { hash: then.into(), nav: Nav::Keep }, 1.0);
        let notice = page(&mut s).notice;
        assert_eq!(notice.is_some(), says.is_some(), "{then}: {notice:?}");
        assert!(says.is_none_or(|w| notice.unwrap_or_default().contains(w)), "{then}");
    }
}

#[test]
fn sliders_recompute_rewrite_the_link_and_reset_per_step() {
    let pacer = steps_with("gc", "GOGC");
    let first = pacer[0];
    let mut s = open(&format!("#/gc/{first}"));
    let p = page(&mut s);
    let ids: Vec<_> = p.sliders.iter().map(|x| x.knob.id).collect();
    assert_eq!(ids, ["gogc", "gomemlimit", "live"]);
    assert!(p.readout.contains("= 18 MiB"), "{}", p.readout);
    assert!(p.caption.ends_with("Now: GOGC=100, no GOMEMLIMIT, 8 MiB live: first goal 18 MiB."), "{}", p.caption);
    assert!(p.terminal.as_deref().is_some_and(|t| t.contains("gc 1 @")));
    let before = s.frame(10.0).expect("scene");
    urls(&mut s);
    assert!(s.dispatch(Intent::Slider { id: "gogc".into(), position: 510 }, 11.0));
    assert_eq!(urls(&mut s), [(format!("#/gc/{first}?GOGC=off"), Nav::Replace)]);
    let p = page(&mut s);
    assert_eq!(p.sliders[0].text, "off");
    // The caption follows the sliders: it states no number they changed.
    assert!(p.caption.ends_with("Now: GOGC=off, no GOMEMLIMIT, 8 MiB live: no goal, the heap only grows."), "{}", p.caption);
    assert!(p.terminal.as_deref().is_some_and(|t| t.contains("no cycle ran")));
    assert_ne!(s.frame(12.0).expect("scene"), before, "the chart was recomputed");
    s.dispatch(Intent::Slider { id: "gomemlimit".into(), position: 48 }, 13.0);
    assert_eq!(urls(&mut s), [(format!("#/gc/{first}?GOGC=off&GOMEMLIMIT=48MiB"), Nav::Replace)]);
    assert!(page(&mut s).caption.ends_with("GOMEMLIMIT=48MiB, 8 MiB live: first goal 41.7 MiB."), "{}", page(&mut s).caption);
    // The next pacer step starts from its own settings, as its caption says.
    s.dispatch(Intent::Next, 14.0);
    let p = page(&mut s);
    assert_eq!(p.sliders[0].text, "100");
    // Where the sliders are, the caption ends by inviting the reader to move them.
    assert!(p.caption.ends_with("first goal 18 MiB. Drag the sliders; the link keeps your settings."), "{}", p.caption);
    assert_eq!(urls(&mut s).last().map(|(h, _)| h.clone()), Some(format!("#/gc/{}", first + 1)));
    // A slider the step does not show does nothing.
    assert!(!s.dispatch(Intent::Slider { id: "objects".into(), position: 5 }, 15.0));
}

#[test]
fn every_step_that_quotes_tool_output_shows_it() {
    // Figures included: their own terminal must not hide what the caption quotes.
    let mut shown = 0;
    for lang in ["en", "ja"] {
        for ch in chapters::catalog() {
            for (i, step) in ch.steps.iter().enumerate() {
                let Some(t) = &step.terminal else { continue };
                let mut s = open(&format!("#/{}/{}?lang={lang}", ch.id, i + 1));
                let text = page(&mut s).terminal.unwrap_or_default();
                let first = t.output.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
                assert!(text.starts_with(&format!("$ {}\n", t.command)) && text.contains(first), "{}/{}: {text:?}", ch.id, i + 1);
                shown += 1;
            }
        }
    }
    assert!(shown >= 30, "{shown} quoted outputs");
}

#[test]
fn the_listing_is_the_program_the_step_shows() {
    // The escape lab lists the file Go compiled for its toggles, at the lab's function.
    let lab = steps("escape");
    let mut s = open(&format!("#/escape/{lab}"));
    let p = page(&mut s);
    let code = p.code.expect("a listing");
    assert_eq!(code.file, "escapelab/value-const-point/lab.go");
    assert!(code.text.lines().nth(p.line.expect("a current line") - 1).is_some_and(|l| l.starts_with("func Lab(n int) Point")));
    s.dispatch(Intent::Slider { id: "lab-ret".into(), position: 1 }, 1.0);
    s.dispatch(Intent::Slider { id: "lab-type".into(), position: 1 }, 2.0);
    let p = page(&mut s);
    assert_eq!(p.code.map(|c| c.file), Some("escapelab/pointer-const-any/lab.go"));
    assert!(p.code.is_some_and(|c| c.text.contains("return &p") && c.text.contains("var sink any")));
    // The stack-growth chapter opens on a C program: its file, checked with gcc.
    let p = page(&mut open("#/stack-growth/1"));
    assert_eq!(p.code.map(|c| (c.file, c.lang)), Some(("stackgrowth/overflow.c", chapters::Lang::C)));
    assert!(p.checked.contains("gcc"), "{}", p.checked);
    let p = page(&mut open("#/stack-growth/2"));
    assert_eq!(p.code.map(|c| c.file), Some("stackgrowth/main.go"));
}

#[test]
fn frames_do_not_ask_for_sliders_they_hide_and_the_presenter_view_keeps() {
    let lab = steps("escape");
    for (hash, invites) in [
        (format!("#/escape/{lab}"), true),
        (format!("#/escape/{lab}?embed&caption"), false),
        (format!("#/escape/{lab}?present"), true),
        (format!("#/escape/{lab}?lang=ja"), true),
        (format!("#/escape/{lab}?embed&lang=ja"), false),
    ] {
        let caption = page(&mut open(&hash)).caption;
        assert_eq!(caption.contains("the link keeps") || caption.contains("リンクに残ります"), invites, "{hash}: {caption}");
    }
}

#[test]
fn slides_do_not_point_at_the_terminal_or_links_they_hide() {
    // stack-heap/23 says the output matches; next/2 sends the reader to the
    // links under the caption. A frame and the presenter view show neither.
    for (hash, note) in [("#/stack-heap/23", "The output matches"), ("#/next/2", "The links below"), ("#/next/2?lang=ja", "下のリンク")] {
        let sep = if hash.contains('?') { '&' } else { '?' };
        assert!(page(&mut open(hash)).caption.contains(note), "{hash}");
        for flag in ["embed&caption", "present"] {
            let caption = page(&mut open(&format!("{hash}{sep}{flag}"))).caption;
            assert!(!caption.contains(note) && !caption.is_empty(), "{hash} {flag}: {caption}");
        }
    }
}

#[test]
fn the_object_count_carries_across_marking_steps() {
    let marking = steps_with("gc", "objects");
    let mut s = open(&format!("#/gc/{}?objects=10000", marking[0]));
    let p = page(&mut s);
    assert_eq!(p.sliders.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(), ["10000"]);
    assert!(p.readout.contains("all 10000"), "{}", p.readout);
    s.dispatch(Intent::Next, 1.0);
    assert!(page(&mut s).readout.contains("all 10000"));
    assert!(urls(&mut s).last().is_some_and(|(h, _)| h.ends_with("?objects=10000")));
}

#[test]
fn bad_knob_values_keep_the_steps_own_and_say_why() {
    let first = steps_with("gc", "GOGC")[0];
    for (query, says) in [("GOGC=%3Cb%3Ex", "GOGC="), ("GOMEMLIMIT=64MB", "off or 4MiB"), ("GOGC=5", "off or 10"), ("objects=999999", "objects")] {
        let mut s = open(&format!("#/gc/{first}?{query}"));
        let p = page(&mut s);
        assert!(p.notice.as_deref().is_some_and(|n| n.contains(says)), "{query}: {:?}", p.notice);
        assert_eq!(p.sliders[0].text, "100", "{query}");
        assert_eq!(urls(&mut s).last().map(|(h, _)| h.clone()), Some(format!("#/gc/{first}")), "{query}");
    }
}

#[test]
fn playback_advances_after_the_dwell_and_runs_on_to_the_story_end() {
    let mut s = open("#/memory/9");
    s.dispatch(Intent::TogglePlay, 0.0);
    let dwell = s.dwell();
    s.frame(100.0);
    s.frame(dwell - 1.0);
    assert_eq!(step_of(&s, "memory"), Some(9), "still dwelling");
    s.frame(dwell);
    assert_eq!(step_of(&s, "memory"), Some(10));
    assert_eq!(urls(&mut s).last().map(|(_, n)| *n), Some(Nav::Replace), "playback does not fill the history");
    // The next step's dwell counts from when it was shown.
    let shown = dwell;
    s.frame(shown + 1000.0);
    s.frame(shown + s.dwell());
    assert!(s.playing() && step_of(&s, "stack-heap") == Some(1), "playback runs on into the next chapter");
    let last = steps("next");
    let mut s = open(&format!("#/next/{}", last - 1));
    s.dispatch(Intent::TogglePlay, 0.0);
    s.frame(30_000.0);
    s.frame(31_000.0);
    s.frame(60_000.0);
    assert!(!s.playing(), "playback stops at the story's end");
    assert!(!page(&mut s).has_next);
    s.dispatch(Intent::TogglePlay, 70_000.0);
    assert_eq!(step_of(&s, "next"), Some(1), "play from the very end starts the last chapter over");
}

#[test]
fn animation_moves_between_steps_and_reduced_motion_cuts() {
    let mut s = open("#/stack-heap/2");
    s.frame(0.0);
    s.dispatch(Intent::Next, 1000.0);
    let mid = s.frame(1200.0).expect("scene");
    let end = s.frame(5000.0).expect("scene");
    assert_ne!(mid, end, "mid-animation differs from the target");
    assert!(!s.moving());
    s.dispatch(Intent::ReducedMotion(true), 6000.0);
    s.dispatch(Intent::Next, 6000.0);
    assert!(!s.moving(), "reduced motion cuts");
}

#[test]
fn chapter_menu_theme_and_copy() {
    let mut s = open("#/memory/4");
    s.dispatch(Intent::PickChapter("gc".into()), 1.0);
    assert_eq!(step_of(&s, "gc"), Some(1));
    assert!(!s.dispatch(Intent::PickChapter("<script>".into()), 2.0));
    s.dispatch(Intent::ToggleTheme, 3.0);
    assert!(page(&mut s).dark);
    s.dispatch(Intent::CopyLink, 4.0);
    assert!(s.take_effects().contains(&Effect::CopyLink("#/gc/1?lang=en".into())), "a shared link names its language");
    s.dispatch(Intent::Copied(Err("http://x/#/gc/1".into())), 5.0);
    assert_eq!(page(&mut s).notice.as_deref(), Some("Copy this link: http://x/#/gc/1"));
    s.dispatch(Intent::Scrub(5), 6.0);
    assert_eq!(step_of(&s, "gc"), Some(5));
    assert!(urls(&mut s).is_empty(), "scrubbing keeps the URL until release");
    s.dispatch(Intent::ScrubDone, 7.0);
    assert_eq!(urls(&mut s), [("#/gc/5".to_string(), Nav::Push)]);
}

#[test]
fn every_step_of_every_chapter_has_a_page_and_a_picture() {
    let mut s = open("");
    for (ci, ch) in chapters::catalog().iter().enumerate() {
        for step in 1..=ch.steps.len() {
            s.dispatch(Intent::Open { hash: format!("#/{}/{step}", ch.id), nav: Nav::Keep }, 0.0);
            let p = page(&mut s);
            assert_eq!((p.chapter, p.step + 1, p.notice.as_deref()), (ci, step, None));
            assert!(!p.description.is_empty(), "{} {step}", ch.id);
            assert!(s.frame(1e9).is_some_and(|sc| !sc.nodes.is_empty()), "{} {step}", ch.id);
        }
    }
}

/// Seeking by link and stepping with Next reach the same page and picture.
#[test]
fn seeking_equals_stepping_for_every_step() {
    for ch in chapters::catalog() {
        let mut stepped = open(&format!("#/{}/1", ch.id));
        for step in 1..=ch.steps.len() {
            // Each Next at a later time, drawn once its animation is over.
            let now = step as f64 * 1e6;
            let mut sought = open(&format!("#/{}/{step}", ch.id));
            let (a, b) = (page(&mut stepped), page(&mut sought));
            assert_eq!(a, b, "{} step {step}: the page", ch.id);
            assert!(stepped.frame(now) == sought.frame(now), "{} step {step}: the pictures differ", ch.id);
            stepped.dispatch(Intent::Next, now + 1.0);
        }
    }
}

/// A canvas smaller than the layouts are made for is laid out at a floor
/// and drawn scaled; on such a canvas a step with sliders may need another
/// floor, and the page cuts to it rather than tweening across two scales.
#[test]
fn a_small_canvas_is_laid_out_at_a_floor_and_drawn_scaled() {
    let mut s = open("#/stack-heap/19");
    // A 4-inch phone on its side.
    s.dispatch(Intent::Resize { width: 568.0, height: 266.0, dpr: 2.0 }, 0.0);
    let vp = s.viewport();
    assert_eq!((vp.width.round(), vp.height.round(), (s.zoom() * 1000.0).round()), (653.0, 306.0, 869.0));
    let scene = s.frame(0.0).expect("a picture");
    assert!((scene.width - 653.0).abs() < 1.0 && (scene.height - 306.0).abs() < 1.0, "the picture is laid out at the floor");
    // A canvas the layouts are made for is drawn as it is.
    s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
    assert_eq!((s.viewport().width, s.viewport().height, s.zoom()), (850.0, 620.0, 1.0));

    // 390 × 330: a step with sliders fits as it is; the step before it,
    // without, is laid out at 450 × 381.
    let with = steps_with("gc", "GOGC")[0];
    let mut s = open(&format!("#/gc/{with}"));
    s.dispatch(Intent::Resize { width: 390.0, height: 330.0, dpr: 1.0 }, 0.0);
    assert_eq!(s.zoom(), 1.0);
    s.dispatch(Intent::Prev, 10.0);
    assert!(s.zoom() < 0.9 && s.viewport().width >= 450.0, "gc/{}: zoom {} at {:?}", with - 1, s.zoom(), s.viewport());
    assert!(!s.moving(), "no tween between two scales");
}

/// The canvas's text alternative follows the marking as the picture does:
/// each object's colour and what it means, the grey queue, a stale pointer
/// drawn red, objects by the names captions use. Tri-color marking steps
/// read alike no more (gc/5 to gc/9 were word for word the same).
#[test]
fn the_text_alternative_says_what_the_colours_show() {
    let described = |hash: &str| page(&mut open(hash)).description;
    let steps: Vec<String> = (5..=9).map(|n| described(&format!("#/gc/{n}"))).collect();
    for (i, a) in steps.iter().enumerate() {
        for b in &steps[i + 1..] {
            assert_ne!(a, b, "two marking steps described alike");
        }
    }
    let d = described("#/gc/8");
    assert!(d.contains("n2, Node at") && d.contains("black (reached and scanned)") && d.contains("grey (reached; its pointers still to scan)"), "{d}");
    assert!(d.contains("white (not reached yet)") && d.contains("Grey objects to scan, next first: n3."), "{d}");
    assert!(d.contains("a pointer to the heap Node n1 at"), "{d}");
    assert!(described("#/gc/21").contains("is stale (drawn red)"));
    let d = described("#/gc/5");
    assert!(d.contains("Nothing is reached yet") && !d.contains("No grey object is left"), "before the roots are scanned: {d}");
    assert!(described("#/gc/8?lang=ja").contains("色は黒（到達済みでスキャンも済んだ）です。"));
    // Outside a collection no colour is named.
    assert!(!described("#/gc/2").contains("white"));
}

/// Preparing every chapter ahead (the page does it in idle time) changes
/// nothing on show, says nothing, and leaves each later visit as it would
/// have been without it.
#[test]
fn warming_and_rehearsing_every_step_changes_nothing_on_show() {
    let mut warmed = open("#/gc/20");
    let (before, scene, hash) = (page(&mut warmed), warmed.frame(1e6), warmed.hash());
    warmed.take_effects();
    for ch in 0..warmed.chapters().len() {
        warmed.warm(ch);
        for step in 0..warmed.chapters()[ch].steps.len() + 1 {
            warmed.rehearse(ch, step);
        }
    }
    assert_eq!(page(&mut warmed), before);
    assert_eq!(warmed.frame(1e6), scene);
    assert_eq!(warmed.hash(), hash);
    assert!(warmed.take_effects().is_empty());
    let mut cold = open("#/gc/20");
    for link in ["#/manual-heap/17", "#/stack-growth/6", "#/gc/39?GOGC=50", "#/intro/4"] {
        for s in [&mut warmed, &mut cold] {
            s.dispatch(Intent::Open { hash: link.into(), nav: Nav::Push }, 2e6);
        }
        assert_eq!(page(&mut warmed), page(&mut cold), "{link}");
        assert_eq!(warmed.frame(3e6), cold.frame(3e6), "{link}");
    }
}

/// The picture's accessible name says what it is of, from its panels'
/// titles, on every step of every chapter, in both languages.
#[test]
fn the_picture_is_named_by_what_it_shows() {
    assert_eq!(page(&mut open("#/gc/20")).picture, "Picture: Stack \u{b7} goroutine 1; Heap");
    assert_eq!(page(&mut open("#/gc/39")).picture, "Picture: Heap over time");
    assert_eq!(page(&mut open("#/gc/20?lang=ja")).picture, "図：スタック \u{b7} ゴルーチン 1、ヒープ");
    for lang in ["en", "ja"] {
        let mut s = open(&format!("#/intro/1?lang={lang}"));
        let chapters: Vec<(&str, usize)> = s.chapters().iter().map(|c| (c.id, c.steps.len())).collect();
        for (id, n) in chapters {
            for step in 1..=n {
                s.dispatch(Intent::Open { hash: format!("#/{id}/{step}?lang={lang}"), nav: Nav::Replace }, 0.0);
                let name = page(&mut s).picture;
                assert!(name.chars().count() > 4 && (name.starts_with("Picture: ") || name.starts_with("図：")), "{lang} {id}/{step}: {name:?}");
            }
        }
    }
}

/// Where the C heap's last chunks are summed up in one line, one chunk is
/// "1 more chunk", with no "0 of them leaked" (a phone's picture, with the
/// 4 KiB buffer summed up).
#[test]
fn one_chunk_summed_up_is_one_chunk() {
    for (lang, one, wrong) in [("en", "+ 1 more chunk of 4112 B", "more chunks"), ("ja", "ほか 1 個のチャンク（4112 B）", "うち 0 個")] {
        let mut s = Session::default();
        s.dispatch(Intent::Resize { width: 390.0, height: 473.0, dpr: 1.0 }, 0.0);
        s.dispatch(Intent::Open { hash: format!("#/manual-heap/13?lang={lang}"), nav: Nav::Replace }, 0.0);
        let scene = s.frame(1e9).expect("a picture");
        let texts: Vec<&str> = scene.nodes.iter().flat_map(|n| n.texts.iter().map(|t| t.content.as_str())).collect();
        assert!(texts.contains(&one), "{lang}: {texts:?}");
        assert!(!texts.iter().any(|t| t.contains(wrong)), "{lang}: {texts:?}");
    }
}

/// The step where black n1 comes to point to white n3 lights that arrow,
/// in the colour of what the step is about, on a phone too (where the
/// arrows between objects are drawn only when lit).
#[test]
fn the_arrow_that_breaks_the_invariant_is_lit() {
    use memview::Key;
    for (w, h) in [(850.0, 620.0), (390.0, 473.0)] {
        for (step, lit) in [(16, false), (17, true), (18, true)] {
            let mut s = Session::default();
            s.dispatch(Intent::Resize { width: w, height: h, dpr: 1.0 }, 0.0);
            s.dispatch(Intent::Open { hash: format!("#/gc/{step}"), nav: Nav::Replace }, 0.0);
            let scene = s.frame(1e9).expect("a picture");
            let n1 = scene.nodes.iter().find(|n| n.texts.first().is_some_and(|t| t.content.starts_with("n1"))).map(|n| n.key);
            let Some(Key::Object(id)) = n1 else { panic!("{w}x{h} gc/{step}: no n1") };
            let other = scene.edges.iter().find(|e| e.from == Key::Field(id, 1));
            if lit {
                assert!(other.is_some_and(|e| e.focus), "{w}x{h} gc/{step}: {other:?}");
            } else {
                assert!(other.is_none_or(|e| !e.focus), "{w}x{h} gc/{step}: {other:?}");
            }
        }
    }
}

/// The terminal lights the line its step's caption quotes: escape 8's
/// "leaking param: p" among the dozen verdicts of -gcflags=-m, in both
/// languages; a step whose caption quotes no line of it lights none.
#[test]
fn the_terminal_lights_the_line_the_caption_quotes() {
    for lang in ["en", "ja"] {
        let mut s = open(&format!("#/escape/8?lang={lang}"));
        let p = page(&mut s);
        let text = p.terminal.clone().expect("escape 8 shows the compiler's output");
        let at = p.terminal_mark.expect("a line lit");
        assert!(text.lines().nth(at).is_some_and(|l| l.ends_with("leaking param: p")), "{lang}: line {at} of\n{text}");
    }
    let mut s = open("#/escape/13");
    let p = page(&mut s);
    assert!(p.terminal.is_some() && p.terminal_mark.is_none(), "{:?}", p.terminal_mark);
    // Every lit line is one the caption quotes, never the command.
    let mut lit = 0;
    for (id, n) in [("escape", 15), ("stack-heap", 25), ("case-study", 8), ("stack-growth", 13), ("gc", 44)] {
        for step in 1..=n {
            let mut s = open(&format!("#/{id}/{step}"));
            let p = page(&mut s);
            if let (Some(t), Some(at)) = (&p.terminal, p.terminal_mark) {
                let line = t.lines().nth(at).expect("the line");
                assert!(
                    !line.starts_with("$ ") && p.caption.split(['"', '\u{201c}', '\u{201d}']).skip(1).step_by(2).any(|q| line.contains(q)),
                    "{id}/{step}: {line}"
                );
                lit += 1;
            }
        }
    }
    assert!(lit >= 5, "{lit} steps light a line");
}
