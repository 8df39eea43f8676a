//! Every step of every chapter: it applies, its anchor finds a line, and the
//! state reached by stepping equals the state reached by seeking, bit for bit.

use chapters::{catalog, Focus};
use memsim::{digest, Machine};

#[test]
fn every_step_applies_and_every_anchor_resolves() {
    for ch in catalog() {
        let tl = ch.timeline().unwrap_or_else(|(i, e)| panic!("{} step {}: {e}", ch.id, i + 1));
        assert_eq!(tl.len(), ch.steps.len());
        for (i, step) in ch.steps.iter().enumerate() {
            assert!(!step.caption.trim().is_empty(), "{} step {} has no caption", ch.id, i + 1);
            if step.anchor.is_some() {
                // In the listing the step shows: a figure's, the step's own or the chapter's.
                let k = step.view.figure().map(|f| f.defaults()).unwrap_or_default();
                let code = ch.code_at(i, &k);
                let line = ch.line_in(i, code).unwrap_or_else(|| panic!("{} step {}: anchor {:?} not in {}", ch.id, i + 1, step.anchor, code.file));
                assert!(line >= 1 && line <= code.text.lines().count());
            }
        }
    }
}

/// A step with ops changes the machine and its digest; a step without
/// keeps both (the digest sees every change a step makes).
#[test]
fn a_step_changes_the_digest_exactly_when_it_has_ops() {
    for ch in catalog() {
        let tl = ch.timeline().expect("chapter builds");
        let d: Vec<u64> = tl.states().map(digest).collect();
        for i in 1..d.len() {
            let changed = d[i] != d[i - 1];
            assert_eq!(changed, !ch.steps[i].ops.is_empty(), "{} step {}: ops {:?}", ch.id, i + 1, ch.steps[i].ops);
        }
        // And no step goes back to an earlier state (ids are never reused),
        // but for a replay: a step that restarts the program on purpose.
        let replay = |i: usize| ch.steps[i].ops.iter().any(|op| matches!(op, memsim::Op::Restart));
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..d.len() {
            let new = seen.insert(d[i]);
            assert!(new || i > 0 && (d[i] == d[i - 1] || replay(i)), "{} step {}: a state repeats", ch.id, i + 1);
        }
    }
}

fn chapter(id: &str) -> (chapters::Chapter, Vec<Machine>) {
    let ch = catalog().into_iter().find(|c| c.id == id).expect("chapter exists");
    let states = ch.timeline().expect("builds").states().cloned().collect::<Vec<_>>();
    (ch, states)
}

#[test]
fn memory_chapter_shows_the_clobber() {
    let (_, states) = chapter("memory");
    let last = states.last().expect("steps");
    let mem = last.memory.as_ref().expect("memory mapped");
    assert_eq!(mem.register("AX"), Some(42));
    assert_eq!(mem.register("BX"), Some(-1), "A reads B's flag instead of its pears");
    assert_eq!(mem.load(0x1010, 8), Ok(42));
    assert_eq!(&mem.bytes[8..16], &[0xff; 8]);
    let owners: Vec<u8> = mem.claims.iter().filter(|c| c.addr == 0x1008).map(|c| c.owner).collect();
    assert_eq!(owners, vec![0, 1]);
}

#[test]
fn stack_heap_output_matches_the_real_program() {
    let (ch, states) = chapter("stack-heap");
    let last = states.last().expect("steps");
    let real = include_str!("../go/stackheap/run.txt");
    assert_eq!(last.stdout.join("\n") + "\n", real);
    assert_eq!(ch.run_command, Some("go run ./stackheap"));
    // The heap holds the Point (16 B, class 2) and the 1 MiB array (128 pages).
    let sizes: Vec<(u64, u8)> = last.heap.objects.iter().map(|o| (o.size, o.class)).collect();
    assert_eq!(sizes, vec![(16, 2), (1 << 20, 0)]);
}

