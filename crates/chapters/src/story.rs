//! Figures for the chapters that tell rather than simulate (`intro`,
//! `next`): cards, a pipeline lit stage by stage, a release timeline.

use crate::figure::Figure;
use crate::knob::Values;
use alloc::string::String;
use alloc::vec::Vec;
use memview::{Card, Milestone, Scene, Viewport};

pub enum Story {
    Cards { title: &'static str, sub: &'static str, cards: Vec<Card> },
    Pipeline { title: &'static str, sub: &'static str, stages: Vec<Card>, lit: usize },
    Timeline { title: &'static str, sub: &'static str, items: Vec<Milestone> },
}

impl Figure for Story {
    fn defaults(&self) -> Values {
        Values::default()
    }

    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        match self {
            Story::Cards { title, sub, cards } => memview::cards(title, sub, cards, vp),
            Story::Pipeline { title, sub, stages, lit } => memview::pipeline(title, sub, stages, *lit, vp),
            Story::Timeline { title, sub, items } => memview::timeline(title, sub, items, None, vp),
        }
    }

    fn describe(&self, _: &Values) -> String {
        match self {
            Story::Cards { title, cards, .. } => memview::describe_cards(title, cards),
            Story::Pipeline { title, stages, lit, .. } => memview::describe_cards(title, &stages[..=(*lit).min(stages.len() - 1)]),
            Story::Timeline { items, .. } => memview::describe_timeline(items),
        }
    }

    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}
