//! Embed mode and the deck protocol, natively: flags in the link, commands
//! from the parent, replies, and whatever a hostile parent may send.

use proptest::prelude::*;
use session::embed::Envelope;
use session::{Effect, Intent, KeyTarget, Message, Nav, Reply, Session};

fn open(hash: &str) -> Session {
    let mut s = Session::default();
    s.dispatch(Intent::Resize { width: 960.0, height: 540.0, dpr: 1.0 }, 0.0);
    s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
    s
}

fn posts(s: &mut Session) -> Vec<Reply> {
    s.take_effects().into_iter().filter_map(|e| if let Effect::Post(r) = e { Some(r) } else { None }).collect()
}

fn envelope(json: &str) -> Message {
    match serde_json::from_str::<Envelope>(json) {
        Ok(e) => Message::Envelope(e),
        Err(e) => Message::Invalid(e.to_string()),
    }
}

#[test]
fn an_embedded_frame_says_ready_and_keeps_its_flags_in_links() {
    let mut s = open("#/gc/39?GOGC=200&embed&caption&theme=dark");
    let p = s.page().expect("page");
    assert!(p.embed.on && p.embed.caption && !p.embed.controls && p.dark);
    let replies = posts(&mut s);
    assert_eq!(replies.first().map(|r| (r.event, r.chapter.as_str(), r.step)), Some(("ready", "gc", 39)));
    assert_eq!(replies[0].link, "#/gc/39?GOGC=200&embed&caption&theme=dark");
    assert_eq!(replies[0].knobs.get("GOGC").map(String::as_str), Some("200"));
    s.dispatch(Intent::Next, 1.0);
    assert_eq!(s.hash(), "#/gc/40?embed&caption&theme=dark", "the flags ride along");
    let r = posts(&mut s);
    assert_eq!(r.iter().map(|r| (r.event, r.step)).collect::<Vec<_>>(), [("state", 40)], "every change is announced");
    // A page that is not embedded says nothing.
    let mut page = open("#/gc/39");
    assert!(posts(&mut page).is_empty());
}

#[test]
fn commands_move_the_frame_and_bad_ones_change_nothing() {
    let mut s = open("#/memory/1?embed");
    posts(&mut s);
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"GOGC":"off"}}"#)), 1.0);
    assert_eq!(s.hash(), "#/gc/39?GOGC=off&embed");
    assert_eq!(posts(&mut s).last().map(|r| r.event), Some("state"));
    for bad in [
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"<img src=x>","step":2}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":99999}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":3,"knobs":{"GOGC":"<b>"}}"#,
        // A good value for a slider the step does not show.
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":5,"knobs":{"GOGC":"200"}}"#,
        r#"{"type":"go-memory","version":2,"command":"next"}"#,
        r#"{"type":"other","version":1,"command":"next"}"#,
        r#"{"type":"go-memory","version":1,"command":"rm -rf"}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","step":-1}"#,
        r#"{"type":"go-memory","version":"1"}"#,
    ] {
        s.dispatch(Intent::Message(envelope(bad)), 2.0);
        assert_eq!(s.hash(), "#/gc/39?GOGC=off&embed", "{bad}");
        let r = posts(&mut s);
        assert!(r.iter().any(|r| r.event == "error" && r.message.is_some()), "{bad}: answered with an error");
        // The reply says what happened: a goto refused whole, not a value
        // "shown" or "ignored" as a link's page would.
        for m in r.iter().filter_map(|r| r.message.as_deref()) {
            assert!(!m.contains("is shown") && !m.contains("was ignored"), "{bad}: {m}");
            assert!(!bad.contains("goto") || !bad.contains("knobs") || m.contains("the goto was refused"), "{bad}: {m}");
        }
        assert!(s.page().expect("page").notice.is_none(), "{bad}: no notice in the frame");
    }
    // A chapter given that is no id says so, not that none was given.
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"<img src=x>","step":2}"#)), 2.5);
    let said: Vec<String> = posts(&mut s).iter().filter_map(|r| r.message.clone()).collect();
    assert!(said.iter().any(|m| m.starts_with("goto names no chapter of this frame")), "{said:?}");
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","step":2}"#)), 2.6);
    assert!(posts(&mut s).iter().any(|r| r.message.as_deref() == Some("goto needs a chapter id")));
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"next"}"#)), 3.0);
    assert_eq!(s.position().1 + 1, 40);
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"get-state"}"#)), 4.0);
    assert_eq!(posts(&mut s).last().map(|r| (r.event, r.step, r.steps)), Some(("state", 40, 44)));
}

