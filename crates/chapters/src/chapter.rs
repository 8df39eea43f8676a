//! What a chapter and a step are, and a small builder to write them.

use crate::figure::View;
use crate::knob::Knob;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::{Machine, Op, SimError, Timeline};
use memview::{Focus, Language};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Go,
    C,
    Asm,
}

/// The listing shown beside the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// Path shown in the listing's title, relative to the Go module.
    pub file: &'static str,
    pub lang: Lang,
    pub text: &'static str,
}

/// Text for the terminal panel: a command and what it printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terminal {
    pub command: &'static str,
    pub output: &'static str,
}

#[derive(Clone, Debug, Default)]
pub struct Step {
    pub ops: Vec<Op>,
    pub caption: String,
    /// (text, nth occurrence, line offset) locating the current line.
    pub anchor: Option<(&'static str, usize, i32)>,
    pub focus: Vec<Focus>,
    pub terminal: Option<Terminal>,
    /// Heads the program's output instead of `$ run_command` when the
    /// output is not the real program's (a hypothetical runtime).
    pub output_note: Option<&'static str>,
    pub view: View,
    /// Links shown under the caption: (label, `#/chapter/step` or https URL).
    pub links: Vec<(&'static str, &'static str)>,
    /// The listing this step shows instead of the chapter's (another
    /// program the step runs); its anchor is looked up there.
    pub code: Option<Code>,
    /// A last sentence inviting the reader to move the step's sliders:
    /// shown only where the sliders are (not in a frame or the presenter
    /// view, whose captions would otherwise ask for what they hide).
    pub try_it: Option<&'static str>,
    /// A sentence about what only the page shows beside the caption (the
    /// terminal's output, the links under the caption): left out in a frame
    /// and the presenter view, which show neither. Before [`Step::try_it`].
    pub page_note: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Chapter {
    /// The language its words are in.
    pub language: Language,
    /// URL slug.
    pub id: &'static str,
    pub title: &'static str,
    pub code: Code,
    /// Command whose output is the program's own output (`go run .`).
    pub run_command: Option<&'static str>,
    pub steps: Vec<Step>,
    /// The knobs the chapter's figures read (see [`crate::knob`]).
    pub knobs: &'static [Knob],
    /// Named parts of a long chapter: (first step, name), in step order.
    /// Empty for a chapter read in one go.
    pub parts: Vec<(usize, &'static str)>,
}

impl Step {
    pub fn op(&mut self, op: Op) -> &mut Step {
        self.ops.push(op);
        self
    }

    /// The current line is the first line containing `text`.
    pub fn at(&mut self, text: &'static str) -> &mut Step {
        self.anchor = Some((text, 0, 0));
        self
    }

    /// The current line is `offset` lines after the `nth` (0-based) line
    /// containing `text`.
    pub fn at_nth(&mut self, text: &'static str, nth: usize, offset: i32) -> &mut Step {
        self.anchor = Some((text, nth, offset));
        self
    }

    pub fn focus(&mut self, f: Focus) -> &mut Step {
        self.focus.push(f);
        self
    }

    pub fn view(&mut self, view: View) -> &mut Step {
        self.view = view;
        self
    }

    pub fn link(&mut self, label: &'static str, href: &'static str) -> &mut Step {
        self.links.push((label, href));
        self
    }

    pub fn output_note(&mut self, note: &'static str) -> &mut Step {
        self.output_note = Some(note);
        self
    }

    /// Ends the caption with `text` where the step's sliders are shown.
    pub fn try_it(&mut self, text: &'static str) -> &mut Step {
        self.try_it = Some(text);
        self
    }

    /// Ends the caption with `text` where the page's own panels (the
    /// terminal, the links under the caption) are shown.
    pub fn page_note(&mut self, text: &'static str) -> &mut Step {
        self.page_note = Some(text);
        self
    }

    /// `caption` as the whole page reads it: with its note on the page's
    /// panels and its invitation to try the sliders.
    pub fn on_page(&self, caption: &str, lang: Language) -> String {
        self.as_shown(caption, lang, true, true)
    }

    /// `caption` where the page's panels and the sliders are shown or not:
    /// a frame shows neither, the presenter view only the sliders.
    pub fn as_shown(&self, caption: &str, lang: Language, panels: bool, sliders: bool) -> String {
        let mut out = String::from(caption);
        for t in [self.page_note.filter(|_| panels), self.try_it.filter(|_| sliders)].into_iter().flatten() {
            if lang == Language::En {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    /// Shows `code` beside the picture instead of the chapter's listing.
    pub fn listing(&mut self, code: Code) -> &mut Step {
        self.code = Some(code);
        self
    }

    pub fn terminal(&mut self, command: &'static str, output: &'static str) -> &mut Step {
        self.terminal = Some(Terminal { command, output });
        self
    }
}

impl Chapter {
    pub fn new(language: Language, id: &'static str, title: &'static str, code: Code) -> Chapter {
        Chapter { language, id, title, code, run_command: None, steps: Vec::new(), knobs: &[], parts: Vec::new() }
    }

    /// Appends a step with `caption` and returns it for filling in.
    pub fn step(&mut self, caption: &str) -> &mut Step {
        self.steps.push(Step { caption: caption.into(), ..Step::default() });
        let Some(step) = self.steps.last_mut() else { unreachable!("just pushed") };
        step
    }

    /// Starts a named part at the next step added.
    pub fn part(&mut self, name: &'static str) {
        self.parts.push((self.steps.len(), name));
    }

    /// The part step `i` belongs to: (0-based part index, name, first step,
    /// step count), or `None` in a chapter without parts.
    pub fn part_of(&self, i: usize) -> Option<(usize, &'static str, usize, usize)> {
        let k = self.parts.iter().rposition(|&(first, _)| first <= i)?;
        let (first, name) = self.parts[k];
        let end = self.parts.get(k + 1).map_or(self.steps.len(), |&(next, _)| next);
        Some((k, name, first, end - first))
    }

    /// The listing step `i` shows with the knobs at `k`: its figure's for
    /// those values, else the step's own, else the chapter's.
    pub fn code_at(&self, i: usize, k: &crate::knob::Values) -> Code {
        let Some(step) = self.steps.get(i) else { return self.code };
        step.view.figure().and_then(|f| f.code(k)).or(step.code).unwrap_or(self.code)
    }

    /// The 1-based line of the listing that step `i` stands for, with its
    /// figure's knobs at their defaults.
    pub fn line(&self, i: usize) -> Option<usize> {
        let k = self.steps.get(i)?.view.figure().map(|f| f.defaults()).unwrap_or_default();
        self.line_in(i, self.code_at(i, &k))
    }

    /// The 1-based line of `code` that step `i` stands for.
    pub fn line_in(&self, i: usize, code: Code) -> Option<usize> {
        let (text, nth, offset) = self.steps.get(i)?.anchor?;
        let (index, _) = code.text.lines().enumerate().filter(|(_, l)| l.contains(text)).nth(nth)?;
        usize::try_from(index as i64 + 1 + i64::from(offset)).ok()
    }

    /// Runs every step once and keeps each state.
    pub fn timeline(&self) -> Result<Timeline, (usize, SimError)> {
        Timeline::build(self.steps.iter().map(|s| s.ops.as_slice()))
    }

    /// The state after step `i`, computed from scratch (for tests).
    pub fn replay(&self, i: usize) -> Result<Machine, (usize, SimError)> {
        Timeline::replay(self.steps.iter().map(|s| s.ops.as_slice()), i)
    }
}
