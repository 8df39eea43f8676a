//! Random and mutated input through the explainer's real parsers, natively:
//! links (the URL hash), messages from a parent frame, and programs through
//! the collector model. Nothing here may panic, and every result must be a
//! sane state; each run returns a [`Tally`] of cases and failures.
//!
//! Links and messages are built two ways: drawn from a corpus of valid ones
//! (every chapter, step edges, every knob at good and bad values, every
//! embed flag) and then mutated byte by byte, or made of random text. Each
//! one goes through the parser the session uses; every `full`-th through a
//! whole session, which must then show a page and a picture.

use chapters::{catalog, knob, route, Chapter};
use memsim::programs::{self, Action};
use session::embed::{Envelope, FLAGS};
use session::{Effect, Intent, Message, Nav, Session};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A xorshift generator: deterministic from its seed, fast, no dependencies.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn bits(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.bits() % n.max(1)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// What a run did: cases tried, how many went through a whole session, and
/// the first failures (input and what was wrong).
#[derive(Debug, Default)]
pub struct Tally {
    pub cases: u64,
    /// Cases the parser took without complaint (the rest were refused with
    /// a notice or an error reply, as they should be).
    pub valid: u64,
    pub full: u64,
    pub failures: Vec<String>,
}

impl Tally {
    fn fail(&mut self, input: &str, why: &str) {
        if self.failures.len() < 20 {
            let input: String = input.chars().take(200).collect();
            self.failures.push(format!("{why}: {input:?}"));
        }
    }
}

/// Runs `f`, turning a panic into a failure of `input`.
fn guarded(t: &mut Tally, input: &str, f: impl FnOnce() -> Result<(), String>) {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => {}
        Ok(Err(why)) => t.fail(input, &why),
        Err(_) => t.fail(input, "panicked"),
    }
}

/// Characters a hostile or mistyped link is made of.
const ALPHABET: &[&str] = &[
    "/",
    "#",
    "?",
    "&",
    "=",
    "%",
    "%2",
    "%3C",
    "%zz",
    "%00",
    "<",
    ">",
    "\"",
    "'",
    " ",
    "+",
    "-",
    ".",
    "0",
    "1",
    "9",
    "99999999999999999999",
    "-1",
    "a",
    "Z",
    "é",
    "🙂",
    "\u{202e}",
    "\u{0}",
    "\n",
    "off",
    "on",
    "MiB",
    "KiB",
    "gc",
    "embed",
    "theme",
    "dark",
    "present",
    "lang",
    "ja",
    "en",
    "<img src=x onerror=alert(1)>",
];

/// Valid links: every chapter at its first, middle and last step and just
/// past it, with each knob at a good and a bad value, and embed flags.
fn link_corpus(chapters: &[Chapter]) -> Vec<String> {
    let mut out = Vec::new();
    for ch in chapters {
        let n = ch.steps.len();
        for step in [1, n / 2 + 1, n, n + 1] {
            out.push(format!("#/{}/{step}", ch.id));
            for k in ch.knobs {
                let (lo, hi, _) = k.slider();
                for pos in [lo, hi] {
                    out.push(format!("#/{}/{step}?{}={}", ch.id, k.key, k.link_text(k.at_position(pos))));
                }
                out.push(format!("#/{}/{step}?{}=-5", ch.id, k.key));
            }
            for flag in FLAGS {
                out.push(format!("#/{}/{step}?{flag}", ch.id));
            }
            out.push(format!("#/{}/{step}?embed&caption&controls&theme=dark&present=off", ch.id));
            out.push(format!("#/{}/{step}?embed&controls&steps=2-{n}", ch.id));
            out.push(format!("#/{}/{step}?embed&steps={n}-{}", ch.id, n + 1));
            for lang in ["ja", "en", "JA", "jp", ""] {
                out.push(format!("#/{}/{step}?lang={lang}", ch.id));
            }
        }
    }
    out
}

