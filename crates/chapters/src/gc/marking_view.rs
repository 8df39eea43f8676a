//! The marking figures: a tree heap marked object by object (the graph
//! flood) or span by span (Green Tea), at one moment of the run. Between
//! two moments of one run the session plays the scan out object by object.
//!
//! The heap and both runs are built once per object count and shared by
//! every marking step of the chapter.

use super::knobs::OBJECTS;
use crate::figure::Figure;
use crate::knob::Values;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::RefCell;
use memsim::greentea::{MarkRun, Strategy};
use memsim::marking::{tree_heap, MarkTimes};
use memsim::Machine;
use memview::{Language, Scene, Viewport};

/// The heap the marking views mark, and both strategies' runs over it.
pub struct Marked {
    pub objects: usize,
    pub heap: Machine,
    runs: [(MarkRun, MarkTimes); 2],
}

impl Marked {
    fn new(objects: usize) -> Marked {
        let heap = tree_heap(objects);
        let run = |s| {
            let r = heap.mark_with(s);
            let t = MarkTimes::new(&heap, &r);
            (r, t)
        };
        let runs = [run(Strategy::ObjectByObject), run(Strategy::SpanBySpan)];
        Marked { objects, heap, runs }
    }

    pub fn run(&self, s: Strategy) -> &(MarkRun, MarkTimes) {
        &self.runs[s as usize]
    }
}

/// The marked heap for the current object count, and the last picture
/// drawn (a scan playing out asks for the same moment several frames
/// running).
/// A picture by what it was drawn from: strategy, objects scanned, object
/// count, viewport.
type Drawn = (Strategy, usize, usize, Viewport, Scene);

#[derive(Default)]
pub struct Cache {
    marked: RefCell<Option<Rc<Marked>>>,
    last: RefCell<Option<Drawn>>,
}

pub struct Marking {
    pub strategy: Strategy,
    /// Objects scanned at this step (`usize::MAX`: all).
    pub done: usize,
    pub cache: Rc<Cache>,
    pub lang: Language,
}

fn objects(k: &Values) -> usize {
    k.num(OBJECTS).unwrap_or(31) as usize
}

impl Marking {
    pub fn marked(&self, k: &Values) -> Rc<Marked> {
        let n = objects(k);
        let mut c = self.cache.marked.borrow_mut();
        match c.as_ref() {
            Some(m) if m.objects == n => m.clone(),
            _ => {
                let m = Rc::new(Marked::new(n));
                *c = Some(m.clone());
                m
            }
        }
    }

    fn other(&self) -> Strategy {
        match self.strategy {
            Strategy::ObjectByObject => Strategy::SpanBySpan,
            Strategy::SpanBySpan => Strategy::ObjectByObject,
        }
    }
}

impl Figure for Marking {
    fn defaults(&self) -> Values {
        super::knobs::marking()
    }

    fn scene(&self, k: &Values, vp: Viewport) -> Scene {
        self.scene_at(k, self.done, vp)
    }

    fn prepare(&self) {
        self.marked(&self.defaults());
    }

    fn scene_at(&self, k: &Values, done: usize, vp: Viewport) -> Scene {
        let n = objects(k);
        if let Some((s, d, had, at, scene)) = self.cache.last.borrow().as_ref() {
            if *s == self.strategy && *d == done && *had == n && *at == vp {
                return scene.clone();
            }
        }
        let m = self.marked(k);
        let (run, times) = m.run(self.strategy);
        let other = m.run(self.other()).0.regions_touched;
        let scene = memview::marking(&m.heap, run, times, self.strategy, done, other, vp);
        *self.cache.last.borrow_mut() = Some((self.strategy, done, n, vp, scene.clone()));
        scene
    }

    fn describe(&self, k: &Values) -> String {
        let m = self.marked(k);
        let (run, times) = m.run(self.strategy);
        memview::describe_marking(&m.heap, run, times, self.strategy, self.done, self.lang)
    }

    fn readout(&self, k: &Values) -> String {
        let m = self.marked(k);
        let (flood, spans) = (&m.run(Strategy::ObjectByObject).0, &m.run(Strategy::SpanBySpan).0);
        let (all, by_object, by_span) = (flood.order.len(), flood.regions_touched, spans.regions_touched);
        match self.lang {
            Language::En => format!("Regions touched marking all {all}: object by object {by_object}, span by span {by_span}"),
            Language::Ja => format!("{all} 個すべてをマークするまでに触れた領域の数：オブジェクト単位 {by_object}、スパン単位 {by_span}"),
        }
    }

    fn moment(&self) -> Option<(u32, usize)> {
        Some((self.strategy as u32, self.done))
    }

    fn moments(&self, k: &Values) -> usize {
        self.marked(k).run(self.strategy).0.order.len()
    }
}
