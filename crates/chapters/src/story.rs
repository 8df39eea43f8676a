//! Figures for the chapters that tell rather than simulate (`intro`,
//! `next`): cards, a pipeline lit stage by stage, a release timeline.

use crate::figure::Figure;
use crate::knob::Values;
use alloc::string::String;
use alloc::vec::Vec;
use memview::{Card, Language, Milestone, Scene, Viewport};

pub enum Story {
    Cards { lang: Language, title: &'static str, sub: &'static str, cards: Vec<Card> },
    Pipeline { lang: Language, title: &'static str, sub: &'static str, stages: Vec<Card>, lit: usize },
    Timeline { lang: Language, title: &'static str, sub: &'static str, items: Vec<Milestone> },
}

impl Figure for Story {
    fn defaults(&self) -> Values {
        Values::default()
    }

    fn scene(&self, _: &Values, vp: Viewport) -> Scene {
        match self {
            Story::Cards { title, sub, cards, .. } => memview::cards(title, sub, cards, vp),
            Story::Pipeline { title, sub, stages, lit, .. } => memview::pipeline(title, sub, stages, *lit, vp),
            Story::Timeline { title, sub, items, .. } => memview::timeline(title, sub, items, None, vp),
        }
    }

    fn describe(&self, _: &Values) -> String {
        match self {
            Story::Cards { lang, title, cards, .. } => memview::describe_cards(title, cards, *lang),
            Story::Pipeline { lang, title, stages, lit, .. } => memview::describe_cards(title, &stages[..=(*lit).min(stages.len() - 1)], *lang),
            Story::Timeline { lang, items, .. } => memview::describe_timeline(items, *lang),
        }
    }

    fn readout(&self, _: &Values) -> String {
        String::new()
    }
}
