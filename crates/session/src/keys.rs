//! The keyboard, as the help dialog lists it:
//!
//!    ←/→ previous/next   Space play/pause   Home/End first/last   ? help   Esc close
//!
//! Form fields keep every key (a slider's arrows move the slider); buttons
//! keep Space and Enter but arrows still step; a held modifier leaves the
//! key to the browser.

use crate::intent::{Intent, KeyTarget};

/// The intent a key stands for where it was pressed, if any.
pub fn intent(key: &str, modifier: bool, target: KeyTarget) -> Option<Intent> {
    if modifier {
        return None;
    }
    if key == "Escape" {
        return Some(Intent::Help(false));
    }
    match target {
        KeyTarget::Field => return None,
        KeyTarget::Button if !key.starts_with("Arrow") => return None,
        _ => {}
    }
    Some(match key {
        "ArrowRight" => Intent::Next,
        "ArrowLeft" => Intent::Prev,
        " " | "Spacebar" => Intent::TogglePlay,
        "Home" => Intent::First,
        "End" => Intent::Last,
        "?" => Intent::Help(true),
        _ => return None,
    })
}
