//! The explainer without a platform: one [`Session`] holds where the viewer
//! is (chapter, step, knob values), playback, the animation between two
//! pictures, and the environment it draws for (viewport, theme, motion).
//!
//!    DOM event ──► Intent ──► Session::dispatch ──► state
//!                                   │
//!                                   ├──► Effects (URL, clipboard, focus)
//!                                   ├──► Page (caption, counter, sliders, terminal, …)
//!                                   └──► Session::frame(now) ──► Scene ──► canvas
//!
//! It knows nothing of the web, so every behaviour — keys, links, sliders,
//! playback — is tested natively by feeding it intents.
#![no_std]

extern crate alloc;

pub mod embed;
pub mod golden;
mod intent;
mod keys;
mod page;
mod session;
mod swipe;
pub mod words;

pub use embed::{Embed, Message, Reply};
pub use intent::{Effect, Intent, KeyTarget, Nav};
pub use page::{Page, Progress, Slider};
pub use session::{dwell_ms, Session, HINT};
pub use words::Words;
