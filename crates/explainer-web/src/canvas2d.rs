//! Executes a display list on a 2D canvas, crisp at any devicePixelRatio:
//! the backing store is sized in device pixels and drawing is scaled, so
//! the draw list stays in CSS pixels.

use memview::{Cmd, Point, Rect, Rgba, TextAlign};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// The dash pattern for dashed lines: 6 px on, 4 off.
    static DASH: js_sys::Array = js_sys::Array::of2(&JsValue::from_f64(6.0), &JsValue::from_f64(4.0));
}

/// Named monospace fonts before the generic one: under `<html lang=ja>`
/// Chromium's `monospace` is a Japanese font whose arrows and symbols are a
/// full em wide, wider than the layouts allow. Japanese characters fall
/// through to the system's Japanese font either way.
const FONT: &str = "Menlo, Consolas, \"DejaVu Sans Mono\", \"Liberation Mono\", monospace";

pub struct Canvas2d {
    pub canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    font: String,
    /// Context state last set, so a heap map of 10,000 cells in a few
    /// colours makes a few style calls, not 10,000.
    alpha: f32,
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    /// Device pixels per unit of the draw list (devicePixelRatio times the
    /// picture's zoom).
    scale: f64,
}

// Hex colours and integer font sizes keep float formatting (and its code
// size) out of the binary.
fn css(c: Rgba) -> String {
    format!("#{:08x}", c.0)
}

impl Canvas2d {
    pub fn new(canvas: HtmlCanvasElement) -> Result<Canvas2d, JsValue> {
        // Opaque: the compositor draws the canvas without blending it, and a
        // frame needs no clearing, since its background covers every pixel.
        let opaque = js_sys::Object::new();
        js_sys::Reflect::set(&opaque, &JsValue::from_str("alpha"), &JsValue::FALSE)?;
        let ctx = canvas
            .get_context_with_context_options("2d", &opaque)?
            .ok_or_else(|| JsValue::from_str("this browser has no 2D canvas"))?
            .dyn_into::<CanvasRenderingContext2d>()?;
        Ok(Canvas2d { canvas, ctx, font: String::new(), alpha: -1.0, fill: None, stroke: None, scale: 1.0 })
    }

    /// Matches the backing store to `css_w`×`css_h` CSS pixels at `dpr`,
    /// and draws the draw list scaled by `zoom` (below 1 for a picture laid
    /// out larger than its canvas).
    pub fn resize(&mut self, css_w: f64, css_h: f64, dpr: f64, zoom: f64) {
        let w = (css_w * dpr).round().max(1.0) as u32;
        let h = (css_h * dpr).round().max(1.0) as u32;
        if self.canvas.width() != w || self.canvas.height() != h {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
            // Resizing resets the context's state.
            self.font.clear();
            (self.alpha, self.fill, self.stroke) = (-1.0, None, None);
        }
        self.scale = dpr * zoom;
        let _ = self.ctx.set_transform(self.scale, 0.0, 0.0, self.scale, 0.0, 0.0);
    }

