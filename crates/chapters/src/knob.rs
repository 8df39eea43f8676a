//! Knobs: the settings a chapter lets the viewer change (sliders), defined
//! once each — link spelling, label, range, unit, slider scale — so the
//! link parser, the sliders and the notices all read the same definition.
//!
//!    Knob { key: "GOGC", off: Above, scale: Linear { unit: 1, step: 10 }, … }
//!      ├── link:   ?GOGC=off  ?GOGC=200          (parse, link_text)
//!      ├── slider: 10 … 500, then `off` at the far right   (slider, position)
//!      └── notice: "expected off or 10–500"      (expected)
//!
//! Values are integers (`u64`) in the knob's own unit (a percentage, bytes,
//! a count); `None` is `off`.

use crate::route::{excerpt, Problem};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use memview::{Language, Tr};

/// How a value is written and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A plain integer (GOGC's percentage, an object count).
    Number,
    /// A byte count as Go's GOMEMLIMIT takes it: `48MiB`, `1536KiB`.
    Bytes,
    /// One of a few words (a toggle): the value is the word's index. Each
    /// is (the link's spelling, how the page shows it in each language).
    Words(&'static [(&'static str, Tr)]),
}

/// Whether the knob can be switched off, and where `off` sits on its slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Off {
    Never,
    /// One slider step left of the minimum (GOMEMLIMIT).
    Below,
    /// One slider step right of the maximum (GOGC).
    Above,
}

/// How slider positions map to values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Position × `unit`, in steps of `step` positions.
    Linear { unit: u64, step: u64 },
    /// Position i is the i-th value (a few meaningful sizes).
    Stops(&'static [u64]),
}

/// One knob's definition.
#[derive(Debug, PartialEq, Eq)]
pub struct Knob {
    /// The link's spelling (`?GOGC=…`), as Go's environment spells it.
    pub key: &'static str,
    /// The slider's element id.
    pub id: &'static str,
    pub label: Tr,
    /// Sliders of one group are shown together (`#knobs-<group>`).
    pub group: &'static str,
    pub unit: Unit,
    pub min: u64,
    pub max: u64,
    pub off: Off,
    pub scale: Scale,
    /// Keeps its value from step to step; otherwise each step that shows
    /// the knob starts from its own setting, as its caption describes.
    pub carries: bool,
}

/// A knob's value: `None` is `off`.
pub type Value = Option<u64>;

impl Knob {
    /// Reads a link value; `None` when it does not parse or is out of range.
    pub fn parse(&self, text: &str) -> Option<Value> {
        if text == "off" {
            return (self.off != Off::Never).then_some(None);
        }
        let v = match self.unit {
            Unit::Number => text.parse::<u64>().ok()?,
            Unit::Bytes => parse_bytes(text)?,
            Unit::Words(words) => words.iter().position(|w| w.0 == text)? as u64,
        };
        (self.min..=self.max).contains(&v).then_some(Some(v))
    }

    /// The link's spelling of `v`.
    pub fn link_text(&self, v: Value) -> String {
        match (v, self.unit) {
            (None, _) => "off".to_string(),
            (Some(v), Unit::Number) => v.to_string(),
            (Some(v), Unit::Bytes) => byte_count(v),
            (Some(v), Unit::Words(words)) => words.get(v as usize).map_or_else(|| v.to_string(), |w| w.0.to_string()),
        }
    }

    /// How the page shows `v` beside the slider in `lang`: `off` (as Go
    /// spells it), `48 MiB`, `200`, `pointer` / `ポインタ`.
    pub fn display(&self, v: Value, lang: Language) -> String {
        match (v, self.unit) {
            (None, _) => "off".to_string(),
            (Some(v), Unit::Number) => v.to_string(),
            (Some(v), Unit::Bytes) => memview::bytes(v),
            (Some(v), Unit::Words(words)) => words.get(v as usize).map_or_else(|| v.to_string(), |w| w.1.get(lang).to_string()),
        }
    }

    /// What a link may say, for notices: `off`, `10–500`.
    pub fn expected(&self) -> Vec<String> {
        if let Unit::Words(words) = self.unit {
            return words.iter().map(|w| w.0.to_string()).collect();
        }
        let range = format!("{}\u{2013}{}", self.link_text(Some(self.min)), self.link_text(Some(self.max)));
        if self.off == Off::Never {
            alloc::vec![range]
        } else {
            alloc::vec!["off".to_string(), range]
        }
    }

