//! The URL hash: `#/<chapter>/<step>` plus optional `?key=value&…` parameters.
//!
//! Steps are numbered from 1 in the URL, as on screen ("step 3 of 12");
//! internally they are 0-based. Every string parses to *some* state: a
//! malformed, unknown or hostile hash yields the nearest sane route and a
//! [`Problem`] to show. Problems quote the input only after trimming it to a
//! short, printable excerpt; the page inserts it as text, never as markup.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use memview::Language;

/// Longest hash looked at; anything longer is refused as a whole.
pub const MAX_HASH_LEN: usize = 512;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub chapter: usize,
    /// 0-based.
    pub step: usize,
    pub params: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    TooLong {
        len: usize,
    },
    UnknownChapter {
        given: String,
    },
    BadStep {
        given: String,
    },
    /// `given` as the link wrote it: a number of any length.
    StepOutOfRange {
        given: String,
        last: usize,
    },
    UnknownParam {
        key: String,
    },
    /// `expected` lists what the parameter may be (`off`, `10–500`).
    BadValue {
        key: String,
        given: String,
        expected: Vec<String>,
    },
    UnknownLanguage {
        given: String,
    },
    /// A slider the chapter has, on a step that does not show it: the
    /// value is set aside.
    UnusedKnob {
        key: String,
    },
    /// A page flag (`present`, `theme`) with a value it cannot take: the
    /// flag is left as if the link had not given it.
    BadFlag {
        key: String,
        given: String,
        expected: Vec<String>,
    },
    /// A frame's `steps` that is not a range of the chapter's steps: the
    /// frame shows the whole chapter.
    BadRange {
        given: String,
        last: usize,
    },
    /// More after the step number (`#/gc/5/extra`): set aside.
    ExtraPath {
        given: String,
    },
    /// A parameter given twice with different values: the last is used,
    /// as the page reads them in order.
    Repeated {
        key: String,
        used: String,
    },
}

impl Problem {
    /// What went wrong, said in `lang`. The input is quoted as text.
    pub fn text(&self, lang: Language) -> String {
        let ja = lang == Language::Ja;
        match self {
            Problem::TooLong { len } if ja => format!("リンクが {len} 文字あり、このページへのリンクとしては長すぎます"),
            Problem::TooLong { len } => format!("The link is {len} characters long, too long to be a link to this page"),
            Problem::UnknownChapter { given } if ja => format!("\u{300c}{given}\u{300d}という章はありません"),
            Problem::UnknownChapter { given } => format!("There is no chapter \u{201c}{given}\u{201d}"),
            Problem::BadStep { given } if ja => format!("\u{300c}{given}\u{300d}はステップ番号ではありません"),
            Problem::BadStep { given } => format!("\u{201c}{given}\u{201d} is not a step number"),
            Problem::StepOutOfRange { given, last } if ja => format!("ステップ {given} はありません。ステップは 1 から {last} までです"),
            Problem::StepOutOfRange { given, last } => format!("Step {given} does not exist; steps run from 1 to {last}"),
            Problem::UnknownParam { key } if ja => format!("パラメータ\u{300c}{key}\u{300d}はここでは使われないため、無視しました"),
            Problem::UnknownParam { key } => format!("The parameter \u{201c}{key}\u{201d} is not used here and was ignored"),
            Problem::BadValue { key, given, expected } if ja => {
                format!("{key}=\u{300c}{given}\u{300d}は使えません（{} のいずれか）。このステップ本来の値を表示しています", expected.join("\u{3001}"))
            }
            Problem::BadValue { .. } => format!("{}; the step's own value is shown", self.refusal()),
            Problem::UnknownLanguage { given } if ja => {
                format!("言語\u{300c}{given}\u{300d}には対応していません（en または ja）。英語で表示しています")
            }
            Problem::UnknownLanguage { given } => {
                format!("There is no language \u{201c}{given}\u{201d} here (en or ja); showing English")
            }
            Problem::UnusedKnob { key } if ja => format!("このステップには {key} のスライダーがないため、{key} の値は無視しました"),
            Problem::UnusedKnob { key } => format!("This step has no {key} slider; the value given for it was ignored"),
            Problem::BadFlag { key, given, expected } if ja => {
                format!("{key}=\u{300c}{given}\u{300d}は使えません（{} のいずれか）。無視しました", expected.join("\u{3001}"))
            }
            Problem::BadFlag { .. } => format!("{} and was ignored", self.refusal()),
            Problem::BadRange { given, last } if ja => {
                format!("steps=\u{300c}{given}\u{300d}はこの章のステップの範囲として使えません（ステップは 1 から {last} まで。例：steps=2-5）。無視しました")
            }
            Problem::BadRange { .. } => format!("{} and was ignored", self.refusal()),
            Problem::ExtraPath { given } if ja => format!("ステップ番号の後の\u{300c}{given}\u{300d}はリンクの一部ではないため、無視しました"),
            Problem::ExtraPath { given } => format!("\u{201c}{given}\u{201d} after the step number is not part of a link here and was ignored"),
            Problem::Repeated { key, used } if ja => format!("{key} が 2 回以上指定されています。最後の値\u{300c}{used}\u{300d}を使っています"),
            Problem::Repeated { key, used } => format!("{key} is given more than once; the last value, \u{201c}{used}\u{201d}, is used"),
        }
    }