#[test]
fn value_and_pointer_arguments_differ() {
    let (ch, states) = chapter("stack-heap");
    let find = |needle: &str| ch.steps.iter().position(|s| s.caption.contains(needle)).expect(needle);
    // While moveByValue runs, its pt is a copy: a different slot, X changed.
    let i = find("to its own copy");
    let m = &states[i];
    let frames: Vec<_> = m.frames().collect();
    let callee = frames.last().expect("callee");
    assert_eq!(callee.func, "moveByValue");
    assert_eq!(callee.slots[0].size(), 16, "the whole struct is copied");
    let q = frames[0].slots.iter().find(|s| s.name == "q").expect("q");
    assert_eq!(q.value.at(&[0]), Some(&memsim::Value::Int(1)));
    assert_eq!(callee.slots[0].value.at(&[0]), Some(&memsim::Value::Int(101)));
    // moveByPointer's pt is 8 bytes holding q's address.
    let i = find("changes main's q itself");
    let m = &states[i];
    let frames: Vec<_> = m.frames().collect();
    let pt = &frames.last().expect("callee").slots[0];
    let q = frames[0].slots.iter().find(|s| s.name == "q").expect("q");
    assert_eq!(pt.size(), 8);
    assert_eq!(pt.value, memsim::Value::Ptr(q.addr));
    assert_eq!(q.value.at(&[0]), Some(&memsim::Value::Int(101)));
}

#[test]
fn focus_names_things_that_exist() {
    for ch in catalog() {
        let tl = ch.timeline().expect("builds");
        for (i, step) in ch.steps.iter().enumerate() {
            let m = tl.state(i).expect("state");
            for f in &step.focus {
                let ok = match f {
                    Focus::Var { func, name } | Focus::Pointee { func, name } => {
                        m.frames().filter(|fr| &fr.func == func).last().is_some_and(|fr| fr.slot(name).is_some())
                    }
                    Focus::Frame(func) => m.frames().any(|fr| &fr.func == func),
                    Focus::Register(r) => m.memory.as_ref().is_some_and(|mem| mem.register(r).is_some()),
                    Focus::Bytes { .. } | Focus::Conflict { .. } => m.memory.is_some(),
                    Focus::HeapAt(a) => m.heap.object_at(memsim::Addr(*a)).is_some(),
                    // An object whose field holds a pointer.
                    Focus::FieldOf { at, field } => m.heap.object_at(memsim::Addr(*at)).is_some_and(|o| {
                        let mut ptrs = Vec::new();
                        if let Some(v) = m.heap.objects[o].value.at(&[usize::from(*field)]) {
                            v.pointers(&mut ptrs);
                        }
                        !ptrs.is_empty()
                    }),
                };
                assert!(ok, "{} step {}: focus {f:?} names nothing", ch.id, i + 1);
            }
        }
    }
}

#[test]
fn manual_heap_reuses_frees_dangles_and_dies() {
    let (ch, states) = chapter("manual-heap");
    let find = |needle: &str| ch.steps.iter().position(|s| s.caption.contains(needle)).expect(needle);
    // The first user chunk sits after malloc's 0x290-byte tcache struct.
    let first = &states[find("malloc(16) returns")];
    let heap = first.c_heap.as_ref().expect("C heap");
    assert_eq!(heap.chunks[0].payload(), memsim::Addr(0x5555_5555_92a0));
    assert_eq!(heap.chunks[0].size, 32);
    // After free and a malloc of the same size, both pointers hold one address.
    let reused = &states[find("the very same address")];
    let main = reused.frames().next().expect("main");
    let ptr = |name: &str| main.slots.iter().find(|s| s.name == name).map(|s| s.value.clone());
    assert_eq!(ptr("alice"), ptr("order"));
    assert_eq!(reused.c_heap.as_ref().expect("heap").chunks.len(), 1);
    // malloc does not zero: the reused chunk still holds free's link (the
    // chunk's address >> 12, safe-linked to nothing) where qty goes, and 0
    // where the key was, as the real run prints.
    let order = &reused.c_heap.as_ref().expect("heap").chunks[0].value;
    assert_eq!(order.at(&[0]), Some(&memsim::Value::Int(0x5555_5555_92a0 >> 12)));
    assert_eq!(order.at(&[1]), Some(&memsim::Value::Int(0)));
    // The dangling read prints the order's price, as the real program does.
    let dangling = &states[find("someone else's data")];
    assert_eq!(dangling.stdout, ["100", "22906492249 0", "999"]);
    assert_eq!(dangling.stdout.join("\n") + "\n", include_str!("../c/manualheap/run.txt"));
    // The leak grows the heap by 4112-byte chunks until the limit kills it.
    let killed = &states[find("OOM killer ends the process")];
    let heap = killed.c_heap.as_ref().expect("heap");
    assert!(killed.killed.is_some());
    assert!(heap.used() > heap.limit && heap.used() - heap.limit <= 4112);
    assert!(killed.frames().next().is_none(), "a killed process has no frames");
    let leaked = heap.chunks.iter().filter(|c| !c.free && c.size == 4112).count();
    assert_eq!(leaked as u64, (heap.used() - 0x290 - 32) / 4112);
}