    /// The slider's (min, max, step) positions.
    pub fn slider(&self) -> (i64, i64, i64) {
        match self.scale {
            Scale::Stops(stops) => (0, stops.len() as i64 - 1, 1),
            Scale::Linear { unit, step } => {
                let (lo, hi, step) = ((self.min / unit) as i64, (self.max / unit) as i64, step as i64);
                match self.off {
                    Off::Never => (lo, hi, step),
                    Off::Below => (lo - step, hi, step),
                    Off::Above => (lo, hi + step, step),
                }
            }
        }
    }

    /// The slider position showing `v` (the nearest stop for stops).
    pub fn position(&self, v: Value) -> i64 {
        let (lo, hi, _) = self.slider();
        match (self.scale, v) {
            (_, None) => {
                if self.off == Off::Below {
                    lo
                } else {
                    hi
                }
            }
            (Scale::Stops(stops), Some(v)) => stops.iter().enumerate().min_by_key(|(_, s)| s.abs_diff(v)).map_or(0, |(i, _)| i as i64),
            (Scale::Linear { unit, .. }, Some(v)) => (v / unit) as i64,
        }
    }

    /// The value at slider position `pos` (clamped into range).
    pub fn at_position(&self, pos: i64) -> Value {
        let (lo, hi, _) = self.slider();
        let pos = pos.clamp(lo, hi);
        match self.scale {
            Scale::Stops(stops) => Some(stops[pos as usize]),
            Scale::Linear { unit, .. } => {
                let value = pos as u64 * unit;
                let off = match self.off {
                    Off::Never => false,
                    Off::Below => value < self.min,
                    Off::Above => value > self.max,
                };
                if off {
                    None
                } else {
                    Some(value.clamp(self.min, self.max))
                }
            }
        }
    }
}

/// Knob values by link key, in the order they were set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Values(Vec<(&'static str, Value)>);

impl Values {
    pub fn new(pairs: &[(&'static str, Value)]) -> Values {
        Values(pairs.to_vec())
    }

    /// The value of `key`, if the set has it.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// The value of `key`, which the set must have: figures read their own
    /// knobs, which their defaults always name.
    pub fn num(&self, key: &str) -> Value {
        self.get(key).flatten()
    }

    pub fn set(&mut self, key: &'static str, v: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = v,
            None => self.0.push((key, v)),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Value)> + '_ {
        self.0.iter().copied()
    }
}

/// The definition of `key` in `table`.
pub fn find<'a>(table: &'a [Knob], key: &str) -> Option<&'a Knob> {
    table.iter().find(|k| k.key == key)
}

/// Applies link parameters to `values`; the first unusable one is reported
/// and keeps its current value.
pub fn apply_params(table: &'static [Knob], values: &mut Values, params: &[(String, String)]) -> Option<Problem> {
    let mut problem = None;
    for (key, text) in params {
        let Some(knob) = find(table, key) else { continue };
        match knob.parse(text) {
            Some(v) => values.set(knob.key, v),
            None if problem.is_none() => {
                problem = Some(Problem::BadValue { key: key.clone(), given: excerpt(text), expected: knob.expected() });
            }
            None => {}
        }
    }
    problem
}

/// The link parameters for the knobs in `defaults` whose value in
/// `values` differs, in table order.
pub fn params(table: &[Knob], values: &Values, defaults: &Values) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for knob in table {
        let Some(default) = defaults.get(knob.key) else { continue };
        match values.get(knob.key) {
            Some(v) if v != default => out.push((knob.key.to_string(), knob.link_text(v))),
            _ => {}
        }
    }
    out
}