/// A frame's history is its host page's: a step taken in a frame (a key,
/// its own Next button, the scrubber let go) replaces the frame's entry, so
/// the host's Back leaves the page instead of stepping the frame back. The
/// page itself still pushes an entry a step.
/// A slide's frame (`steps=10-14`) shows only its range: keys, Home/End,
/// the scrubber and playback stay inside it, and a step past either end
/// asks the deck to move on instead of leaving the slide's state.
#[test]
fn a_frame_with_steps_stays_in_its_range_and_asks_the_deck_past_its_ends() {
    let mut s = open("#/gc/10?embed&controls&steps=10-14");
    posts(&mut s);
    for _ in 0..4 {
        s.dispatch(Intent::Next, 1.0);
    }
    assert_eq!(s.hash(), "#/gc/14?embed&controls&steps=10-14", "the range rides along");
    posts(&mut s);
    let p = s.page().expect("page");
    assert!(p.has_next && p.has_prev, "Next at the range's end is live: it asks the deck");
    s.dispatch(Intent::Next, 2.0);
    assert_eq!(s.position().1 + 1, 14, "Next at the last step stays");
    assert_eq!(posts(&mut s).iter().map(|r| (r.event, r.step)).collect::<Vec<_>>(), [("next", 14)], "and asks the deck to move on");
    // Esc, which a frame has no use for, is the deck's (its overview).
    s.dispatch(Intent::Escape, 2.2);
    assert_eq!(posts(&mut s).iter().map(|r| r.event).collect::<Vec<_>>(), ["escape"]);
    s.dispatch(Intent::Last, 2.5);
    assert_eq!(s.position().1 + 1, 14);
    s.dispatch(Intent::First, 3.0);
    assert_eq!(s.position().1 + 1, 10, "Home goes to the range's first step");
    posts(&mut s);
    s.dispatch(Intent::Prev, 3.5);
    assert_eq!(s.position().1 + 1, 10);
    assert_eq!(posts(&mut s).iter().map(|r| r.event).collect::<Vec<_>>(), ["prev"]);
    s.dispatch(Intent::Scrub(40), 4.0);
    assert_eq!(s.position().1 + 1, 14, "the scrubber stops at the range");
    s.dispatch(Intent::Scrub(1), 4.5);
    assert_eq!(s.position().1 + 1, 10);
    // Playback stops at the range's end, and Play there starts it over.
    s.dispatch(Intent::TogglePlay, 5.0);
    let mut now = 5.0;
    while s.playing() && now < 600_000.0 {
        now += 250.0;
        s.frame(now);
    }
    assert_eq!((s.playing(), s.position().1 + 1), (false, 14));
    assert!(posts(&mut s).iter().all(|r| r.event == "state"), "playback does not leave the slide");
    s.dispatch(Intent::TogglePlay, now + 1.0);
    assert_eq!(s.position().1 + 1, 10);
    // A parent's goto outside the range is refused whole.
    s.dispatch(Intent::TogglePlay, now + 2.0);
    posts(&mut s);
    for bad in [
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":15}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"memory","step":10}"#,
    ] {
        s.dispatch(Intent::Message(envelope(bad)), now + 3.0);
        assert_eq!(s.position(), (4, 9), "{bad}");
        let r = posts(&mut s);
        assert!(r.iter().any(|r| r.event == "error" && r.message.as_deref().is_some_and(|m| m.contains("outside this frame's steps=10-14"))), "{bad}: {r:?}");
    }
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":12}"#)), now + 4.0);
    assert_eq!(s.hash(), "#/gc/12?embed&controls&steps=10-14");
    // The parent's own next and prev stay inside too: past an end it is
    // told so, not asked to move the deck (that is a viewer's step).
    let command = |c: &str| Intent::Message(envelope(&format!(r#"{{"type":"go-memory","version":1,"command":"{c}"}}"#)));
    for (c, edge, end) in [("next", "last", 14), ("prev", "first", 10)] {
        for _ in 0..4 {
            if s.position().1 + 1 != end {
                s.dispatch(command(c), now + 5.0);
            }
        }
        posts(&mut s);
        s.dispatch(command(c), now + 6.0);
        assert_eq!(s.position().1 + 1, end);
        let r = posts(&mut s);
        let told = |r: &Reply| r.event == "error" && r.message.as_deref().is_some_and(|m| m.contains(&format!("{edge} of this frame's steps=10-14")));
        assert!(r.iter().all(|r| r.event != c) && r.iter().any(told), "{c}: {r:?}");
    }
}

/// A slide's link sets its sliders for the whole range (`GOGC=400` on
/// every pacer step of it), as the slide was rehearsed: a step back, or the
/// plugin's goto for it, no longer resets GOGC to 100.
#[test]
fn a_slide_keeps_its_link_s_slider_values_across_its_range() {
    let mut s = open("#/gc/39?GOGC=400&embed&caption&steps=39-41");
    let gogc = |s: &Session| s.knobs().get("GOGC");
    let first = gogc(&s);
    assert!(first.is_some());
    s.dispatch(Intent::Next, 1.0);
    s.dispatch(Intent::Prev, 2.0);
    assert_eq!(s.hash(), "#/gc/39?GOGC=400&embed&caption&steps=39-41");
    s.dispatch(Intent::Next, 3.0);
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39}"#)), 4.0);
    assert_eq!(s.hash(), "#/gc/39?GOGC=400&embed&caption&steps=39-41", "the plugin's goto keeps the slide's value");
    assert_eq!(gogc(&s), first);
    // A goto's own value is for its step; the slide's comes back after it.
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"GOGC":"200"}}"#)), 5.0);
    assert_eq!(s.hash(), "#/gc/39?GOGC=200&embed&caption&steps=39-41");
    s.dispatch(Intent::Next, 6.0);
    s.dispatch(Intent::Prev, 7.0);
    assert_eq!(s.hash(), "#/gc/39?GOGC=400&embed&caption&steps=39-41");
    // Without a range a frame's steps start from their own values, as the page's do.
    let mut free = open("#/gc/39?GOGC=400&embed");
    free.dispatch(Intent::Next, 1.0);
    free.dispatch(Intent::Prev, 2.0);
    assert_eq!(free.hash(), "#/gc/39?embed");
}

