//! What a moved slider did, for a screen reader: the caption's live region
//! is quiet while a slider has focus (forty words at every step of a drag),
//! and the slider says only its own value. Once a burst of moves rests, the
//! readout under the sliders (GC CPU, peak heap, cycles …) is written to a
//! polite live region out of sight, read once, in a few words.

use crate::dom;
use crate::rest::Held;
use memview::Language;

thread_local! {
    static HELD: Held = Held::new(flush, "knobNewsPending");
}

/// A slider moved within the step on show: say its readout once moves rest.
pub fn moved(readout: &str, lang: Language) {
    // Lines read as sentences, and middle dots as a list.
    let (item, stop, space) = lang.pick(("; ", ".", " "), ("、", "。", ""));
    let sentences: Vec<String> = readout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let l = l.trim().replace(" \u{b7} ", item);
            if l.ends_with(['.', '。', '!', '?']) {
                l
            } else {
                l + stop
            }
        })
        .collect();
    HELD.with(|h| h.hold(sentences.join(space)));
}

/// Another step: nothing of the last one's sliders is still to say.
pub fn clear() {
    HELD.with(Held::take);
    dom::set_text("knob-news", "");
}

fn flush() {
    if let Some(text) = HELD.with(Held::take) {
        dom::set_text("knob-news", &text);
    }
}
