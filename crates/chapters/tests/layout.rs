//! Every step of every chapter lays out inside the viewport, on a laptop
//! and on a phone, and its pointers become arrows.

use chapters::catalog;
use memview::{dump, layout, paint, tween, Cmd, Key, Palette, Stage, Viewport};

const VIEWPORTS: [Viewport; 3] = [
    Viewport::new(850.0, 620.0), // the canvas beside the side panel at 1280×720
    Viewport::new(390.0, 470.0), // a 390×844 phone's canvas
    Viewport::new(1600.0, 900.0),
];

/// Nodes are matched across pictures by key: two nodes with one key would
/// make the tween lose one of them.
fn assert_unique_keys(scene: &memview::Scene, what: &str) {
    let mut keys: Vec<Key> = scene.nodes.iter().map(|n| n.key).collect();
    keys.sort_unstable();
    let dups: Vec<&Key> = keys.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
    assert!(dups.is_empty(), "{what}: duplicate layout keys {dups:?}");
}

#[test]
fn every_step_fits_every_viewport() {
    for ch in catalog() {
        let tl = ch.timeline().expect("builds");
        let stage = Stage::of(tl.states());
        for (i, m) in tl.states().enumerate() {
            if ch.steps[i].view.figure().is_some() {
                continue; // figures: tests/legibility.rs, at every knob's extremes
            }
            for vp in VIEWPORTS {
                let scene = layout(m, &stage, vp, &ch.steps[i].focus);
                assert_unique_keys(&scene, &format!("{} step {} at {}x{}", ch.id, i + 1, vp.width, vp.height));
                for n in &scene.nodes {
                    let r = n.rect;
                    let inside = r.x >= 0.0 && r.y >= 0.0 && r.right() <= vp.width + 0.5 && r.bottom() <= vp.height + 0.5;
                    assert!(inside, "{} step {} at {}x{}: {:?} at {r:?} is outside", ch.id, i + 1, vp.width, vp.height, n.key);
                    for t in &n.texts {
                        assert!(t.size >= 7.5, "{} step {}: text {:?} is too small to read ({}px)", ch.id, i + 1, t.content, t.size);
                    }
                }
                for e in &scene.edges {
                    assert!(scene.node(e.from).is_some() && scene.node(e.to).is_some(), "{} step {}: dangling arrow", ch.id, i + 1);
                }
                assert!(paint(&scene, &Palette::LIGHT).len() > 10);
            }
        }
    }
}

#[test]
fn pointers_are_drawn_as_arrows_to_their_targets() {
    let ch = catalog().into_iter().find(|c| c.id == "stack-heap").expect("chapter");
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    let last_frame_step = ch.steps.iter().position(|s| s.caption.contains("changes main's q itself")).expect("step");
    let m = tl.state(last_frame_step).expect("state");
    let scene = layout(m, &stage, VIEWPORTS[0], &[]);
    // p → heap Point, buf → heap array, pt → main's q on the stack.
    let arrows = paint(&scene, &Palette::LIGHT).iter().filter(|c| matches!(c, Cmd::Arrow { .. })).count();
    assert_eq!(arrows, 3, "{}", dump(&paint(&scene, &Palette::LIGHT)));
    let to_objects = scene.edges.iter().filter(|e| matches!(e.to, Key::Object(_))).count();
    let to_slots = scene.edges.iter().filter(|e| matches!(e.to, Key::Slot(_))).count();
    assert_eq!((to_objects, to_slots), (2, 1));
}

#[test]
fn the_picture_shows_real_numbers() {
    let ch = catalog().into_iter().find(|c| c.id == "stack-heap").expect("chapter");
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    let m = tl.states().last().expect("state");
    let text = dump(&paint(&layout(m, &stage, VIEWPORTS[2], &[]), &Palette::LIGHT));
    assert!(text.contains("size class 2 (16 B)"), "{text}");
    assert!(text.contains("large: 128 pages of 8 KiB"), "{text}");
    let mem = catalog().into_iter().find(|c| c.id == "memory").expect("chapter");
    let tl = mem.timeline().expect("builds");
    let text = dump(&paint(&layout(tl.states().last().expect("state"), &Stage::of(tl.states()), VIEWPORTS[0], &[]), &Palette::DARK));
    for expected in ["0x1008", "ff", "A: pears", "B: flag", "AX"] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }
}