/// A byte count as GOMEMLIMIT takes it: digits, then B, KiB, MiB, GiB or
/// TiB (runtime.parseByteCount; no unit means bytes).
pub fn parse_bytes(v: &str) -> Option<u64> {
    let digits = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (n, unit) = v.split_at(digits);
    let shift = match unit {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        "TiB" => 40,
        _ => return None,
    };
    n.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// The shortest exact spelling: `48MiB`, `1536KiB`, `1000B`.
pub fn byte_count(b: u64) -> String {
    for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if b != 0 && b.is_multiple_of(1 << shift) {
            return format!("{}{unit}", b >> shift);
        }
    }
    format!("{b}B")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1 << 20;
    const TABLE: &[Knob] = &[
        Knob {
            key: "GOGC",
            id: "gogc",
            label: Tr { en: "GOGC", ja: "GOGC" },
            group: "g",
            unit: Unit::Number,
            min: 10,
            max: 500,
            off: Off::Above,
            scale: Scale::Linear { unit: 1, step: 10 },
            carries: false,
        },
        Knob {
            key: "GOMEMLIMIT",
            id: "gomemlimit",
            label: Tr { en: "GOMEMLIMIT", ja: "GOMEMLIMIT" },
            group: "g",
            unit: Unit::Bytes,
            min: 4 * MIB,
            max: 256 * MIB,
            off: Off::Below,
            scale: Scale::Linear { unit: MIB, step: 4 },
            carries: false,
        },
        Knob {
            key: "objects",
            id: "objects",
            label: Tr { en: "Objects", ja: "Objects" },
            group: "m",
            unit: Unit::Number,
            min: 7,
            max: 20_000,
            off: Off::Never,
            scale: Scale::Stops(&[7, 31, 10_000, 20_000]),
            carries: true,
        },
    ];

    #[test]
    fn sliders_map_positions_to_values_and_back() {
        let [gogc, limit, objects] = [&TABLE[0], &TABLE[1], &TABLE[2]];
        assert_eq!(gogc.slider(), (10, 510, 10));
        assert_eq!((gogc.at_position(510), gogc.at_position(200)), (None, Some(200)));
        assert_eq!(gogc.position(None), 510);
        assert_eq!(limit.slider(), (0, 256, 4));
        assert_eq!((limit.at_position(0), limit.at_position(48)), (None, Some(48 * MIB)));
        assert_eq!(limit.position(Some(48 * MIB)), 48);
        assert_eq!(objects.position(Some(9_000)), 2);
        assert_eq!(objects.at_position(99), Some(20_000));
        for k in TABLE {
            let (lo, hi, step) = k.slider();
            for p in (lo..=hi).step_by(step as usize) {
                let v = k.at_position(p);
                assert_eq!(k.position(v), p, "{}", k.key);
                assert_eq!(k.parse(&k.link_text(v)), Some(v), "{} round-trips its link text", k.key);
            }
        }
    }

    #[test]
    fn links_set_values_and_bad_ones_say_why() {
        let defaults = Values::new(&[("GOGC", Some(100)), ("GOMEMLIMIT", None)]);
        let mut v = defaults.clone();
        let given = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
        assert_eq!(apply_params(TABLE, &mut v, &given(&[("GOGC", "off"), ("GOMEMLIMIT", "48MiB")])), None);
        assert_eq!(params(TABLE, &v, &defaults), given(&[("GOGC", "off"), ("GOMEMLIMIT", "48MiB")]));
        let mut w = defaults.clone();
        let p = apply_params(TABLE, &mut w, &given(&[("GOGC", "<script>"), ("GOMEMLIMIT", "64MB")]));
        assert_eq!(w, defaults);
        let Some(Problem::BadValue { key, given, expected }) = p.clone() else { panic!("{p:?}") };
        assert_eq!(
            p.as_ref().map(|p| p.text(memview::Language::Ja)).unwrap_or_default(),
            "GOGC=「<script>」は使えません（off、10\u{2013}500 のいずれか）。このステップ本来の値を表示しています"
        );
        assert_eq!((key.as_str(), given.as_str(), expected), ("GOGC", "<script>", alloc::vec!["off".to_string(), "10\u{2013}500".to_string()]));
        assert!(p.as_ref().map(|p| p.to_string()).unwrap_or_default().contains("(expected off or 10\u{2013}500)"));
        assert_eq!(TABLE[1].expected(), ["off", "4MiB\u{2013}256MiB"]);
        assert_eq!(TABLE[2].parse("off"), None, "objects cannot be off");
        assert_eq!(TABLE[2].parse("20001"), None);
    }

    #[test]
    fn go_byte_counts() {
        assert_eq!(parse_bytes("64MiB"), Some(64 * MIB));
        assert_eq!(parse_bytes("1GiB"), Some(1 << 30));
        assert_eq!(parse_bytes("4096"), Some(4096));
        assert_eq!(parse_bytes("4096B"), Some(4096));
        assert_eq!(parse_bytes("64MB"), None, "Go's GOMEMLIMIT takes binary units only");
        assert_eq!(parse_bytes("99999999999TiB"), None);
        assert_eq!(byte_count(1536 << 10), "1536KiB");
    }
}
