//! Figures: pictures a step computes rather than a machine state — a
//! chart, a heap being marked, a lab — drawn from the knobs' values.
//!
//! A chapter with a new mechanism brings its own figures: it implements
//! [`Figure`] next to its steps and hands them to [`Step::view`]. Nothing
//! central matches on them; the session asks any figure the same questions.
//!
//! [`Step::view`]: crate::Step::view

use crate::knob::Values;
use alloc::rc::Rc;
use alloc::string::String;
use core::fmt;
use memview::{Scene, Viewport};

pub trait Figure {
    /// The knobs this figure is drawn from, set as its step starts (the
    /// caption describes these values).
    fn defaults(&self) -> Values;

    /// The picture for knob values `k` (which hold every key of
    /// [`Figure::defaults`]).
    fn scene(&self, k: &Values, vp: Viewport) -> Scene;

    /// The picture in words: the canvas's text alternative.
    fn describe(&self, k: &Values) -> String;

    /// The numbers shown under the sliders.
    fn readout(&self, k: &Values) -> String;

    /// What a screen reader is told once a slider comes to rest: the
    /// readout's results, without working it also shows (a formula).
    fn news(&self, k: &Values) -> String {
        self.readout(k)
    }

    /// The caption for knob values `k`, when it quotes numbers a slider
    /// changes; `None` keeps the step's own caption.
    fn caption(&self, _k: &Values) -> Option<String> {
        None
    }

    /// The listing beside the picture for knob values `k`, when it is not
    /// the chapter's (the escape lab's file for its toggles).
    fn code(&self, _k: &Values) -> Option<crate::Code> {
        None
    }

    /// Text for the terminal panel, if the figure prints any.
    fn terminal(&self, _k: &Values) -> Option<String> {
        None
    }

    /// Does ahead of time the work its first picture would do (called in
    /// idle time, so a first visit costs what a later one does).
    fn prepare(&self) {}

    /// When the figure is one moment of a run that can play out between
    /// steps (a marking scan): which run, and how far into it.
    fn moment(&self) -> Option<(u32, usize)> {
        None
    }

    /// How many moments the run has under `k`.
    fn moments(&self, _k: &Values) -> usize {
        0
    }

    /// The picture at another moment of the same run.
    fn scene_at(&self, k: &Values, _moment: usize, vp: Viewport) -> Scene {
        self.scene(k, vp)
    }
}

/// What the picture of a step shows.
#[derive(Clone, Default)]
pub enum View {
    /// The machine state after the step's ops.
    #[default]
    Machine,
    /// A computed picture.
    Figure(Rc<dyn Figure>),
}

// Figures hold whole machines and runs: printing them would pull a Debug
// implementation of every model type into the page for no reader.
impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.figure().is_some() { "Figure" } else { "Machine" })
    }
}

impl View {
    pub fn figure(&self) -> Option<&dyn Figure> {
        match self {
            View::Machine => None,
            View::Figure(f) => Some(f.as_ref()),
        }
    }
}