#[test]
fn tweening_between_consecutive_steps_is_continuous() {
    for ch in catalog() {
        let tl = ch.timeline().expect("builds");
        let stage = Stage::of(tl.states());
        let scenes: Vec<_> = tl.states().enumerate().map(|(i, m)| layout(m, &stage, VIEWPORTS[0], &ch.steps[i].focus)).collect();
        for (i, w) in scenes.windows(2).enumerate() {
            let mid = tween(&w[0], &w[1], 0.5);
            let early = tween(&w[0], &w[1], 0.01);
            let e = memview::ease(0.5);
            for n in &w[1].nodes {
                let Some(a) = w[0].node(n.key) else { continue };
                // A node in both pictures glides: halfway at t = 0.5, and
                // barely moved at t = 0.01.
                let m = mid.node(n.key).expect("a matched node stays");
                let want = a.rect.lerp(n.rect, e);
                assert!(
                    (m.rect.x - want.x).abs() < 0.01 && (m.rect.y - want.y).abs() < 0.01,
                    "{} step {}: {:?} at {:?}, want {want:?}",
                    ch.id,
                    i + 2,
                    n.key,
                    m.rect
                );
                let s = early.node(n.key).expect("a matched node stays");
                assert!((s.rect.x - a.rect.x).abs() <= 1.0 && (s.rect.y - a.rect.y).abs() <= 1.0, "{} step {}: {:?} jumps", ch.id, i + 2, n.key);
            }
            for n in &mid.nodes {
                assert!((0.0..=1.0).contains(&n.alpha));
            }
        }
    }
}

/// On a phone the lab's cards cannot all show their text at once: the
/// compiler's verdict and where the bytes went, the lab's answers, are
/// never the ones left out, whatever the toggles.
#[test]
fn on_a_phone_the_escape_lab_shows_its_answers() {
    let ch = catalog().into_iter().find(|c| c.id == "escape").expect("chapter");
    let fig = ch.steps.iter().filter_map(|s| s.view.figure()).find(|f| f.describe(&f.defaults()).contains("Escape lab")).expect("the lab");
    // The canvas of a 390×844 phone with sliders under it (44dvh).
    let phone = Viewport::new(390.0, 371.0);
    for bits in 0..8u8 {
        let mut k = fig.defaults();
        for (i, key) in ["ret", "size", "type"].into_iter().enumerate() {
            k.set(key, Some(((bits >> i) & 1).into()));
        }
        let shown: String = paint(&fig.scene(&k, phone), &Palette::LIGHT)
            .iter()
            .filter_map(|c| if let Cmd::Text { text, .. } = c { Some(text.as_str()) } else { None })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(shown.contains("escape"), "combination {bits:03b}: no compiler verdict on a phone: {shown}");
        assert!(shown.contains("stack") || shown.contains("heap"), "combination {bits:03b}: where the bytes went is missing: {shown}");
        // No card stands empty: the snippet is the page's listing.
        assert!(!shown.contains("The snippet") && shown.contains("see the source listing"), "combination {bits:03b}: {shown}");
    }
}

/// Captions name heap objects by where they live (a freed slot reused at
/// n3's old address), so every box shows its address: on a laptop, in a
/// 960×540 slide with its caption and in the presenter view. While marking,
/// the box's colour word takes that room.
#[test]
fn heap_objects_show_their_addresses_on_every_wide_canvas() {
    let ch = catalog().into_iter().find(|c| c.id == "gc").expect("chapter");
    let tl = ch.timeline().expect("builds");
    let stage = Stage::of(tl.states());
    for vp in [Viewport::new(850.0, 620.0), Viewport::new(960.0, 445.0), Viewport::new(1280.0, 560.0)] {
        for (i, m) in tl.states().enumerate() {
            if ch.steps[i].view.figure().is_some() || m.gc.phase == memsim::GcPhase::Mark {
                continue;
            }
            let texts: Vec<String> = paint(&layout(m, &stage, vp, &ch.steps[i].focus), &Palette::LIGHT)
                .into_iter()
                .filter_map(|c| if let Cmd::Text { text, .. } = c { Some(text) } else { None })
                .collect();
            for o in &m.heap.objects {
                let addr = format!("{}", o.addr);
                assert!(texts.contains(&addr), "gc step {} at {}x{}: {addr} is not shown", i + 1, vp.width, vp.height);
            }
        }
    }
}

/// On a laptop a stack slot shows its address whenever its type line does:
/// short of room the frame's slots leave out their sizes first.
#[test]
fn stack_slots_keep_their_addresses_beside_their_types() {
    let vp = Viewport::new(850.0, 620.0);
    for ch in catalog() {
        let Ok(tl) = ch.timeline() else { continue };
        let stage = Stage::of(tl.states());
        for (i, m) in tl.states().enumerate() {
            if ch.steps[i].view.figure().is_some() {
                continue;
            }
            let scene = layout(m, &stage, vp, &ch.steps[i].focus);
            for n in &scene.nodes {
                let Key::Slot(id) = n.key else { continue };
                let slot = m.stacks.iter().flat_map(|s| &s.frames).flat_map(|f| &f.slots).find(|s| s.id == id).expect("slot");
                let typed = n.texts.iter().any(|t| t.content.starts_with(slot.ty.as_str()));
                let addressed = n.texts.iter().any(|t| t.content == format!("{}", slot.addr));
                assert_eq!(typed, addressed, "{} step {}: {} shows {:?}", ch.id, i + 1, slot.name, n.texts.iter().map(|t| &t.content).collect::<Vec<_>>());
            }
        }
    }
}

