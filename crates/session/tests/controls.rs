//! The controls anyone reads: playback's dwell, keys wherever focus is, the
//! story's progress and a chapter's parts, the first-step hint, and the
//! presenter view (`p`, `?present`).

use proptest::prelude::*;
use session::{dwell_ms, Effect, Intent, KeyTarget, Nav, Page, Session, HINT};

fn open_in(mut s: Session, hash: &str) -> Session {
    s.dispatch(Intent::Resize { width: 850.0, height: 620.0, dpr: 1.0 }, 0.0);
    s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
    s
}

fn open(hash: &str) -> Session {
    open_in(Session::default(), hash)
}

fn page(s: &mut Session) -> Page {
    s.page().expect("a page once a link is open")
}

fn key(k: &str, target: KeyTarget) -> Intent {
    Intent::Key { key: k.into(), modifier: false, target }
}

fn at(s: &Session) -> String {
    let (c, step) = s.position();
    format!("{}/{}", s.chapters()[c].id, step + 1)
}

fn last_url(s: &mut Session) -> Option<(String, Nav)> {
    s.take_effects().into_iter().filter_map(|e| if let Effect::Url { hash, nav } = e { Some((hash, nav)) } else { None }).next_back()
}

#[test]
fn the_dwell_grows_with_the_caption_and_shrinks_with_speed() {
    let words = |n: usize| vec!["word"; n].join(" ");
    assert_eq!(dwell_ms(&words(20), 1.0), 6500.0, "1.5 s + 0.25 s a word");
    assert_eq!(dwell_ms(&words(40), 1.0), 11_500.0);
    assert_eq!(dwell_ms("", 1.0), 2500.0, "never shorter than 2.5 s");
    assert_eq!(dwell_ms(&words(3), 1.0), 2500.0);
    assert_eq!(dwell_ms(&words(500), 1.0), 20_000.0, "never longer than 20 s");
    assert_eq!(dwell_ms(&words(40), 2.0), 5750.0, "twice the speed, half the time");
    assert_eq!(dwell_ms(&words(40), 0.5), 23_000.0);
    assert_eq!(dwell_ms("  spaced\n\tout  words ", 1.0), dwell_ms(&words(3), 1.0), "words, not characters");
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(dwell_ms(&words(20), bad), 6500.0, "a nonsense speed {bad} counts as 1");
    }
}

#[test]
fn playback_waits_longer_on_a_longer_caption() {
    let cat = chapters::catalog();
    // The shortest and the longest caption of the story, not on a last step.
    let mut steps: Vec<(usize, String, usize)> = Vec::new();
    for c in &cat {
        for (i, st) in c.steps.iter().enumerate().take(c.steps.len() - 1) {
            steps.push((st.caption.split_whitespace().count(), c.id.to_string(), i + 1));
        }
    }
    steps.sort();
    let (short, long) = (&steps[0], &steps[steps.len() - 1]);
    let mut shown = Vec::new();
    for (words, id, step) in [short, long] {
        let mut s = open(&format!("#/{id}/{step}"));
        s.dispatch(Intent::Speed("2".into()), 0.0);
        s.dispatch(Intent::TogglePlay, 0.0);
        let dwell = s.dwell();
        assert_eq!(dwell, dwell_ms(&s.chapters().iter().find(|c| c.id == id).unwrap().steps[step - 1].caption, 2.0), "{words} words");
        s.frame(dwell - 1.0);
        assert_eq!(at(&s), format!("{id}/{step}"), "still reading");
        s.frame(dwell);
        assert_eq!(at(&s), format!("{id}/{}", step + 1), "moved on once read");
        shown.push(dwell);
    }
    assert!(shown[1] > shown[0] * 2.0, "{shown:?}");
}

