//! What every part of the page around the canvas shows, as plain data.
//! The session computes a [`Page`]; the web layer writes each field to its
//! element in one render pass, and only when it changed.

use alloc::string::String;
use alloc::vec::Vec;
use chapters::knob::Knob;

/// One slider as shown: its definition, position and value text.
#[derive(Clone, Debug, PartialEq)]
pub struct Slider {
    pub knob: &'static Knob,
    pub position: i64,
    /// What the value reads as beside the slider and to a screen reader.
    pub text: String,
}

/// Where the viewer is in the whole story, for the progress bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// How many chapters the story has (a segment each); the current one
    /// is `Page::chapter`, filled to `Page::step` of `Page::total`.
    pub chapters: usize,
    /// `Chapter 5 of 9 · step 19 of 44`: the bar's accessible text.
    pub text: String,
    /// In a chapter with named parts: `Part 3 of 5: Marking while the
    /// program runs · 4/7`.
    pub part: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The language of every word on it ([`crate::Words::of`] gives the
    /// page's own).
    pub lang: memview::Language,
    /// Index into the catalog, and the chapter's slug.
    pub chapter: usize,
    pub chapter_id: &'static str,
    pub chapter_title: &'static str,
    /// 0-based step, and the chapter's step count.
    pub step: usize,
    pub total: usize,
    pub caption: String,
    /// `3 / 24`.
    pub counter: String,
    /// The story's chapters, this one's place among them, and its part.
    pub progress: Progress,
    /// A first-step hint on how to go on (until the viewer first moves).
    pub hint: Option<crate::words::Hint>,
    /// The document's title.
    pub title: String,
    /// What the chapter's listing was checked against.
    pub checked: String,
    /// The listing beside the picture: the chapter's, or another program
    /// the step or its figure shows (the escape lab's file for its toggles).
    pub code: Option<chapters::Code>,
    /// The listing's current line (1-based).
    pub line: Option<usize>,
    /// The canvas's text alternative.
    pub description: String,
    /// The picture's accessible name: what it is of, from its panels'
    /// titles.
    pub picture: String,
    /// The terminal's text; `None` hides the terminal.
    pub terminal: Option<String>,
    /// The terminal's line the caption quotes (0-based), lit and scrolled
    /// into view: the compiler's verdict a step is about, among a dozen.
    pub terminal_mark: Option<usize>,
    /// The sliders the step shows (none: the knob panel is hidden).
    pub sliders: Vec<Slider>,
    /// Whether any step of the chapter shows sliders: the presenter view
    /// keeps their row's room on every step of it, so the picture keeps
    /// its size across the chapter.
    pub chapter_sliders: bool,
    /// The numbers under the sliders.
    pub readout: String,
    /// The readout in a few words, for a screen reader once a slider rests.
    pub news: String,
    pub notice: Option<String>,
    /// Links under the caption: (label, href), the step's own and, on a
    /// chapter's last step, the next chapter.
    pub links: Vec<(String, String)>,
    /// Whether Back and Next lead anywhere (the story runs on across
    /// chapters).
    pub has_prev: bool,
    pub has_next: bool,
    pub playing: bool,
    /// How long playback shows this step, in ms (while playing; else 0).
    pub dwell_ms: u32,
    pub help_open: bool,
    /// Whether single-character keys act (the help's switch).
    pub letter_keys: bool,
    pub dark: bool,
    /// Embed mode and its flags, and the presenter view.
    pub embed: crate::embed::Embed,
    /// "Link copied", or empty.
    pub copy_status: String,
}

impl Page {
    /// The slider groups on show, in order, each once.
    pub fn groups(&self) -> Vec<&'static str> {
        let mut groups: Vec<&'static str> = Vec::new();
        for s in &self.sliders {
            if !groups.contains(&s.knob.group) {
                groups.push(s.knob.group);
            }
        }
        groups
    }
}
