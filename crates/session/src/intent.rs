//! Every input the page can receive, as one type. The web layer turns DOM
//! events into intents; tests build them directly.

use crate::embed::{Message, Reply};
use alloc::string::String;

/// How a move changes the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// A new history entry (a user's step, seek or chapter change).
    Push,
    /// Rewrite the current entry (playback, slider drags, corrected links).
    Replace,
    /// Leave the URL alone (it already says this: back/forward, a scrub
    /// in progress).
    Keep,
}

/// Where a key was pressed. The help's keys act wherever focus is, except
/// where a control needs the key itself (see `keys`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTarget {
    /// The page itself, the canvas, a listing, a link.
    Page,
    /// A button (or a disclosure's summary): Enter stays the button's.
    Button,
    /// A menu (the chapter or speed select): ↑/↓ still choose in it.
    Menu,
    /// The step scrubber: its arrows, Home and End are the step keys.
    Scrubber,
    /// A knob's slider: it keeps its arrows, Home and End.
    Slider,
    /// A text field, where typing is expected: it keeps every key.
    Text,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Show what a link names (start-up, hashchange, back/forward).
    Open {
        hash: String,
        nav: Nav,
    },
    Next,
    Prev,
    First,
    Last,
    /// The scrubber moved to this 1-based step (the URL follows on release).
    Scrub(usize),
    /// The scrubber was released.
    ScrubDone,
    /// The chapter menu picked this chapter id.
    PickChapter(String),
    TogglePlay,
    /// Playback speed, as the menu spells it (`0.5`, `1`, `1.5`, `2`).
    Speed(String),
    /// A slider (by element id) moved to `position`.
    Slider {
        id: String,
        position: i64,
    },
    Key {
        key: String,
        modifier: bool,
        target: KeyTarget,
    },
    /// A touch that crossed the picture by `dx`, `dy` CSS px in `ms`:
    /// a swipe steps (see `swipe`), anything else does nothing.
    Swipe {
        dx: f64,
        dy: f64,
        ms: f64,
    },
    Help(bool),
    /// Escape: closes the help, else leaves the presenter view.
    Escape,
    /// Enter or leave the presenter view (the `p` key, its button).
    TogglePresent,
    Present(bool),
    DismissNotice,
    ToggleTheme,
    /// Whether single-character keys (`p`, `?`, a frame's deck letters)
    /// act: the reader's choice, in the help (WCAG 2.1.4).
    LetterKeys(bool),
    /// The system's colour scheme or motion preference changed.
    Dark(bool),
    ReducedMotion(bool),
    Resize {
        width: f32,
        height: f32,
        dpr: f64,
    },
    CopyLink,
    /// The clipboard accepted the link, or the link to show instead.
    Copied(Result<(), String>),
    /// Copy an `<iframe>` snippet for this state.
    CopyEmbed,
    /// The copy status has been on screen long enough: it goes.
    CopyStatusRead,
    /// The language button picked this code (`en`, `ja`).
    Language(String),
    /// A message from the parent frame (embed mode).
    Message(Message),
}

/// What the platform must do after a dispatch.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write this hash to the address bar.
    Url { hash: String, nav: Nav },
    /// Put the link to the current state (this hash, which always names
    /// the language) on the clipboard.
    CopyLink(String),
    /// Put an `<iframe>` for this state (its hash) on the clipboard.
    CopyEmbed(String),
    /// Tell the parent frame something.
    Post(Reply),
    /// Move keyboard focus to the element with this id.
    Focus(&'static str),
    /// Scroll the listing to its current line (after the next paint).
    ScrollCode,
    /// Something could not be built: show the error panel.
    Failed(String),
}