    /// What is wrong with a parent frame's `goto`, which is refused whole:
    /// the text without what a link's page does about it ("and was
    /// ignored", "the step's own value is shown").
    pub fn refusal(&self) -> String {
        match self {
            Problem::UnusedKnob { key } => format!("The step has no {key} slider"),
            Problem::UnknownParam { key } => format!("\u{201c}{key}\u{201d} is not a setting of this chapter"),
            Problem::BadValue { key, given, expected } | Problem::BadFlag { key, given, expected } => {
                format!("{key}=\u{201c}{given}\u{201d} cannot be used (expected {})", alternatives(expected))
            }
            Problem::BadRange { given, last } => {
                format!("steps=\u{201c}{given}\u{201d} is not a range of this chapter's steps, 1 to {last} (such as steps=2-5)")
            }
            _ => self.text(Language::En),
        }
    }

    /// Whether the page shows another place than the link named (another
    /// chapter or step), rather than the named step with a value set aside.
    pub fn moves(&self) -> bool {
        matches!(self, Problem::TooLong { .. } | Problem::UnknownChapter { .. } | Problem::BadStep { .. } | Problem::StepOutOfRange { .. })
    }
}

/// `a`, `a or b`, `a, b or c`.
fn alternatives(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

/// Decodes `%XX` escapes (browsers escape `<`, spaces and the like in the
/// hash); invalid escapes stay as typed, invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Trims user input for quoting: at most 40 characters, no control ones.
pub fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('\u{2026}');
    }
    out
}

/// Parses `hash` (with or without the leading `#`). `chapters` gives each
/// chapter's slug and step count, in menu order; `accepts(i, key)` says
/// whether chapter `i` reads the parameter `key`.
pub fn parse(hash: &str, chapters: &[(&str, usize)], accepts: &dyn Fn(usize, &str) -> bool) -> (Route, Option<Problem>) {
    let start = Route { chapter: 0, step: 0, params: Vec::new() };
    if hash.len() > MAX_HASH_LEN {
        return (start, Some(Problem::TooLong { len: hash.len() }));
    }
    // Split first, then decode each piece: an escaped `%26` or `%3F` is a
    // character of a value, not a separator (`lang=ja%26present` must not
    // turn the presenter view on).
    let body = hash.trim_start_matches('#').trim_start_matches('/');
    if body.is_empty() {
        return (start, None);
    }
    let (raw_path, query) = body.split_once('?').unwrap_or((body, ""));
    let path = percent_decode(raw_path);
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let slug = parts.next().unwrap_or("");
    // Parameters alone (`#/?lang=ja`) open the first step with them.
    // `#/GC/5` is plainly the gc chapter: slugs match in any case.
    let found = if slug.is_empty() { Some(0) } else { chapters.iter().position(|(id, _)| id.eq_ignore_ascii_case(slug)) };
    let Some(chapter) = found else {
        return (start, Some(Problem::UnknownChapter { given: excerpt(slug) }));
    };
    let count = chapters[chapter].1.max(1);
    let mut route = Route { chapter, step: 0, params: Vec::new() };
    let mut problem = None;
    if let Some(step) = parts.next() {
        match step.parse::<i64>() {
            Ok(n) if n >= 1 && (n as u64) <= count as u64 => route.step = (n - 1) as usize,
            Ok(n) => {
                route.step = if n < 1 { 0 } else { count - 1 };
                problem = Some(Problem::StepOutOfRange { given: excerpt(step), last: count });
            }
            // Digits past i64 are still a number, past the last step.
            Err(_) if step.bytes().all(|b| b.is_ascii_digit()) => {
                route.step = count - 1;
                problem = Some(Problem::StepOutOfRange { given: excerpt(step), last: count });
            }
            Err(_) => problem = Some(Problem::BadStep { given: excerpt(step) }),
        }
    }
    let rest: Vec<&str> = parts.collect();
    if !rest.is_empty() && problem.is_none() {
        problem = Some(Problem::ExtraPath { given: excerpt(&rest.join("/")) });
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        // `gogc=50` is plainly GOGC, as `Embed` is embed: a key in another
        // case is read as the one the chapter has.
        let known = [k.clone(), k.to_ascii_uppercase(), k.to_ascii_lowercase()].into_iter().find(|k| accepts(chapter, k));
        if let Some(k) = known {
            route.params.push((k, v));
        } else if problem.is_none() {
            problem = Some(Problem::UnknownParam { key: excerpt(&k) });
        }
    }
    if problem.is_none() {
        // The first key given twice with two values, and its last value.
        let twice = route.params.iter().enumerate().find_map(|(i, (k, v))| {
            let last = route.params[i + 1..].iter().rev().find(|(k2, _)| k2 == k)?;
            (last.1 != *v).then(|| Problem::Repeated { key: excerpt(k), used: excerpt(&last.1) })
        });
        problem = twice;
    }
    (route, problem)
}

