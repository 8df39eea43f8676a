//! The case study's knobs: the list length and the call rate, in the link
//! as `#/case-study/6?n=10000&rate=2000`. Both carry from step to step.

use crate::knob::{Knob, Off, Scale, Unit, Values};
use memview::Tr;

pub const N: &str = "n";
pub const RATE: &str = "rate";

pub const KNOBS: &[Knob] = &[
    Knob {
        key: N,
        id: "n",
        label: Tr { en: "List length", ja: "リストの長さ" },
        group: "case",
        unit: Unit::Number,
        min: 1,
        max: 100_000,
        off: Off::Never,
        // Stops on both sides of size-class and large-object boundaries.
        // 2,047 values (32,752 B, 32,760 with the header) are class 67's last;
        // 2,048 (32,768 B) is the first large object.
        scale: Scale::Stops(&[1, 8, 9, 64, 65, 500, 1000, 2000, 2047, 2048, 10_000, 100_000]),
        carries: true,
    },
    Knob {
        key: RATE,
        id: "rate",
        label: Tr { en: "Calls/s", ja: "毎秒の呼び出し回数" },
        group: "case",
        unit: Unit::Number,
        min: 10,
        max: 10_000,
        off: Off::Never,
        scale: Scale::Stops(&[10, 100, 500, 1000, 2000, 5000, 10_000]),
        carries: true,
    },
];

/// Where the chapter starts: the benchmark's 1,000 values, 1,000 calls a
/// second.
pub fn defaults() -> Values {
    Values::new(&[(N, Some(1000)), (RATE, Some(1000))])
}

/// (n, rate) from knob values.
pub fn read(k: &Values) -> (u64, u64) {
    (k.num(N).unwrap_or(1000), k.num(RATE).unwrap_or(1000))
}