/// A goto's fields are checked for what they are, not pasted into a link
/// and read back: a value cannot smuggle in a flag or another step, a flag
/// is not a knob, and every goto is answered.
#[test]
fn a_goto_cannot_set_flags_and_is_always_answered() {
    let mut s = open("#/gc/39?embed");
    posts(&mut s);
    for bad in [
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"GOGC":"200&present"}}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"GOGC":"300%26theme=dark"}}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"present":""}}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"theme":"dark"}}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39,"knobs":{"lang":"ja"}}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc/39","step":9}"#,
        r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc?present","step":9}"#,
    ] {
        s.dispatch(Intent::Message(envelope(bad)), 1.0);
        let p = s.page().expect("page");
        assert!(!p.embed.present && p.embed.dark.is_none(), "{bad}");
        assert_eq!(s.hash(), "#/gc/39?embed", "{bad}");
        let r = posts(&mut s);
        assert!(r.iter().any(|r| r.event == "error" && r.message.is_some()), "{bad}: {r:?}");
    }
    // The step already shown: still a reply, so a parent waiting for one goes on.
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"goto","chapter":"gc","step":39}"#)), 2.0);
    assert_eq!(posts(&mut s).iter().map(|r| (r.event, r.step)).collect::<Vec<_>>(), [("state", 39)]);
}