#[test]
fn the_help_keys_act_on_buttons_menus_and_the_scrubber() {
    for target in [KeyTarget::Page, KeyTarget::Button, KeyTarget::Menu, KeyTarget::Scrubber] {
        let mut s = open("#/stack-heap/3");
        assert!(s.dispatch(key("ArrowRight", target), 1.0), "{target:?}");
        assert_eq!(at(&s), "stack-heap/4", "→ on {target:?}");
        assert_eq!(last_url(&mut s), Some(("#/stack-heap/4".into(), Nav::Push)));
        assert!(s.dispatch(key("ArrowLeft", target), 2.0));
        assert_eq!(at(&s), "stack-heap/3", "← on {target:?}");
        assert!(s.dispatch(key("End", target), 3.0));
        assert_eq!(at(&s), format!("stack-heap/{}", s.chapters()[2].steps.len()), "End on {target:?}");
        assert!(s.dispatch(key("Home", target), 4.0));
        assert_eq!(at(&s), "stack-heap/1", "Home on {target:?}");
        if matches!(target, KeyTarget::Button | KeyTarget::Menu) {
            // Space presses the focused button, or opens the menu.
            assert!(!s.dispatch(key(" ", target), 5.0), "Space is left to the {target:?}");
            assert!(!s.playing());
        } else {
            assert!(s.dispatch(key(" ", target), 5.0), "Space on {target:?}");
            assert!(s.playing(), "Space plays on {target:?}, as the help says");
            assert!(s.dispatch(key(" ", target), 6.0));
            assert!(!s.playing());
        }
        assert!(s.dispatch(key("?", target), 7.0));
        assert!(page(&mut s).help_open, "? on {target:?}");
        // The help is modal: the step keys do nothing behind it.
        for k in ["ArrowRight", "ArrowLeft", "End", " ", "p"] {
            assert!(!s.dispatch(key(k, target), 7.5), "{k} behind the help on {target:?}");
        }
        assert_eq!(at(&s), "stack-heap/1");
        assert!(!s.playing() && !page(&mut s).embed.present);
        assert!(s.dispatch(key("Escape", target), 8.0));
        assert!(!page(&mut s).help_open);
        // `?` closes it as well.
        s.dispatch(key("?", target), 8.2);
        assert!(s.dispatch(key("?", target), 8.4));
        assert!(!page(&mut s).help_open, "? again on {target:?}");
        assert!(s.dispatch(key("p", target), 9.0));
        assert!(page(&mut s).embed.present, "p on {target:?}");
        // What each control needs stays its own.
        for k in ["Enter", "ArrowUp", "ArrowDown", "Tab", "a"] {
            assert!(!s.dispatch(key(k, target), 10.0), "{k} on {target:?} is left to the control");
        }
    }
}

/// A presentation clicker sends Page Down / Page Up: in the presenter view
/// and in a slide's frame with steps they step (a frame with one fixed
/// state passes them to its deck: tests/embed.rs); on the page they still
/// scroll it.
#[test]
fn a_clicker_s_page_keys_step_where_a_speaker_uses_one() {
    for hash in ["#/stack-heap/3?present", "#/stack-heap/3?embed&steps=3-9", "#/stack-heap/3?embed&controls"] {
        let mut s = open(hash);
        for target in [KeyTarget::Page, KeyTarget::Button, KeyTarget::Scrubber] {
            assert!(s.dispatch(key("PageDown", target), 1.0), "{hash}: {target:?}");
        }
        assert_eq!(at(&s), "stack-heap/6", "{hash}");
        assert!(s.dispatch(key("PageUp", KeyTarget::Page), 2.0));
        assert_eq!(at(&s), "stack-heap/5", "{hash}");
        // A clicker's keys step even from a slider a speaker tabbed to; a
        // menu and a text field keep them.
        assert!(s.dispatch(key("PageDown", KeyTarget::Slider), 3.0), "{hash}");
        assert_eq!(at(&s), "stack-heap/6", "{hash}");
        for target in [KeyTarget::Menu, KeyTarget::Text] {
            assert!(!s.dispatch(key("PageDown", target), 3.0), "{hash}: {target:?} keeps Page Down");
        }
        assert_eq!(at(&s), "stack-heap/6");
    }
    let mut page = open("#/stack-heap/3");
    assert!(!page.dispatch(key("PageDown", KeyTarget::Page), 1.0), "the page scrolls");
    assert!(!page.dispatch(key("PageDown", KeyTarget::Slider), 1.0), "a knob's slider pages through its values");
    assert_eq!(at(&page), "stack-heap/3");
    // The step scrubber's own Page Down jumped a tenth of the chapter back.
    assert!(page.dispatch(key("PageDown", KeyTarget::Scrubber), 2.0));
    assert_eq!(at(&page), "stack-heap/4");
    assert!(page.dispatch(key("PageUp", KeyTarget::Scrubber), 3.0));
    assert_eq!(at(&page), "stack-heap/3");
}

