//! What a chapter's picture needs room for, over all its steps.
//!
//! Laying out each state on its own would make panels jump as they appear
//! and objects slide when others are freed; the stage reserves every panel
//! the chapter will ever use, and a fixed place and size for every heap
//! address it will ever hold an object at, from step one. Go's heap never
//! moves an object, and neither does the picture.

use alloc::vec::Vec;
use memsim::{Id, Machine, Value};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    pub memory: bool,
    pub registers: bool,
    pub stack: bool,
    pub heap: bool,
    pub c_heap: bool,
    /// Every heap address that ever holds an object, in address order,
    /// with the most field rows any object there has.
    pub heap_slots: Vec<(u64, usize)>,
    /// Heap objects in order of first appearance: object `labels[i]` is
    /// drawn as `n{i+1}`, the name captions use.
    pub labels: Vec<Id>,
    /// The deepest the stacks get: most frames, and most slots, at once.
    pub frames: usize,
    pub slots: usize,
    /// The most programs' claims that ever share one row of raw memory.
    pub shared_claims: usize,
}

impl Stage {
    pub fn of<'a>(states: impl IntoIterator<Item = &'a Machine>) -> Stage {
        let mut s = Stage::default();
        for m in states {
            s.memory |= m.memory.is_some();
            s.registers |= m.memory.as_ref().is_some_and(|mem| !mem.registers.is_empty());
            s.stack |= !m.stacks.is_empty();
            s.heap |= !m.heap.objects.is_empty();
            s.c_heap |= m.c_heap.is_some();
            s.frames = s.frames.max(m.frames().count());
            s.slots = s.slots.max(m.frames().map(|f| f.slots.len()).sum());
            if let Some(mem) = &m.memory {
                use crate::layout_memory::{row_claims, ROW};
                for row in 0..(mem.bytes.len() as u64).div_ceil(ROW) {
                    s.shared_claims = s.shared_claims.max(row_claims(mem, mem.base + row * ROW).count());
                }
            }
            for o in &m.heap.objects {
                let rows = field_rows(&o.value);
                match s.heap_slots.binary_search_by_key(&o.addr.0, |&(a, _)| a) {
                    Ok(i) => s.heap_slots[i].1 = s.heap_slots[i].1.max(rows),
                    Err(i) => s.heap_slots.insert(i, (o.addr.0, rows)),
                }
                if !s.labels.contains(&o.id) {
                    s.labels.push(o.id);
                }
            }
        }
        s
    }

    /// The stable name of a heap object: `n1`, `n2`, … by first appearance.
    pub fn label(&self, id: Id) -> Option<usize> {
        self.labels.iter().position(|&l| l == id).map(|i| i + 1)
    }
}

/// Rows an object's box lists: one per field, or one for a plain value.
pub(crate) fn field_rows(v: &Value) -> usize {
    match v {
        Value::Struct(fields) => fields.len().max(1),
        _ => 1,
    }
}
