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
    /// Text on a black object.
    OnBlack,
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
            // Okabe–Ito sky blue and bluish green, softened for fills.
            Role::Stack => (0xe3f1fbff, 0x17344aff),
            Role::StackBorder => (0x56b4e9ff, 0x56b4e9ff),
            Role::Heap => (0xfdf0dcff, 0x4a3312ff),
            Role::HeapBorder => (0xe69f00ff, 0xe69f00ff),
            Role::Value => (0xffffffff, 0x11141aff),
            // Okabe–Ito blue for pointers.
            Role::Pointer => (0x0072b2ff, 0x6cc3ffff),
            // Okabe–Ito reddish purple for focus, vermillion for danger.
            Role::Focus => (0xcc79a7ff, 0xe89bc6ff),
            Role::FocusFill => (0xf7dcebff, 0x5a2a47ff),
            Role::Danger => (0xd55e00ff, 0xff8a3dff),
            Role::GcWhite => (0xffffffff, 0xd8d6d0ff),
            Role::OnWhite => (0x1f2328ff, 0x1f2328ff),
            Role::GcGrey => (0xb8b8b8ff, 0x7a7a7aff),
            Role::GcBlack => (0x1f2328ff, 0x000000ff),
            Role::OnBlack => (0xffffffff, 0xe8e6e3ff),
            Role::Owner(0) => (0x009e73ff, 0x33c79aff),
            Role::Owner(1) => (0xd55e00ff, 0xff8a3dff),
            Role::Owner(_) => (0x0072b2ff, 0x6cc3ffff),
        };
        Rgba(if self.dark { dark } else { light })
    }
}