    pub fn paint(&mut self, cmds: &[Cmd]) {
        // The whole backing store in draw-list units, a unit over so that
        // rounding never leaves its last row or column out.
        let (w, h) = (f64::from(self.canvas.width()) / self.scale + 1.0, f64::from(self.canvas.height()) / self.scale + 1.0);
        let cmds = match cmds {
            // A scene starts with its opaque background, drawn here over the
            // whole backing store: the scene's own rect ends at its
            // fractional size, and the last partial pixel row would keep the
            // old frame. It replaces a clear, one pass over every pixel less.
            [Cmd::Rect { rect, radius, fill: Some(bg), stroke: None, alpha, .. }, rest @ ..]
                if rect.x <= 0.0 && rect.y <= 0.0 && *radius == 0.0 && *alpha >= 1.0 && bg.a() == 0xff =>
            {
                self.set_alpha(1.0);
                self.set_fill(*bg);
                self.ctx.fill_rect(0.0, 0.0, w, h);
                rest
            }
            _ => {
                self.ctx.clear_rect(0.0, 0.0, w, h);
                cmds
            }
        };
        for c in cmds {
            match c {
                Cmd::Rect { rect, radius, fill, stroke, line_width, alpha } => self.rect(*rect, *radius, *fill, *stroke, *line_width, *alpha),
                Cmd::Text { x, y, text, size, color, align, bold, alpha } => self.text(*x, *y, text, *size, *color, *align, *bold, *alpha),
                Cmd::Arrow { from, c1, c2, to, color, width, alpha } => self.arrow(*from, *c1, *c2, *to, *color, *width, *alpha),
                Cmd::Line { points, color, width, dashed, alpha, filled } => self.line(points, *color, *width, *dashed, *alpha, *filled),
                Cmd::Bars { bars, color, alpha } => {
                    self.set_alpha(*alpha);
                    self.set_fill(*color);
                    for r in bars {
                        self.ctx.fill_rect(f64::from(r.x), f64::from(r.y), f64::from(r.w), f64::from(r.h));
                    }
                }
            }
        }
        self.set_alpha(1.0);
    }

    fn line(&mut self, points: &[Point], color: Rgba, width: f32, dashed: bool, alpha: f32, filled: bool) {
        self.set_alpha(alpha);
        if filled {
            self.set_fill(color);
        } else {
            self.set_stroke(color);
        }
        let c = &self.ctx;
        c.begin_path();
        for (i, p) in points.iter().enumerate() {
            if i == 0 {
                c.move_to(f64::from(p.x), f64::from(p.y));
            } else {
                c.line_to(f64::from(p.x), f64::from(p.y));
            }
        }
        if filled {
            c.close_path();
            c.fill();
            return;
        }
        c.set_line_width(f64::from(width));
        c.set_line_join("round");
        if dashed {
            let _ = c.set_line_dash(&DASH.with(|d| d.clone()));
        }
        c.stroke();
        if dashed {
            let _ = c.set_line_dash(&js_sys::Array::new());
        }
    }

    fn path_rect(&self, r: Rect, radius: f32) {
        let (x, y, w, h) = (f64::from(r.x), f64::from(r.y), f64::from(r.w), f64::from(r.h));
        let rad = f64::from(radius).min(w / 2.0).min(h / 2.0).max(0.0);
        let c = &self.ctx;
        c.begin_path();
        c.move_to(x + rad, y);
        let _ = c.arc_to(x + w, y, x + w, y + h, rad);
        let _ = c.arc_to(x + w, y + h, x, y + h, rad);
        let _ = c.arc_to(x, y + h, x, y, rad);
        let _ = c.arc_to(x, y, x + w, y, rad);
        c.close_path();
    }

    fn set_alpha(&mut self, alpha: f32) {
        if alpha != self.alpha {
            self.ctx.set_global_alpha(f64::from(alpha));
            self.alpha = alpha;
        }
    }

