//! Properties of growing stacks over random programs of calls, returns,
//! stores, pointers to locals (in this frame or any caller's), loads into
//! the register and GC shrinks:
//!
//!    - after any number of copies and shrinks, every pointer still names
//!      the variable it was taken from (the same frame id and slot);
//!    - no frame is lost or duplicated: the frame ids are the calls still
//!      open, in order, whichever scheme runs;
//!    - the segmented and the copying stack print the same output as a
//!      stack that never runs out.

use memsim::growth::{GOp, GStack, Scheme, Word, SEGMENT, START_SIZE};
use proptest::prelude::*;

fn op() -> impl Strategy<Value = GOp> {
    prop_oneof![
        3 => (1u64..64).prop_map(|words| GOp::Call { func: "f", size: words * 8 }),
        2 => Just(GOp::Return),
        2 => (0usize..4, -50i64..50).prop_map(|(slot, value)| GOp::Set { slot, value }),
        3 => (0usize..4, 0usize..6, 0usize..4).prop_map(|(slot, back, src)| GOp::TakeAddr { slot, back, src }),
        1 => (0usize..4).prop_map(|slot| GOp::Load { slot }),
        2 => (0usize..4, -5i64..5).prop_map(|(slot, value)| GOp::AddThrough { slot, value }),
        2 => (0usize..4).prop_map(|slot| GOp::Print { slot }),
        1 => Just(GOp::Shrink),
    ]
}

/// A pointer's holder (frame id and slot; 0, 0 for the register) and the
/// variable it names.
type Held = (u32, usize, Option<(u32, usize)>);

/// Every pointer in the frames and the register, with what it names.
fn pointers(s: &GStack) -> Vec<Held> {
    let mut out = Vec::new();
    for f in &s.frames {
        for (i, w) in f.slots.iter().enumerate() {
            if let Word::Ptr(a) = w {
                out.push((f.id, i, s.resolve(*a)));
            }
        }
    }
    if let Word::Ptr(a) = s.register {
        out.push((0, 0, s.resolve(a)));
    }
    out
}

fn ids(s: &GStack) -> Vec<u32> {
    s.frames.iter().map(|f| f.id).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn pointers_keep_naming_their_variables(ops in prop::collection::vec(op(), 1..120)) {
        let roomy = Scheme::Fixed(1 << 24);
        let mut stacks = [GStack::new(roomy), GStack::new(Scheme::Segmented(SEGMENT / 4)), GStack::new(Scheme::Copying(START_SIZE))];
        for s in &mut stacks {
            s.apply(&GOp::Call { func: "main", size: 64 });
        }
        for op in &ops {
            // A return that would pop main is skipped by all.
            if *op == GOp::Return && stacks[0].frames.len() == 1 {
                continue;
            }
            let before: Vec<_> = stacks.iter().map(pointers).collect();
            for s in &mut stacks {
                s.apply(op);
            }
            for (s, had) in stacks.iter().zip(&before) {
                prop_assert!(s.overflow.is_none());
                // A pointer that existed before and still exists names the same variable.
                for (f, i, names) in pointers(s) {
                    if let Some((_, _, was)) = had.iter().find(|(g, j, _)| *g == f && *j == i) {
                        if matches!(op, GOp::Set { .. } | GOp::TakeAddr { .. } | GOp::Load { .. }) { continue; }
                        prop_assert_eq!(names, *was, "{:?}: pointer in frame {} slot {}", s.scheme, f, i);
                    }
                }
                // Frames: the open calls, in order, none lost or doubled.
                prop_assert_eq!(ids(s), ids(&stacks[0]));
                // Frames never overlap and lie inside the stack's blocks.
                for f in &s.frames {
                    prop_assert!(s.blocks.iter().any(|b| f.lo() >= b.lo && f.base <= b.hi), "{:?}: frame {} outside the stack", s.scheme, f.id);
                }
                for w in s.frames.windows(2) {
                    if w[0].segment == w[1].segment {
                        prop_assert!(w[1].base <= w[0].lo(), "{:?}: frames {} and {} overlap", s.scheme, w[0].id, w[1].id);
                    }
                }
            }
        }
        prop_assert_eq!(&stacks[1].out, &stacks[0].out, "segmented prints what an endless stack prints");
        prop_assert_eq!(&stacks[2].out, &stacks[0].out, "copying prints what an endless stack prints");
    }
}

#[test]
fn a_deep_recursion_copies_and_keeps_its_pointer() {
    let s = memsim::growth::recurse(Scheme::Copying(START_SIZE), 2000, 256);
    assert!(s.counters.copies >= 8);
    // Every frame's slot 0 still points at main's slot 0.
    let main = s.frames[0].id;
    for f in &s.frames[1..] {
        let Word::Ptr(a) = f.slots[0] else { panic!("frame {} lost its pointer", f.id) };
        assert_eq!(s.resolve(a), Some((main, 0)));
    }
}
