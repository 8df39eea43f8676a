//! Embedding in a slide deck: the link's flags (`?embed&caption&controls&
//! theme=dark&steps=10-14`, and `?present` for the presenter view) and the
//! messages a parent frame may send.
//!
//!    parent ──{ type: "go-memory", version: 1, command: "goto", chapter, step, knobs }──► frame
//!    parent ──"slide:start" / "slide:stop" (reveal.js)──────────────────────────────────► frame
//!    frame  ──{ type: "go-memory", version: 1, event: "ready" | "state" | "error", … }──► parent
//!    frame  ──{ …, event: "next" | "prev" } (stepped past its `steps`)──────────────────► parent
//!    frame  ──{ …, event: "escape" } (Esc, which a frame has no use for)─────────────────► parent
//!
//! A frame with `steps` is a slide's range: it steps only within it, and a
//! viewer's Next past its last step (Back before its first) asks the deck
//! to move on instead, so a clicker still works once the frame has focus.
//!
//! The web layer reads a message into [`Envelope`] field by field (the
//! native tests and the fuzzer decode JSON with serde); everything here
//! checks it again, so anything malformed, unknown or oversized is
//! refused with an error reply and changes nothing.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use chapters::route::Problem;
use serde::{Deserialize, Serialize};

/// The message namespace and the one version this frame speaks.
pub const NAMESPACE: &str = "go-memory";
pub const VERSION: u32 = 1;
/// The link flags embed mode reads (besides a chapter's knobs).
pub const FLAGS: [&str; 6] = ["embed", "caption", "controls", "theme", "present", "steps"];
/// Longest chapter id, knob key or value a message may carry.
const MAX_TEXT: usize = 64;
/// Most knobs a goto may set.
const MAX_KNOBS: usize = 8;

/// How the page shows itself: whole, or as a frame in a deck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// No page chrome; the picture fills the frame.
    pub on: bool,
    /// Show the caption under the picture.
    pub caption: bool,
    /// Show minimal step controls.
    pub controls: bool,
    /// `theme=dark` / `theme=light`; otherwise the system's (the parent's).
    pub dark: Option<bool>,
    /// The presenter view (`?present`, the `p` key): the picture fills the
    /// screen with a large caption under it. Also outside embed mode.
    pub present: bool,
    /// `steps=10-14`: the slide's range of steps, 1-based and inclusive,
    /// within the chapter. Only in embed mode.
    pub steps: Option<(usize, usize)>,
}

impl Embed {
    /// The flags a link to a chapter of `last` steps sets; each bad
    /// `theme`, `present` or `steps` value is reported (and leaves that flag
    /// at its default).
    pub fn from_params(params: &[(String, String)], last: usize) -> (Embed, Vec<Problem>) {
        let mut e = Embed::default();
        let mut problems = Vec::new();
        for (k, v) in params {
            match k.as_str() {
                "embed" => e.on = true,
                "caption" => e.caption = true,
                "controls" => e.controls = true,
                "theme" => match v.as_str() {
                    "dark" => e.dark = Some(true),
                    "light" => e.dark = Some(false),
                    _ => problems.push(Problem::BadFlag {
                        key: k.clone(),
                        given: chapters::route::excerpt(v),
                        expected: alloc::vec![String::from("dark"), String::from("light")],
                    }),
                },
                "steps" => match range(v).filter(|&(from, to)| from <= to && to <= last) {
                    Some(r) => e.steps = Some(r),
                    None => problems.push(Problem::BadRange { given: chapters::route::excerpt(v), last }),
                },
                "present" => match v.as_str() {
                    "" | "on" | "1" | "true" => e.present = true,
                    "off" | "0" | "false" => e.present = false,
                    _ => {
                        problems.push(Problem::BadFlag {
                            key: k.clone(),
                            given: chapters::route::excerpt(v),
                            expected: alloc::vec![String::from("on"), String::from("off")],
                        });
                    }
                },
                _ => {}
            }
        }
        // A range is a slide's frame's: the page itself has no use for it.
        if !e.on && params.iter().any(|(k, _)| k == "steps") {
            e.steps = None;
            problems.push(Problem::UnknownParam { key: String::from("steps") });
        }
        (e, problems)
    }

    /// The 0-based steps this frame may show, `steps` or the whole chapter
    /// of `len` steps.
    pub fn bounds(&self, len: usize) -> (usize, usize) {
        match self.steps {
            Some((from, to)) => ((from - 1).min(len - 1), (to - 1).min(len - 1)),
            None => (0, len - 1),
        }
    }