#[test]
fn a_slider_keeps_its_keys_and_a_text_field_keeps_every_key() {
    let mut s = open("#/stack-heap/3");
    for k in ["ArrowRight", "ArrowLeft", "Home", "End"] {
        assert!(!s.dispatch(key(k, KeyTarget::Slider), 1.0), "a knob's slider moves with {k}");
        assert_eq!(at(&s), "stack-heap/3");
    }
    assert!(s.dispatch(key(" ", KeyTarget::Slider), 2.0), "Space still plays");
    assert!(s.playing());
    s.dispatch(Intent::TogglePlay, 3.0);
    for k in ["ArrowRight", " ", "Home", "?", "p"] {
        assert!(!s.dispatch(key(k, KeyTarget::Text), 4.0), "typing {k:?} stays typing");
    }
    assert_eq!(at(&s), "stack-heap/3");
    let p = page(&mut s);
    assert!(!p.help_open && !p.embed.present && !p.playing);
    let held = Intent::Key { key: "p".into(), modifier: true, target: KeyTarget::Page };
    assert!(!s.dispatch(held, 5.0), "Ctrl+P is the browser's");
    assert!(!page(&mut s).embed.present);
    assert!(!s.dispatch(key("Escape", KeyTarget::Page), 6.0), "Escape with nothing to close is the browser's");
}

#[test]
fn progress_says_where_in_the_story_and_the_chapter() {
    let mut s = open("#/gc/19");
    let p = page(&mut s);
    let n = s.chapters().len();
    let total = s.chapters()[4].steps.len();
    assert_eq!((p.progress.chapters, p.chapter), (n, 4));
    assert_eq!(p.progress.text, format!("Chapter 5 of {n} \u{b7} step 19 of {total}"));
    let mut s = open("");
    assert_eq!(page(&mut s).progress.text, format!("Chapter 1 of {n} \u{b7} step 1 of {}", s.chapters()[0].steps.len()));
    // No chapter of the catalog without parts shows a part.
    for (i, c) in chapters::catalog().iter().enumerate() {
        if c.parts.is_empty() {
            s.dispatch(Intent::PickChapter(c.id.into()), i as f64);
            assert_eq!(page(&mut s).progress.part, None, "{}", c.id);
        }
    }
}

#[test]
fn a_chapter_with_parts_names_the_part_and_the_place_in_it() {
    let mut cat = chapters::catalog();
    let gc = cat.iter_mut().find(|c| c.id == "gc").expect("gc");
    let total = gc.steps.len();
    gc.parts = vec![(0, "Mark and sweep"), (5, "Tri-color"), (10, "Marking while the program runs"), (17, "Green Tea"), (25, "The pacer")];
    let mut s = open_in(Session::new(cat), "#/gc/14");
    let p = page(&mut s);
    assert_eq!(p.progress.part.as_deref(), Some("Part 3 of 5: Marking while the program runs \u{b7} 4/7"));
    s.dispatch(Intent::Next, 1.0);
    s.dispatch(Intent::Next, 2.0);
    s.dispatch(Intent::Next, 3.0);
    s.dispatch(Intent::Next, 4.0);
    assert_eq!(page(&mut s).progress.part.as_deref(), Some("Part 4 of 5: Green Tea \u{b7} 1/8"));
    s.dispatch(Intent::First, 5.0);
    assert_eq!(page(&mut s).progress.part.as_deref(), Some("Part 1 of 5: Mark and sweep \u{b7} 1/5"));
    s.dispatch(Intent::Last, 6.0);
    assert_eq!(page(&mut s).progress.part, Some(format!("Part 5 of 5: The pacer \u{b7} {0}/{0}", total - 25)));
    s.dispatch(Intent::Next, 7.0);
    assert_eq!(page(&mut s).progress.part, None, "the next chapter has no parts");
}