#[test]
fn a_link_s_range_holds_its_step_or_gets_a_notice() {
    // A link's step outside its range opens at the range, as the deck would show it.
    assert_eq!(open("#/gc/3?embed&steps=10-14").hash(), "#/gc/10?embed&steps=10-14");
    assert_eq!(open("#/gc/30?embed&steps=10-14").hash(), "#/gc/14?embed&steps=10-14");
    for bad in ["0-4", "14-10", "10-45", "10", "a-b", "10-14-15", "-3", "1e1-20", "+1-3", "99999999999999999999-1", "<b>1-2</b>"] {
        let mut s = open(&format!("#/gc/12?embed&steps={bad}"));
        let p = s.page().expect("page");
        assert_eq!(p.embed.steps, None, "{bad}");
        let notice = p.notice.expect("a notice");
        assert!(
            notice.starts_with("steps=\u{201c}") && notice.contains("is not a range of this chapter's steps, 1 to 44 (such as steps=2-5) and was ignored"),
            "{bad}: {notice}"
        );
        assert_eq!(s.position().1 + 1, 12, "{bad}: the step stays");
        assert!(!s.hash().contains("steps"), "{bad}: the link drops it");
    }
    let ja = open("#/gc/12?embed&steps=40-50&lang=ja").page().expect("page").notice.unwrap_or_default();
    assert!(ja.contains("この章のステップの範囲として使えません（ステップは 1 から 44 まで"), "{ja}");
    // Outside embed mode the range means nothing, and says so.
    let mut page = open("#/gc/12?steps=10-14");
    let p = page.page().expect("page");
    assert_eq!(p.embed.steps, None);
    assert!(p.notice.is_some_and(|n| n.contains("\u{201c}steps\u{201d} is not used here")));
    page.dispatch(Intent::Next, 1.0);
    page.dispatch(Intent::Next, 2.0);
    page.dispatch(Intent::Next, 3.0);
    assert_eq!(page.position().1 + 1, 15);
}

#[test]
fn a_frame_never_adds_to_its_host_s_history() {
    let navs =
        |s: &mut Session| s.take_effects().into_iter().filter_map(|e| if let Effect::Url { nav, .. } = e { Some(nav) } else { None }).collect::<Vec<_>>();
    let mut s = open("#/gc/5?embed&controls");
    navs(&mut s);
    for intent in [Intent::Next, Intent::Prev, Intent::Last, Intent::First, Intent::ScrubDone] {
        s.dispatch(intent.clone(), 1.0);
        let written = navs(&mut s);
        assert!(!written.is_empty() && written.iter().all(|n| *n == Nav::Replace), "{intent:?} wrote {written:?}");
    }
    let mut page = open("#/gc/5");
    navs(&mut page);
    page.dispatch(Intent::Next, 1.0);
    assert_eq!(navs(&mut page), [Nav::Push]);
}

