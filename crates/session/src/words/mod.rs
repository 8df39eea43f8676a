//! Every word of the page around the picture, one table per language:
//! `en.rs` and `ja.rs` fill the same [`Words`], so the compiler refuses a
//! table that lacks a field. The static page's words are keyed by the
//! `data-t`, `data-t-aria` and `data-t-title` attributes of `www/index.html`;
//! `tests/language.rs` checks both tables hold exactly the keys the page uses.

mod en;
mod ja;

use alloc::string::String;
use memview::Language;

pub struct Words {
    /// The product's name, as `<title>` ends.
    pub product: &'static str,
    /// The page's `<meta name="description">`.
    pub description: &'static str,
    /// The first-step hint: how to go on, with keys or by touch.
    pub hint: Hint,
    pub play: &'static str,
    pub pause: &'static str,
    pub link_copied: &'static str,
    pub embed_copied: &'static str,
    /// The clipboard refused: the link to copy by hand.
    pub copy_by_hand: fn(&str) -> String,
    /// The same for an `<iframe>` (Copy embed).
    pub copy_embed_by_hand: fn(&str) -> String,
    /// (chapter id, 1-based step, error)
    pub build_failed: fn(&str, usize, &str) -> String,
    /// (chapter, chapters, step, steps), 1-based.
    pub progress: fn(usize, usize, usize, usize) -> String,
    /// (part, parts, name, step in part, steps in part), 1-based.
    pub part: fn(usize, usize, &str, usize, usize) -> String,
    /// (chapter title, step): the document's title before the product.
    pub title: fn(&str, usize) -> String,
    /// The link to the next chapter on a chapter's last step.
    pub next_chapter: fn(&str) -> String,
    /// (problem, chapter title, step): what a corrected link shows.
    pub instead: fn(&str, &str, usize) -> String,
    /// A notice's end.
    pub stop: &'static str,
    /// (step, steps): the step slider's spoken value.
    pub step_of: fn(usize, usize) -> String,
    /// The picture's accessible name, from its panels' titles (a bare
    /// "Picture" with none).
    pub picture: fn(&[&str]) -> String,
    /// The embedded frame's title in a copied `<iframe>`.
    pub frame_title: &'static str,
    /// The static page's words: (key, text).
    pub page: &'static [(&'static str, &'static str)],
}

/// How to go on: a keyboard's reader is told the key too; a phone's,
/// which has none, only the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub touch: &'static str,
}

impl Words {
    pub const fn of(lang: Language) -> &'static Words {
        match lang {
            Language::En => &en::WORDS,
            Language::Ja => &ja::WORDS,
        }
    }

    /// The static page's text for `key`.
    pub fn page(&self, key: &str) -> Option<&'static str> {
        self.page.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// Roughly how many words a reader takes in from `caption`: English words,
/// or Japanese characters counted two to a word (a reader takes in about
/// eight a second, against four English words).
pub fn reading_words(caption: &str) -> f64 {
    let wide = caption.chars().filter(|&c| memview::text_is_wide(c)).count() as f64;
    let latin = caption.split(|c: char| c.is_whitespace() || memview::text_is_wide(c)).filter(|w| !w.is_empty()).count() as f64;
    latin + wide / 2.0
}
