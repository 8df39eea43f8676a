//! What a step says, its picture, its listing's current line and its text
//! alternative show: each test is a place where they once disagreed.

use chapters::{catalog, catalog_in, Chapter};
use memview::{layout, Key, Language, Stage, Viewport};

const LAPTOP: Viewport = Viewport::new(850.0, 620.0);
const PHONE: Viewport = Viewport::new(390.0, 470.0);

fn chapter(id: &str) -> Chapter {
    catalog().into_iter().find(|c| c.id == id).expect("chapter")
}

/// The step whose caption contains `words`.
fn step(ch: &Chapter, words: &str) -> usize {
    ch.steps.iter().position(|s| s.caption.contains(words)).unwrap_or_else(|| panic!("{}: no step says {words:?}", ch.id))
}

/// The text of step `i`'s current line in the listing it shows.
fn current_line(ch: &Chapter, i: usize) -> String {
    let k = ch.steps[i].view.figure().map(|f| f.defaults()).unwrap_or_default();
    let code = ch.code_at(i, &k);
    let n = ch.line_in(i, code).expect("the step names a line");
    code.text.lines().nth(n - 1).expect("the line exists").trim().to_string()
}

fn machine_scene(ch: &Chapter, i: usize, vp: Viewport) -> memview::Scene {
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    layout(tl.state(i).expect("state"), &stage, vp, &ch.steps[i].focus)
}

/// "root.Other still holds its address, drawn red": the swept object's
/// free slot is where a red arrow from the field ends.
#[test]
fn a_pointer_to_a_swept_object_is_a_red_arrow_to_its_free_slot() {
    let ch = chapter("gc");
    let i = step(&ch, "Sweeping frees n3");
    for vp in [LAPTOP, PHONE] {
        let scene = machine_scene(&ch, i, vp);
        let red: Vec<_> = scene.edges.iter().filter(|e| e.danger).collect();
        assert_eq!(red.len(), 1, "{:?}", scene.edges);
        assert!(matches!(red[0].from, Key::Field(..)) && matches!(red[0].to, Key::Part("free-slot", _)), "{:?}", red[0]);
        assert!(scene.node(red[0].to).is_some(), "the free slot is drawn");
    }
}

/// On a phone the heap's objects are a line each, with a gutter a few
/// pixels wide: the arrows between them are only the one the step is about.
#[test]
fn on_a_phone_only_the_steps_own_arrow_joins_two_objects() {
    let ch = chapter("gc");
    let i = step(&ch, "black n1 now points to white n3");
    let count = |vp| {
        let scene = machine_scene(&ch, i, vp);
        let between: Vec<Key> = scene.edges.iter().filter(|e| matches!(e.from, Key::Field(..))).map(|e| e.to).collect();
        let lit: Vec<Key> = scene.nodes.iter().filter(|n| n.focus).map(|n| n.key).collect();
        (between.len(), between.iter().all(|k| lit.contains(k)), scene.edges.iter().filter(|e| matches!(e.from, Key::Value(_))).count())
    };
    // n1 → n2, n1 → n3, n2 → n5 on a laptop; only n1 → n3 on a phone. The
    // stack's two pointers (root, c) are drawn on both.
    assert_eq!(count(LAPTOP).0, 3);
    assert_eq!(count(LAPTOP).2, 2);
    assert_eq!(count(PHONE), (1, true, 2));
}

