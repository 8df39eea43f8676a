//! Values held by stack slots and heap objects.
//!
//! Sizes follow Go on 64-bit targets: an int and a pointer are 8 bytes, a
//! slice header (pointer, len, cap) is 24, a struct is its fields in order
//! (every field here is word-sized, so there is no padding).

use crate::addr::Addr;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    Int(i64),
    Ptr(Addr),
    Nil,
    Struct(Vec<Field>),
    /// A slice header; its backing array lives at `ptr`.
    Slice {
        ptr: Addr,
        len: u64,
        cap: u64,
    },
    /// `n` bytes of zeroed data (a backing array shown as one block).
    Bytes(u64),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub value: Value,
}

impl Value {
    pub fn size(&self) -> u64 {
        match self {
            Value::Int(_) | Value::Ptr(_) | Value::Nil => 8,
            Value::Struct(fields) => fields.iter().map(|f| f.value.size()).sum(),
            Value::Slice { .. } => 24,
            Value::Bytes(n) => *n,
        }
    }

    /// Whether the garbage collector must scan this value for pointers
    /// (Go's "noscan" objects are those without).
    pub fn has_pointers(&self) -> bool {
        match self {
            Value::Ptr(_) | Value::Nil | Value::Slice { .. } => true,
            Value::Struct(fields) => fields.iter().any(|f| f.value.has_pointers()),
            Value::Int(_) | Value::Bytes(_) => false,
        }
    }

    /// The addresses this value points at, in field order.
    pub fn pointers(&self, out: &mut Vec<Addr>) {
        match self {
            Value::Ptr(a) => out.push(*a),
            Value::Slice { ptr, .. } => out.push(*ptr),
            Value::Struct(fields) => fields.iter().for_each(|f| f.value.pointers(out)),
            Value::Int(_) | Value::Nil | Value::Bytes(_) => {}
        }
    }

    /// Each pointer this value holds with the address it is stored at,
    /// for a value stored at `base`.
    pub fn pointers_at(&self, base: u64, out: &mut Vec<(u64, Addr)>) {
        match self {
            Value::Ptr(a) => out.push((base, *a)),
            Value::Slice { ptr, .. } => out.push((base, *ptr)),
            Value::Struct(fields) => {
                let mut at = base;
                for f in fields {
                    f.value.pointers_at(at, out);
                    at += f.value.size();
                }
            }
            Value::Int(_) | Value::Nil | Value::Bytes(_) => {}
        }
    }

    pub fn field_mut(&mut self, name: &str) -> Option<&mut Value> {
        match self {
            Value::Struct(fields) => fields.iter_mut().find(|f| f.name == name).map(|f| &mut f.value),
            _ => None,
        }
    }

    pub fn field_index(&self, name: &str) -> Option<usize> {
        match self {
            Value::Struct(fields) => fields.iter().position(|f| f.name == name),
            _ => None,
        }
    }

    /// The byte offset of the field reached by `path` (field indices).
    pub fn offset_of(&self, path: &[usize]) -> Option<u64> {
        let Some((&first, rest)) = path.split_first() else { return Some(0) };
        let Value::Struct(fields) = self else { return None };
        let before: u64 = fields.get(..first)?.iter().map(|f| f.value.size()).sum();
        Some(before + fields.get(first)?.value.offset_of(rest)?)
    }

    /// The field path that starts exactly at byte `offset`, outermost first.
    /// Offset 0 is the whole value (an empty path).
    pub fn path_at(&self, offset: u64) -> Option<Vec<usize>> {
        if offset == 0 {
            return Some(Vec::new());
        }
        let Value::Struct(fields) = self else { return None };
        let mut start = 0;
        for (i, f) in fields.iter().enumerate() {
            let size = f.value.size();
            if offset < start + size {
                let mut path = alloc::vec![i];
                path.extend(f.value.path_at(offset - start)?);
                return Some(path);
            }
            start += size;
        }
        None
    }

    pub fn at(&self, path: &[usize]) -> Option<&Value> {
        let Some((&first, rest)) = path.split_first() else { return Some(self) };
        match self {
            Value::Struct(fields) => fields.get(first)?.value.at(rest),
            _ => None,
        }
    }

    pub fn at_mut(&mut self, path: &[usize]) -> Option<&mut Value> {
        let Some((&first, rest)) = path.split_first() else { return Some(self) };
        match self {
            Value::Struct(fields) => fields.get_mut(first)?.value.at_mut(rest),
            _ => None,
        }
    }
}