    fn set_fill(&mut self, c: Rgba) {
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&css(c));
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgba) {
        if self.stroke != Some(c) {
            self.ctx.set_stroke_style_str(&css(c));
            self.stroke = Some(c);
        }
    }

    fn rect(&mut self, r: Rect, radius: f32, fill: Option<Rgba>, stroke: Option<Rgba>, line_width: f32, alpha: f32) {
        self.set_alpha(alpha);
        let (x, y, w, h) = (f64::from(r.x), f64::from(r.y), f64::from(r.w), f64::from(r.h));
        if radius < 0.5 {
            // Square corners need no path: one call each.
            if let Some(f) = fill {
                self.set_fill(f);
                self.ctx.fill_rect(x, y, w, h);
            }
            if let Some(s) = stroke {
                self.set_stroke(s);
                self.ctx.set_line_width(f64::from(line_width));
                self.ctx.stroke_rect(x, y, w, h);
            }
            return;
        }
        self.path_rect(r, radius);
        if let Some(f) = fill {
            self.set_fill(f);
            self.ctx.fill();
        }
        if let Some(s) = stroke {
            self.set_stroke(s);
            self.ctx.set_line_width(f64::from(line_width));
            self.ctx.stroke();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, color: Rgba, align: TextAlign, bold: bool, alpha: f32) {
        let tenths = (size * 10.0).round() as u32;
        let font = format!("{}{}.{}px {FONT}", if bold { "600 " } else { "" }, tenths / 10, tenths % 10);
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.set_alpha(alpha);
        self.set_fill(color);
        self.ctx.set_text_baseline("middle");
        self.ctx.set_text_align(match align {
            TextAlign::Left => "left",
            TextAlign::Center => "center",
            TextAlign::Right => "right",
        });
        let _ = self.ctx.fill_text(text, f64::from(x), f64::from(y));
    }

    #[allow(clippy::too_many_arguments)]
    fn arrow(&mut self, a: Point, c1: Point, c2: Point, b: Point, color: Rgba, width: f32, alpha: f32) {
        self.set_alpha(alpha);
        self.set_stroke(color);
        self.set_fill(color);
        let c = &self.ctx;
        c.set_line_width(f64::from(width));
        // Stop the line at the arrowhead's base so the tip stays sharp.
        let (dx, dy) = (f64::from(b.x - c2.x), f64::from(b.y - c2.y));
        let len = (dx * dx + dy * dy).sqrt().max(0.001);
        let (ux, uy) = (dx / len, dy / len);
        let head = 7.0 + f64::from(width) * 1.5;
        let (bx, by) = (f64::from(b.x), f64::from(b.y));
        c.begin_path();
        c.arc(f64::from(a.x), f64::from(a.y), f64::from(width) * 1.6, 0.0, std::f64::consts::TAU).ok();
        c.fill();
        c.begin_path();
        c.move_to(f64::from(a.x), f64::from(a.y));
        c.bezier_curve_to(f64::from(c1.x), f64::from(c1.y), f64::from(c2.x), f64::from(c2.y), bx - ux * head * 0.8, by - uy * head * 0.8);
        c.stroke();
        c.begin_path();
        c.move_to(bx, by);
        c.line_to(bx - ux * head - uy * head * 0.5, by - uy * head + ux * head * 0.5);
        c.line_to(bx - ux * head + uy * head * 0.5, by - uy * head - ux * head * 0.5);
        c.close_path();
        c.fill();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn canvas(w: u32, h: u32) -> Canvas2d {
        let doc = web_sys::window().and_then(|w| w.document()).expect("document");
        let c: HtmlCanvasElement = doc.create_element("canvas").expect("canvas").dyn_into().expect("a canvas");
        c.set_width(w);
        c.set_height(h);
        Canvas2d::new(c).expect("2d context")
    }

    fn pixel(c: &Canvas2d, x: f64, y: f64) -> Vec<u8> {
        c.ctx.get_image_data(x, y, 1.0, 1.0).expect("image data").data().0
    }

    #[wasm_bindgen_test]
    fn paints_exact_colours_at_device_pixel_ratio_2() {
        let mut c = canvas(1, 1);
        c.resize(20.0, 10.0, 2.0, 1.0);
        assert_eq!((c.canvas.width(), c.canvas.height()), (40, 20));
        c.paint(&[Cmd::Rect { rect: Rect::new(10.0, 0.0, 10.0, 10.0), radius: 0.0, fill: Some(Rgba(0x0072b2ff)), stroke: None, line_width: 0.0, alpha: 1.0 }]);
        // CSS pixel (15, 5) is device pixel (30, 10).
        assert_eq!(pixel(&c, 30.0, 10.0), vec![0x00, 0x72, 0xb2, 0xff]);
        // With no background first, the frame is cleared: the canvas is
        // opaque, so that is opaque black.
        assert_eq!(pixel(&c, 5.0, 5.0), vec![0, 0, 0, 0xff], "left half cleared");
    }

    #[wasm_bindgen_test]
    fn a_background_covers_every_pixel_and_the_last_frame() {
        let mut c = canvas(1, 1);
        // 20.25 × 10.25 CSS px at dpr 2: 41 × 21 device pixels, the last
        // row and column only partly inside the scene.
        c.resize(20.25, 10.25, 2.0, 1.0);
        let rect = |x: f32, w: f32, colour: u32| Cmd::Rect {
            rect: Rect::new(x, 0.0, w, 10.25),
            radius: 0.0,
            fill: Some(Rgba(colour)),
            stroke: None,
            line_width: 0.0,
            alpha: 1.0,
        };
        c.paint(&[rect(0.0, 20.25, 0xfbfaf7ff), rect(0.0, 20.25, 0x0072b2ff)]);
        c.paint(&[rect(0.0, 20.25, 0x15171cff), rect(10.0, 5.0, 0x0072b2ff)]);
        for (x, y) in [(0.0, 0.0), (5.0, 5.0), (40.0, 20.0), (40.0, 0.0), (0.0, 20.0)] {
            assert_eq!(pixel(&c, x, y), vec![0x15, 0x17, 0x1c, 0xff], "device pixel ({x}, {y}) is the new background");
        }
        assert_eq!(pixel(&c, 25.0, 10.0), vec![0x00, 0x72, 0xb2, 0xff]);
    }

    #[wasm_bindgen_test]
    fn a_picture_laid_out_larger_than_its_canvas_is_drawn_scaled_to_fill_it() {
        let mut c = canvas(1, 1);
        // Laid out at 60 × 30, drawn at half size into 30 × 15 CSS px at dpr 1.
        c.resize(30.0, 15.0, 1.0, 0.5);
        assert_eq!((c.canvas.width(), c.canvas.height()), (30, 15));
        let rect = |x: f32, y: f32, w: f32, h: f32, colour: u32| Cmd::Rect {
            rect: Rect::new(x, y, w, h),
            radius: 0.0,
            fill: Some(Rgba(colour)),
            stroke: None,
            line_width: 0.0,
            alpha: 1.0,
        };
        c.paint(&[rect(0.0, 0.0, 60.0, 30.0, 0x0072b2ff)]);
        c.paint(&[rect(0.0, 0.0, 60.0, 30.0, 0x15171cff), rect(40.0, 20.0, 20.0, 10.0, 0xfbfaf7ff)]);
        // The layout's (50, 25) is the canvas's (25, 12); the background
        // reaches the last device pixel.
        assert_eq!(pixel(&c, 25.0, 12.0), vec![0xfb, 0xfa, 0xf7, 0xff]);
        for (x, y) in [(0.0, 0.0), (29.0, 0.0), (0.0, 14.0), (15.0, 7.0)] {
            assert_eq!(pixel(&c, x, y), vec![0x15, 0x17, 0x1c, 0xff], "device pixel ({x}, {y}) is the new background");
        }
    }

    #[wasm_bindgen_test]
    fn paints_a_chapter_state() {
        let ch = chapters::catalog().into_iter().find(|c| c.id == "stack-heap").expect("chapter");
        let tl = ch.timeline().expect("builds");
        let stage = memview::Stage::of(tl.states());
        let vp = memview::Viewport::new(640.0, 400.0);
        let scene = memview::layout(tl.state(11).expect("step 12"), &stage, vp, &ch.steps[11].focus);
        let mut c = canvas(1, 1);
        c.resize(640.0, 400.0, 1.0, 1.0);
        c.paint(&memview::paint(&scene, &memview::Palette::LIGHT));
        let data = c.ctx.get_image_data(0.0, 0.0, 640.0, 400.0).expect("image data").data().0;
        let mut colours: Vec<u32> = data.chunks(4).map(|p| u32::from_be_bytes([p[0], p[1], p[2], p[3]])).collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(colours.len() > 20, "a real picture has many colours, got {}", colours.len());
        // Frames are filled in the stack colour, objects in the heap colour.
        assert!(data.chunks(4).any(|p| p[..3] == [0xe3, 0xf1, 0xfb]), "a stack frame is drawn");
        assert!(data.chunks(4).any(|p| p[..3] == [0xfd, 0xf0, 0xdc]), "a heap object is drawn");
    }
}