#[test]
fn gc_marks_sweeps_loses_without_the_barrier_and_keeps_with_it() {
    use memsim::{Addr, Color, GcPhase, Value};
    let (ch, states) = chapter("gc");
    let find = |needle: &str| ch.steps.iter().position(|s| s.caption.contains(needle)).expect(needle);
    let v_at = |m: &Machine, a: u64| {
        let o = &m.heap.objects[m.heap.object_at(Addr(a)).expect("object")];
        o.value.at(&[2]).cloned()
    };
    let color_at = |m: &Machine, a: u64| m.heap.objects[m.heap.object_at(Addr(a)).expect("object")].color;
    // The first cycle frees only node 4.
    let m = &states[find("marking is done")];
    assert_eq!(m.gc.phase, GcPhase::Mark);
    assert_eq!(color_at(m, 0xc000010048), Color::White);
    assert_eq!(color_at(m, 0xc000010030), Color::Black);
    let m = &states[find("Sweeping frees every white object")];
    assert!(m.heap.object_at(Addr(0xc000010048)).is_none());
    assert_eq!(m.heap.objects.len(), 3);
    // The next Node reuses node 4's slot.
    let m = &states[find("takes the first free slot")];
    assert_eq!(v_at(m, 0xc000010048), Some(Value::Int(5)));
    // Without the barrier, node 3 ends white while black node 1 points to it.
    let m = &states[find("n3 is white although")];
    assert_eq!(color_at(m, 0xc000010030), Color::White);
    assert_eq!(color_at(m, 0xc000010000), Color::Black);
    assert!(m.reachable().contains(&Addr(0xc000010030)));
    let m = &states[find("Sweeping frees n3")];
    assert!(m.heap.object_at(Addr(0xc000010030)).is_none());
    let m = &states[find("the lost-object bug")];
    assert_eq!(m.stdout, vec!["99 99".to_string()]);
    // With the barrier, the overwrite shades node 3 and it survives.
    let m = &states[find("the barrier greys n3")];
    assert_eq!(color_at(m, 0xc000010030), Color::Grey);
    let last = states.last().expect("steps");
    assert_eq!(v_at(last, 0xc000010030), Some(Value::Int(3)));
    assert_eq!(last.stdout.join("\n") + "\n", include_str!("../go/gc/run.txt"));
}

/// gc is told in five named parts; each after the first opens with a
/// bridge step that changes nothing, so the idea turns before the picture.
#[test]
fn gc_is_told_in_five_parts_opened_by_bridges() {
    let (ch, _) = chapter("gc");
    let names: Vec<_> = ch.parts.iter().map(|&(_, n)| n).collect();
    assert_eq!(names, ["Mark and sweep", "Three colours", "Marking while the program runs", "Green Tea", "The pacer"]);
    assert_eq!(ch.parts[0].0, 0);
    for &(first, name) in &ch.parts[1..] {
        let bridge = &ch.steps[first];
        assert!(bridge.ops.is_empty() && bridge.view.figure().is_none(), "{name}: step {} is a bridge", first + 1);
        assert_eq!(ch.part_of(first).map(|p| p.1), Some(name));
    }
    // Steps about the runtime rather than a line of the listing mark none.
    let green_tea = ch.parts[3].0;
    assert!(ch.steps[green_tea..].iter().filter(|s| s.view.figure().is_some()).all(|s| s.anchor.is_none()));
}