/// The case study's one-call path lights the escape on one step and the
/// rounding on the next, so the two steps do not look the same.
#[test]
fn one_calls_path_lights_what_each_step_is_about() {
    let ch = chapter("case-study");
    let lit = |words| {
        let i = step(&ch, words);
        let f = ch.steps[i].view.figure().expect("figure");
        let scene = f.scene(&f.defaults(), LAPTOP);
        scene
            .nodes
            .iter()
            .filter(|n| n.fill == Some(memview::Role::FocusFill))
            .map(|n| n.texts.first().map(|t| t.content.to_string()).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let escape = lit("FilterAlloc makes a new slice on every call");
    let rounding = lit("The runtime rounds requests up");
    assert!(escape.iter().any(|t| t.starts_with("make(")) && escape.iter().any(|t| t.contains("escapes to the heap")), "{escape:?}");
    assert!(rounding.iter().any(|t| t.starts_with("size class 59")), "{rounding:?}");
    assert!(!rounding.iter().any(|t| t.starts_with("make(") || t.contains("escapes")), "{rounding:?}");
}

/// The leak's later steps show whole turns of the loop, buf out of scope,
/// so their line is the loop's closing brace; and once killed, the process
/// is not said to have returned from its functions.
#[test]
fn the_leaks_steps_point_where_the_picture_is() {
    for l in Language::ALL {
        let ch = catalog_in(l).into_iter().find(|c| c.id == "manual-heap").expect("chapter");
        let tl = ch.timeline().expect("builds");
        let stage = Stage::of(tl.states());
        let killed = ch.steps.iter().position(|s| s.caption.contains("OOM killer")).expect("the kill step");
        for i in killed - 2..killed {
            let m = tl.state(i).expect("state");
            let leak = m.frames().find(|f| f.func == "leak").expect("leak's frame");
            assert!(leak.slot("buf").is_none(), "step {}: buf is out of scope", i + 1);
            assert_eq!(current_line(&ch, i), "}", "step {}", i + 1);
        }
        let said = memview::describe(tl.state(killed).expect("state"), &stage, l);
        let (killed_words, returned) = l.pick(("the process was killed", "every function has returned"), ("強制終了", "すべての関数から戻りました"));
        assert!(said.contains(killed_words) && !said.contains(returned), "{said}");
    }
}

/// Near the memory limit the heap never falls to the live heap: the text
/// alternative gives the saw's real low point, as drawn.
#[test]
fn the_pacers_words_give_the_heaps_real_low_point() {
    let ch = chapter("gc");
    let low = |words| {
        let f = ch.steps[step(&ch, words)].view.figure().expect("figure");
        let said = f.describe(&f.defaults());
        let low = said.split("saws between ").nth(1).and_then(|s| s.split(" MiB and ").next()).unwrap_or_else(|| panic!("{said}"));
        (low.parse::<f64>().unwrap_or_else(|_| panic!("{said}")), said)
    };
    // 16 MiB live, GOMEMLIMIT=20MiB: the heap stays well over the live heap.
    let (mib, said) = low("Here the live heap exceeds limit");
    assert!(mib > 18.0, "{said}");
    // 8 MiB live and no limit: it falls to what was allocated while the
    // last cycle marked, a little over the live heap.
    let (mib, said) = low("GOGC trades memory for CPU");
    assert!((8.0..12.0).contains(&mib), "{said}");
}

/// A stack block's label names the address the text alternative gives it:
/// its first byte.
#[test]
fn stack_blocks_are_named_by_their_first_byte() {
    let ch = chapter("stack-growth");
    let mut checked = 0;
    for s in &ch.steps {
        let Some(f) = s.view.figure() else { continue };
        let said = f.describe(&f.defaults());
        let scene = f.scene(&f.defaults(), LAPTOP);
        for n in scene.nodes.iter().filter(|n| matches!(n.key, Key::Part("stack-block-label", _))) {
            assert!(n.alpha > 0.99, "a label reads at full strength, its block's faded or not");
            let label: String = n.texts.iter().map(|t| t.content.as_ref()).collect::<Vec<&str>>().join(" ");
            let Some(addr) = label.split(" at ").nth(1).and_then(|a| a.split_whitespace().next()) else { continue };
            assert!(said.contains(&format!("at {addr}")), "{label:?} vs {said}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "checked {checked} labels");
}

/// The zero-allocation step lists the code its benchmark runs, at the
/// pooled version the caption is about.
#[test]
fn the_zero_allocation_step_lists_the_benchmarked_code() {
    let ch = chapter("escape");
    let i = ch.steps.iter().position(|s| s.terminal.as_ref().is_some_and(|t| t.command.contains("./zeroalloc"))).expect("step");
    assert_eq!(ch.code_at(i, &Default::default()).file, "zeroalloc/zeroalloc.go");
    assert_eq!(current_line(&ch, i), "func Pooled() byte {");
}

/// The write barrier's first step shows the heap back before the moves,
/// and so does its line.
#[test]
fn the_barriers_replay_starts_before_the_moves() {
    let ch = chapter("gc");
    let i = step(&ch, "Since 1.8 Go uses the hybrid write barrier");
    assert!(current_line(&ch, i).starts_with("// While the collector marks"), "{}", current_line(&ch, i));
}

/// "The new Node, n6, goes to a fresh slot": the step lights n6, in the
/// slot after the four the program filled before.
#[test]
fn the_fresh_node_is_what_its_step_lights() {
    let ch = chapter("gc");
    let i = step(&ch, "goes to a fresh slot");
    let tl = ch.timeline().expect("builds");
    let m = tl.state(i).expect("state");
    let scene = machine_scene(&ch, i, LAPTOP);
    let lit: Vec<Key> = scene.nodes.iter().filter(|n| n.focus).map(|n| n.key).collect();
    let is_99 = |v: &memsim::Value| matches!(v, memsim::Value::Struct(fs) if fs.iter().any(|f| f.name == "V" && f.value == memsim::Value::Int(99)));
    let n6 = m.heap.objects.iter().find(|o| is_99(&o.value)).expect("n6");
    assert_eq!(lit, vec![Key::Object(n6.id)]);
}

/// Each reservation bar says it stands for the whole machine: a bar
/// filled by 78.1 GiB and one by 19.5 MiB were otherwise both just bars.
#[test]
fn the_reservation_bars_say_what_they_measure_against() {
    let ch = chapter("stack-growth");
    let i = step(&ch, "Or make every stack huge");
    let f = ch.steps[i].view.figure().expect("figure");
    let scene = f.scene(&f.defaults(), LAPTOP);
    let said = scene.nodes.iter().flat_map(|n| n.texts.iter()).filter(|t| t.content == "the machine: 16 GiB").count();
    assert_eq!(said, 2);
}

/// The C heap's words give the figure its heading shows in use, and the
/// bookkeeping row drawn above the chunks: "688 B used" beside a heading
/// of "32 B in use" read as a contradiction.
#[test]
fn the_c_heaps_words_give_the_pictures_figures() {
    let ch = chapter("manual-heap");
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    let mut checked = 0;
    for i in 0..ch.steps.len() {
        let m = tl.state(i).expect("state");
        if m.c_heap.as_ref().is_none_or(|h| h.chunks.is_empty()) || m.killed.is_some() {
            continue;
        }
        let scene = layout(m, &stage, LAPTOP, &ch.steps[i].focus);
        let heading = scene.nodes.iter().flat_map(|n| n.texts.iter()).find(|t| t.content.contains(" in use")).expect("the heading's figures");
        let in_use = heading.content.split(" \u{b7} ").find(|p| p.ends_with(" in use")).expect("in use");
        let said = memview::describe(m, &stage, Language::En);
        assert!(said.contains(in_use) && said.contains("(tcache), 656 B"), "step {}: {in_use:?} vs {said}", i + 1);
        checked += 1;
    }
    assert!(checked >= 10, "checked {checked} steps");
}

/// The OOM kill's notice is laid over the picture, which fades behind it:
/// every word of the picture is drawn before the scrim that fades it (the
/// chunks' labels had shown through, and been cut by the notice's edge).
#[test]
fn the_kill_notice_hides_the_picture_under_it() {
    let ch = chapter("manual-heap");
    let i = step(&ch, "OOM killer");
    let scene = machine_scene(&ch, i, LAPTOP);
    let notice = scene.node(Key::Part("killed-scrim", 0)).expect("the scrim").rect;
    let cmds = memview::paint(&scene, &memview::Palette::LIGHT);
    let at = cmds.iter().position(|c| matches!(c, memview::Cmd::Rect { rect, .. } if *rect == notice)).expect("the scrim's box");
    let own: Vec<&str> = scene.node(Key::Killed).expect("notice").texts.iter().map(|t| t.content.as_ref()).collect();
    for (j, c) in cmds.iter().enumerate() {
        if let memview::Cmd::Text { x, y, text, .. } = c {
            let inside = *x >= notice.x && *x <= notice.right() && *y >= notice.y && *y <= notice.bottom();
            let under = inside && !own.contains(&text.as_str());
            assert!(!under || j < at, "{text:?} is drawn over the notice");
        }
    }
}

/// Two pointers into one object end apart: main's p and add's pt both
/// point at n1, and one head hid the other.
#[test]
fn arrows_into_one_object_end_apart() {
    let ch = chapter("stack-heap");
    let i = step(&ch, "both frames now point at n1");
    for vp in [LAPTOP, PHONE] {
        let cmds = memview::paint(&machine_scene(&ch, i, vp), &memview::Palette::LIGHT);
        let heads: Vec<memview::Point> = cmds.iter().filter_map(|c| if let memview::Cmd::Arrow { to, .. } = c { Some(*to) } else { None }).collect();
        assert!(heads.len() >= 2, "{heads:?}");
        for (a, h) in heads.iter().enumerate() {
            for g in &heads[a + 1..] {
                assert!((h.x - g.x).abs() + (h.y - g.y).abs() > 3.0, "two heads at one point at {}x{}: {heads:?}", vp.width, vp.height);
            }
        }
    }
}

/// The closing talks keep their venue and summary on a slide's 960×540
/// page and on a phone: the cards close up before any loses its text.
#[test]
fn the_talks_keep_their_venues_on_a_slide_and_a_phone() {
    let ch = chapter("next");
    let i = step(&ch, "deep-dive with the talks");
    let f = ch.steps[i].view.figure().expect("figure");
    for vp in [PHONE, Viewport::new(486.0, 418.0)] {
        let scene = f.scene(&f.defaults(), vp);
        let cards: Vec<_> = scene.nodes.iter().filter(|n| matches!(n.key, Key::Part("card", _))).collect();
        assert_eq!(cards.len(), 5);
        for c in cards {
            assert!(
                c.texts.iter().any(|t| t.role == memview::Role::Muted),
                "{:?} at {}x{} lost its text",
                c.texts.first().map(|t| &t.content),
                vp.width,
                vp.height
            );
        }
    }
}