/// A random edit of `s`: insert, delete, duplicate, swap, cut or stretch.
fn mutate(r: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..1 + r.below(4) {
        let at = r.below(chars.len() as u64 + 1) as usize;
        match r.below(7) {
            0 => chars.splice(at..at, r.pick(ALPHABET).chars()).for_each(drop),
            1 if at < chars.len() => {
                let end = (at + 1 + r.below(6) as usize).min(chars.len());
                chars.drain(at..end);
            }
            2 => {
                let piece: Vec<char> = chars[at..].iter().take(1 + r.below(12) as usize).copied().collect();
                chars.splice(at..at, piece).for_each(drop);
            }
            3 if chars.len() > 1 => {
                let (a, b) = (at.min(chars.len() - 1), r.below(chars.len() as u64) as usize);
                chars.swap(a, b);
            }
            4 => chars.truncate(at),
            5 => {
                let c = char::from_u32(r.below(0x3000) as u32).unwrap_or('?');
                chars.insert(at, c);
            }
            _ => {
                // Long enough to meet the length limit.
                let more = chars.clone();
                for _ in 0..r.below(8) {
                    chars.extend(more.iter());
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// Random text from the alphabet.
fn noise(r: &mut Rng) -> String {
    (0..r.below(24)).map(|_| *r.pick(ALPHABET)).collect()
}

/// A session showing `hash` in a 960×540 frame.
fn session_at(hash: &str) -> Session {
    let mut s = Session::new(catalog());
    s.dispatch(Intent::Resize { width: 960.0, height: 540.0, dpr: 1.0 }, 0.0);
    s.dispatch(Intent::Open { hash: hash.into(), nav: Nav::Replace }, 0.0);
    s
}

/// A session's state is sane: a page with a step in range, a picture, a
/// link that parses back without complaint, and short printable notices.
fn sane(s: &mut Session, index: &[(&str, usize)]) -> Result<(), String> {
    let page = s.page().ok_or("no page")?;
    if page.step >= page.total || page.chapter >= index.len() {
        return Err(format!("step {} of {} in chapter {}", page.step, page.total, page.chapter));
    }
    if let Some(n) = &page.notice {
        if n.chars().count() > 400 || n.chars().any(|c| c.is_control() && c != '\n') {
            return Err(format!("notice {n:?}"));
        }
    }
    let hash = s.hash();
    let (_, problem) = route::parse(&hash, index, &|_, _| true);
    if let Some(p) = problem {
        return Err(format!("its own link {hash:?} does not parse: {p}"));
    }
    let scene = s.frame(1e6).ok_or("no picture")?;
    if scene.nodes.is_empty() {
        return Err(String::from("an empty picture"));
    }
    Ok(())
}

/// `n` links through the link parser (as the session calls it), and every
/// `full`-th through a whole session.
pub fn links(n: u64, seed: u64, full: u64) -> Tally {
    let chapters = catalog();
    let index: Vec<(&str, usize)> = chapters.iter().map(|c| (c.id, c.steps.len())).collect();
    let corpus = link_corpus(&chapters);
    let accepts = |i: usize, key: &str| key == "lang" || FLAGS.contains(&key) || chapters.get(i).is_some_and(|c| knob::find(c.knobs, key).is_some());
    let mut r = Rng::new(seed);
    let mut t = Tally::default();
    let mut session = session_at("#/intro/1");
    for i in 0..n {
        let link = if r.below(8) == 0 {
            noise(&mut r)
        } else {
            let base = r.pick(&corpus).clone();
            mutate(&mut r, &base)
        };
        t.cases += 1;
        let mut clean = false;
        guarded(&mut t, &link, || {
            let (route, problem) = route::parse(&link, &index, &accepts);
            clean = problem.is_none();
            let steps = index.get(route.chapter).ok_or("chapter out of range")?.1;
            if route.step >= steps {
                return Err(format!("step {} of {steps}", route.step));
            }
            if let Some((k, _)) = route.params.iter().find(|(k, _)| !accepts(route.chapter, k)) {
                return Err(format!("kept parameter {k:?} the chapter does not take"));
            }
            let again = route::format(index[route.chapter].0, route.step, &route.params);
            if route::parse(&again, &index, &accepts).0 != route {
                return Err(format!("{again:?} does not parse back to the same route"));
            }
            Ok(())
        });
        t.valid += u64::from(clean);
        if i % full.max(1) == 0 {
            t.full += 1;
            guarded(&mut t, &link, || {
                session.dispatch(Intent::Open { hash: link.clone(), nav: Nav::Push }, i as f64);
                session.take_effects();
                sane(&mut session, &index)
            });
        }
    }
    t
}

/// Valid envelopes, as JSON, for every command.
fn message_corpus(chapters: &[Chapter]) -> Vec<String> {
    let mut out: Vec<String> =
        ["next", "prev", "play", "pause", "get-state"].iter().map(|c| format!(r#"{{"type":"go-memory","version":1,"command":"{c}"}}"#)).collect();
    for ch in chapters {
        out.push(format!(r#"{{"type":"go-memory","version":1,"command":"goto","chapter":"{}","step":{}}}"#, ch.id, ch.steps.len()));
        for k in ch.knobs {
            let (lo, _, _) = k.slider();
            out.push(format!(
                r#"{{"type":"go-memory","version":1,"command":"goto","chapter":"{}","step":1,"knobs":{{"{}":"{}"}}}}"#,
                ch.id,
                k.key,
                k.link_text(k.at_position(lo))
            ));
        }
    }
    out
}

/// JSON fragments a hostile parent might send.
const JSON_BITS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "1",
    "-1",
    "1e999",
    "18446744073709551616",
    "\"go-memory\"",
    "\"type\"",
    "\"version\"",
    "\"command\"",
    "\"goto\"",
    "\"chapter\"",
    "\"step\"",
    "\"knobs\"",
    "\"__proto__\"",
    "\"<script>\"",
    "\\u0000",
    "\\ud800",
    "{\"a\":{\"b\":[1,2,{}]}}",
];

/// `n` messages through the JSON decoding and command checks, and every
/// `full`-th into an embedded session.
pub fn messages(n: u64, seed: u64, full: u64) -> Tally {
    let chapters = catalog();
    let index: Vec<(&str, usize)> = chapters.iter().map(|c| (c.id, c.steps.len())).collect();
    let corpus = message_corpus(&chapters);
    let mut r = Rng::new(seed);
    let mut t = Tally::default();
    let mut session = session_at("#/intro/1?embed");
    for i in 0..n {
        let text = match r.below(6) {
            0 => (0..r.below(16)).map(|_| *r.pick(JSON_BITS)).collect(),
            _ => {
                let base = r.pick(&corpus).clone();
                // Mutate the text, or swap a JSON bit in for a value.
                if r.below(2) == 0 {
                    mutate(&mut r, &base)
                } else {
                    let bit = *r.pick(JSON_BITS);
                    let old = *r.pick(&["1", "\"go-memory\"", "\"goto\"", "\"next\""]);
                    base.replacen(old, bit, 1)
                }
            }
        };
        t.cases += 1;
        let message = match serde_json::from_str::<Envelope>(&text) {
            Ok(e) => Message::Envelope(e),
            Err(e) => Message::Invalid(e.to_string()),
        };
        let mut clean = false;
        guarded(&mut t, &text, || {
            if let Message::Envelope(e) = &message {
                let command = e.clone().command();
                clean = command.is_ok();
                match command {
                    Ok(session::embed::Command::Goto { chapter, step, knobs }) => {
                        if chapter.is_empty() || chapter.chars().count() > 64 || !(1..=100_000).contains(&step) || knobs.len() > 8 {
                            return Err(String::from("a goto passed its checks with bad arguments"));
                        }
                    }
                    Ok(_) => {}
                    Err(why) if why.chars().count() > 200 => return Err(format!("a long refusal: {why}")),
                    Err(_) => {}
                }
            }
            Ok(())
        });
        t.valid += u64::from(clean);
        if i % full.max(1) == 0 {
            t.full += 1;
            guarded(&mut t, &text, || {
                session.dispatch(Intent::Message(message.clone()), i as f64);
                let replies = session.take_effects().into_iter().filter(|e| matches!(e, Effect::Post(_))).count();
                if replies > 3 {
                    return Err(format!("{replies} replies to one message"));
                }
                sane(&mut session, &index)
            });
        }
    }
    t
}

/// `n` random programs through a collection cycle with the barrier: the
/// collector's invariants hold ([`programs::check_program`]); without the
/// barrier the model may lose objects (the chapter's lesson) but must still
/// run and keep its heap sound.
pub fn collector(n: u64, seed: u64) -> Tally {
    let mut r = Rng::new(seed);
    let mut t = Tally::default();
    let draw = |r: &mut Rng, len: u64| -> Vec<Action> {
        (0..len)
            .map(|_| {
                let kind = r.below(6);
                Action::draw(kind, &mut |m| r.below(m))
            })
            .collect()
    };
    for _ in 0..n {
        let (setup_len, during_len) = (r.below(16), r.below(32));
        let mut setup = draw(&mut r, setup_len);
        if r.below(2) == 0 {
            setup.splice(0..0, programs::graph());
        }
        let during = draw(&mut r, during_len);
        let input = format!("setup {setup:?} during {during:?}");
        t.cases += 1;
        let before = t.failures.len();
        guarded(&mut t, &input, || {
            programs::check_program(&setup, &during)?;
            let (_, m) = programs::cycle(&setup, &during, false)?;
            programs::check_heap(&m)
        });
        t.valid += u64::from(t.failures.len() == before);
    }
    t
}
