//! Finding what a name or an address refers to.
//!
//! A [`Place`] names storage the way source code does (`q.X`, `*p`); a
//! [`Loc`] is where that storage is in the machine: a stack slot or a heap
//! object, plus a field path inside it. A pointer is only an address, so
//! following one means asking "what lives at this address?" — exactly what
//! a dangling pointer gets wrong.

use crate::addr::Addr;
use crate::error::SimError;
use crate::machine::Machine;
use crate::op::Place;
use crate::value::Value;
use alloc::string::ToString;
use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Slot {
        stack: usize,
        frame: usize,
        slot: usize,
    },
    Object(usize),
    /// A chunk of the C heap, freed or not.
    Chunk(usize),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub target: Target,
    pub path: Vec<usize>,
}

impl Machine {
    fn root_value(&self, t: Target) -> &Value {
        match t {
            Target::Slot { stack, frame, slot } => &self.stacks[stack].frames[frame].slots[slot].value,
            Target::Object(i) => &self.heap.objects[i].value,
            Target::Chunk(i) => &self.c_heap_ref().chunks[i].value,
        }
    }

    fn c_heap_ref(&self) -> &crate::malloc::CHeap {
        let Some(h) = &self.c_heap else { unreachable!("a chunk target implies a C heap") };
        h
    }

    fn root_addr(&self, t: Target) -> Addr {
        match t {
            Target::Slot { stack, frame, slot } => self.stacks[stack].frames[frame].slots[slot].addr,
            Target::Object(i) => self.heap.objects[i].addr,
            Target::Chunk(i) => self.c_heap_ref().chunks[i].payload(),
        }
    }

    pub fn value_at(&self, loc: &Loc) -> Option<&Value> {
        self.root_value(loc.target).at(&loc.path)
    }

    pub(crate) fn value_at_mut(&mut self, loc: &Loc) -> Option<&mut Value> {
        let root = match loc.target {
            Target::Slot { stack, frame, slot } => &mut self.stacks[stack].frames[frame].slots[slot].value,
            Target::Object(i) => &mut self.heap.objects[i].value,
            Target::Chunk(i) => &mut self.c_heap.as_mut()?.chunks[i].value,
        };
        root.at_mut(&loc.path)
    }

    pub fn addr_of(&self, loc: &Loc) -> Addr {
        let offset = self.root_value(loc.target).offset_of(&loc.path).unwrap_or(0);
        self.root_addr(loc.target).offset(offset)
    }

    /// What lives at `addr`: a stack slot or a heap object, and the field
    /// that starts there.
    pub fn locate(&self, addr: Addr) -> Result<Loc, SimError> {
        let dangling = SimError::DanglingAddress { addr: addr.0 };
        for (si, stack) in self.stacks.iter().enumerate() {
            for (fi, frame) in stack.frames.iter().enumerate() {
                for (li, slot) in frame.slots.iter().enumerate() {
                    if addr >= slot.addr && addr.0 < slot.addr.0 + slot.size() {
                        let path = slot.value.path_at(addr.0 - slot.addr.0).ok_or(dangling.clone())?;
                        return Ok(Loc { target: Target::Slot { stack: si, frame: fi, slot: li }, path });
                    }
                }
            }
        }
        if let Some(ci) = self.c_heap.as_ref().and_then(|h| h.chunk_at(addr)) {
            let c = &self.c_heap_ref().chunks[ci];
            let path = c.value.path_at(addr.0 - c.payload().0).ok_or(dangling)?;
            return Ok(Loc { target: Target::Chunk(ci), path });
        }
        let oi = self.heap.object_at(addr).ok_or(dangling.clone())?;
        let obj = &self.heap.objects[oi];
        let path = obj.value.path_at(addr.0 - obj.addr.0).ok_or(dangling)?;
        Ok(Loc { target: Target::Object(oi), path })
    }

    /// Where `place` is, following pointers as Go does.
    /// The address a location's bytes are stored at (stack slots and heap
    /// objects; a C chunk's storage is not tracked).
    pub(crate) fn storage(&self, loc: &Loc) -> Option<u64> {
        let (base, root) = match loc.target {
            Target::Slot { stack, frame, slot } => {
                let s = &self.stacks[stack].frames[frame].slots[slot];
                (s.addr.0, &s.value)
            }
            Target::Object(i) => (self.heap.objects[i].addr.0, &self.heap.objects[i].value),
            Target::Chunk(_) => return None,
        };
        Some(base + root.offset_of(&loc.path)?)
    }

    pub fn resolve(&self, place: &Place) -> Result<Loc, SimError> {
        match place {
            Place::Var(name) => {
                let stack = self.current_stack()?;
                let frame = self.stacks[stack].frames.len().checked_sub(1).ok_or(SimError::NoFrame)?;
                let slot = self.stacks[stack].frames[frame].slot(name).ok_or_else(|| SimError::NoSuchVariable(name.clone()))?;
                Ok(Loc { target: Target::Slot { stack, frame, slot }, path: Vec::new() })
            }
            Place::Deref(inner) => self.follow(inner),
            Place::Member { base, offset, .. } => {
                let loc = self.resolve(base)?;
                match self.value_at(&loc) {
                    Some(Value::Ptr(a)) => {
                        // A member is a scalar: descend to the innermost
                        // field that starts at that address.
                        let mut loc = self.locate(a.offset(*offset))?;
                        while let Some(Value::Struct(fields)) = self.value_at(&loc) {
                            if fields.is_empty() {
                                break;
                            }
                            loc.path.push(0);
                        }
                        Ok(loc)
                    }
                    Some(Value::Nil) => Err(SimError::NilDereference),
                    _ => Err(SimError::NotAPointer(base.to_string())),
                }
            }
            Place::Field(base, name) => {
                let mut loc = self.resolve(base)?;
                if let Some(Value::Ptr(_) | Value::Nil) = self.value_at(&loc) {
                    loc = self.follow(base)?;
                }
                let value = self.value_at(&loc).ok_or_else(|| SimError::NoSuchField(name.clone()))?;
                let i = value.field_index(name).ok_or_else(|| SimError::NoSuchField(name.clone()))?;
                loc.path.push(i);
                Ok(loc)
            }
        }
    }

    fn follow(&self, pointer: &Place) -> Result<Loc, SimError> {
        let loc = self.resolve(pointer)?;
        match self.value_at(&loc) {
            Some(Value::Ptr(a)) => self.locate(*a),
            Some(Value::Nil) => Err(SimError::NilDereference),
            _ => Err(SimError::NotAPointer(pointer.to_string())),
        }
    }
}
