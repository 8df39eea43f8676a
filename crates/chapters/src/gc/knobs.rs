//! The gc chapter's knobs — GOGC, GOMEMLIMIT and the live heap for the
//! pacer chart, the object count for the marking views — spelled in a link
//! as Go reads them from the environment: `#/gc/39?GOGC=off&GOMEMLIMIT=48MiB`.

use crate::knob::{Knob, Off, Scale, Unit, Values};
use memsim::pacer::{Settings, Workload, MIB};
use memview::Tr;

pub const GOGC: &str = "GOGC";
pub const GOMEMLIMIT: &str = "GOMEMLIMIT";
pub const LIVE: &str = "live";
pub const OBJECTS: &str = "objects";

pub const KNOBS: &[Knob] = &[
    Knob {
        key: GOGC,
        id: "gogc",
        label: Tr { en: "GOGC", ja: "GOGC" },
        group: "pacer",
        unit: Unit::Number,
        min: 10,
        max: 500,
        off: Off::Above,
        scale: Scale::Linear { unit: 1, step: 10 },
        carries: false,
    },
    Knob {
        key: GOMEMLIMIT,
        id: "gomemlimit",
        label: Tr { en: "GOMEMLIMIT", ja: "GOMEMLIMIT" },
        group: "pacer",
        unit: Unit::Bytes,
        min: 4 * MIB,
        max: 256 * MIB,
        off: Off::Below,
        scale: Scale::Linear { unit: MIB, step: 4 },
        carries: false,
    },
    Knob {
        key: LIVE,
        id: "live",
        label: Tr { en: "Live heap", ja: "生存ヒープ" },
        group: "pacer",
        unit: Unit::Bytes,
        min: MIB,
        max: 64 * MIB,
        off: Off::Never,
        scale: Scale::Linear { unit: MIB, step: 1 },
        carries: false,
    },
    // Full trees, then round counts.
    Knob {
        key: OBJECTS,
        id: "objects",
        label: Tr { en: "Objects", ja: "オブジェクト数" },
        group: "marking",
        unit: Unit::Number,
        min: 7,
        max: 20_000,
        off: Off::Never,
        scale: Scale::Stops(&[7, 31, 127, 511, 2047, 10_000, 20_000]),
        carries: true,
    },
];

/// The program the pacer chart runs: memsim's modelled service, allocating
/// 256 KiB every millisecond (250 MiB/s), all of it garbage soon after.
pub const WORKLOAD: Workload = Workload { alloc_per_ms: 256 << 10, ..memsim::pacer::SERVICE };

/// A pacer step's settings: GOGC (`None`: off), GOMEMLIMIT, live heap.
pub fn pacer(gogc: Option<u64>, limit: Option<u64>, live: u64) -> Values {
    Values::new(&[(GOGC, gogc), (GOMEMLIMIT, limit), (LIVE, Some(live))])
}

/// The runtime's settings and the workload knob values `k` describe.
pub fn pacer_inputs(k: &Values) -> (Settings, Workload) {
    let gogc = k.num(GOGC).map(|g| g as u32);
    (Settings { gogc, memory_limit: k.num(GOMEMLIMIT) }, Workload { live: k.num(LIVE).unwrap_or(WORKLOAD.live), ..WORKLOAD })
}

/// The marking views start from 31 objects (a full tree of depth 5).
pub fn marking() -> Values {
    Values::new(&[(OBJECTS, Some(31))])
}
