//! The session: one dispatch changes it, one page and one frame read it.

use crate::embed::{self, Command, Embed, Message, Reply};
use crate::intent::{Effect, Intent, KeyTarget, Nav};
use crate::keys;
use crate::page::{Page, Progress, Slider};
use crate::words::Words;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use chapters::knob::{self, Values};
use chapters::route::{self, Problem, Route};
use chapters::{Chapter, Figure, Step, View};
use memsim::{Machine, Timeline};
use memview::{Language, Palette, Scene, Stage, Viewport};

/// The link parameter naming the language: `?lang=ja`.
pub const LANG: &str = "lang";

/// Time to glide from one step to the next, at speed 1.
const STEP_ANIM_MS: f64 = 650.0;
/// Time to cross-fade on a jump (seek, chapter change).
const JUMP_ANIM_MS: f64 = 220.0;
/// How long playback shows a step, at speed 1: a base plus a reading time
/// per word of its caption, within bounds (see [`dwell_ms`]).
const DWELL_BASE_MS: f64 = 1500.0;
const DWELL_PER_WORD_MS: f64 = 250.0;
const DWELL_MIN_MS: f64 = 2500.0;
const DWELL_MAX_MS: f64 = 20_000.0;

/// The first-step hint in English: how to go on.
pub const HINT: &str = crate::words::Words::of(Language::En).hint.keys;

/// How long playback shows a step whose caption is `caption`, at `speed`
/// (1 is normal): long enough to read it, about four words (or eight
/// Japanese characters) a second.
pub fn dwell_ms(caption: &str, speed: f64) -> f64 {
    let words = crate::words::reading_words(caption);
    let speed = if speed.is_finite() && speed > 0.0 { speed } else { 1.0 };
    (DWELL_BASE_MS + DWELL_PER_WORD_MS * words).max(DWELL_MIN_MS).min(DWELL_MAX_MS) / speed
}
/// Time per object scanned when marking plays out, and the bounds on a
/// whole step's playing time (at speed 1).
const SCAN_MS_PER_OBJECT: f64 = 90.0;
const SCAN_MIN_MS: f64 = 650.0;
const SCAN_MAX_MS: f64 = 2400.0;

/// A chapter's states, computed on first visit and kept.
struct Loaded {
    timeline: Timeline,
    stage: Stage,
    /// The room a slide's steps need (`first..=last`, 0-based), for the
    /// range last shown in a frame.
    slide: Option<((usize, usize), Stage)>,
}

impl Loaded {
    /// Makes ready the stage for a frame that shows steps `first..=last`
    /// only: room for what those steps hold, so a slide's picture is as
    /// large as its frame allows and steady across the slide. The objects
    /// keep the chapter's names.
    fn prepare_slide(&mut self, slide: Option<(usize, usize)>) {
        let Some((first, last)) = slide else { return };
        if self.slide.as_ref().map(|(r, _)| *r) != Some((first, last)) {
            let mut stage = Stage::of(self.timeline.states().skip(first).take(last.saturating_sub(first) + 1));
            stage.labels = self.stage.labels.clone();
            self.slide = Some(((first, last), stage));
        }
    }

    /// The stage for `slide` (prepared), else the whole chapter's.
    fn stage(&self, slide: Option<(usize, usize)>) -> &Stage {
        match &self.slide {
            Some((r, stage)) if Some(*r) == slide => stage,
            _ => &self.stage,
        }
    }
}

struct Anim {
    from: Scene,
    start: f64,
    duration: f64,
    /// Between two moments of one run (a marking scan) the run plays out
    /// moment by moment instead of cross-fading: (from, to).
    playout: Option<(usize, usize)>,
}

/// The parts of the page that depend only on where the viewer is and the
/// knob values: computed once per change, not per dispatch.
struct Content {
    /// A figure's caption for the knob values, when it writes one.
    caption: Option<String>,
    description: String,
    terminal: Option<String>,
    readout: String,
    news: String,
}

pub struct Session {
    chapters: Vec<Chapter>,
    loaded: Vec<Option<Loaded>>,
    chapter: usize,
    step: usize,
    /// Knob values of the step's figure (empty for a machine step).
    knobs: Values,
    /// The last value of every knob that carries from step to step.
    carried: Values,
    scene: Option<Scene>,
    anim: Option<Anim>,
    content: Option<Content>,
    playing: bool,
    speed: f64,
    last_advance: f64,
    reduced_motion: bool,
    dark: bool,
    /// Whether `p`, `?` and a frame's deck letters act: speech input and a
    /// stray key set off single-character shortcuts, so a reader can turn
    /// them off (WCAG 2.1.4).
    letter_keys: bool,
    /// The canvas's size in CSS px, as the page last reported it.
    canvas: (f32, f32),
    /// What the picture is laid out for, and the scale it is drawn at: below
    /// 1 on a canvas smaller than the layouts are made for (`memview::fit`).
    viewport: Viewport,
    zoom: f32,
    /// The language of every word on the page, and the one the browser
    /// prefers (a link without `lang` opens in that one).
    lang: Language,
    preferred: Language,
    /// Whether the link names the language: it came with `lang`, or the
    /// viewer chose one; from then on the link keeps saying it.
    lang_in_link: bool,
    help_open: bool,
    /// Whether the viewer has moved yet (stepped, scrubbed or played): the
    /// first-step hint shows until they do.
    moved: bool,
    notice: Option<String>,
    copy_status: String,
    /// What the copy under way will say once the clipboard took it.
    copying: &'static str,
    effects: Vec<Effect>,
    embed: Embed,
    /// A slide's slider values: the knobs its link (one with `steps`) set,
    /// kept on every step of its range that shows them, as the slide was
    /// rehearsed (a step back had reset GOGC=400 to 100).
    slide_knobs: Vec<(String, String)>,
    /// What the parent was last told: (chapter, step, knobs, playing).
    announced: Option<(usize, usize, Values, bool)>,
}

