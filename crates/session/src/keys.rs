//! The keyboard, as the help dialog lists it:
//!
//!    ←/→ previous/next   Space play/pause   Home/End first/last   p presenter view   ? help
//!    Esc close the help, or leave the presenter view
//!    PgUp/PgDn previous/next, in the presenter view and a slide's frame
//!    o b . v f s g the deck's own (overview, black screen, full screen,
//!                  speaker view, jump to a slide), in a slide's frame
//!
//! A presentation clicker sends Page Up / Page Down: where a speaker uses
//! one they step, as the arrows do. Elsewhere they still scroll the page.
//! These act whichever control has focus — a button, the chapter or speed
//! menu, the scrubber (whose own arrows would step anyway) — except where a
//! control needs the key itself: a text field keeps every key, and a knob's
//! slider keeps its arrows, Home and End (that is how a keyboard moves it),
//! and a button or menu keeps Space (it presses the button, opens the menu;
//! on a two-way toggle the page flips it before it gets here).
//! Enter and ↑/↓ are never taken, so buttons and menus still work; a held
//! modifier leaves the key to the browser. The help's switch turns the
//! single-character keys off (`p`, `?`, a frame's deck letters): speech
//! input and a stray key set them off (WCAG 2.1.4).

use crate::intent::{Intent, KeyTarget};

/// The intent a key stands for where it was pressed, if any; `deck`: the
/// page is the presenter view or a frame in a deck.
pub fn intent(key: &str, modifier: bool, target: KeyTarget, deck: bool) -> Option<Intent> {
    if modifier {
        return None;
    }
    if key == "Escape" {
        return Some(Intent::Escape);
    }
    match (target, key) {
        (KeyTarget::Text, _) => return None,
        (KeyTarget::Slider, "ArrowLeft" | "ArrowRight" | "Home" | "End") => return None,
        // A slider pages through its values, except where a clicker's keys
        // must step (a speaker who tabbed to GOGC still has its arrows).
        (KeyTarget::Slider, "PageUp" | "PageDown") if !deck => return None,
        // A menu pages through its choices.
        (KeyTarget::Menu, "PageUp" | "PageDown") => return None,
        // Space presses a focused button and opens a menu, as everywhere.
        (KeyTarget::Button | KeyTarget::Menu, " " | "Spacebar") => return None,
        _ => {}
    }
    Some(match key {
        "ArrowRight" => Intent::Next,
        "ArrowLeft" => Intent::Prev,
        // On the page they scroll it, but the step scrubber's are step
        // keys (its own would jump a tenth of the chapter, backwards).
        "PageDown" if deck || target == KeyTarget::Scrubber => Intent::Next,
        "PageUp" if deck || target == KeyTarget::Scrubber => Intent::Prev,
        " " | "Spacebar" => Intent::TogglePlay,
        "Home" => Intent::First,
        "End" => Intent::Last,
        "?" => Intent::Help(true),
        "p" | "P" => Intent::TogglePresent,
        _ => return None,
    })
}

/// Whether `key` is a single character (`p`, `?`, a deck's letters): the
/// keys the help's switch turns off.
pub fn letter(key: &str) -> bool {
    key.chars().count() == 1 && key != " "
}

/// The keys a reveal.js deck gives meaning to and the explainer does not:
/// `o` the overview, `b`, `.` and `v` a black screen, `f` full screen, `s`
/// the speaker view, `g` jump to a slide. A frame with the keyboard focus
/// keeps every key from its deck, so it passes these on (the deck's plugin
/// acts on them); the name returned is the one the frame posts.
pub fn deck_key(key: &str) -> Option<&'static str> {
    DECK_KEYS.iter().copied().find(|k| *k == key)
}

const DECK_KEYS: [&str; 7] = ["o", "b", ".", "v", "f", "s", "g"];