/// A slide shows one state: reveal.js's `slide:start` leaves it where its
/// link put it (it used to start playback, and a minute later the slide
/// showed another step with other settings); `slide:stop` pauses playback
/// the viewer or the deck started.
#[test]
fn reveal_js_slide_events_keep_the_slide_s_state_and_pause() {
    let mut s = open("#/gc/39?GOGC=400&embed");
    s.dispatch(Intent::Message(Message::Slide(true)), 1.0);
    assert!(!s.playing());
    for t in 1..=60 {
        s.frame(f64::from(t) * 1000.0);
    }
    assert_eq!(s.hash(), "#/gc/39?GOGC=400&embed", "a minute on the slide");
    s.dispatch(Intent::Message(envelope(r#"{"type":"go-memory","version":1,"command":"play"}"#)), 61_000.0);
    assert!(s.playing());
    s.dispatch(Intent::Message(Message::Slide(false)), 61_500.0);
    assert!(!s.playing());
    let told = posts(&mut s);
    assert!(told.iter().any(|r| r.playing), "the parent heard it play");
    assert!(told.last().is_some_and(|r| !r.playing), "and stop");
}

#[test]
fn a_burst_of_ten_thousand_messages_leaves_a_sane_state() {
    let mut s = open("#/gc/1?embed");
    for i in 0..10_000 {
        let m = if i % 2 == 0 { envelope(r#"{"type":"go-memory","version":1,"command":"next"}"#) } else { Message::Invalid("junk".into()) };
        s.dispatch(Intent::Message(m), f64::from(i));
    }
    let p = s.page().expect("page");
    assert_eq!(p.chapter_id, "next", "5,000 nexts run to the end of the story");
    assert!(!p.has_next);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Any JSON value at all: decoding never panics, a refused message
    /// changes nothing, an accepted one leaves a real step on show.
    #[test]
    fn any_json_is_refused_or_obeyed_never_a_panic(v in json_value()) {
        let mut s = open("#/stack-heap/3?embed");
        posts(&mut s);
        let before = s.hash();
        let m = match serde_json::from_value::<Envelope>(v) {
            Ok(e) => Message::Envelope(e),
            Err(e) => Message::Invalid(e.to_string()),
        };
        s.dispatch(Intent::Message(m), 1.0);
        let replies = posts(&mut s);
        if replies.iter().any(|r| r.event == "error") {
            prop_assert_eq!(s.hash(), before);
        }
        let p = s.page().expect("page");
        prop_assert!(p.step < p.total);
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop_oneof![Just("go-memory".to_string()), Just("goto".to_string()), Just("gc".to_string()), Just("__proto__".to_string()), ".{0,12}"]
            .prop_map(Value::String),
    ];
    let key = prop_oneof![Just("type"), Just("version"), Just("command"), Just("chapter"), Just("step"), Just("knobs"), Just("__proto__"), Just("GOGC")]
        .prop_map(String::from);
    leaf.prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect()))
        ]
    })
}

/// A swipe steps as Next and Back do: on the page, in a frame a viewer may
/// step (controls, or a slide's range, past whose ends it asks the deck);
/// a frame showing one fixed state passes the swipe to its deck instead.
#[test]
fn a_swipe_steps_where_next_would_and_a_fixed_frame_passes_it_to_the_deck() {
    let left = Intent::Swipe { dx: -150.0, dy: 12.0, ms: 220.0 };
    let right = Intent::Swipe { dx: 150.0, dy: -12.0, ms: 220.0 };
    let mut page = open("#/gc/10");
    page.dispatch(left.clone(), 1.0);
    assert_eq!(page.hash(), "#/gc/11");
    page.dispatch(right.clone(), 2.0);
    assert_eq!(page.hash(), "#/gc/10");
    page.dispatch(Intent::Swipe { dx: -30.0, dy: 200.0, ms: 300.0 }, 3.0);
    assert_eq!(page.hash(), "#/gc/10", "a scroll is not a swipe");

    let mut range = open("#/gc/13?embed&steps=10-14");
    posts(&mut range);
    range.dispatch(left.clone(), 1.0);
    assert_eq!(range.position().1 + 1, 14);
    posts(&mut range);
    range.dispatch(left.clone(), 2.0);
    assert_eq!(range.position().1 + 1, 14, "the range's last step stays");
    assert_eq!(posts(&mut range).iter().map(|r| r.event).collect::<Vec<_>>(), ["next"], "and the deck is asked to move on");

    let mut controls = open("#/gc/10?embed&controls");
    controls.dispatch(left.clone(), 1.0);
    assert_eq!(controls.position().1 + 1, 11);

    let mut fixed = open("#/gc/10?embed");
    posts(&mut fixed);
    fixed.dispatch(left, 1.0);
    fixed.dispatch(right, 2.0);
    assert_eq!(fixed.position().1 + 1, 10, "a slide's fixed state stays");
    assert_eq!(posts(&mut fixed).iter().map(|r| (r.event, r.step)).collect::<Vec<_>>(), [("next", 10), ("prev", 10)]);
}