#[test]
fn the_first_step_hint_shows_until_the_first_move() {
    let mut s = open("");
    assert_eq!(page(&mut s).hint.map(|h| h.keys), Some(HINT));
    assert!(HINT.contains("Next") && HINT.contains('\u{2192}'));
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(page(&mut s).hint, None, "gone after the first move");
    s.dispatch(Intent::Prev, 2.0);
    assert_eq!(page(&mut s).hint, None, "and it does not come back");

    // A chapter opened at step 1, by link or by the menu, shows it too.
    let mut s = open("#/gc/1");
    assert_eq!(page(&mut s).hint.map(|h| h.keys), Some(HINT));
    s.dispatch(Intent::PickChapter("escape".into()), 1.0);
    assert_eq!(page(&mut s).hint.map(|h| h.keys), Some(HINT), "picking a chapter is not yet a move");
    s.dispatch(key(" ", KeyTarget::Page), 2.0);
    assert_eq!(page(&mut s).hint, None, "playing is");
    assert_eq!(page(&mut open("#/gc/5")).hint, None, "not past the first step");

    // Not in a deck's frame, unless it shows controls; not in the presenter view.
    assert_eq!(page(&mut open("#/gc/1?embed&caption")).hint, None);
    assert_eq!(page(&mut open("#/gc/1?embed&controls")).hint.map(|h| h.keys), Some(HINT));
    assert_eq!(page(&mut open("#/gc/1?present")).hint, None);
}

#[test]
fn the_presenter_view_by_link_and_by_key_rides_along_in_links() {
    let mut s = open("#/gc/39?GOGC=200&present");
    let p = page(&mut s);
    assert!(p.embed.present && !p.embed.on && p.notice.is_none());
    assert_eq!(s.hash(), "#/gc/39?GOGC=200&present");
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(last_url(&mut s).map(|(h, _)| h), Some("#/gc/40?present".into()), "it rides along with the step");
    s.dispatch(Intent::CopyEmbed, 2.0);
    assert!(s.take_effects().contains(&Effect::CopyEmbed("#/gc/40?embed&lang=en".into())), "an embed is not a presenter view, and names its language");
    assert!(s.dispatch(key("Escape", KeyTarget::Page), 3.0), "Escape leaves it");
    assert!(!page(&mut s).embed.present);
    assert_eq!(last_url(&mut s), Some(("#/gc/40".into(), Nav::Replace)));

    let mut s = open("#/memory/2");
    s.dispatch(key("p", KeyTarget::Page), 1.0);
    assert!(page(&mut s).embed.present);
    assert_eq!(last_url(&mut s), Some(("#/memory/2?present".into(), Nav::Replace)), "the link says so: copy link copies it");
    s.dispatch(key("?", KeyTarget::Page), 2.0);
    s.dispatch(key("Escape", KeyTarget::Page), 3.0);
    assert!(page(&mut s).embed.present, "the first Escape closes the help only");
    s.dispatch(key("P", KeyTarget::Page), 4.0);
    assert!(!page(&mut s).embed.present, "p again leaves it");
    s.dispatch(Intent::Present(true), 5.0);
    s.dispatch(Intent::Open { hash: "#/memory/3".into(), nav: Nav::Keep }, 6.0);
    assert!(!page(&mut s).embed.present, "a link without the flag is shown without it (back/forward)");

    // With embed mode, the flags keep one order.
    let s = open("#/gc/2?embed&caption&present&theme=dark");
    assert_eq!(s.hash(), "#/gc/2?present&embed&caption&theme=dark");
    for on in ["on", "1", "true"] {
        assert!(page(&mut open(&format!("#/gc/2?present={on}"))).embed.present, "{on}");
    }
    for off in ["off", "0", "false"] {
        let mut s = open(&format!("#/gc/2?present={off}"));
        assert!(!page(&mut s).embed.present && page(&mut s).notice.is_none(), "{off}");
        assert_eq!(s.hash(), "#/gc/2");
    }
}

#[test]
fn a_bad_present_value_gets_a_notice_and_a_sane_page() {
    for bad in ["%3Cimg%20src=x%20onerror=alert(1)%3E", "yes please", "2"] {
        let mut s = open(&format!("#/gc/3?present={bad}"));
        let p = page(&mut s);
        assert!(!p.embed.present, "{bad}");
        assert_eq!((p.chapter_id, p.step + 1), ("gc", 3));
        let notice = p.notice.unwrap_or_default();
        assert!(notice.contains("present=") && notice.contains("(expected on or off)"), "{notice}");
        assert_eq!(last_url(&mut s), Some(("#/gc/3".into(), Nav::Replace)), "the link is corrected");
    }
}

