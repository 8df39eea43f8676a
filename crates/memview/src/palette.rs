//! Colours by role, for a light and a dark theme.
//!
//! Accent hues are from the Okabe–Ito palette, which stays distinguishable
//! under the common colour-vision deficiencies; roles never rely on hue
//! alone (conflicts are also outlined thicker, focus also gets a halo).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub u32);

impl Rgba {
    pub fn r(self) -> u8 {
        (self.0 >> 24) as u8
    }
    pub fn g(self) -> u8 {
        (self.0 >> 16) as u8
    }
    pub fn b(self) -> u8 {
        (self.0 >> 8) as u8
    }
    pub fn a(self) -> u8 {
        self.0 as u8
    }
}

/// What a colour is for; the painter looks roles up in a [`Palette`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Background,
    Panel,
    PanelBorder,
    Text,
    Muted,
    Cell,
    CellBorder,
    Stack,
    StackBorder,
    Heap,
    HeapBorder,
    Value,
    Pointer,
    Focus,
    /// Fill for focused small cells, where a halo would crowd neighbours.
    FocusFill,
    Danger,
    /// Tri-color marking: white (not reached yet; light in both themes,
    /// so it never reads as black), grey (seen, not scanned) and black
    /// (scanned).
    GcWhite,
    /// Text on a white object.
    OnWhite,
    GcGrey,
    GcBlack,
    /// The outline of a black object: keeps it visible on a dark panel.
    GcBlackBorder,
    /// Text on a black object.
    OnBlack,
    /// A span's row in the heap map, behind its object cells.
    SpanFill,
    /// The scanner's path through memory, and spans queued for scanning.
    Scan,
    /// The pacer's heap goal.
    Goal,
    /// Owner colours for raw-memory claims (program A, B, …).
    Owner(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub dark: bool,
}

impl Palette {
    pub const LIGHT: Palette = Palette { dark: false };
    pub const DARK: Palette = Palette { dark: true };

    pub fn color(&self, role: Role) -> Rgba {
        let (light, dark) = match role {
            Role::Background => (0xfbfaf7ff, 0x15171cff),
            Role::Panel => (0xffffffff, 0x1d2027ff),
            Role::PanelBorder => (0xd6d3ccff, 0x3a3f4bff),
            Role::Text => (0x1f2328ff, 0xe8e6e3ff),
            Role::Muted => (0x5f6670ff, 0x9aa3adff),
            Role::Cell => (0xf3f1ecff, 0x262a33ff),
            Role::CellBorder => (0xcfcbc2ff, 0x454b58ff),
            // Okabe–Ito sky blue and orange, softened for fills and
            // deepened for outlines on white (3:1).
            Role::Stack => (0xe3f1fbff, 0x17344aff),
            Role::StackBorder => (0x3a8fc4ff, 0x56b4e9ff),
            Role::Heap => (0xfdf0dcff, 0x4a3312ff),
            Role::HeapBorder => (0xb07a00ff, 0xe69f00ff),
            Role::Value => (0xffffffff, 0x11141aff),
            // Okabe–Ito blue for pointers.
            Role::Pointer => (0x0072b2ff, 0x6cc3ffff),
            // Okabe–Ito reddish purple for what a step changes; a true red
            // for danger (stale and freed pointers, leaks, the kill), which
            // captions call red and which is also outlined thicker.
            Role::Focus => (0xb8468cff, 0xe89bc6ff),
            Role::FocusFill => (0xf7dcebff, 0x5a2a47ff),
            Role::Danger => (0xc62828ff, 0xff6b6bff),
            Role::GcWhite => (0xffffffff, 0xd8d6d0ff),
            Role::OnWhite => (0x1f2328ff, 0x1f2328ff),
            Role::GcGrey => (0xb8b8b8ff, 0x9a9a9aff),
            Role::GcBlack => (0x1f2328ff, 0x000000ff),
            Role::GcBlackBorder => (0x1f2328ff, 0xb0b6bfff),
            Role::OnBlack => (0xffffffff, 0xe8e6e3ff),
            // Dark: a slate far from the grey of "to scan" (free slots read as
            // objects waiting when it was a grey too).
            Role::SpanFill => (0xf3f1ecff, 0x566273ff),
            // Okabe–Ito bluish green for the scan, orange for the goal. The
            // scan's path crosses white and scanned (near-black) cells alike.
            Role::Scan => (0x009e73ff, 0x33c79aff),
            Role::Goal => (0xb06f00ff, 0xe69f00ff),
            Role::Owner(0) => (0x009e73ff, 0x33c79aff),
            Role::Owner(1) => (0xd55e00ff, 0xff8a3dff),
            Role::Owner(_) => (0x0072b2ff, 0x6cc3ffff),
        };
        Rgba(if self.dark { dark } else { light })
    }
}

#[cfg(test)]
mod tests {
    // Tests run with std; the crate itself is no_std.
    extern crate std;
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: Rgba) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Rgba, b: Rgba) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Text reads at 4.5:1 and marks at 3:1 against what they sit on, in
    /// both themes; black objects stay visible on a dark panel.
    #[test]
    fn colours_keep_their_contrast_in_both_themes() {
        let text = [
            (Role::Text, Role::Panel),
            (Role::Muted, Role::Panel),
            (Role::Text, Role::Stack),
            (Role::Text, Role::Heap),
            (Role::OnBlack, Role::GcBlack),
            (Role::OnWhite, Role::GcWhite),
            (Role::OnWhite, Role::GcGrey),
            (Role::Text, Role::SpanFill),
            (Role::Pointer, Role::Value),
            (Role::Danger, Role::Value),
        ];
        let marks = [
            (Role::Pointer, Role::Panel),
            (Role::Focus, Role::Panel),
            (Role::Danger, Role::Panel),
            (Role::Scan, Role::Panel),
            (Role::Scan, Role::GcBlack),
            (Role::Goal, Role::Panel),
            (Role::GcBlackBorder, Role::Panel),
            (Role::GcBlack, Role::SpanFill),
            (Role::HeapBorder, Role::Panel),
            (Role::StackBorder, Role::Panel),
        ];
        for p in [Palette::LIGHT, Palette::DARK] {
            for (pairs, least) in [(&text[..], 4.5), (&marks[..], 3.0)] {
                for &(fg, bg) in pairs {
                    let c = contrast(p.color(fg), p.color(bg));
                    assert!(c >= least, "{fg:?} on {bg:?} (dark: {}): {c:.2}", p.dark);
                }
            }
        }
    }
}