/// A frame showing one fixed state keeps it when a viewer clicked into it:
/// a clicker's or an arrow's step goes to the deck, as a swipe does, and
/// Home, End and Space move nothing. A range or controls still step.
#[test]
fn a_fixed_frame_passes_its_step_keys_to_the_deck_and_stays() {
    let key = |k: &str| Intent::Key { key: k.into(), modifier: false, target: KeyTarget::Page };
    let mut fixed = open("#/stack-growth/8?embed&lang=ja");
    posts(&mut fixed);
    for k in ["PageDown", "ArrowRight", "PageUp", "ArrowLeft", "End", "Home", " "] {
        fixed.dispatch(key(k), 1.0);
    }
    assert_eq!(fixed.hash(), "#/stack-growth/8?embed&lang=ja", "the picture stays on its link's step");
    assert!(!fixed.playing());
    let asked: Vec<_> = posts(&mut fixed).iter().map(|r| (r.event, r.step)).collect();
    assert_eq!(asked, [("next", 8), ("next", 8), ("prev", 8), ("prev", 8)]);

    for link in ["#/stack-growth/8?embed&steps=8-9", "#/stack-growth/8?embed&controls", "#/stack-growth/8?present", "#/stack-growth/8"] {
        let mut s = open(link);
        s.dispatch(key("ArrowRight"), 1.0);
        assert_eq!(s.position().1 + 1, 9, "{link} steps");
    }
}

/// A slide's frame makes room for its range's steps only: stack-heap 5–7
/// use no heap, so its picture has no heap panel and larger text than the
/// page's at the same size, and stays the same size across the range.
/// Objects keep the names the chapter's captions use. A frame without a
/// range, which a script may step anywhere, keeps the chapter's room.
#[test]
fn a_slides_frame_makes_room_for_its_own_steps() {
    let at = |link: &str| {
        let mut s = Session::default();
        s.dispatch(Intent::Resize { width: 470.0, height: 300.0, dpr: 1.0 }, 0.0);
        s.dispatch(Intent::Open { hash: link.into(), nav: Nav::Replace }, 0.0);
        s
    };
    let panels =
        |scene: &memview::Scene| scene.nodes.iter().filter_map(|n| if let memview::Key::Panel(p) = n.key { Some(p) } else { None }).collect::<Vec<_>>();
    let largest = |scene: &memview::Scene| scene.nodes.iter().flat_map(|n| n.texts.iter()).filter(|t| t.content == "15").map(|t| t.size).fold(0.0, f32::max);

    let mut page = at("#/stack-heap/5?embed&controls");
    let mut slide = at("#/stack-heap/5?embed&steps=5-7");
    let mut fixed = at("#/stack-heap/5?embed");
    let (p, sl, fx) = (page.frame(1e9).expect("scene"), slide.frame(1e9).expect("scene"), fixed.frame(1e9).expect("scene"));
    assert!(panels(&p).contains(&"heap"), "a frame a viewer may step anywhere keeps the chapter's room: {:?}", panels(&p));
    assert!(!panels(&sl).contains(&"heap"), "{:?}", panels(&sl));
    assert_eq!(panels(&fx), panels(&p), "a frame without a range");
    assert!(largest(&sl) > largest(&p) * 1.15, "b's value is drawn larger: {} against {}", largest(&sl), largest(&p));
    // Steady across the slide: the panels and the stack's box stay put.
    let stack = |scene: &memview::Scene| scene.nodes.iter().find(|n| n.key == memview::Key::Panel("stack")).map(|n| n.rect);
    let first = stack(&sl);
    for _ in 0..2 {
        slide.dispatch(Intent::Next, 1.0);
        let next = slide.frame(1e9).expect("scene");
        assert_eq!(panels(&next), panels(&sl));
        assert_eq!(stack(&next), first);
    }

    // The gc chapter's slide 12–16 names its objects as the captions do.
    let mut gc = at("#/gc/12?embed&steps=12-16");
    let scene = gc.frame(1e9).expect("scene");
    let names: Vec<_> =
        scene.nodes.iter().flat_map(|n| n.texts.iter()).map(|t| t.content.as_str()).filter(|c| c.starts_with('n') && c[1..].parse::<u32>().is_ok()).collect();
    assert_eq!(names, ["n1", "n2", "n3", "n5"]);
}

