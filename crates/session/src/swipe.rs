//! A swipe across the picture steps the story, as on any touch screen's
//! slideshow: right to left for the next step, left to right for the one
//! before. A frame in a deck on a phone or tablet takes the touches the deck
//! would have had, so without it a viewer could not swipe past a slide that
//! a frame fills.

/// How far a finger must travel (CSS px), how much more across than up or
/// down (a page being scrolled is not a swipe), and how quickly (ms): a
/// slow drag is someone reading with a finger, not a swipe.
const MIN_DISTANCE: f64 = 40.0;
const MIN_SLOPE: f64 = 2.0;
const MAX_MS: f64 = 800.0;

/// Whether a touch that moved `dx`, `dy` (CSS px, right and down positive)
/// in `ms` is a swipe, and which way: `Some(true)` for the next step.
pub fn forward(dx: f64, dy: f64, ms: f64) -> Option<bool> {
    let ok = dx.abs() >= MIN_DISTANCE && dx.abs() >= MIN_SLOPE * dy.abs() && (0.0..=MAX_MS).contains(&ms);
    ok.then_some(dx < 0.0)
}

#[cfg(test)]
mod tests {
    use super::forward;

    #[test]
    fn right_to_left_is_next_and_left_to_right_is_back() {
        assert_eq!(forward(-120.0, 10.0, 200.0), Some(true));
        assert_eq!(forward(120.0, -10.0, 200.0), Some(false));
    }

    #[test]
    fn taps_scrolls_and_slow_drags_are_not_swipes() {
        assert_eq!(forward(-8.0, 2.0, 120.0), None, "a tap");
        assert_eq!(forward(-60.0, 200.0, 300.0), None, "a scroll that drifted sideways");
        assert_eq!(forward(-60.0, 40.0, 300.0), None, "as much down as across");
        assert_eq!(forward(-200.0, 0.0, 1500.0), None, "a slow drag");
        assert_eq!(forward(-200.0, 0.0, f64::NAN), None, "no time");
    }
}
