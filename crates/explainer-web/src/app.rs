//! The page's state: which chapter and step are shown, and the animation
//! into them. Chapter timelines are computed on first visit and kept.

use crate::canvas2d::Canvas2d;
use crate::url::{self, Nav};
use crate::views::Views;
use crate::{dom, frame_loop, knob_panel, panels, panic};
use chapters::route::{Problem, Route};
use chapters::knobs::Knobs;
use chapters::{Chapter, View};
use memsim::greentea::Strategy;
use memsim::{Machine, Timeline};
use memview::{Palette, Scene, Stage, Viewport};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Time to glide from one step to the next, at speed 1.
const STEP_ANIM_MS: f64 = 650.0;
/// Time to cross-fade on a jump (seek, chapter change).
const JUMP_ANIM_MS: f64 = 220.0;
/// How long playback shows each step, at speed 1.
const DWELL_MS: f64 = 3200.0;

pub struct Loaded {
    pub timeline: Timeline,
    pub stage: Stage,
}

pub struct Anim {
    pub from: Scene,
    pub start: f64,
    pub duration: f64,
    /// Between two marking steps of one strategy the collector's work plays
    /// out object by object instead of cross-fading.
    pub scan: Option<Scan>,
}

#[derive(Clone, Copy)]
pub struct Scan {
    pub strategy: Strategy,
    pub from: usize,
    pub to: usize,
}

/// Time per object scanned when marking plays out, and the bounds on a
/// whole step's playing time (at speed 1).
const SCAN_MS_PER_OBJECT: f64 = 90.0;
const SCAN_MIN_MS: f64 = 650.0;
const SCAN_MAX_MS: f64 = 2400.0;

pub struct App {
    pub chapters: Vec<Chapter>,
    loaded: Vec<Option<Loaded>>,
    pub chapter: usize,
    pub step: usize,
    /// The laid-out target state; `None` until the first paint.
    pub scene: Option<Scene>,
    pub anim: Option<Anim>,
    pub playing: bool,
    pub speed: f64,
    pub last_advance: f64,
    pub reduced_motion: bool,
    pub dark: bool,
    pub viewport: Viewport,
    pub dpr: f64,
    pub canvas: Canvas2d,
    pub frame_pending: bool,
    pub painted_once: bool,
    /// The code listing should scroll to the current line next frame.
    pub scroll_code: bool,
    /// The pacer chart and marking views, and their knobs.
    pub views: Views,
}

impl App {
    pub fn new() -> Result<Rc<RefCell<App>>, JsValue> {
        let canvas = Canvas2d::new(dom::typed("view")?)?;
        let chapters = chapters::catalog();
        let loaded = chapters.iter().map(|_| None).collect();
        let app = App {
            chapters,
            loaded,
            chapter: usize::MAX,
            step: 0,
            scene: None,
            anim: None,
            playing: false,
            speed: 1.0,
            last_advance: 0.0,
            reduced_motion: dom::media_matches("(prefers-reduced-motion: reduce)"),
            dark: dom::media_matches("(prefers-color-scheme: dark)"),
            viewport: Viewport { width: 800.0, height: 500.0 },
            dpr: 1.0,
            canvas,
            frame_pending: false,
            painted_once: false,
            scroll_code: false,
            views: Views::default(),
        };
        let app = Rc::new(RefCell::new(app));
        panels::build_chapter_menu(&app.borrow())?;
        panels::show_checked();
        Ok(app)
    }

    /// What the current step's picture shows.
    pub fn view(&self) -> View {
        self.chapters.get(self.chapter).and_then(|c| c.steps.get(self.step)).map(|s| s.view.clone()).unwrap_or_default()
    }

    /// The link to what is on screen: chapter, step and any knob moved
    /// away from the step's own setting.
    pub fn hash(&self) -> String {
        let params = match self.view() {
            View::Machine => Vec::new(),
            View::Pacer(defaults) => self.views.knobs().to_params(defaults, true),
            View::Marking { .. } => self.views.knobs().to_params(Knobs::DEFAULT, false),
        };
        chapters::route::format(self.chapters[self.chapter].id, self.step, &params)
    }

    /// (slug, step count) of every chapter, for the router.
    pub fn index(&self) -> Vec<(&'static str, usize)> {
        self.chapters.iter().map(|c| (c.id, c.steps.len())).collect()
    }

