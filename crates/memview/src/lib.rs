//! Turns machine states into pictures, without knowing any platform.
//!
//!    Machine ──layout──► Scene (keyed nodes + pointer edges)
//!    Scene, Scene, t ──tween──► Scene        (the in-between frame)
//!    Scene ──paint──► DrawList (rects, text, curves) ──► a canvas
//!
//! Every node has a stable [`Key`] derived from the model's identities, so
//! the tween can tell a moved slot from a new one: matched nodes glide,
//! new ones fade in, removed ones fade out. Layout and paint are pure
//! functions, so a text dump of a draw list is a test that needs no browser.
#![no_std]

extern crate alloc;

mod by_key;
mod describe;
mod draw_list;
mod floor;
mod focus;
mod geom;
mod highlight;
mod lang;
mod layout;
mod layout_c_heap;
mod layout_case;
mod layout_growth;
mod layout_marking;
mod layout_memory;
mod layout_pacer;
mod layout_stack_heap;
mod layout_story;
mod legend;
mod palette;
mod readout;
mod scene;
mod stage;
mod text;
mod tween;

pub use describe::describe;
pub use draw_list::{dump, paint, Cmd, TextAlign};
pub use floor::fit;
pub use focus::Focus;
pub use geom::{Point, Rect};
pub use highlight::{highlight, Syntax, Token};
pub use lang::{Language, Tr};
pub use layout::{layout, Viewport};
pub use layout_case::{call_path, case_call, case_compare, describe_compare, grouped, numbers as case_numbers, CallPart, Shown};
pub use layout_growth::{describe_growth, growth_ladder, growth_numbers, growth_stack, limit_text, reserve};
pub use layout_marking::{describe as describe_marking, marking};
pub use layout_pacer::{describe as describe_pacer, goal_formula, pacer, percent, stats as pacer_stats};
pub use layout_story::{cards, describe_cards, describe_timeline, pipeline, timeline, Card, Milestone};
pub use palette::{Palette, Rgba, Role};
pub use scene::{Edge, Key, Line, Node, Scene, Text};
pub use stage::Stage;
pub use text::{bytes, columns, is_wide as text_is_wide, katakana_known, keep_units, wrap};
pub use tween::{ease, tween};