/// On a 960×540 slide the intro's hook is read from the back of a room:
/// cards with room to spare take larger type and the height of the stage.
#[test]
fn cards_with_room_to_spare_take_larger_type() {
    let ch = catalog().into_iter().find(|c| c.id == "intro").expect("chapter");
    let fig = ch.steps[0].view.figure().expect("the hook's cards");
    let slide = Viewport::new(960.0, 445.0);
    let cmds = paint(&fig.scene(&fig.defaults(), slide), &Palette::LIGHT);
    let size_of = |s: &str| cmds.iter().find_map(|c| if let Cmd::Text { text, size, .. } = c { text.contains(s).then_some(*size) } else { None });
    // The body font of a picture this size is 15.3 px.
    assert!(size_of("CPU").is_some_and(|s| s >= 20.0), "{:?}", size_of("CPU"));
    assert!(size_of("\u{2212}57%").is_some_and(|s| s >= 60.0), "{:?}", size_of("\u{2212}57%"));
    let bottom = cmds.iter().filter_map(|c| if let Cmd::Text { y, .. } = c { Some(*y) } else { None }).fold(0.0, f32::max);
    assert!(bottom > slide.height * 0.6, "the text ends at {bottom} of {}", slide.height);
}

/// The key names the bug a picture shows: two programs' bytes in raw
/// memory, memory freed, stale or leaked on the C heap.
#[test]
fn the_key_names_the_bug_on_screen() {
    let key_words = |id: &str, caption: &str| {
        let ch = catalog().into_iter().find(|c| c.id == id).expect("chapter");
        let tl = ch.timeline().expect("builds");
        let stage = Stage::of(tl.states());
        let i = ch.steps.iter().position(|s| s.caption.contains(caption)).expect("step");
        let scene = layout(tl.state(i).expect("state"), &stage, VIEWPORTS[0], &ch.steps[i].focus);
        scene.nodes.iter().filter(|n| matches!(n.key, Key::Part("legend", _))).flat_map(|n| n.texts.iter().map(|t| t.content.to_string())).collect::<Vec<_>>()
    };
    let raw = key_words("memory", "A's data was clobbered");
    assert!(raw.iter().any(|w| w == "a bug: bytes two programs both use"), "{raw:?}");
    let heap = key_words("manual-heap", "memory leaks until the process dies");
    assert!(heap.iter().any(|w| w == "a bug: freed, stale or leaked"), "{heap:?}");
}

/// A stack block keeps its side from one step to the next: a freed
/// segment stays right of the one it followed, an old stack left of its
/// copy (the columns had swapped when a segment was freed).
#[test]
fn stack_blocks_keep_their_places_from_step_to_step() {
    let ch = catalog().into_iter().find(|c| c.id == "stack-growth").expect("chapter");
    let blocks = |i: usize| {
        let f = ch.steps[i].view.figure().expect("figure");
        let scene = f.scene(&f.defaults(), VIEWPORTS[0]);
        scene.nodes.iter().filter(|n| matches!(n.key, Key::Part("stack-block", _))).map(|n| (n.key, n.rect.x)).collect::<Vec<_>>()
    };
    let mut compared = 0;
    for i in 1..ch.steps.len() {
        if ch.steps[i - 1].view.figure().is_none() || ch.steps[i].view.figure().is_none() {
            continue;
        }
        let (a, b) = (blocks(i - 1), blocks(i));
        for (key, x) in &a {
            if let Some((_, y)) = b.iter().find(|(k, _)| k == key) {
                compared += 1;
                assert!((x - y).abs() < 1.0, "step {} → {}: {key:?} moved from x {x} to {y}", i, i + 1);
            }
        }
    }
    assert!(compared >= 5, "compared {compared} blocks");
}

/// Frames too thin for their own labels (a stack just copied to twice the
/// size, on a phone) are named together, so no stack shows a column of
/// unlabelled slivers.
#[test]
fn every_run_of_stack_frames_says_what_it_is() {
    let mut checked = 0;
    for lang in [chapters::Language::En, chapters::Language::Ja] {
        let ch = chapters::catalog_in(lang).into_iter().find(|c| c.id == "stack-growth").expect("chapter");
        for (i, step) in ch.steps.iter().enumerate() {
            let Some(f) = step.view.figure() else { continue };
            for vp in &VIEWPORTS[..2] {
                let scene = f.scene(&f.defaults(), *vp);
                let of = |name: &'static str| scene.nodes.iter().filter(move |n| matches!(n.key, Key::Part(k, _) if k == name));
                for block in of("stack-block") {
                    let inside = |r: memview::Rect| {
                        block.rect.x <= r.x && r.right() <= block.rect.right() + 0.5 && block.rect.y <= r.y && r.bottom() <= block.rect.bottom() + 0.5
                    };
                    let frames: Vec<_> = of("stack-frame").filter(|n| inside(n.rect)).collect();
                    if frames.len() < 2 {
                        continue;
                    }
                    checked += 1;
                    let named = frames.iter().any(|n| !n.texts.is_empty()) || of("stack-run").any(|n| inside(n.rect) && !n.texts.is_empty());
                    assert!(named, "{lang:?} stack-growth step {} at {}x{}: {} frames, none named", i + 1, vp.width, vp.height, frames.len());
                }
            }
        }
    }
    assert!(checked >= 20, "checked {checked} stacks");
}