impl Session {
    pub fn new(chapters: Vec<Chapter>) -> Session {
        let loaded = chapters.iter().map(|_| None).collect();
        Session {
            chapters,
            loaded,
            chapter: usize::MAX,
            step: 0,
            knobs: Values::default(),
            carried: Values::default(),
            scene: None,
            anim: None,
            content: None,
            playing: false,
            speed: 1.0,
            last_advance: 0.0,
            reduced_motion: false,
            dark: false,
            letter_keys: true,
            canvas: (800.0, 500.0),
            viewport: Viewport::new(800.0, 500.0),
            zoom: 1.0,
            lang: Language::En,
            preferred: Language::En,
            lang_in_link: false,
            help_open: false,
            moved: false,
            notice: None,
            copy_status: String::new(),
            copying: "",
            effects: Vec::new(),
            embed: Embed::default(),
            slide_knobs: Vec::new(),
            announced: None,
        }
    }

    /// The browser's preferred language, which the first link opens in
    /// when it names none.
    pub fn set_preferred(&mut self, lang: Language) {
        self.preferred = lang;
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    fn words(&self) -> &'static Words {
        Words::of(self.lang)
    }

    /// Speaks `lang` from now on: the same chapters, step and knobs, in
    /// other words. The computed states are kept: only words differ.
    fn set_language(&mut self, lang: Language) {
        if lang == self.lang {
            return;
        }
        self.lang = lang;
        self.chapters = chapters::catalog_in(lang);
        self.viewport = self.viewport.in_language(lang);
        self.notice = None;
        self.copy_status.clear();
        self.content = None;
        if self.chapter < self.chapters.len() {
            self.relayout();
            self.anim = None;
        }
    }

    pub fn chapters(&self) -> &[Chapter] {
        &self.chapters
    }

    /// Where the viewer is: (chapter index, 0-based step).
    pub fn position(&self) -> (usize, usize) {
        (self.chapter, self.step)
    }

