//! What the picture tests share.

use chapters::knob::{self, Knob, Values};
use chapters::Figure;

/// The knob settings a figure is checked at: its defaults, and each of its
/// knobs alone at either end of its slider.
pub fn knob_extremes(fig: &dyn Figure, table: &[Knob]) -> Vec<Values> {
    let defaults = fig.defaults();
    let mut settings = vec![defaults.clone()];
    for (key, _) in defaults.iter() {
        let knob = knob::find(table, key).expect("a figure's knob is in its chapter's table");
        let (lo, hi, _) = knob.slider();
        for pos in [lo, hi] {
            let mut k = defaults.clone();
            k.set(knob.key, knob.at_position(pos));
            settings.push(k);
        }
    }
    settings
}