#[test]
fn green_tea_touches_fewer_regions_than_the_graph_flood() {
    use memsim::greentea::Strategy;
    let m = memsim::marking::tree_heap(31);
    assert_eq!(m.heap.objects.len(), 31);
    assert_eq!(m.reachable().len(), 31, "every node hangs off root");
    let classes: std::collections::BTreeSet<u8> = m.heap.spans.iter().map(|s| s.class).collect();
    assert_eq!(classes.into_iter().collect::<Vec<_>>(), vec![3, 5, 8], "three spans of three size classes");
    let flood = m.mark_with(Strategy::ObjectByObject);
    let spans = m.mark_with(Strategy::SpanBySpan);
    let mut a = flood.order.clone();
    let mut b = spans.order.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, m.reachable(), "the flood marks exactly what is reachable");
    assert_eq!(b, m.reachable(), "so does Green Tea");
    println!("regions: flood {} spans {}", flood.regions_touched, spans.regions_touched);
    assert!(flood.regions_touched >= 25, "the flood jumps spans almost every object: {}", flood.regions_touched);
    assert!(spans.regions_touched * 2 < flood.regions_touched, "{} vs {}", spans.regions_touched, flood.regions_touched);
    // At scale: 10,000 nodes fill dozens of spans; the gap widens.
    let big = memsim::marking::tree_heap(10_000);
    assert_eq!(big.reachable().len(), 10_000);
    let (f, g) = (big.mark_with(Strategy::ObjectByObject), big.mark_with(Strategy::SpanBySpan));
    println!("10k regions: flood {} spans {} in {} spans", f.regions_touched, g.regions_touched, big.heap.spans.len());
    assert_eq!((f.order.len(), g.order.len()), (10_000, 10_000));
    assert!(g.regions_touched * 10 < f.regions_touched);
}

#[test]
fn pacer_steps_show_what_their_captions_say() {
    use chapters::gc::KNOBS;
    use memsim::pacer::{heap_goal, simulate, MIB};
    let gc = chapters::catalog().into_iter().find(|c| c.id == "gc").expect("gc");
    let mut pacers: Vec<_> = gc.steps.iter().filter_map(|s| s.view.figure()).map(|f| f.defaults()).filter(|k| k.get("GOGC").is_some()).collect();
    // A point told over two steps keeps its settings.
    pacers.dedup();
    assert_eq!(pacers.len(), 4);
    assert!(pacers.iter().all(|k| k.keys().all(|key| KNOBS.iter().any(|d| d.key == key))));
    let inputs: Vec<_> = pacers.iter().map(chapters::gc::pacer_inputs).collect();
    let (s0, w) = inputs[0];
    assert_eq!(heap_goal(w.live, &w, s0), Some(18 * MIB), "the caption's 18 MiB");
    let runs: Vec<_> = inputs.iter().map(|(s, w)| simulate(*w, *s)).collect();
    for (k, r) in pacers.iter().zip(&runs) {
        println!("{k:?}: cycles {} peak {} MiB cpu {}bp", r.cycles.len(), r.peak / MIB, r.gc_cpu_basis_points);
    }
    assert!(runs[1].cycles.len() < runs[0].cycles.len() && runs[1].peak > runs[0].peak, "GOGC=400: fewer cycles, higher peak");
    assert!(runs[1].gc_cpu_basis_points < runs[0].gc_cpu_basis_points);
    assert!(runs[2].peak <= 48 * MIB && runs[2].peak > 40 * MIB, "GOGC=off + limit uses the limit");
    assert!(runs[2].cycles.len() < runs[0].cycles.len());
    assert!(runs[3].gc_cpu_basis_points > 4 * runs[0].gc_cpu_basis_points, "thrashing near the limit");
}

/// The copying steps show what their captions say: a full 2 KiB stack,
/// then the copy to 4 KiB with every &total adjusted, the doublings to
/// 16 KiB, then one GC shrink.
#[test]
fn stack_growth_steps_show_the_copy_they_describe() {
    let ch = catalog().into_iter().find(|c| c.id == "stack-growth").expect("chapter");
    let at = |needle: &str| {
        let step = ch.steps.iter().find(|s| s.caption.contains(needle)).expect(needle);
        let fig = step.view.figure().expect("a figure");
        fig.describe(&Default::default())
    };
    assert!(at("fill toward it").contains("stack size 2 KiB"), "{}", at("fill toward it"));
    let copied = at("calls morestack");
    assert!(copied.contains("stack size 4 KiB") && copied.contains("copies 1") && copied.contains("just freed"), "{copied}");
    assert!(
        at("the frame goes there").contains("segments linked 1,") || at("the frame goes there").contains("segments linked 1."),
        "{}",
        at("the frame goes there")
    );
    assert!(at("unlinks the segment").contains("segments freed 1"), "{}", at("unlinks the segment"));
    assert!(at("1,000 more segments").contains("segments linked 1001"), "{}", at("1,000 more segments"));
    // The caption's doublings, 4, 8 and 16 KiB, and one halving: the
    // shrink is a fourth copy.
    assert!(at("4, 8, 16 KiB").contains("stack size 16 KiB") && at("4, 8, 16 KiB").contains("copies 3"), "{}", at("4, 8, 16 KiB"));
    let shrunk = at("copied to one half");
    assert!(shrunk.contains("stack size 8 KiB") && shrunk.contains("copies 4") && shrunk.contains("16 KiB"), "{shrunk}");
}