    fn load(&mut self, ch: usize) -> Option<&Loaded> {
        if self.loaded[ch].is_none() {
            match self.chapters[ch].timeline() {
                Ok(timeline) => {
                    let stage = Stage::of(timeline.states());
                    self.loaded[ch] = Some(Loaded { timeline, stage });
                }
                Err((step, e)) => {
                    panic::show(&format!("Chapter {} could not be built at step {}: {e}", self.chapters[ch].id, step + 1));
                    return None;
                }
            }
        }
        self.loaded[ch].as_ref()
    }

    pub fn machine(&self) -> Option<&Machine> {
        self.loaded.get(self.chapter)?.as_ref()?.timeline.state(self.step)
    }

    pub fn palette(&self) -> Palette {
        if self.dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// Lays out the current state for the current viewport.
    pub fn relayout(&mut self) {
        let view = self.view();
        let vp = self.viewport;
        // Pacer and marking steps draw a computed picture; others their state.
        let scene = match self.views.layout(&view, vp) {
            Some(scene) => scene,
            None => {
                let Some(loaded) = self.loaded.get(self.chapter).and_then(Option::as_ref) else { return };
                let Some(m) = loaded.timeline.state(self.step) else { return };
                memview::layout(m, &loaded.stage, vp, &self.chapters[self.chapter].steps[self.step].focus)
            }
        };
        self.scene = Some(scene);
    }

    /// The side panel's parts that depend on the view: sliders, readouts,
    /// the text alternative and, for the pacer, the gctrace terminal.
    pub fn update_view_panels(&mut self) {
        let view = self.view();
        let k = self.views.knobs();
        knob_panel::show(&view, k);
        if let Some(text) = self.views.describe(&view) {
            dom::set_text("state-desc", &text);
        }
        match view {
            View::Machine => {}
            View::Pacer(_) => {
                let w = k.workload();
                let stats = memview::pacer_stats(self.views.pacer_run(), &w, &k);
                let line: Vec<String> = stats.iter().map(|(l, v)| format!("{l}: {v}")).collect();
                knob_panel::show_stats(&format!("{}\n{}", memview::goal_formula(&w, &k), line.join(" \u{b7} ")));
                let trace = self.views.gctrace();
                dom::set_hidden("terminal-box", false);
                dom::set_text("terminal", &trace);
            }
            View::Marking { .. } => {
                let m = self.views.marking();
                let (flood, spans) = (m.run(memsim::greentea::Strategy::ObjectByObject), m.run(memsim::greentea::Strategy::SpanBySpan));
                knob_panel::show_stats(&format!(
                    "Regions touched marking all {}: object by object {}, span by span {}",
                    flood.order.len(),
                    flood.regions_touched,
                    spans.regions_touched
                ));
                dom::set_hidden("terminal-box", true);
            }
        }
    }

    /// Applies new knob settings: recompute, redraw at once, fix the link.
    pub fn set_knobs(app: &Rc<RefCell<App>>, knobs: Knobs) {
        let t0 = dom::now();
        {
            let mut a = app.borrow_mut();
            a.views.knobs = Some(knobs);
            a.relayout();
            a.anim = None;
            a.update_view_panels();
            url::write(&a.hash(), Nav::Replace);
        }
        frame_loop::paint_now(app);
        frame_loop::measure("recompute", t0);
    }

    /// The scene on screen right now (mid-animation if one runs).
    pub fn shown_scene(&mut self, now: f64) -> Option<Scene> {
        let target = self.scene.as_ref()?;
        let Some(a) = &self.anim else { return Some(target.clone()) };
        let t = ((now - a.start) / a.duration).clamp(0.0, 1.0);
        if let Some(scan) = a.scan {
            // Marking in progress: the state after however many objects
            // the scanner has reached by now.
            let done = scan.from as f64 + (scan.to as f64 - scan.from as f64) * t;
            let view = View::Marking { strategy: scan.strategy, done: done.round() as usize };
            let vp = self.viewport;
            return self.views.layout(&view, vp);
        }
        Some(memview::tween(&a.from, target, t as f32))
    }

    /// The scan to play out between marking views `from` and `to`, if they
    /// are two moments of one strategy's run.
    fn scan_between(&mut self, from: &View, to: &View) -> Option<Scan> {
        let (View::Marking { strategy: a, done: d0 }, View::Marking { strategy: b, done: d1 }) = (from, to) else { return None };
        if a != b {
            return None;
        }
        let total = self.views.marking().run(*a).order.len();
        let (from, to) = ((*d0).min(total), (*d1).min(total));
        (from != to).then_some(Scan { strategy: *a, from, to })
    }

    /// Goes to a parsed route, showing its problem, if any, as a notice.
    pub fn go_route(app: &Rc<RefCell<App>>, (route, problem): (Route, Option<Problem>), nav: Nav) {
        let nav = if problem.is_some() { Nav::Replace } else { nav };
        if let Some(p) = &problem {
            let shown = {
                let a = app.borrow();
                format!("\u{201c}{}\u{201d}, step {}", a.chapters[route.chapter].title, route.step + 1)
            };
            panels::notice(&format!("{p}. Showing {shown} instead."));
        }
        App::go(app, route.chapter, route.step, nav);
        let view = app.borrow().view();
        if view != View::Machine {
            // The step's own settings, then whatever the link changes.
            let defaults = {
                let mut a = app.borrow_mut();
                a.views.enter(&view);
                a.views.knobs()
            };
            let (knobs, bad) = Knobs::from_params(defaults, &route.params);
            if let Some(p) = &bad {
                panels::notice(&format!("{p}."));
            }
            App::set_knobs(app, knobs);
        }
        // A corrected link must say where we really are.
        if problem.is_some() {
            let a = app.borrow();
            url::write(&a.hash(), Nav::Replace);
        }
    }

    /// Shows `step` of `chapter`, animating from what is on screen.
    pub fn go(app: &Rc<RefCell<App>>, chapter: usize, step: usize, nav: Nav) {
        let t0 = dom::now();
        {
            let mut a = app.borrow_mut();
            let chapter = chapter.min(a.chapters.len() - 1);
            let step = step.min(a.chapters[chapter].steps.len() - 1);
            if a.load(chapter).is_none() {
                return;
            }
            if chapter == a.chapter && step == a.step && a.scene.is_some() {
                return;
            }
            let adjacent = chapter == a.chapter && step.abs_diff(a.step) == 1;
            let from = a.shown_scene(t0);
            let was = a.view();
            a.chapter = chapter;
            a.step = step;
            let view = a.view();
            a.views.enter(&view);
            a.relayout();
            let scan = if adjacent { a.scan_between(&was, &view) } else { None };
            a.anim = match from {
                Some(from) if !a.reduced_motion => {
                    let duration = match scan {
                        Some(s) => (s.from.abs_diff(s.to) as f64 * SCAN_MS_PER_OBJECT).clamp(SCAN_MIN_MS, SCAN_MAX_MS) / a.speed,
                        None if adjacent => STEP_ANIM_MS / a.speed.max(1.0),
                        None => JUMP_ANIM_MS,
                    };
                    Some(Anim { from, start: t0, duration, scan })
                }
                _ => None,
            };
            a.last_advance = t0;
            if nav == Nav::Push {
                // The user moved on: an old complaint about a link is moot.
                panels::clear_notice();
            }
            panels::update(&a);
            a.update_view_panels();
            a.scroll_code = true;
            url::write(&a.hash(), nav);
        }
        frame_loop::measure("seek", t0);
        frame_loop::request(app);
    }

    pub fn next(app: &Rc<RefCell<App>>, nav: Nav) {
        let (c, s) = {
            let a = app.borrow();
            (a.chapter, a.step + 1)
        };
        App::go(app, c, s, nav);
    }

    pub fn prev(app: &Rc<RefCell<App>>) {
        let (c, s) = {
            let a = app.borrow();
            (a.chapter, a.step.saturating_sub(1))
        };
        App::go(app, c, s, Nav::Push);
    }

    pub fn set_playing(app: &Rc<RefCell<App>>, playing: bool) {
        {
            let mut a = app.borrow_mut();
            let at_end = a.step + 1 >= a.chapters[a.chapter].steps.len();
            a.playing = playing;
            a.last_advance = dom::now();
            panels::update_play(&a);
            if playing && at_end {
                // Play from the end starts the chapter over.
                let c = a.chapter;
                drop(a);
                App::go(app, c, 0, Nav::Push);
            }
        }
        frame_loop::request(app);
    }

    /// Called every frame while playing: advances when the dwell is over.
    pub fn tick_playback(app: &Rc<RefCell<App>>, now: f64) {
        let advance = {
            let a = app.borrow();
            a.playing && a.anim.is_none() && now - a.last_advance >= DWELL_MS / a.speed
        };
        if !advance {
            return;
        }
        let at_end = {
            let a = app.borrow();
            a.step + 1 >= a.chapters[a.chapter].steps.len()
        };
        if at_end {
            App::set_playing(app, false);
        } else {
            App::next(app, Nav::Replace);
        }
    }
}
