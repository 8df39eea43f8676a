//! Finding a scene's nodes by key, for the tween between two scenes.
//!
//! A sorted index of key hashes, searched by bisection. A `BTreeMap` did
//! the same job but was rebuilt every animation frame (10,000 heap objects
//! make 10,000 tree inserts a frame), and its tree and sorting code cost
//! several KB of wasm; this shares one integer sort with the rest of the
//! program.

use crate::scene::{Key, Node};
use alloc::vec::Vec;
use core::hash::{Hash, Hasher};

pub struct ByKey<'a> {
    nodes: &'a [Node],
    /// (hash of the node's key, index into `nodes`), in order.
    index: Vec<(u64, usize)>,
}

impl<'a> ByKey<'a> {
    pub fn new(nodes: &'a [Node]) -> ByKey<'a> {
        let mut index: Vec<(u64, usize)> = nodes.iter().enumerate().map(|(i, n)| (hash(&n.key), i)).collect();
        index.sort_unstable();
        ByKey { nodes, index }
    }

    /// The node with key `k`; the last one, if a scene repeats a key.
    pub fn get(&self, k: &Key) -> Option<&'a Node> {
        let h = hash(k);
        let from = self.index.partition_point(|e| e.0 < h);
        let nodes = self.nodes;
        self.index[from..].iter().take_while(|e| e.0 == h).map(|e| &nodes[e.1]).filter(|n| n.key == *k).last()
    }

    pub fn contains(&self, k: &Key) -> bool {
        self.get(k).is_some()
    }
}

/// FNV-1a: keys are a few bytes each, and a collision costs only a
/// comparison (`get` checks the key itself).
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn hash(k: &Key) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    k.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rect;

    #[test]
    fn finds_every_node_and_nothing_else() {
        let keys: Vec<Key> = (0..500u32)
            .flat_map(|i| [Key::Claim(i), Key::Register(i), Key::Part("tick", i), Key::Part("axis", i), Key::Cell(u64::from(i) << 32)])
            .chain([Key::Gauge, Key::Killed, Key::Panel("heap"), Key::Panel("stack")])
            .collect();
        let nodes: Vec<Node> = keys.iter().map(|&k| Node::new(k, Rect::new(0.0, 0.0, 1.0, 1.0))).collect();
        let by = ByKey::new(&nodes);
        for k in &keys {
            assert_eq!(by.get(k).map(|n| n.key), Some(*k));
        }
        for k in [Key::Claim(500), Key::Part("tick", 500), Key::Panel("memory"), Key::Cell(7)] {
            assert!(!by.contains(&k), "{k:?}");
        }
    }

    #[test]
    fn a_repeated_key_finds_the_last() {
        let mut nodes = alloc::vec![Node::new(Key::Gauge, Rect::new(0.0, 0.0, 1.0, 1.0)), Node::new(Key::Gauge, Rect::new(5.0, 0.0, 1.0, 1.0))];
        nodes.push(Node::new(Key::Killed, Rect::new(0.0, 0.0, 1.0, 1.0)));
        assert_eq!(ByKey::new(&nodes).get(&Key::Gauge).map(|n| n.rect.x), Some(5.0));
    }
}