/// Every link a step shows lands on a real step; the timeline's links land
/// on steps whose captions speak of the milestone.
#[test]
fn links_land_on_the_steps_they_name() {
    let all = catalog();
    let target = |href: &str| {
        let (index, _) = (all.iter().map(|c| (c.id, c.steps.len())).collect::<Vec<_>>(), ());
        let (route, problem) = chapters::route::parse(href, &index, &|_, _| false);
        assert_eq!(problem, None, "{href} is a real step");
        &all[route.chapter].steps[route.step]
    };
    for ch in &all {
        for (i, step) in ch.steps.iter().enumerate() {
            for (_, href) in &step.links {
                if href.starts_with("#/") {
                    let _ = target(href);
                } else {
                    assert!(href.starts_with("https://"), "{} step {}: {href}", ch.id, i + 1);
                }
            }
        }
    }
    for (m, _, href, word) in chapters::intro::TIMELINE {
        let caption = &target(href).caption;
        assert!(caption.contains(word), "Go {}: {href}'s caption does not mention {word:?}: {caption}", m.version);
    }
}

/// The timeline's dates are the releases' dates (data/go-release-dates.txt,
/// from golang/website's release history).
#[test]
fn timeline_dates_are_the_release_dates() {
    let dates = include_str!("../data/go-release-dates.txt");
    for (m, ..) in chapters::intro::TIMELINE {
        let line = format!("{} {}", m.version, m.date);
        assert!(dates.lines().any(|l| l == line), "Go {} released {}? the release history says otherwise", m.version, m.date);
    }
}

/// Without the barrier, the sweep frees n3 while root.Other still leads to
/// it; a new Node then takes n3's address. root.Other stays stale (red),
/// while root.Next.Other, written after the new Node exists, is sound.
#[test]
fn a_pointer_swept_from_under_stays_stale_and_a_fresh_one_is_not() {
    let ch = catalog().into_iter().find(|c| c.id == "gc").expect("gc");
    let tl = ch.timeline().expect("builds");
    let i = ch.steps.iter().position(|s| s.caption.contains("a new Node, n6")).expect("the reuse step");
    let m = tl.state(i).expect("state");
    let field = |o: &memsim::Object, name: &str| {
        let k = o.value.field_index(name).expect("field");
        let v = match &o.value {
            memsim::Value::Struct(fs) => fs[k].value.clone(),
            _ => unreachable!("a Node is a struct"),
        };
        (memsim::Addr(o.addr.0 + o.value.offset_of(&[k]).expect("offset")), v)
    };
    let root = &m.heap.objects.iter().min_by_key(|o| o.addr).expect("root");
    let next = m
        .heap
        .objects
        .iter()
        .find(|o| {
            o.addr
                == match field(root, "Next").1 {
                    memsim::Value::Ptr(a) => a,
                    _ => panic!("root.Next"),
                }
        })
        .expect("n2");
    let (at, v) = field(root, "Other");
    assert!(m.stale(root.id, at, &v), "root.Other still means the freed n3");
    let (at, v) = field(next, "Other");
    assert!(matches!(v, memsim::Value::Ptr(_)) && !m.stale(next.id, at, &v), "root.Next.Other was written after n6 existed");
}