/// A frame that has the keyboard keeps every key from its deck: the deck's
/// own keys (its overview, a black screen) are passed on to it, with the
/// key named; the explainer's keys, a modifier's, a text field's and any
/// other key are not, and the page outside a frame passes none.
#[test]
fn a_frame_passes_the_decks_own_keys_to_its_deck() {
    let key = |k: &str, modifier: bool, target: KeyTarget| Intent::Key { key: k.into(), modifier, target };
    let mut s = open("#/gc/10?embed&steps=10-14");
    posts(&mut s);
    for k in ["o", "b", ".", "v", "f", "s", "g"] {
        s.dispatch(key(k, false, KeyTarget::Page), 1.0);
        let r = posts(&mut s);
        assert_eq!(r.iter().map(|r| (r.event, r.key)).collect::<Vec<_>>(), [("key", Some(k))], "{k}");
        assert_eq!(r[0].step, 10, "the reply says where the frame is");
    }
    s.dispatch(key("o", false, KeyTarget::Button), 1.5);
    assert_eq!(posts(&mut s).len(), 1, "from a focused button too");
    for (k, modifier, target) in [("o", true, KeyTarget::Page), ("o", false, KeyTarget::Text), ("x", false, KeyTarget::Page), ("O", false, KeyTarget::Page)] {
        s.dispatch(key(k, modifier, target), 2.0);
        assert!(posts(&mut s).iter().all(|r| r.event != "key"), "{k} {modifier} {target:?}");
    }
    // The explainer's own keys stay its own.
    s.dispatch(key("ArrowRight", false, KeyTarget::Page), 3.0);
    assert_eq!(posts(&mut s).iter().map(|r| r.event).collect::<Vec<_>>(), ["state"]);
    // Behind the help nothing passes.
    s.dispatch(Intent::Help(true), 4.0);
    s.dispatch(key("o", false, KeyTarget::Page), 4.1);
    assert!(posts(&mut s).iter().all(|r| r.event != "key"));
    // Other replies carry no key at all (absent from the message).
    let json = serde_json::to_string(&posts_state(&mut s)).expect("json");
    assert!(!json.contains("\"key\""), "{json}");
    // The page and the presenter view have no deck to pass to.
    for link in ["#/gc/10", "#/gc/10?present"] {
        let mut s = open(link);
        posts(&mut s);
        s.dispatch(key("o", false, KeyTarget::Page), 1.0);
        assert!(posts(&mut s).is_empty(), "{link}");
    }
}

/// A `state` reply from `s`, after a step.
fn posts_state(s: &mut Session) -> Reply {
    s.dispatch(Intent::Help(false), 5.0);
    s.dispatch(Intent::Prev, 5.1);
    posts(s).into_iter().find(|r| r.event == "state").expect("a state reply")
}