    pub fn knobs(&self) -> &Values {
        &self.knobs
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn palette(&self) -> Palette {
        if self.dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The scale the picture is drawn at: the viewport times this is the
    /// canvas.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// The canvas's size in CSS px, as the page last reported it.
    pub fn canvas(&self) -> (f32, f32) {
        self.canvas
    }

    /// Lays the picture out where `memview::fit` puts this canvas for this
    /// step (a step with sliders may need less height); true if that moved.
    fn fit(&mut self) -> bool {
        let sliders = self.knobs.iter().next().is_some();
        let (vp, zoom) = memview::fit(self.canvas.0, self.canvas.1, sliders);
        let vp = vp.in_language(self.lang);
        let moved = vp != self.viewport;
        (self.viewport, self.zoom) = (vp, zoom);
        moved
    }

    /// Effects produced since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        core::mem::take(&mut self.effects)
    }

    /// Applies one input; returns whether it meant something here (a key
    /// that did is not passed on to the browser). In embed mode the parent
    /// hears of every change of state.
    pub fn dispatch(&mut self, intent: Intent, now: f64) -> bool {
        let handled = self.apply(intent, now);
        self.announce("state");
        handled
    }

    /// Tells the parent frame about the state if it changed (embed mode).
    fn announce(&mut self, event: &'static str) {
        if !self.embed.on || self.chapter >= self.chapters.len() {
            return;
        }
        let now = (self.chapter, self.step, self.knobs.clone(), self.playing);
        if self.announced.as_ref() == Some(&now) && event == "state" {
            return;
        }
        let event = if self.announced.is_none() { "ready" } else { event };
        self.announced = Some(now);
        let reply = self.reply(event, None);
        self.effects.push(Effect::Post(reply));
    }

    fn reply(&self, event: &'static str, message: Option<String>) -> Reply {
        let ch = &self.chapters[self.chapter.min(self.chapters.len() - 1)];
        // Inserted one by one: collecting into a map sorts first, and that
        // sort was its own few KB of wasm.
        let mut knobs = alloc::collections::BTreeMap::new();
        for (k, v) in self.knobs.iter() {
            if let Some(d) = knob::find(ch.knobs, k) {
                knobs.insert(String::from(k), d.link_text(v));
            }
        }
        Reply {
            kind: embed::NAMESPACE,
            version: embed::VERSION,
            event,
            chapter: String::from(ch.id),
            step: self.step + 1,
            steps: ch.steps.len(),
            knobs,
            link: self.hash(),
            playing: self.playing,
            message,
            key: None,
        }
    }

    fn message(&mut self, m: Message, now: f64) {
        let command = match m {
            // reveal.js posts these to every frame of the slide it enters
            // and leaves. A slide shows the state its link names, and moves
            // only when the deck or the viewer moves it: entering changes
            // nothing; leaving pauses playback, so no hidden frame runs on.
            Message::Slide(on) => {
                if !on && self.playing {
                    self.set_playing(false, now);
                }
                return;
            }
            Message::Invalid(why) => Err(why),
            Message::Envelope(e) => e.command(),
        };
        match command {
            Ok(Command::Goto { chapter, step, knobs }) => {
                // Only the chapter's sliders: a flag (`present`, `theme`)
                // is the page's, not the parent's to set by a goto.
                if let Some((key, _)) =
                    knobs.iter().find(|(k, _)| self.chapters.iter().find(|c| c.id == chapter).is_none_or(|c| knob::find(c.knobs, k).is_none()))
                {
                    let p = Problem::UnknownParam { key: key.clone() };
                    return self.refuse(format!("{}; the goto was refused and nothing changed", p.refusal()));
                }
                let mut params = knobs;
                params.extend(self.embed.params());
                let hash = route::format(&chapter, (step - 1) as usize, &params);
                let index = self.index();
                let chapters = &self.chapters;
                let accepts = |i: usize, key: &str| embed::FLAGS.contains(&key) || chapters.get(i).is_some_and(|c| knob::find(c.knobs, key).is_some());
                let (route, problem) = route::parse(&hash, &index, &accepts);
                // Knob values are checked here too: a bad one refuses the whole goto.
                let table = self.chapters[route.chapter].knobs;
                let bad_knob = route.params.iter().filter(|(k, _)| !embed::FLAGS.contains(&k.as_str())).find_map(|(k, v)| {
                    let ok = knob::find(table, k).is_some_and(|d| d.parse(v).is_some());
                    (!ok).then(|| Problem::BadValue {
                        key: k.clone(),
                        given: route::excerpt(v),
                        expected: knob::find(table, k).map_or_else(Vec::new, knob::Knob::expected),
                    })
                });
                let unused = unused_knob(&self.chapters[route.chapter], route.step, &route.params);
                // A slide's frame shows only its own steps.
                let outside = self.embed.steps.filter(|&(from, to)| route.chapter != self.chapter || !(from..=to).contains(&(route.step + 1)));
                if let (Some((from, to)), None) = (outside, &problem) {
                    let id = self.chapters[route.chapter].id;
                    return self
                        .refuse(format!("{id} step {} is outside this frame's steps={from}-{to}; the goto was refused and nothing changed", route.step + 1));
                }
                match problem.or(bad_knob).or(unused) {
                    // Refused whole: a parent's bad goto changes nothing.
                    Some(p) => self.refuse(format!("{}; the goto was refused and nothing changed", p.refusal())),
                    // The slide's own values stay the slide's: a goto's are
                    // for its step.
                    None => {
                        self.open(&hash, Nav::Replace, now, false);
                        // Answered even when nothing changed (the step
                        // already shown): a parent may wait for the reply.
                        if self.announced.is_some() {
                            let r = self.reply("state", None);
                            self.effects.push(Effect::Post(r));
                            self.announced = Some((self.chapter, self.step, self.knobs.clone(), self.playing));
                        }
                    }
                }
            }
            // The parent's own next or prev stays within the frame's range:
            // past it, the parent is told so, not asked to move on (that
            // is for a viewer who stepped past it).
            Ok(c @ (Command::Next | Command::Prev)) if self.at_range_edge(c == Command::Next) => {
                let (from, to) = self.embed.steps.unwrap_or_default();
                let (id, edge) = (self.chapters[self.chapter].id, if c == Command::Next { "last" } else { "first" });
                self.refuse(format!("{id} step {} is the {edge} of this frame's steps={from}-{to}; nothing changed", self.step + 1));
            }
            Ok(Command::Next) => {
                self.moved = true;
                self.next(Nav::Replace, now);
            }
            Ok(Command::Prev) => self.prev(now),
            Ok(Command::Play) => self.set_playing(true, now),
            Ok(Command::Pause) => self.set_playing(false, now),
            Ok(Command::GetState) => {
                let r = self.reply("state", None);
                self.effects.push(Effect::Post(r));
            }
            Err(why) => self.refuse(why),
        }
    }

    fn refuse(&mut self, why: String) {
        if self.chapter < self.chapters.len() {
            let r = self.reply("error", Some(why));
            self.effects.push(Effect::Post(r));
        }
    }

    /// A frame with no range and no controls: one fixed state on a slide.
    fn fixed_frame(&self) -> bool {
        self.embed.on && !self.embed.present && self.embed.steps.is_none() && !self.embed.controls
    }

    fn apply(&mut self, intent: Intent, now: f64) -> bool {
        if matches!(intent, Intent::Next | Intent::Prev | Intent::First | Intent::Last | Intent::Scrub(_) | Intent::TogglePlay) {
            self.moved = true;
        }
        match intent {
            Intent::Open { hash, nav } => self.open(&hash, nav, now, true),
            Intent::Next => self.next(Nav::Push, now),
            Intent::Prev => self.prev(now),
            Intent::First => self.go(self.chapter, 0, Nav::Push, now),
            Intent::Last => self.go(self.chapter, usize::MAX, Nav::Push, now),
            Intent::Scrub(n) => self.go(self.chapter, n.max(1) - 1, Nav::Keep, now),
            Intent::ScrubDone => self.write_url(Nav::Push),
            Intent::PickChapter(id) => match self.chapters.iter().position(|c| c.id == id) {
                Some(c) => self.go(c, 0, Nav::Push, now),
                None => return false,
            },
            Intent::TogglePlay => self.set_playing(!self.playing, now),
            Intent::Speed(s) => {
                self.speed = match s.as_str() {
                    "0.5" => 0.5,
                    "1.5" => 1.5,
                    "2" => 2.0,
                    _ => 1.0,
                }
            }
            Intent::Slider { id, position } => return self.slide(&id, position),
            // The help is modal, in a frame too, where Tab would leave for
            // the deck with the help still open: Tab goes round its
            // controls, and Shift+Tab the other way.
            Intent::Key { ref key, modifier: false, .. } if self.help_open && (key == "Tab" || key == "Shift+Tab") => {
                self.effects.push(Effect::Focus(if key == "Tab" { "help-next" } else { "help-prev" }));
            }
            // Turned off, a single-character key is the browser's.
            Intent::Key { ref key, .. } if !self.letter_keys && keys::letter(key) => return false,
            Intent::Key { key, modifier, target } => match keys::intent(&key, modifier, target, self.embed.on || self.embed.present) {
                // The help is modal: behind it nothing moves; `?` closes it
                // as Esc does.
                Some(Intent::Help(true)) if self.help_open => return self.apply(Intent::Help(false), now),
                Some(i) if self.help_open && i != Intent::Escape => return false,
                // A frame that shows one fixed state is a picture on a slide:
                // a clicker's or an arrow's step is the deck's, as a swipe
                // across it is, and nothing moves the picture off its step.
                Some(i @ (Intent::Next | Intent::Prev)) if self.fixed_frame() => {
                    let r = self.reply(if i == Intent::Next { "next" } else { "prev" }, None);
                    self.effects.push(Effect::Post(r));
                }
                Some(Intent::First | Intent::Last | Intent::TogglePlay) if self.fixed_frame() => return false,
                // Announced by the dispatch this key came in by.
                Some(i) => return self.apply(i, now),
                // A frame holding the keyboard keeps every key from its
                // deck: the deck's own (its overview, a black screen) go to
                // it, as Esc does.
                None if self.embed.on && !self.embed.present && !self.help_open && !modifier && target != KeyTarget::Text => {
                    let Some(k) = keys::deck_key(&key) else { return false };
                    let r = Reply { key: Some(k), ..self.reply("key", None) };
                    self.effects.push(Effect::Post(r));
                    return false;
                }
                None => return false,
            },
            Intent::Swipe { dx, dy, ms } => match crate::swipe::forward(dx, dy, ms) {
                None => return false,
                // A frame that shows one fixed state is a picture on a
                // slide: the swipe is the deck's, and the frame passes it on.
                Some(next) if self.fixed_frame() => {
                    let r = self.reply(if next { "next" } else { "prev" }, None);
                    self.effects.push(Effect::Post(r));
                }
                Some(true) => self.next(Nav::Push, now),
                Some(false) => self.prev(now),
            },
            Intent::Help(open) => {
                if open != self.help_open {
                    self.help_open = open;
                    self.effects.push(Effect::Focus(if open { "help" } else { "help-button" }));
                }
            }
            Intent::Escape => {
                if self.help_open {
                    return self.apply(Intent::Help(false), now);
                }
                if !self.embed.present {
                    // A frame has no use for Esc: its deck may (reveal.js's
                    // overview), and the keys go back to it.
                    if self.embed.on {
                        let r = self.reply("escape", None);
                        self.effects.push(Effect::Post(r));
                    }
                    return false;
                }
                self.set_present(false);
            }
            Intent::TogglePresent => self.set_present(!self.embed.present),
            Intent::Present(on) => self.set_present(on),
            Intent::DismissNotice => self.notice = None,
            Intent::LetterKeys(on) => self.letter_keys = on,
            Intent::ToggleTheme => {
                self.dark = !self.dark;
                // The viewer's choice now, not the link's.
                if self.embed.dark.take().is_some() {
                    self.write_url(Nav::Replace);
                }
            }
            // A link's `theme` holds against the system's.
            Intent::Dark(d) if self.embed.dark.is_none() => self.dark = d,
            Intent::Dark(_) => {}
            Intent::ReducedMotion(r) => self.reduced_motion = r,
            Intent::Resize { width, height, .. } => {
                self.canvas = (width, height);
                if self.fit() || self.scene.is_none() {
                    self.relayout();
                    self.anim = None;
                }
            }
            Intent::CopyLink => {
                // Cleared first, so a second copy is announced again.
                self.copy_status.clear();
                self.copying = self.words().link_copied;
                let hash = self.shared_hash();
                self.effects.push(Effect::CopyLink(hash));
            }
            Intent::CopyEmbed => {
                self.copy_status.clear();
                self.copying = self.words().embed_copied;
                // The frame shows this state, chromeless.
                let keep = self.embed;
                self.embed = Embed { on: true, present: false, ..keep };
                let hash = self.shared_hash();
                self.embed = keep;
                self.effects.push(Effect::CopyEmbed(hash));
            }
            Intent::Language(code) => {
                let Some(lang) = Language::parse(&code) else { return false };
                self.lang_in_link = true;
                self.set_language(lang);
                self.write_url(Nav::Replace);
            }
            Intent::Message(m) => self.message(m, now),
            Intent::Copied(Ok(())) => self.copy_status = String::from(self.copying),
            Intent::CopyStatusRead => self.copy_status.clear(),
            Intent::Copied(Err(text)) => {
                let by_hand = if self.copying == self.words().embed_copied { self.words().copy_embed_by_hand } else { self.words().copy_by_hand };
                self.notice = Some(by_hand(&text));
            }
        }
        true
    }

    /// How the page shows itself: the link's embed flags and theme.
    pub fn embed(&self) -> Embed {
        self.embed
    }

    /// The title a copied `<iframe>` carries: the chapter, the step and the
    /// explainer's name, so frames in one deck are told apart.
    pub fn embed_title(&self) -> String {
        let w = self.words();
        let Some(ch) = self.chapters.get(self.chapter) else { return String::from(w.frame_title) };
        format!("{} \u{b7} {} \u{2014} {}", ch.title, (w.step_of)(self.step + 1, ch.steps.len()), w.frame_title)
    }

    /// Enters or leaves the presenter view; the link says which.
    fn set_present(&mut self, on: bool) {
        if self.embed.present != on && self.chapter < self.chapters.len() {
            self.embed.present = on;
            self.write_url(Nav::Replace);
        }
    }

    /// The link to what is on screen: chapter, step and any knob moved
    /// away from the step's own setting.
    pub fn hash(&self) -> String {
        let Some(ch) = self.chapters.get(self.chapter) else { return String::from("#/") };
        let mut params = match self.figure() {
            Some(f) => knob::params(ch.knobs, &self.knobs, &f.defaults()),
            None => Vec::new(),
        };
        params.extend(self.embed.params());
        if self.link_names_lang() {
            params.push((String::from(LANG), String::from(self.lang.code())));
        }
        route::format(ch.id, self.step, &params)
    }

    /// Whether the page's link says `lang`: once it was chosen, or when it
    /// is not the browser's own.
    fn link_names_lang(&self) -> bool {
        self.lang_in_link || self.lang != self.preferred
    }

    /// The link to give someone else: it always names the language.
    fn shared_hash(&self) -> String {
        let mut hash = self.hash();
        if !self.link_names_lang() {
            hash.push(if hash.contains('?') { '&' } else { '?' });
            hash.push_str(LANG);
            hash.push('=');
            hash.push_str(self.lang.code());
        }
        hash
    }

    fn index(&self) -> Vec<(&'static str, usize)> {
        self.chapters.iter().map(|c| (c.id, c.steps.len())).collect()
    }

    fn view(&self) -> View {
        self.chapters.get(self.chapter).and_then(|c| c.steps.get(self.step)).map(|s| s.view.clone()).unwrap_or_default()
    }

    fn figure(&self) -> Option<&dyn Figure> {
        self.chapters.get(self.chapter)?.steps.get(self.step)?.view.figure()
    }

    /// Computes chapter `ch`'s states ahead of its first visit (the page
    /// does this in idle time, so a first seek into it costs no more than
    /// a second). Changes nothing on screen.
    pub fn warm(&mut self, ch: usize) {
        if ch < self.chapters.len() && self.load(ch) {
            for f in self.chapters[ch].steps.iter().filter_map(|s| s.view.figure()) {
                f.prepare();
            }
        }
    }

    /// Lays out, paints and describes step `step` of chapter `ch` (warmed)
    /// and throws the results away. The browser compiles each wasm function
    /// on its first call: a first visit to a chapter whose layout and words
    /// had not run yet took 5–10 ms to seek, where a second took 1.
    pub fn rehearse(&self, ch: usize, step: usize) {
        let (Some(chapter), Some(Some(loaded))) = (self.chapters.get(ch), self.loaded.get(ch)) else { return };
        let Some(s) = chapter.steps.get(step) else { return };
        let (vp, palette) = (self.viewport, self.palette());
        match s.view.figure() {
            Some(f) => {
                let k = f.defaults();
                drop(memview::paint(&f.scene(&k, vp), &palette));
                drop((f.caption(&k), f.describe(&k), f.terminal(&k), f.readout(&k), f.news(&k)));
            }
            None => {
                let Some(m) = loaded.timeline.state(step) else { return };
                drop(memview::paint(&memview::layout(m, &loaded.stage, vp, &s.focus), &palette));
                drop((memview::describe(m, &loaded.stage, self.lang), terminal(chapter, step, m)));
            }
        }
    }

    fn load(&mut self, ch: usize) -> bool {
        if self.loaded[ch].is_none() {
            match self.chapters[ch].timeline() {
                Ok(timeline) => {
                    let stage = Stage::of(timeline.states());
                    self.loaded[ch] = Some(Loaded { timeline, stage, slide: None });
                }
                Err((step, e)) => {
                    let text = (self.words().build_failed)(self.chapters[ch].id, step + 1, &format!("{e}"));
                    self.effects.push(Effect::Failed(text));
                    return false;
                }
            }
        }
        true
    }

    /// The machine state on show.
    pub fn machine(&self) -> Option<&Machine> {
        self.loaded.get(self.chapter)?.as_ref()?.timeline.state(self.step)
    }

    /// The steps a frame's picture makes room for (0-based, inclusive): a
    /// slide's range. Everywhere else (the page, the presenter view, a
    /// frame without a range, which a script may step anywhere) the picture
    /// makes room for the whole chapter, so nothing moves from step to step.
    fn slide_steps(&self) -> Option<(usize, usize)> {
        let len = self.chapters.get(self.chapter).map_or(0, |c| c.steps.len());
        (self.embed.on && !self.embed.present && self.embed.steps.is_some() && len > 0).then(|| self.embed.bounds(len))
    }

    /// Lays out the current state for the current viewport.
    fn relayout(&mut self) {
        let vp = self.viewport;
        let slide = self.slide_steps();
        let focus = self.chapters.get(self.chapter).and_then(|c| c.steps.get(self.step)).map(|s| &s.focus);
        let scene = match self.view() {
            View::Figure(f) => f.scene(&self.knobs, vp),
            View::Machine => {
                let (Some(loaded), Some(focus)) = (self.loaded.get_mut(self.chapter).and_then(Option::as_mut), focus) else { return };
                loaded.prepare_slide(slide);
                let Some(m) = loaded.timeline.state(self.step) else { return };
                memview::layout(m, loaded.stage(slide), vp, focus)
            }
        };
        self.scene = Some(scene);
    }

    fn write_url(&mut self, nav: Nav) {
        // A frame's history is its host page's: a step in a frame replaces
        // the entry, so the host's Back leaves the page, not the step.
        let nav = if self.embed.on && nav == Nav::Push { Nav::Replace } else { nav };
        if nav != Nav::Keep {
            self.effects.push(Effect::Url { hash: self.hash(), nav });
        }
    }

    /// Shows what `hash` names, with a notice for whatever in it could not
    /// be used. `link`: a link opened (not a parent's goto, whose values
    /// are for its step, not the slide's).
    fn open(&mut self, hash: &str, nav: Nav, now: f64, link: bool) {
        let index = self.index();
        let chapters = &self.chapters;
        let accepts = |i: usize, key: &str| key == LANG || embed::FLAGS.contains(&key) || chapters.get(i).is_some_and(|c| knob::find(c.knobs, key).is_some());
        let (mut route, problem) = route::parse(hash, &index, &accepts);
        // The language first, so every notice is in it. A link without one
        // keeps the language on screen (at first, the browser's).
        let mut bad_lang = None;
        let says_lang = route.params.iter().position(|(k, _)| k == LANG);
        if says_lang.is_none() && self.chapter == usize::MAX {
            self.set_language(self.preferred);
        }
        if let Some(i) = says_lang {
            let (_, code) = route.params.remove(i);
            self.lang_in_link = true;
            match Language::parse(&code) {
                Some(lang) => self.set_language(lang),
                None => {
                    bad_lang = Some(Problem::UnknownLanguage { given: route::excerpt(&code) });
                    self.set_language(Language::En);
                }
            }
        }
        let (flags, bad_flags) = Embed::from_params(&route.params, self.chapters[route.chapter].steps.len());
        self.embed = flags;
        let table = self.chapters[route.chapter].knobs;
        if link {
            self.slide_knobs =
                if flags.steps.is_some() { route.params.iter().filter(|(k, _)| knob::find(table, k).is_some()).cloned().collect() } else { Vec::new() };
        }
        if let Some(d) = flags.dark {
            self.dark = d;
        }
        // The first problem is the notice; any other flag's is said after it.
        let mut more = bad_lang.into_iter().chain(bad_flags);
        let problem = problem.or_else(|| more.next());
        let more = also_said(problem.as_ref(), more);
        let written = self.effects.len();
        self.open_route(route, problem, nav, now);
        let gap = if self.lang == Language::Ja { "" } else { " " };
        let said: String = more.iter().map(|p| format!("{gap}{}{}", p.text(self.lang), self.words().stop)).collect();
        if let Some(notice) = &mut self.notice {
            notice.push_str(&said);
        }
        // A link that left the language out (a step link in a caption) is
        // rewritten to say it, when the page's link does.
        let rewritten = self.effects[written..].iter().any(|e| matches!(e, Effect::Url { .. }));
        if says_lang.is_none() && !rewritten && self.link_names_lang() {
            self.write_url(Nav::Replace);
        }
    }

    fn open_route(&mut self, route: Route, problem: Option<Problem>, nav: Nav, now: f64) {
        let nav = if problem.is_some() { Nav::Replace } else { nav };
        // A notice speaks of the link just opened; one about an earlier
        // link (before a pasted link, Back or Forward) goes.
        self.notice = problem.as_ref().map(|p| {
            let title = self.chapters[route.chapter].title;
            let text = p.text(self.lang);
            if p.moves() {
                (self.words().instead)(&text, title, route.step + 1)
            } else {
                format!("{text}{}", self.words().stop)
            }
        });
        let unused = unused_knob(&self.chapters[route.chapter], route.step, &route.params);
        if self.notice.is_none() {
            self.notice = unused.as_ref().map(|p| format!("{}{}", p.text(self.lang), self.words().stop));
        }
        self.go(route.chapter, route.step, nav, now);
        if let Some(f) = self.figure() {
            // Only the sliders the step shows take a value from the link.
            let shown = f.defaults();
            let params: Vec<(String, String)> = route.params.into_iter().filter(|(k, _)| shown.get(k).is_some()).collect();
            let table = self.chapters[self.chapter].knobs;
            let mut values = self.knobs.clone();
            if let Some(bad) = knob::apply_params(table, &mut values, &params) {
                // After what the link's step said, if it said anything (a
                // step that does not exist): both were in the link.
                let said = format!("{}{}", bad.text(self.lang), self.words().stop);
                let gap = if self.lang == Language::Ja { "" } else { " " };
                self.notice = Some(match self.notice.take() {
                    Some(before) => format!("{before}{gap}{said}"),
                    None => said,
                });
            }
            self.set_knobs(values);
            self.write_url(Nav::Replace);
        } else if problem.is_some() || unused.is_some() {
            // A corrected link must say where we really are.
            self.write_url(Nav::Replace);
        }
    }

    /// The knob values a figure starts from: its own, except knobs that
    /// carry keep the viewer's last setting.
    fn enter_figure(&mut self) {
        let Some(f) = self.figure() else {
            self.knobs = Values::default();
            return;
        };
        let defaults = f.defaults();
        let mut values = defaults.clone();
        let table = self.chapters[self.chapter].knobs;
        for key in defaults.keys() {
            if let (Some(def), Some(v)) = (knob::find(table, key), self.carried.get(key)) {
                if def.carries {
                    values.set(def.key, v);
                }
            }
        }
        let slide: Vec<(String, String)> = self.slide_knobs.iter().filter(|(k, _)| defaults.get(k).is_some()).cloned().collect();
        // Checked when the link was opened (a bad value got its notice then).
        let _ = knob::apply_params(table, &mut values, &slide);
        self.knobs = values;
    }

    fn set_knobs(&mut self, values: Values) {
        let table = self.chapters[self.chapter].knobs;
        for (key, v) in values.iter() {
            if knob::find(table, key).is_some_and(|d| d.carries) {
                self.carried.set(key, v);
            }
        }
        if values != self.knobs {
            self.knobs = values;
            self.content = None;
            self.relayout();
            self.anim = None;
        }
    }

    /// A slider moved: recompute, redraw at once, and rewrite the link in
    /// place (dragging must not fill the history).
    fn slide(&mut self, id: &str, position: i64) -> bool {
        let Some(ch) = self.chapters.get(self.chapter) else { return false };
        let Some(def) = ch.knobs.iter().find(|k| k.id == id) else { return false };
        if self.knobs.get(def.key).is_none() {
            return false;
        }
        let mut values = self.knobs.clone();
        values.set(def.key, def.at_position(position));
        self.set_knobs(values);
        self.write_url(Nav::Replace);
        true
    }

    /// Shows `step` of `chapter` (clamped), animating from what is on screen.
    fn go(&mut self, chapter: usize, step: usize, nav: Nav, now: f64) {
        let chapter = chapter.min(self.chapters.len() - 1);
        let (first, last) = self.embed.bounds(self.chapters[chapter].steps.len());
        let step = step.max(first).min(last);
        if !self.load(chapter) {
            return;
        }
        if chapter == self.chapter && step == self.step && self.scene.is_some() {
            return;
        }
        let adjacent = chapter == self.chapter && step.abs_diff(self.step) == 1;
        let from = self.shown_scene(now);
        let was = self.figure().and_then(|f| f.moment());
        self.chapter = chapter;
        self.step = step;
        // "Link copied" was said of the step left.
        self.copy_status.clear();
        self.enter_figure();
        // On a small canvas a step with sliders may be laid out at another
        // size: no tween between two scales.
        let rescaled = self.fit();
        self.content = None;
        self.relayout();
        let playout = if adjacent { self.playout_from(was) } else { None };
        self.anim = match from {
            Some(from) if !self.reduced_motion && !rescaled => {
                let duration = match playout {
                    Some((a, b)) => (a.abs_diff(b) as f64 * SCAN_MS_PER_OBJECT).max(SCAN_MIN_MS).min(SCAN_MAX_MS) / self.speed,
                    None if adjacent => STEP_ANIM_MS / self.speed.max(1.0),
                    None => JUMP_ANIM_MS,
                };
                Some(Anim { from, start: now, duration, playout })
            }
            _ => None,
        };
        self.last_advance = now;
        if nav == Nav::Push {
            // The viewer moved on: an old complaint about a link is moot.
            self.notice = None;
        }
        self.effects.push(Effect::ScrollCode);
        self.write_url(nav);
    }

    /// One step on; past a chapter's last step, the next chapter begins.
    /// Past a frame's last step, the deck is asked to move on.
    fn next(&mut self, nav: Nav, now: f64) {
        let (_, last) = self.embed.bounds(self.chapters[self.chapter].steps.len());
        if self.embed.steps.is_some() && self.step >= last {
            let r = self.reply("next", None);
            self.effects.push(Effect::Post(r));
        } else if self.step < last {
            self.go(self.chapter, self.step + 1, nav, now);
        } else if self.chapter + 1 < self.chapters.len() {
            self.go(self.chapter + 1, 0, nav, now);
        }
    }

    /// One step back; before a chapter's first step, the previous chapter's
    /// last. Before a frame's first step, the deck is asked to go back.
    fn prev(&mut self, now: f64) {
        let (first, _) = self.embed.bounds(self.chapters[self.chapter].steps.len());
        if self.embed.steps.is_some() && self.step <= first {
            let r = self.reply("prev", None);
            self.effects.push(Effect::Post(r));
        } else if self.step > 0 {
            self.go(self.chapter, self.step - 1, Nav::Push, now);
        } else if self.chapter > 0 {
            self.go(self.chapter - 1, usize::MAX, Nav::Push, now);
        }
    }

    /// Whether a frame with a range is on its last step (`last`) or its
    /// first.
    fn at_range_edge(&self, last: bool) -> bool {
        let len = self.chapters.get(self.chapter).map_or(0, |c| c.steps.len());
        if self.embed.steps.is_none() || len == 0 {
            return false;
        }
        let (first, end) = self.embed.bounds(len);
        if last {
            self.step >= end
        } else {
            self.step <= first
        }
    }

    /// Whether playback has nowhere to go: the last step of the story, or
    /// of a frame's `steps`.
    fn at_story_end(&self) -> bool {
        let len = self.chapters.get(self.chapter).map_or(0, |c| c.steps.len());
        if self.embed.steps.is_some() && len > 0 {
            return self.step >= self.embed.bounds(len).1;
        }
        self.chapter + 1 >= self.chapters.len() && self.step + 1 >= len
    }

    /// The moments to play out between the figure we left (its run and
    /// moment) and the one shown now, when both are moments of one run.
    fn playout_from(&self, was: Option<(u32, usize)>) -> Option<(usize, usize)> {
        let ((run_a, a), f) = (was?, self.figure()?);
        let (run_b, b) = f.moment()?;
        if run_a != run_b {
            return None;
        }
        let total = f.moments(&self.knobs);
        let (a, b) = (a.min(total), b.min(total));
        (a != b).then_some((a, b))
    }

    fn set_playing(&mut self, playing: bool, now: f64) {
        self.playing = playing;
        self.last_advance = now;
        if playing && self.at_story_end() {
            // Play from the very end starts the last chapter over.
            self.go(self.chapter, 0, Nav::Push, now);
        }
    }

    /// How long playback shows the current step (its caption's reading
    /// time at the current speed).
    pub fn dwell(&self) -> f64 {
        let caption = self.chapters.get(self.chapter).and_then(|c| c.steps.get(self.step)).map_or("", |s| s.caption.as_str());
        dwell_ms(caption, self.speed)
    }

    /// Advances playback when the current step's dwell is over.
    fn tick(&mut self, now: f64) {
        if !self.playing || self.anim.is_some() || now - self.last_advance < self.dwell() {
            return;
        }
        if self.at_story_end() {
            self.set_playing(false, now);
        } else {
            // Playback runs on into the next chapter.
            self.next(Nav::Replace, now);
        }
    }

    /// The scene on screen right now (mid-animation if one runs).
    fn shown_scene(&self, now: f64) -> Option<Scene> {
        let target = self.scene.as_ref()?;
        let Some(a) = &self.anim else { return Some(target.clone()) };
        let t = ((now - a.start) / a.duration).max(0.0).min(1.0);
        if let (Some((from, to)), Some(f)) = (a.playout, self.figure()) {
            // A run playing out: the moment the run has reached by now.
            let at = from as f64 + (to as f64 - from as f64) * t;
            return Some(f.scene_at(&self.knobs, (at + 0.5) as usize, self.viewport));
        }
        Some(memview::tween(&a.from, target, t as f32))
    }

    /// Advances time to `now`: playback, then the picture to draw (none
    /// before the first state is shown).
    pub fn frame(&mut self, now: f64) -> Option<Scene> {
        self.tick(now);
        if self.anim.as_ref().is_some_and(|a| now >= a.start + a.duration) {
            self.anim = None;
        }
        self.shown_scene(now)
    }

    /// Whether another frame is needed (an animation runs or playback is on).
    pub fn moving(&self) -> bool {
        self.anim.is_some() || self.playing
    }

    fn content(&mut self) -> &Content {
        if self.content.is_none() {
            let c = match self.view() {
                // Tool output the step quotes comes first; the figure's own
                // (a run of the knobs' values) fills a step that quotes none.
                View::Figure(f) => Content {
                    caption: f.caption(&self.knobs),
                    description: f.describe(&self.knobs),
                    terminal: quoted(&self.chapters[self.chapter].steps[self.step]).or_else(|| f.terminal(&self.knobs)),
                    readout: f.readout(&self.knobs),
                    news: f.news(&self.knobs),
                },
                View::Machine => {
                    let (ch, m) = (&self.chapters[self.chapter], self.machine());
                    Content {
                        caption: None,
                        description: match (m, self.loaded.get(self.chapter).and_then(Option::as_ref)) {
                            (Some(m), Some(l)) => memview::describe(m, &l.stage, self.lang),
                            _ => String::new(),
                        },
                        terminal: m.and_then(|m| terminal(ch, self.step, m)),
                        readout: String::new(),
                        news: String::new(),
                    }
                }
            };
            self.content = Some(c);
        }
        let Some(c) = &self.content else { unreachable!("just computed") };
        c
    }

    /// What every part of the page shows now; `None` before the first
    /// link is opened.
    pub fn page(&mut self) -> Option<Page> {
        let ch = self.chapters.get(self.chapter)?;
        let (table, total, step) = (ch.knobs, ch.steps.len(), self.step);
        let w = Words::of(self.lang);
        let code = ch.code_at(step, &self.knobs);
        let mut page = Page {
            lang: self.lang,
            chapter: self.chapter,
            chapter_id: ch.id,
            chapter_title: ch.title,
            step,
            total,
            caption: ch.steps[step].caption.clone(),
            counter: format!("{} / {total}", step + 1),
            progress: Progress {
                chapters: self.chapters.len(),
                text: (w.progress)(self.chapter + 1, self.chapters.len(), step + 1, total),
                part: ch.part_of(step).map(|(k, name, first, count)| (w.part)(k + 1, ch.parts.len(), name, step - first + 1, count)),
            },
            hint: (step == 0 && !self.moved && !self.embed.present && (!self.embed.on || self.embed.controls)).then_some(w.hint),
            title: format!("{} \u{2014} {}", (w.title)(ch.title, step + 1), w.product),
            checked: chapters::checked(code.lang, self.lang),
            line: ch.line_in(step, code),
            code: Some(code),
            notice: self.notice.clone(),
            links: ch.steps[step].links.iter().map(|(l, h)| (String::from(*l), String::from(*h))).collect(),
            // A slide's frame asks the deck past its ends: both stay live.
            has_prev: self.embed.steps.is_some() || self.chapter > 0 || step > 0,
            has_next: self.embed.steps.is_some() || !self.at_story_end(),
            playing: self.playing,
            dwell_ms: if self.playing { self.dwell() as u32 } else { 0 },
            help_open: self.help_open,
            letter_keys: self.letter_keys,
            dark: self.dark,
            embed: self.embed,
            copy_status: self.copy_status.clone(),
            ..Page::default()
        };
        if step + 1 == total {
            if let Some(next) = self.chapters.get(self.chapter + 1) {
                page.links.push(((w.next_chapter)(next.title), format!("#/{}/1", next.id)));
            }
        }
        page.chapter_sliders = !table.is_empty();
        page.sliders = table
            .iter()
            .filter_map(|k| {
                let v = self.knobs.get(k.key)?;
                Some(Slider { knob: k, position: k.position(v), text: k.display(v, self.lang) })
            })
            .collect();
        page.picture = (w.picture)(&self.scene.as_ref().map(Scene::titles).unwrap_or_default());
        let c = self.content();
        if let Some(caption) = &c.caption {
            page.caption.clone_from(caption);
        }
        page.description = c.description.clone();
        page.terminal = c.terminal.clone();
        page.readout = c.readout.clone();
        page.news = c.news.clone();
        // A frame hides the sliders, the terminal and the links under the
        // caption, so its caption neither asks the reader to move them nor
        // points at the others; the presenter view keeps only the sliders.
        let (panels, sliders) = (!self.embed.on && !self.embed.present, !self.embed.on);
        page.caption = self.chapters[self.chapter].steps[self.step].as_shown(&page.caption, self.lang, panels, sliders);
        page.terminal_mark = page.terminal.as_deref().and_then(|t| quoted_line(&page.caption, t));
        Some(page)
    }
}

/// The tool output a step quotes, as the terminal prints it.
/// The first slider of `chapter` that the link sets but `step` does not
/// show (its figure has no such knob, or it has no figure).
/// The problems said after a link's first: one per flag, two at most (a
/// link repeating a bad flag grew a notice past 400 characters).
fn also_said(first: Option<&Problem>, rest: impl Iterator<Item = Problem>) -> Vec<Problem> {
    let flag = |p: &Problem| match p {
        Problem::BadFlag { key, .. } => Some(key.clone()),
        Problem::BadRange { .. } => Some(String::from("steps")),
        Problem::UnknownLanguage { .. } => Some(String::from(LANG)),
        _ => None,
    };
    let mut said: Vec<Option<String>> = first.into_iter().map(flag).collect();
    rest.filter(|p| {
        let f = flag(p);
        let new = !said.contains(&f);
        said.push(f);
        new
    })
    .take(2)
    .collect()
}

fn unused_knob(chapter: &Chapter, step: usize, params: &[(String, String)]) -> Option<Problem> {
    let shown = chapter.steps.get(step).and_then(|s| s.view.figure()).map(|f| f.defaults()).unwrap_or_default();
    params.iter().find(|(k, _)| knob::find(chapter.knobs, k).is_some() && shown.get(k).is_none()).map(|(k, _)| Problem::UnusedKnob { key: k.clone() })
}

/// The first line of `terminal` that holds words `caption` quotes ("…",
/// “…” or 「…」): the verdict a step is about, lit among the others.
/// Quotes of a few characters (a variable's name) are passed over.
fn quoted_line(caption: &str, terminal: &str) -> Option<usize> {
    let mut quotes = Vec::new();
    for (open, close) in [('"', '"'), ('\u{201c}', '\u{201d}'), ('\u{300c}', '\u{300d}')] {
        let mut rest = caption;
        while let Some(a) = rest.find(open) {
            let after = &rest[a + open.len_utf8()..];
            let Some(b) = after.find(close) else { break };
            quotes.push(&after[..b]);
            rest = &after[b + close.len_utf8()..];
        }
    }
    // The command line ("$ go build …") is not a verdict.
    let lines: Vec<&str> = terminal.lines().collect();
    quotes.into_iter().filter(|q| q.chars().count() >= 8).find_map(|q| lines.iter().position(|l| !l.starts_with("$ ") && l.contains(q)))
}

fn quoted(s: &Step) -> Option<String> {
    s.terminal.as_ref().map(|t| format!("$ {}\n{}", t.command, t.output.trim_end()))
}

/// The terminal under a machine step: tool output the step shows, or the
/// program's own output so far.
fn terminal(chapter: &Chapter, step: usize, m: &Machine) -> Option<String> {
    let s = &chapter.steps[step];
    match (quoted(s), chapter.run_command) {
        (Some(t), _) => Some(t),
        (None, Some(cmd)) if !m.stdout.is_empty() || m.killed.is_some() => {
            // The shell reports a SIGKILL with "Killed" and status 137.
            let killed = if m.killed.is_some() { "\nKilled\n$ echo $?\n137" } else { "" };
            let head = s.output_note.map_or_else(|| format!("$ {cmd}"), |n| format!("# {n}"));
            Some(format!("{head}\n{}{killed}", m.stdout.join("\n")))
        }
        _ => None,
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new(chapters::catalog())
    }
}