/// The allocation path counts the slots a span of 16-byte pointer-free
/// objects has in Go 1.27 (504: 128 B of inline mark bits at its end), not
/// the size-class table's upper bound of 512.
#[test]
fn the_allocation_path_counts_a_spans_real_slots() {
    for l in [memview::Language::En, memview::Language::Ja] {
        let cache = &chapters::escape::path_cards(l)[2];
        assert!(cache.body.contains("504"), "{}", cache.body);
        assert!(!cache.body.contains("512"), "{}", cache.body);
    }
}

/// The escape lab shows the file Go compiled for each combination of its
/// toggles, with the snippet its cards draw from.
#[test]
fn the_escape_lab_lists_the_file_of_its_toggles() {
    use chapters::escape::lab::{self, Combo};
    for c in Combo::all() {
        let code = lab::code(c);
        assert_eq!(code.file, format!("escapelab/{}/lab.go", c.dir()));
        assert_eq!(code.text, lab::source(c), "{}", c.dir());
    }
}

/// Red in the C heap's pictures means a bug: a pointer whose chunk was
/// freed, or freed and reused as another type. The leak loop's `char *buf`
/// into its fresh `char[4096]` chunk is a good pointer (it was drawn red).
#[test]
fn only_the_bad_c_pointers_are_dangling() {
    let ch = catalog().into_iter().find(|c| c.id == "manual-heap").expect("manual-heap");
    let tl = ch.timeline().expect("builds");
    let dangling = |step: usize, name: &str| {
        let m = tl.state(step - 1).expect("a state");
        let slot = m.frames().flat_map(|f| &f.slots).find(|s| s.name == name).unwrap_or_else(|| panic!("{name} at step {step}"));
        let memsim::Value::Ptr(a) = slot.value else { panic!("{name} is a pointer") };
        m.dangling(&slot.ty, m.locate(a).expect("points into memory").target)
    };
    assert!(!dangling(2, "alice"), "alice's own Account");
    assert!(dangling(6, "alice") && !dangling(6, "order"), "alice's Account reused as order's Order");
    assert!(!dangling(13, "buf"), "buf's own char[4096]");
    assert!(dangling(13, "alice") && dangling(13, "order"), "both freed");
}

/// The text alternative says what the C heap's picture shows: each chunk's
/// fields, which pointer is drawn red and why, and no red where there is none.
#[test]
fn the_c_heap_is_described_as_drawn() {
    for l in memview::Language::ALL {
        let ch = chapters::catalog_in(l).into_iter().find(|c| c.id == "manual-heap").expect("manual-heap");
        let tl = ch.timeline().expect("builds");
        let stage = memview::Stage::of(tl.states());
        let say = |step: usize| memview::describe(tl.state(step - 1).expect("a state"), &stage, l);
        let (six, eight, thirteen) = (say(6), say(8), say(13));
        let (stale, red) = l.pick(("stale (drawn red)", "drawn red"), ("赤で表示。Account は解放済み", "赤で表示"));
        assert!(six.contains("qty = 22906492249") && six.contains(stale), "{six}");
        assert!(eight.contains("qty = 3") && eight.contains("price = 999"), "{eight}");
        let buf = thirteen.split(l.pick("buf (char *)", "buf（char *）")).nth(1).expect("buf described");
        assert!(!buf.split(['.', '。']).next().unwrap_or("").contains(red), "buf is a good pointer: {thirteen}");
        assert!(!say(2).contains(red));
        assert!(l == memview::Language::Ja || say(2).contains("an Account chunk"), "{}", say(2));
    }
}

/// Each card of a figure is a sentence of its own in the text alternative.
#[test]
fn cards_are_described_sentence_by_sentence() {
    let ch = catalog().into_iter().find(|c| c.id == "escape").expect("escape");
    let f = ch.steps[2].view.figure().expect("escape/3 is a figure");
    let text = f.describe(&f.defaults());
    assert!(text.contains("Distance's Point; Squares' s, up to 32 B. heap: Escapes. NewPoint's p; Boxed's p, as any;"), "{text}");
    assert!(!text.contains('\u{b7}'), "a list reads as one: {text}");
    // Code and the compiler's words keep their case: "func Lab", not "Func Lab".
    let lab = ch.steps.last().and_then(|s| s.view.figure()).expect("the lab is the last step");
    let text = lab.describe(&lab.defaults());
    assert!(text.contains("The snippet. var sink Point") && text.contains("func Lab(") && !text.contains("Func ") && !text.contains("Moved to heap"), "{text}");
}
