//! What a chapter's picture needs room for, over all its steps.
//!
//! Laying out each state on its own would make panels jump as they appear;
//! the stage reserves every panel the chapter will ever use from step one.

use memsim::Machine;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    pub memory: bool,
    pub registers: bool,
    pub stack: bool,
    pub heap: bool,
    pub c_heap: bool,
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
        }
        s
    }
}
