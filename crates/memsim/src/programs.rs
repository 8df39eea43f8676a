//! Random programs for checking the collector: a goroutine with three
//! pointer variables builds, rewires and drops a graph of two-pointer nodes,
//! while the collector marks concurrently. Shared by the property tests and
//! the fuzz script, so both exercise the same machine the same way.
//!
//! The invariants a cycle must keep (see [`check_heap`] and [`cycle`]):
//!    - allocations never overlap, and span accounting adds up;
//!    - with the hybrid barrier, everything reachable is black when marking
//!      ends (Go's checkmark idea), so sweeping frees nothing reachable.

use crate::{Color, Expr, Machine, Op, Place, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

pub const VARS: [&str; 3] = ["r0", "r1", "r2"];
pub const FIELDS: [&str; 2] = ["a", "b"];

/// One thing the program does (variables and fields by index).
#[derive(Clone, Debug)]
pub enum Action {
    /// `rV = &Node{}`
    New(usize),
    /// `rV.F = rW`
    Link(usize, usize, usize),
    /// `rV.F = nil`
    Unlink(usize, usize),
    /// `rV = rW.F`
    Load(usize, usize, usize),
    /// `rV = nil`
    Clear(usize),
    /// The collector scans `n` grey objects.
    Mark(u32),
}

impl Action {
    /// The action numbered `kind` (mod 6) with arguments drawn from `pick`
    /// (`pick(n)` returns a number below `n`).
    pub fn draw(kind: u64, pick: &mut dyn FnMut(u64) -> u64) -> Action {
        let mut p = |n| pick(n) as usize;
        match kind % 6 {
            0 => Action::New(p(3)),
            1 => Action::Link(p(3), p(2), p(3)),
            2 => Action::Load(p(3), p(3), p(2)),
            3 => Action::Unlink(p(3), p(2)),
            4 => Action::Clear(p(3)),
            _ => Action::Mark(1 + pick(2) as u32),
        }
    }
}

fn var_value(m: &Machine, v: usize) -> Value {
    m.frames().last().and_then(|f| f.slot(VARS[v]).map(|i| f.slots[i].value.clone())).unwrap_or(Value::Nil)
}

fn node() -> Expr {
    Expr::Struct(vec![(String::from("a"), Expr::Nil), (String::from("b"), Expr::Nil)])
}

/// The op for an action, or None where it would dereference nil (or mark
/// outside a cycle).
pub fn op(m: &Machine, a: &Action, marking: bool) -> Option<Op> {
    let is_ptr = |v: usize| matches!(var_value(m, v), Value::Ptr(_));
    Some(match *a {
        Action::New(v) => Op::Assign { place: Place::var(VARS[v]), value: Expr::New { ty: "Node".into(), value: Box::new(node()) } },
        Action::Link(v, f, w) if is_ptr(v) => Op::Assign { place: Place::var(VARS[v]).field(FIELDS[f]), value: Expr::var(VARS[w]) },
        Action::Unlink(v, f) if is_ptr(v) => Op::Assign { place: Place::var(VARS[v]).field(FIELDS[f]), value: Expr::Nil },
        Action::Load(v, w, f) if is_ptr(w) => Op::Assign { place: Place::var(VARS[v]), value: Expr::Load(Place::var(VARS[w]).field(FIELDS[f])) },
        Action::Clear(v) => Op::Assign { place: Place::var(VARS[v]), value: Expr::Nil },
        Action::Mark(n) if marking => Op::GcMarkStep { n },
        _ => return None,
    })
}

/// A goroutine in `main` with three nil `*Node` variables.
pub fn start() -> Machine {
    let mut m = Machine::new();
    let setup = [Op::Spawn { goroutine: 1, hi: 0xc000048000, size: 2048 }, Op::Call { func: "main".into(), args: vec![] }];
    for op in setup.iter().cloned().chain(VARS.iter().map(|v| Op::Declare { name: (*v).into(), ty: "*Node".into(), value: Expr::Nil })) {
        m.apply(&op).expect("the starting program is valid");
    }
    m
}

/// Applies each action that makes sense, checking the heap after each.
pub fn run(m: &mut Machine, actions: &[Action], marking: bool) -> Result<(), String> {
    for a in actions {
        if let Some(op) = op(m, a, marking) {
            m.apply(&op).map_err(|e| format!("{a:?}: {e}"))?;
            check_heap(m)?;
        }
    }
    Ok(())
}

/// Allocations never overlap, and each span's allocation bits count its objects.
pub fn check_heap(m: &Machine) -> Result<(), String> {
    let mut objs: Vec<(u64, u64)> = m.heap.objects.iter().map(|o| (o.addr.0, o.addr.0 + o.size)).collect();
    objs.sort_unstable();
    if let Some(w) = objs.windows(2).find(|w| w[0].1 > w[1].0) {
        return Err(format!("objects overlap: {:#x}..{:#x} and {:#x}..{:#x}", w[0].0, w[0].1, w[1].0, w[1].1));
    }
    for s in &m.heap.spans {
        let end = s.base.0 + s.pages * 8192;
        let inside = m.heap.objects.iter().filter(|o| o.addr >= s.base && o.addr.0 < end).count();
        let bits = s.alloc_bits.iter().filter(|b| **b).count();
        if bits != inside || inside as u64 > s.nelems {
            return Err(format!("span at {}: {bits} allocation bits, {inside} objects, {} slots", s.base, s.nelems));
        }
    }
    Ok(())
}

/// Runs `setup`, then a collection cycle with `during` interleaved with
/// marking. Returns how many reachable objects are still white when
/// marking ends (lost, were the heap swept now), and the machine.
pub fn cycle(setup: &[Action], during: &[Action], barrier: bool) -> Result<(usize, Machine), String> {
    let mut m = start();
    run(&mut m, setup, false)?;
    for op in [Op::GcStart { barrier }, Op::GcScanStack { goroutine: 1 }] {
        m.apply(&op).map_err(|e| format!("{op:?}: {e}"))?;
    }
    run(&mut m, during, true)?;
    m.apply(&Op::GcFinishMark).map_err(|e| format!("finish: {e}"))?;
    let lost = m.reachable().iter().filter(|a| m.heap.objects.iter().any(|o| o.addr == **a && o.color == Color::White)).count();
    Ok((lost, m))
}

/// r0 → A, whose fields point to B and C, reachable only through A: a
/// graph with objects the stack scan does not see directly.
pub fn graph() -> Vec<Action> {
    vec![Action::New(0), Action::New(1), Action::Link(0, 0, 1), Action::New(1), Action::Link(0, 1, 1), Action::Clear(1)]
}

/// The whole check on one program: with the barrier nothing reachable is
/// lost or swept, the heap stays sound, and every object is white again
/// after the sweep.
pub fn check_program(setup: &[Action], during: &[Action]) -> Result<(), String> {
    let (lost, mut m) = cycle(setup, during, true)?;
    if lost > 0 {
        return Err(format!("checkmark: {lost} reachable object(s) stayed white"));
    }
    let reachable = m.reachable();
    m.apply(&Op::GcSweep).map_err(|e| format!("sweep: {e}"))?;
    check_heap(&m)?;
    if let Some(a) = reachable.iter().find(|a| m.heap.object_at(**a).is_none()) {
        return Err(format!("swept a reachable object at {a}"));
    }
    if m.heap.objects.iter().any(|o| o.color != Color::White) {
        return Err(String::from("an object kept its colour after the sweep"));
    }
    Ok(())
}
