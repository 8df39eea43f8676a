//! The machine: raw memory, goroutine stacks, the heap and program output.

use crate::addr::{Addr, Id};
use crate::error::SimError;
use crate::gc::{Gc, GcPhase};
use crate::heap::{Color, Heap};
use crate::malloc::CHeap;
use crate::memory::{Claim, Memory};
use crate::op::{Expr, Op};
use crate::stack::{Frame, Slot, SlotKind, Stack};
use crate::value::{Field, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Where the heap starts. On linux/amd64 Go's arenas began at 0xc000000000
/// until Go 1.26 randomized the heap base; the addresses shown are
/// illustrative, the distances between them are real.
pub const HEAP_BASE: u64 = 0xc000010000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Machine {
    pub memory: Option<Memory>,
    pub stacks: Vec<Stack>,
    pub heap: Heap,
    /// Lines the program printed.
    pub stdout: Vec<String>,
    /// C's heap, for C programs.
    pub c_heap: Option<CHeap>,
    /// Why the process was ended, once it has been; nothing runs after.
    pub killed: Option<String>,
    /// The garbage collector's state.
    pub gc: Gc,
    next_id: u32,
}

impl Default for Machine {
    fn default() -> Self {
        Machine::new()
    }
}

impl Machine {
    pub fn new() -> Machine {
        Machine {
            memory: None,
            stacks: Vec::new(),
            heap: Heap::new(Addr(HEAP_BASE)),
            stdout: Vec::new(),
            c_heap: None,
            killed: None,
            gc: Gc::default(),
            next_id: 1,
        }
    }

    fn fresh_id(&mut self) -> Id {
        let id = Id(self.next_id);
        self.next_id += 1;
        id
    }

    /// Allocates `value` on the heap as a new object (no variable refers
    /// to it yet); for building large heaps directly.
    pub fn new_object(&mut self, ty: &str, value: Value) -> Addr {
        let id = self.fresh_id();
        self.heap.alloc(id, ty.to_string(), value)
    }

    pub(crate) fn current_stack(&self) -> Result<usize, SimError> {
        self.stacks.len().checked_sub(1).ok_or(SimError::NoFrame)
    }

    fn memory_mut(&mut self) -> Result<&mut Memory, SimError> {
        self.memory.as_mut().ok_or(SimError::NoMemory)
    }

    /// Applies one operation. On error the machine is left unchanged only
    /// as far as the failing op had not yet written; chapters are checked by
    /// tests never to fail.
    pub fn apply(&mut self, op: &Op) -> Result<(), SimError> {
        if self.killed.is_some() {
            // A killed process runs nothing more.
            return Ok(());
        }
        let result = self.apply_live(op);
        // An op cut short by the OOM killer is abandoned, not an error.
        if self.killed.is_some() {
            return Ok(());
        }
        result
    }

    fn apply_live(&mut self, op: &Op) -> Result<(), SimError> {
        match op {
            Op::MapMemory { base, len } => self.memory = Some(Memory::new(*base, *len as usize)),
            Op::Store { addr, width, value } => self.memory_mut()?.store(*addr, *width, *value)?,
            Op::StoreReg { reg, addr, width } => {
                let m = self.memory_mut()?;
                let v = m.register(reg).ok_or_else(|| SimError::NoSuchVariable(reg.clone()))?;
                m.store(*addr, *width, v)?;
            }
            Op::Load { addr, width, reg } => {
                let m = self.memory_mut()?;
                let v = m.load(*addr, *width)?;
                m.set_register(reg, v, Some(*addr));
            }
            Op::AddReg { src, dst } => {
                let m = self.memory_mut()?;
                let s = m.register(src).ok_or_else(|| SimError::NoSuchVariable(src.clone()))?;
                let d = m.register(dst).ok_or_else(|| SimError::NoSuchVariable(dst.clone()))?;
                m.set_register(dst, d.wrapping_add(s), None);
            }
            Op::Claim { addr, len, owner, name } => self.memory_mut()?.claims.push(Claim { addr: *addr, len: *len, owner: *owner, name: name.clone() }),
            Op::Spawn { goroutine, hi, size } => self.stacks.push(Stack::new(*goroutine, Addr(*hi), *size)),
            Op::Call { func, args } => {
                let mut values = Vec::with_capacity(args.len());
                for (name, ty, e) in args {
                    values.push((name.clone(), ty.clone(), self.eval(e)?, self.copy_source(e)));
                }
                let stack = self.current_stack()?;
                let id = self.fresh_id();
                let top = self.stacks[stack].sp();
                self.stacks[stack].frames.push(Frame { id, func: func.clone(), top, slots: Vec::new() });
                for (name, ty, value, from) in values {
                    self.push_slot(stack, name, ty, SlotKind::Arg, value, from)?;
                }
            }
            Op::Declare { name, ty, value } => {
                let from = self.copy_source(value);
                let value = self.eval(value)?;
                let stack = self.current_stack()?;
                self.push_slot(stack, name.clone(), ty.clone(), SlotKind::Local, value, from)?;
            }
            Op::Assign { place, value } => {
                let value = self.eval(value)?;
                let loc = self.resolve(place)?;
                let mut old = Vec::new();
                let mut new = Vec::new();
                if let Some(v) = self.value_at(&loc) {
                    v.pointers(&mut old);
                }
                value.pointers(&mut new);
                self.write_barrier(loc.target, &old, &new);
                if let Some(at) = self.storage(&loc) {
                    self.overwrite(at, value.size());
                }
                let slot = self.value_at_mut(&loc).ok_or(SimError::NoSuchField(place.to_string()))?;
                *slot = value;
            }
            Op::EndScope { names } => {
                let stack = self.current_stack()?;
                let frame = self.stacks[stack].frames.last_mut().ok_or(SimError::NoFrame)?;
                for name in names {
                    let i = frame.slot(name).ok_or_else(|| SimError::NoSuchVariable(name.clone()))?;
                    frame.slots.remove(i);
                }
            }
            Op::Return { value, bind } => {
                let result = value.as_ref().map(|e| self.eval(e)).transpose()?;
                let from = value.as_ref().and_then(|e| self.copy_source(e));
                let stack = self.current_stack()?;
                if self.stacks[stack].frames.len() < 2 && bind.is_some() {
                    return Err(SimError::NothingToReturnTo);
                }
                self.stacks[stack].frames.pop().ok_or(SimError::NoFrame)?;
                if let (Some((name, ty)), Some(v)) = (bind, result) {
                    self.push_slot(stack, name.clone(), ty.clone(), SlotKind::Local, v, from)?;
                }
            }
            Op::Print(args) => {
                let mut line = String::new();
                for (i, e) in args.iter().enumerate() {
                    if i > 0 {
                        line.push(' ');
                    }
                    line.push_str(&self.eval(e)?.to_go_println());
                }
                self.stdout.push(line);
            }
            Op::Restart => *self = Machine::new(),
            Op::GcStart { barrier } => self.gc_start(*barrier),
            Op::GcScanStack { goroutine } => self.gc_scan_stack(*goroutine),
            Op::GcMarkStep { n } => {
                for _ in 0..*n {
                    if !self.gc_mark_step() {
                        break;
                    }
                }
            }
            Op::GcFinishMark => while self.gc_mark_step() {},
            Op::GcSweep => {
                self.gc_sweep();
            }
            Op::CRuntime { limit } => self.c_heap = Some(CHeap::new(*limit)),
            Op::Free(e) => {
                let Value::Ptr(p) = self.eval(e)? else { return Err(SimError::NotAPointer(expr_text(e))) };
                let heap = self.c_heap.as_mut().ok_or(SimError::NoCRuntime)?;
                if !heap.free(p) {
                    return Err(SimError::BadFree { addr: p.0 });
                }
            }
            Op::Repeat { times, body } => {
                for _ in 0..*times {
                    for op in body {
                        self.apply(op)?;
                    }
                    if self.killed.is_some() {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn push_slot(&mut self, stack: usize, name: String, ty: String, kind: SlotKind, value: Value, copied_from: Option<Id>) -> Result<(), SimError> {
        let id = self.fresh_id();
        let addr = self.stacks[stack].next_slot_addr(value.size());
        let frame = self.stacks[stack].frames.last_mut().ok_or(SimError::NoFrame)?;
        frame.slots.push(Slot { id, name, ty, kind, addr, value, copied_from });
        Ok(())
    }

    /// The slot an expression copies whole, if it is a plain variable.
    fn copy_source(&self, e: &Expr) -> Option<Id> {
        let Expr::Load(p @ crate::op::Place::Var(_)) = e else { return None };
        let loc = self.resolve(p).ok()?;
        match loc.target {
            crate::place::Target::Slot { stack, frame, slot } => Some(self.stacks[stack].frames[frame].slots[slot].id),
            crate::place::Target::Object(_) | crate::place::Target::Chunk(_) => None,
        }
    }

    /// Evaluates an expression in the current frame.
    pub fn eval(&mut self, e: &Expr) -> Result<Value, SimError> {
        Ok(match e {
            Expr::Int(i) => Value::Int(*i),
            Expr::Nil => Value::Nil,
            Expr::Load(p) => {
                let loc = self.resolve(p)?;
                self.value_at(&loc).cloned().ok_or(SimError::NoSuchField(p.to_string()))?
            }
            Expr::AddrOf(p) => {
                let loc = self.resolve(p)?;
                Value::Ptr(self.addr_of(&loc))
            }
            Expr::Add(a, b) => Value::Int(self.int(a)?.wrapping_add(self.int(b)?)),
            Expr::Mul(a, b) => Value::Int(self.int(a)?.wrapping_mul(self.int(b)?)),
            Expr::Struct(fields) => {
                let mut out = Vec::with_capacity(fields.len());
                for (name, e) in fields {
                    out.push(Field { name: name.clone(), value: self.eval(e)? });
                }
                Value::Struct(out)
            }
            Expr::New { ty, value } => {
                let v = self.eval(value)?;
                let id = self.fresh_id();
                let p = self.heap.alloc(id, ty.clone(), v);
                self.allocate_black();
                Value::Ptr(p)
            }
            Expr::MakeBytes { len } => {
                let id = self.fresh_id();
                let ptr = self.heap.alloc(id, format!("[{len}]byte"), Value::Bytes(*len));
                self.allocate_black();
                Value::Slice { ptr, len: *len, cap: *len }
            }
            Expr::Bytes(n) => Value::Bytes(*n),
            Expr::Malloc { ty, value } => {
                let v = self.eval(value)?;
                let id = self.fresh_id();
                let heap = self.c_heap.as_mut().ok_or(SimError::NoCRuntime)?;
                let p = heap.malloc(id, ty, v.size(), v);
                if heap.used() > heap.limit {
                    // Linux overcommits: malloc succeeds, and the kernel's
                    // OOM killer ends the process once it touches the memory.
                    let (used, limit) = (heap.used(), heap.limit);
                    self.killed = Some(format!("Out of memory: the heap reached {used} bytes, over the {limit}-byte limit"));
                    self.stacks.iter_mut().for_each(|s| s.frames.clear());
                }
                Value::Ptr(p)
            }
            Expr::Len(p) => match self.eval(&Expr::Load(p.clone()))? {
                Value::Slice { len, .. } => Value::Int(len as i64),
                _ => return Err(SimError::NotAnInteger),
            },
        })
    }

    /// During marking, new objects are born black: they are live by
    /// definition and need no scan this cycle.
    fn allocate_black(&mut self) {
        if self.gc.phase == GcPhase::Mark {
            if let Some(o) = self.heap.objects.last_mut() {
                o.color = Color::Black;
            }
        }
    }

    fn int(&mut self, e: &Expr) -> Result<i64, SimError> {
        match self.eval(e)? {
            Value::Int(i) => Ok(i),
            _ => Err(SimError::NotAnInteger),
        }
    }

    /// Every frame of every goroutine, outermost first.
    pub fn frames(&self) -> impl Iterator<Item = &Frame> {
        self.stacks.iter().flat_map(|s| s.frames.iter())
    }
}

impl Value {
    /// The text Go's builtin `println` prints for this value.
    pub fn to_go_println(&self) -> String {
        match self {
            Value::Int(i) => i.to_string(),
            Value::Ptr(a) => a.to_string(),
            Value::Nil => "0x0".to_string(),
            Value::Slice { ptr, len, cap } => format!("[{len}/{cap}]{ptr}"),
            Value::Struct(_) | Value::Bytes(_) => "?".to_string(),
        }
    }
}

/// An expression in an error message: the place it reads, if any.
fn expr_text(e: &Expr) -> String {
    match e {
        Expr::Load(p) | Expr::AddrOf(p) => p.to_string(),
        _ => String::from("the value"),
    }
}
