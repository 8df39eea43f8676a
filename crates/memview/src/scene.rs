//! A laid-out picture: keyed boxes with text, and pointer edges.

use crate::geom::{Point, Rect};
use crate::palette::Role;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::Id;

/// A node's identity across states. Derived from the model's own
/// identities (slot ids, object ids, addresses), never from positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// A titled panel, by name: "memory", "stack", "heap", "pacer", …
    Panel(&'static str),
    /// A fixed part of a picture (an axis, a tick, a note), by name and
    /// index among parts of that name.
    Part(&'static str, u32),
    /// A raw memory byte, by address.
    Cell(u64),
    /// The address label at the start of a memory row.
    RowLabel(u64),
    /// The n-th ownership claim on raw memory.
    Claim(u32),
    Register(u32),
    Frame(Id),
    Slot(Id),
    /// The value box inside a slot row; pointer arrows start here.
    Value(Id),
    Object(Id),
    /// A field of a heap object, by index; its pointer's arrow starts here.
    Field(Id, u8),
    /// A chunk of the C heap.
    Chunk(Id),
    /// The C heap's memory-use gauge.
    Gauge,
    /// The notice drawn over everything when the process is killed.
    Killed,
    /// A readout (label and number) above a chart or heap map.
    Stat(u8),
    /// A marking period shaded on the pacer chart, by cycle.
    Band(u32),
    /// A span drawn as a row of object slots, by index in the heap.
    Span(u32),
}

/// Text placed relative to its node's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub dx: f32,
    pub dy: f32,
    pub size: f32,
    pub role: Role,
    pub content: String,
    pub align: crate::draw_list::TextAlign,
    pub bold: bool,
    pub alpha: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub key: Key,
    pub rect: Rect,
    pub fill: Option<Role>,
    pub stroke: Option<Role>,
    pub radius: f32,
    pub texts: Vec<Text>,
    pub alpha: f32,
    /// Drawn with a focus halo.
    pub focus: bool,
    /// Drawn as a conflict (thicker danger outline).
    pub danger: bool,
    /// Where a new node's content came from (a copied value): when that node
    /// is on screen, the new one flies out of it instead of fading in.
    pub origin: Option<Key>,
}

/// A pointer: from a value box to what lives at the address it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: Key,
    pub to: Key,
    pub alpha: f32,
    pub focus: bool,
    /// A pointer to memory its holder no longer owns (freed, or reused
    /// for a different type): drawn as a danger.
    pub danger: bool,
    /// Mid-animation, a pointer that changed target: its old target and
    /// how far the head has swung from it to `to` (0–1).
    pub swing: Option<(Key, f32)>,
}

/// A polyline: a chart's series, or the path a scanner took.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: u16,
    pub points: Vec<Point>,
    pub role: Role,
    pub width: f32,
    pub dashed: bool,
    pub alpha: f32,
    /// The points outline a shape to fill, not a path to stroke: a dense
    /// series drawn as its envelope (see `layout_pacer::series`).
    pub filled: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Drawn over the nodes, under the pointer arrows.
    pub lines: Vec<Line>,
}

impl Scene {
    /// The titles of its panels, in drawing order: what the picture is of,
    /// in a few words (its accessible name).
    pub fn titles(&self) -> Vec<&str> {
        self.nodes
            .iter()
            .filter(|n| matches!(n.key, Key::Panel(_)))
            .filter_map(|n| n.texts.first())
            .map(|t| t.content.as_str())
            .filter(|t| !t.is_empty())
            .collect()
    }
}

impl Node {
    pub fn new(key: Key, rect: Rect) -> Node {
        Node { key, rect, fill: None, stroke: None, radius: 0.0, texts: Vec::new(), alpha: 1.0, focus: false, danger: false, origin: None }
    }

    pub fn fill(mut self, role: Role) -> Node {
        self.fill = Some(role);
        self
    }

    pub fn stroke(mut self, role: Role) -> Node {
        self.stroke = Some(role);
        self
    }

    pub fn origin(mut self, key: Option<Key>) -> Node {
        self.origin = key;
        self
    }

    pub fn radius(mut self, r: f32) -> Node {
        self.radius = r;
        self
    }

    #[allow(clippy::too_many_arguments)] // one call reads like one label: position, size, role, text, alignment, weight
    pub fn text(mut self, dx: f32, dy: f32, size: f32, role: Role, content: impl Into<String>, align: crate::draw_list::TextAlign, bold: bool) -> Node {
        self.texts.push(Text { dx, dy, size, role, content: content.into(), align, bold, alpha: 1.0 });
        self
    }
}

impl Scene {
    pub fn new(width: f32, height: f32) -> Scene {
        Scene { width, height, ..Scene::default() }
    }

    pub fn node(&self, key: Key) -> Option<&Node> {
        self.nodes.iter().find(|n| n.key == key)
    }
}