/// A link's `theme` outside a frame holds (in the link, against the
/// system's theme) until the viewer presses ◐.
#[test]
fn a_link_s_theme_holds_until_the_viewer_chooses() {
    let mut s = open("#/gc/5?present&theme=dark");
    assert!(page(&mut s).dark);
    s.dispatch(Intent::Dark(false), 1.0);
    assert!(page(&mut s).dark, "the system's theme does not override the link's");
    s.dispatch(Intent::Next, 2.0);
    assert_eq!(s.hash(), "#/gc/6?present&theme=dark", "it rides along");
    s.dispatch(Intent::ToggleTheme, 3.0);
    assert!(!page(&mut s).dark);
    assert_eq!(last_url(&mut s), Some(("#/gc/6?present".into(), Nav::Replace)), "the viewer's choice now, not the link's");
    s.dispatch(Intent::Dark(true), 4.0);
    assert!(page(&mut s).dark, "and the system's theme is followed again");
}

#[test]
fn every_bad_flag_is_said_not_only_the_last() {
    for (hash, both) in [
        ("#/gc/5?present=maybe&theme=blue", ["present=\u{201c}maybe\u{201d}", "theme=\u{201c}blue\u{201d}"]),
        ("#/gc/5?present=maybe&theme=blue&lang=ja", ["present=\u{300c}maybe\u{300d}", "theme=\u{300c}blue\u{300d}"]),
    ] {
        let notice = page(&mut open(hash)).notice.unwrap_or_default();
        assert!(both.iter().all(|b| notice.contains(b)), "{notice}");
        assert!(notice.ends_with('.') || notice.ends_with('\u{3002}'), "{notice}");
    }
}

proptest! {
    #[test]
    fn any_present_value_or_key_leaves_a_sane_state(value in "\\PC{0,80}", keys in prop::collection::vec("\\PC{0,3}", 0..12)) {
        let mut s = open(&format!("#/gc/39?present={value}"));
        for (i, k) in keys.iter().enumerate() {
            for target in [KeyTarget::Page, KeyTarget::Menu, KeyTarget::Slider] {
                s.dispatch(key(k, target), i as f64);
            }
        }
        let p = page(&mut s);
        prop_assert!(p.total > 0 && p.step < p.total);
        prop_assert!(s.hash().starts_with("#/"));
        prop_assert!(s.frame(1e9).is_some());
    }
}

/// "Link copied" is said of the step the link was copied at: it goes with
/// the next step, and a failed copy says so in a notice instead.
#[test]
fn the_copy_status_goes_with_the_step_it_was_copied_at() {
    let mut s = open("#/gc/3");
    s.dispatch(Intent::CopyLink, 0.0);
    assert!(s.take_effects().iter().any(|e| matches!(e, Effect::CopyLink(_))));
    s.dispatch(Intent::Copied(Ok(())), 0.0);
    assert_eq!(page(&mut s).copy_status, "Link copied");
    s.dispatch(Intent::Next, 0.0);
    assert_eq!(page(&mut s).copy_status, "");
    s.dispatch(Intent::Copied(Err("#/gc/4".into())), 0.0);
    assert_eq!(page(&mut s).copy_status, "");
    assert!(page(&mut s).notice.is_some_and(|n| n.contains("#/gc/4")));
    // The embed button says what it copied; a second copy clears the status
    // first (so it is announced again), and a read status goes.
    s.dispatch(Intent::CopyLink, 1.0);
    s.dispatch(Intent::Copied(Ok(())), 1.0);
    s.dispatch(Intent::CopyEmbed, 2.0);
    assert_eq!(page(&mut s).copy_status, "", "cleared while the clipboard works");
    s.dispatch(Intent::Copied(Ok(())), 2.0);
    assert_eq!(page(&mut s).copy_status, "Embed code copied");
    s.dispatch(Intent::CopyStatusRead, 6.0);
    assert_eq!(page(&mut s).copy_status, "");
}

/// A copied `<iframe>` is titled by its chapter and step, so frames in one
/// deck are told apart by a screen reader; in the page's language.
#[test]
fn a_copied_frame_is_titled_by_its_chapter_and_step() {
    let s = open("#/gc/39");
    assert_eq!(s.embed_title(), "Automatic heap management: garbage collection \u{b7} Step 39 of 44 \u{2014} Go Memory, Through History");
    let s = open("#/gc/39?lang=ja");
    assert!(s.embed_title().contains("ステップ 39/44") && s.embed_title().ends_with("歴史でたどる Go のメモリ"), "{}", s.embed_title());
}
