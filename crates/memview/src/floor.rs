//! The smallest canvases the layouts are made for. A canvas below them (a
//! 4-inch phone on its side, a small frame in a blog post) is laid out at
//! the nearest size that reads and drawn scaled down to fit: a miniature of
//! the whole picture, not one with its panels run together.
//!
//! The floors are sizes crates/chapters/tests/legibility.rs checks: 306 px
//! high from 640 px wide (the side-by-side forms), 360 from 450, and below
//! that 400 (a phone's stacked forms; 330 on a step with sliders).

use crate::layout::Viewport;

/// No layout is made for less than a 4-inch phone's width.
const MIN_WIDTH: f32 = 320.0;

/// (from this width, the height needed, the height needed on a step with
/// sliders), widest first.
const FLOORS: [(f32, f32, f32); 3] = [(640.0, 306.0, 306.0), (450.0, 360.0, 360.0), (0.0, 400.0, 330.0)];

/// The viewport to lay out a `width` × `height` canvas at, and the scale
/// (at most 1) to draw that layout at so it fills the canvas. `sliders`: the
/// step shows sliders (their figures are made for less height on a phone).
pub fn fit(width: f32, height: f32, sliders: bool) -> (Viewport, f32) {
    let (width, height) = (width.max(1.0), height.max(1.0));
    // The largest scale at which the layout meets some floor: as wide as the
    // floor's width and as high as its height.
    let scale = FLOORS
        .iter()
        .map(|&(from, plain, with_sliders)| {
            let need = if sliders { with_sliders } else { plain };
            (height / need).min(width / from.max(MIN_WIDTH)).min(1.0)
        })
        .fold(0.0, f32::max);
    (Viewport::new(width / scale, height / scale), scale)
}

#[cfg(test)]
mod tests {
    use super::fit;

    fn size(w: f32, h: f32, sliders: bool) -> (u32, u32, u32) {
        let (vp, s) = fit(w, h, sliders);
        (vp.width.round() as u32, vp.height.round() as u32, (s * 1000.0).round() as u32)
    }

    #[test]
    fn canvases_the_layouts_are_made_for_are_drawn_as_they_are() {
        for (w, h, sliders) in [
            (830.0, 621.0, false),
            (960.0, 428.0, false),
            (510.0, 441.0, false),
            (390.0, 473.0, false),
            (390.0, 371.0, true),
            (320.0, 400.0, false),
            (320.0, 330.0, true),
            (844.0, 336.0, false),
            (640.0, 306.0, false),
        ] {
            assert_eq!(size(w, h, sliders), (w as u32, h as u32, 1000), "{w}x{h}");
        }
    }

    #[test]
    fn smaller_canvases_are_laid_out_at_a_floor_and_scaled_down() {
        // A 4-inch phone on its side: the width for a side-by-side layout.
        assert_eq!(size(568.0, 266.0, false), (653, 306, 869));
        // A 16:9 frame of 480 × 270: too narrow at 306 px high for the
        // side-by-side forms, so laid out 640 × 360.
        assert_eq!(size(480.0, 270.0, false), (640, 360, 750));
        // A 390 px phone's picture at 330 px high on a step without sliders:
        // scaled to the 450 px floor, not to the 400 px height below it.
        assert_eq!(size(390.0, 330.0, false), (450, 381, 867));
        // One pixel short of a floor's width costs a pixel, not a tenth.
        assert_eq!(size(449.0, 360.0, false), (450, 361, 998));
        // Narrower than any phone.
        assert_eq!(size(300.0, 500.0, false), (320, 533, 938));
        assert_eq!(size(300.0, 250.0, true), (396, 330, 758));
    }
}
