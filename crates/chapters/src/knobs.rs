//! The gc chapter's knobs — GOGC, GOMEMLIMIT and the live heap for the
//! pacer chart, the object count for the marking views — and how they read
//! and write in a link: `#/gc/27?GOGC=200&GOMEMLIMIT=48MiB&live=8MiB`.
//!
//! Values are written the way Go reads them from the environment: GOGC is
//! a percentage or `off`; GOMEMLIMIT a byte count with an optional unit
//! (B, KiB, MiB, GiB, TiB) or `off`. The ranges are the sliders' ranges;
//! a value outside them, or one that does not parse, keeps the step's
//! default and is reported.

use crate::route::Problem;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use memsim::pacer::{Settings, Workload, MIB};

pub const GOGC_MIN: u32 = 10;
pub const GOGC_MAX: u32 = 500;
pub const LIMIT_MIN: u64 = 4 * MIB;
pub const LIMIT_MAX: u64 = 256 * MIB;
pub const LIVE_MIN: u64 = MIB;
pub const LIVE_MAX: u64 = 64 * MIB;
pub const OBJECTS_MIN: usize = 7;
pub const OBJECTS_MAX: usize = 20_000;

/// The URL keys, as the environment variables are spelled.
pub const KEYS: &[&str] = &["GOGC", "GOMEMLIMIT", "live", "objects"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Knobs {
    /// `None` is GOGC=off.
    pub gogc: Option<u32>,
    /// GOMEMLIMIT in bytes; `None` is off (no limit).
    pub limit: Option<u64>,
    /// Bytes the program keeps reachable.
    pub live: u64,
    /// Objects in the heap the marking views mark.
    pub objects: usize,
}

/// The program the pacer chart runs: it allocates 256 KiB every
/// millisecond (250 MB/s), all of it garbage soon after, on 4 CPUs, for
/// two seconds; stacks and globals as in the GC guide's example.
pub const WORKLOAD: Workload =
    Workload { alloc_per_ms: 256 << 10, live: 8 * MIB, stacks: MIB, globals: MIB, procs: 4, mark_bytes_per_ms: MIB, duration_ms: 2000 };

impl Knobs {
    pub const DEFAULT: Knobs = Knobs { gogc: Some(100), limit: None, live: 8 * MIB, objects: 31 };

    pub fn settings(&self) -> Settings {
        Settings { gogc: self.gogc, memory_limit: self.limit }
    }

    pub fn workload(&self) -> Workload {
        Workload { live: self.live, ..WORKLOAD }
    }

    /// Reads the knobs a link sets, starting from `defaults`; the first
    /// unusable value is reported.
    pub fn from_params(defaults: Knobs, params: &[(String, String)]) -> (Knobs, Option<Problem>) {
        let mut k = defaults;
        let mut problem = None;
        for (key, value) in params {
            let ok = match key.as_str() {
                "GOGC" => parse_gogc(value).map(|g| k.gogc = g),
                "GOMEMLIMIT" => parse_limit(value).map(|l| k.limit = l),
                "live" => parse_bytes(value).filter(|b| (LIVE_MIN..=LIVE_MAX).contains(b)).map(|b| k.live = b),
                "objects" => value.parse::<usize>().ok().filter(|n| (OBJECTS_MIN..=OBJECTS_MAX).contains(n)).map(|n| k.objects = n),
                _ => Some(()),
            };
            if ok.is_none() && problem.is_none() {
                let expected = match key.as_str() {
                    "GOGC" => format!("off or {GOGC_MIN}\u{2013}{GOGC_MAX}"),
                    "GOMEMLIMIT" => format!("off or {}\u{2013}{}", byte_count(LIMIT_MIN), byte_count(LIMIT_MAX)),
                    "objects" => format!("{OBJECTS_MIN}\u{2013}{OBJECTS_MAX}"),
                    _ => format!("{}\u{2013}{}", byte_count(LIVE_MIN), byte_count(LIVE_MAX)),
                };
                problem = Some(Problem::BadValue { key: key.clone(), given: crate::route::excerpt(value), expected });
            }
        }
        (k, problem)
    }

    /// The parameters that differ from `defaults`, in [`KEYS`] order:
    /// the pacer's three when `pacer`, else the object count.
    pub fn to_params(&self, defaults: Knobs, pacer: bool) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !pacer {
            if self.objects != defaults.objects {
                out.push(("objects".to_string(), self.objects.to_string()));
            }
            return out;
        }
        if self.gogc != defaults.gogc {
            out.push(("GOGC".to_string(), gogc_text(self.gogc)));
        }
        if self.limit != defaults.limit {
            out.push(("GOMEMLIMIT".to_string(), self.limit.map_or_else(|| "off".to_string(), byte_count)));
        }
        if self.live != defaults.live {
            out.push(("live".to_string(), byte_count(self.live)));
        }
        out
    }
}

pub fn gogc_text(g: Option<u32>) -> String {
    g.map_or_else(|| "off".to_string(), |g| g.to_string())
}

fn parse_gogc(v: &str) -> Option<Option<u32>> {
    if v == "off" {
        return Some(None);
    }
    v.parse::<u32>().ok().filter(|g| (GOGC_MIN..=GOGC_MAX).contains(g)).map(Some)
}

fn parse_limit(v: &str) -> Option<Option<u64>> {
    if v == "off" {
        return Some(None);
    }
    parse_bytes(v).filter(|b| (LIMIT_MIN..=LIMIT_MAX).contains(b)).map(Some)
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

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn links_round_trip() {
        let k = Knobs { gogc: None, limit: Some(48 * MIB), live: 12 * MIB, objects: 31 };
        let params = k.to_params(Knobs::DEFAULT, true);
        assert_eq!(params, p(&[("GOGC", "off"), ("GOMEMLIMIT", "48MiB"), ("live", "12MiB")]));
        assert_eq!(Knobs::from_params(Knobs::DEFAULT, &params), (k, None));
        assert!(Knobs::DEFAULT.to_params(Knobs::DEFAULT, true).is_empty());
        let big = Knobs { objects: 10_000, ..Knobs::DEFAULT };
        assert_eq!(big.to_params(Knobs::DEFAULT, false), p(&[("objects", "10000")]));
        assert_eq!(Knobs::from_params(Knobs::DEFAULT, &p(&[("objects", "10000")])).0, big);
        assert_eq!(Knobs::from_params(Knobs::DEFAULT, &p(&[("objects", "20001")])).0, Knobs::DEFAULT);
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

    #[test]
    fn bad_values_keep_the_default_and_say_why() {
        let (k, e) = Knobs::from_params(Knobs::DEFAULT, &p(&[("GOGC", "<script>"), ("GOMEMLIMIT", "1B")]));
        assert_eq!(k, Knobs::DEFAULT);
        let Some(Problem::BadValue { key, given, .. }) = e else { panic!("{e:?}") };
        assert_eq!((key.as_str(), given.as_str()), ("GOGC", "<script>"));
        assert_eq!(Knobs::from_params(Knobs::DEFAULT, &p(&[("GOGC", "5")])).0, Knobs::DEFAULT);
        assert_eq!(Knobs::from_params(Knobs::DEFAULT, &p(&[("live", "65MiB")])).0, Knobs::DEFAULT);
    }
}