    /// The flags as link parameters (after the knobs).
    pub fn params(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let flag = |k: &str| (String::from(k), String::new());
        if self.present {
            out.push(flag("present"));
        }
        if self.on {
            out.push(flag("embed"));
            if self.caption {
                out.push(flag("caption"));
            }
            if self.controls {
                out.push(flag("controls"));
            }
        }
        // A link's theme holds outside a frame too, until ◐ is pressed.
        if let Some(d) = self.dark {
            out.push((String::from("theme"), String::from(if d { "dark" } else { "light" })));
        }
        // Only a frame has a range (`from_params` keeps none outside one).
        if let Some((from, to)) = self.steps {
            out.push((String::from("steps"), format!("{from}-{to}")));
        }
        out
    }
}

/// `10-14` as (10, 14): two step numbers from 1.
fn range(v: &str) -> Option<(usize, usize)> {
    let (a, b) = v.split_once('-')?;
    let number = |s: &str| s.parse::<usize>().ok().filter(|n| (1..=100_000).contains(n) && s.bytes().all(|c| c.is_ascii_digit()));
    Some((number(a)?, number(b)?))
}

/// A message from the parent frame, as decoded from its JSON shape. Every
/// field is optional here so that a message missing one is answered with a
/// clear error rather than a decoding failure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Envelope {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub version: Option<u32>,
    pub command: Option<String>,
    pub chapter: Option<String>,
    /// 1-based, as in links.
    pub step: Option<u64>,
    pub knobs: Option<BTreeMap<String, String>>,
}

/// What a parent can ask, once an envelope is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Go to a chapter and step, with knob values spelled as in links.
    Goto {
        chapter: String,
        step: u64,
        knobs: Vec<(String, String)>,
    },
    Next,
    Prev,
    Play,
    Pause,
    GetState,
}

/// A message as the web layer hands it over.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A namespaced command.
    Envelope(Envelope),
    /// reveal.js entering (true) or leaving (false) the frame's slide.
    Slide(bool),
    /// Something that could not be decoded, with why.
    Invalid(String),
}

fn short(s: &str) -> bool {
    s.chars().count() <= MAX_TEXT && !s.chars().any(char::is_control)
}

/// A chapter id, knob key or value as links spell them (`gc`, `GOGC`,
/// `48MiB`, `0.5`): nothing a link would read as its own structure, so a
/// value cannot smuggle in a flag (`200&present`) or another step.
fn plain(s: &str) -> bool {
    short(s) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

impl Envelope {
    /// Checks the envelope: the namespace, the version, a known command
    /// and its arguments.
    pub fn command(self) -> Result<Command, String> {
        if self.kind.as_deref() != Some(NAMESPACE) {
            return Err(format!("not a {NAMESPACE} message"));
        }
        if self.version != Some(VERSION) {
            return Err(format!("unsupported version; this frame speaks version {VERSION}"));
        }
        Ok(match self.command.as_deref() {
            Some("goto") => {
                // A chapter id is letters, digits and '-': anything else is no
                // chapter of this frame's (said without quoting it).
                let chapter = match self.chapter {
                    Some(c) if plain(&c) && !c.is_empty() => c,
                    Some(_) => return Err(String::from("goto names no chapter of this frame (a chapter id is letters, digits and '-'); nothing changed")),
                    None => return Err(String::from("goto needs a chapter id")),
                };
                let step = self.step.filter(|s| (1..=100_000).contains(s)).ok_or_else(|| String::from("goto needs a step from 1"))?;
                let knobs = self.knobs.unwrap_or_default();
                if knobs.len() > MAX_KNOBS || !knobs.iter().all(|(k, v)| plain(k) && plain(v)) {
                    return Err(format!(
                        "a goto takes at most {MAX_KNOBS} knob values, each letters, digits, '.', '-' or '_'; the goto was refused and nothing changed"
                    ));
                }
                Command::Goto { chapter, step, knobs: knobs.into_iter().collect() }
            }
            Some("next") => Command::Next,
            Some("prev") => Command::Prev,
            Some("play") => Command::Play,
            Some("pause") => Command::Pause,
            Some("get-state") => Command::GetState,
            _ => return Err(String::from("unknown command; known: goto, next, prev, play, pause, get-state")),
        })
    }
}

/// What the frame tells its parent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reply {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: u32,
    /// `ready`, `state` or `error`; `next` or `prev` when a viewer stepped
    /// past the frame's `steps`; `escape` for an Esc the frame had no use
    /// for; `key` for one of the deck's keys (`keys::deck_key`).
    pub event: &'static str,
    pub chapter: String,
    /// 1-based.
    pub step: usize,
    pub steps: usize,
    pub knobs: BTreeMap<String, String>,
    /// The link to this state (the hash).
    pub link: String,
    pub playing: bool,
    /// Why a message was refused, for `error`.
    pub message: Option<String>,
    /// The deck's key pressed in the frame, for `key`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<&'static str>,
}
