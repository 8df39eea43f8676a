//! The escape lab's toggles, in the link as words:
//! `#/escape/14?ret=pointer&size=var&type=any`.

use super::lab::Combo;
use crate::knob::{Knob, Off, Scale, Unit, Values};
use memview::Tr;

pub const RET: &str = "ret";
pub const SIZE: &str = "size";
pub const TYPE: &str = "type";

const TOGGLE: Scale = Scale::Stops(&[0, 1]);

pub const KNOBS: &[Knob] = &[
    Knob {
        key: RET,
        id: "lab-ret",
        label: Tr { en: "return", ja: "戻り値" },
        group: "lab",
        unit: Unit::Words(&[("value", Tr { en: "value", ja: "値" }), ("pointer", Tr { en: "pointer", ja: "ポインタ" })]),
        min: 0,
        max: 1,
        off: Off::Never,
        scale: TOGGLE,
        carries: true,
    },
    Knob {
        key: SIZE,
        id: "lab-size",
        label: Tr { en: "make size", ja: "make のサイズ" },
        group: "lab",
        unit: Unit::Words(&[("const", Tr { en: "const", ja: "定数" }), ("var", Tr { en: "var", ja: "変数" })]),
        min: 0,
        max: 1,
        off: Off::Never,
        scale: TOGGLE,
        carries: true,
    },
    Knob {
        key: TYPE,
        id: "lab-type",
        label: Tr { en: "stored as", ja: "保存する型" },
        group: "lab",
        unit: Unit::Words(&[("Point", Tr { en: "Point", ja: "Point" }), ("any", Tr { en: "any", ja: "any" })]),
        min: 0,
        max: 1,
        off: Off::Never,
        scale: TOGGLE,
        carries: true,
    },
];

pub fn defaults() -> Values {
    Values::new(&[(RET, Some(0)), (SIZE, Some(0)), (TYPE, Some(0))])
}

pub fn read(k: &Values) -> Combo {
    let on = |key| k.num(key).unwrap_or(0) == 1;
    Combo { pointer: on(RET), var_size: on(SIZE), any: on(TYPE) }
}