/// The hash for a route: `#/stack-heap/3`, 1-based.
pub fn format(slug: &str, step: usize, params: &[(String, String)]) -> String {
    let mut s = format!("#/{slug}/{}", step + 1);
    for (i, (k, v)) in params.iter().enumerate() {
        s.push(if i == 0 { '?' } else { '&' });
        escape_into(&mut s, k, "&=");
        // A flag (`?embed`) has no value.
        if !v.is_empty() {
            s.push('=');
            escape_into(&mut s, v, "&");
        }
    }
    s
}

/// Writes `text` with `special`, the characters that would end it in a
/// link's parameters, escaped, and a `%` that would start an escape, so
/// it parses back as written.
fn escape_into(out: &mut String, text: &str, special: &str) {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let starts_escape = c == '%' && bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if starts_escape || special.contains(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CH: &[(&str, usize)] = &[("memory", 10), ("stack-heap", 24)];
    fn none(_: usize, _: &str) -> bool {
        false
    }
    fn p(h: &str) -> (Route, Option<Problem>) {
        parse(h, CH, &none)
    }

    #[test]
    fn good_links_round_trip() {
        for (ci, (slug, n)) in CH.iter().enumerate() {
            for step in 0..*n {
                let (r, problem) = p(&format(slug, step, &[]));
                assert_eq!((r.chapter, r.step, problem), (ci, step, None));
            }
        }
        assert_eq!(p(""), (Route { chapter: 0, step: 0, params: Vec::new() }, None));
        assert_eq!(p("#/stack-heap").0.step, 0);
        assert_eq!(p("#stack-heap/3").0.step, 2);
        // Parameters alone: the first step, with them.
        let accepts = |_: usize, k: &str| k == "lang";
        assert_eq!(parse("#/?lang=ja", CH, &accepts), (Route { chapter: 0, step: 0, params: alloc::vec![("lang".into(), "ja".into())] }, None));
        assert_eq!(parse("#?lang=ja", CH, &accepts).0.params.len(), 1);
    }

    #[test]
    fn an_escaped_separator_is_a_character_of_its_value() {
        let accepts = |_: usize, k: &str| k == "lang" || k == "present";
        let (r, _) = parse("#/memory/3?lang=ja%26present", CH, &accepts);
        assert_eq!(r.params, alloc::vec![("lang".into(), "ja&present".into())]);
        let (r, e) = parse("#/memory/3%3Fpresent", CH, &accepts);
        assert!(r.params.is_empty() && matches!(e, Some(Problem::BadStep { .. })), "{r:?} {e:?}");
        // Written back, such a value keeps its characters.
        for v in ["ja&present", "100%41", "50%", "a=b"] {
            let params = alloc::vec![("lang".into(), String::from(v))];
            assert_eq!(parse(&format("memory", 2, &params), CH, &accepts).0.params, params, "{v}");
        }
        // Escapes browsers write are still read (a space, Japanese).
        let (r, _) = parse("#/memory/3?lang=%E6%97%A5%20x", CH, &accepts);
        assert_eq!(r.params, alloc::vec![("lang".into(), "\u{65e5} x".into())]);
    }

    #[test]
    fn bad_links_give_a_sane_route_and_a_problem() {
        let (r, e) = p("#/<img src=x onerror=alert(1)>/99999");
        assert_eq!((r.chapter, r.step), (0, 0));
        assert_eq!(e, Some(Problem::UnknownChapter { given: "<img src=x onerror=alert(1)>".into() }));
        let (_, e) = p("#/%3Cimg%20src=x%3E/2");
        assert_eq!(e, Some(Problem::UnknownChapter { given: "<img src=x>".into() }));
        let (_, e) = p("#/%zz%/%");
        assert_eq!(e, Some(Problem::UnknownChapter { given: "%zz%".into() }));
        assert_eq!(p("#/stack%2Dheap/2").0.step, 1);
        let (r, e) = p("#/memory/-1");
        assert_eq!((r.chapter, r.step), (0, 0));
        assert_eq!(e, Some(Problem::StepOutOfRange { given: "-1".into(), last: 10 }));
        let (r, e) = p("#/stack-heap/99999");
        assert_eq!((r.chapter, r.step), (1, 23));
        assert_eq!(e, Some(Problem::StepOutOfRange { given: "99999".into(), last: 24 }));
        let (r, e) = p("#/stack-heap/999999999999999999999999");
        assert_eq!((r.step, e), (23, Some(Problem::StepOutOfRange { given: "999999999999999999999999".into(), last: 24 })));
        let (r, e) = p("#/memory/abc");
        assert_eq!((r.step, e), (0, Some(Problem::BadStep { given: "abc".into() })));
        let long = "#/".to_string() + &"x".repeat(10_000);
        assert_eq!(p(&long).1, Some(Problem::TooLong { len: 10_002 }));
        let (_, e) = p("#/memory/2?evil=1");
        assert_eq!(e, Some(Problem::UnknownParam { key: "evil".into() }));
        let (_, e) = p(&("#/".to_string() + &"y".repeat(100)));
        let Some(Problem::UnknownChapter { given }) = e else { panic!("expected unknown chapter") };
        assert_eq!(given.chars().count(), 41);
    }

    #[test]
    fn a_link_a_person_could_mean_opens_and_the_rest_is_said() {
        // Any case names the chapter.
        assert_eq!(p("#/STACK-Heap/3"), p("#/stack-heap/3"));
        assert_eq!(p("#/Memory/2").1, None);
        // More path after the step: the step, and a notice.
        let (r, e) = p("#/stack-heap/3/extra/<b>");
        assert_eq!((r.chapter, r.step), (1, 2));
        assert_eq!(e, Some(Problem::ExtraPath { given: "extra/<b>".into() }));
        assert_eq!(p("#/stack-heap/3/").1, None, "a trailing slash is no more path");
        // A parameter given twice with two values: the last is said to be used.
        let all = |_: usize, _: &str| true;
        let (r, e) = parse("#/stack-heap/3?k=50&k=300", CH, &all);
        assert_eq!(r.params.len(), 2);
        assert_eq!(e, Some(Problem::Repeated { key: "k".into(), used: "300".into() }));
        assert_eq!(parse("#/stack-heap/3?k=50&k=50", CH, &all).1, None, "the same value twice says nothing");
        // A parameter in another case is the chapter's own.
        let gogc = |_: usize, k: &str| k == "GOGC" || k == "embed";
        let (r, e) = parse("#/stack-heap/3?gogc=50&EMBED", CH, &gogc);
        assert_eq!((r.params, e), (alloc::vec![("GOGC".into(), "50".into()), ("embed".into(), String::new())], None));
        let text = Problem::Repeated { key: "GOGC".into(), used: "300".into() }.text(Language::En);
        assert_eq!(text, "GOGC is given more than once; the last value, \u{201c}300\u{201d}, is used");
    }

    use alloc::string::ToString;
}
