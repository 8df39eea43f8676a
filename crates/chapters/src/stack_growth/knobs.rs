//! The stack-growth chapter's knobs: recursion depth and frame size, in
//! the link as `#/stack-growth/12?depth=1000000&frame=1KiB`.

use crate::knob::{Knob, Off, Scale, Unit, Values};
use memview::Tr;

pub const DEPTH: &str = "depth";
pub const FRAME: &str = "frame";

pub const KNOBS: &[Knob] = &[
    Knob {
        key: DEPTH,
        id: "depth",
        label: Tr { en: "Depth", ja: "再帰の深さ" },
        group: "growth",
        unit: Unit::Number,
        min: 1,
        max: 10_000_000,
        off: Off::Never,
        scale: Scale::Stops(&[10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]),
        carries: false,
    },
    Knob {
        key: FRAME,
        id: "frame",
        label: Tr { en: "Frame", ja: "フレームサイズ" },
        group: "growth",
        unit: Unit::Bytes,
        min: 8,
        max: 64 << 10,
        off: Off::Never,
        scale: Scale::Stops(&[64, 128, 256, 512, 1024, 4096, 8192]),
        carries: false,
    },
];

pub fn ladder(depth: u64, frame: u64) -> Values {
    Values::new(&[(DEPTH, Some(depth)), (FRAME, Some(frame))])
}

pub fn read(k: &Values) -> (u64, u64) {
    (k.num(DEPTH).unwrap_or(100_000), k.num(FRAME).unwrap_or(128))
}
