//! Every state of a script, computed once.
//!
//! A chapter is a list of steps, each a short list of ops. `build` applies
//! them in order and keeps the state after each step, so `state(n)` is a
//! lookup: seeking is as cheap as stepping. Tests check that it equals a
//! fresh replay of steps 0..=n, bit for bit.

use crate::error::SimError;
use crate::machine::Machine;
use crate::op::Op;
use alloc::rc::Rc;
use alloc::vec::Vec;

#[derive(Clone, Debug)]
pub struct Timeline {
    /// A step that runs no op shares the state before it, and the last
    /// state is kept, not copied: the C heap chapter's OOM step leaves
    /// 16,000 chunks, and its closing step, which runs nothing, had copied
    /// them twice more.
    states: Vec<Rc<Machine>>,
}

impl Timeline {
    /// Runs `steps` from an empty machine. On failure, reports the step
    /// index and the error.
    pub fn build<'a>(steps: impl IntoIterator<Item = &'a [Op]>) -> Result<Timeline, (usize, SimError)> {
        let steps: Vec<&[Op]> = steps.into_iter().collect();
        // After the last step that runs an op, the machine never changes.
        let settled = steps.iter().rposition(|ops| !ops.is_empty()).unwrap_or(0);
        let mut machine = Machine::new();
        let mut states: Vec<Rc<Machine>> = Vec::with_capacity(steps.len());
        for (i, ops) in steps.iter().enumerate() {
            for op in *ops {
                machine.apply(op).map_err(|e| (i, e))?;
            }
            let state = match states.last() {
                Some(before) if ops.is_empty() => before.clone(),
                _ if i == settled => Rc::new(core::mem::take(&mut machine)),
                _ => Rc::new(machine.clone()),
            };
            states.push(state);
        }
        Ok(Timeline { states })
    }

    /// Applies steps 0..=n to a fresh machine, without keeping anything.
    pub fn replay<'a>(steps: impl IntoIterator<Item = &'a [Op]>, n: usize) -> Result<Machine, (usize, SimError)> {
        let mut machine = Machine::new();
        for (i, ops) in steps.into_iter().enumerate().take(n + 1) {
            for op in ops {
                machine.apply(op).map_err(|e| (i, e))?;
            }
        }
        Ok(machine)
    }

    pub fn len(&self) -> usize {
        self.states.len()
    }

    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    pub fn state(&self, step: usize) -> Option<&Machine> {
        self.states.get(step).map(|m| &**m)
    }

    /// Every step's state, in order.
    pub fn states(&self) -> impl DoubleEndedIterator<Item = &Machine> + ExactSizeIterator + Clone {
        self.states.iter().map(|m| &**m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_that_runs_nothing_shares_the_state_before_it() {
        let map = [Op::MapMemory { base: 0x1000, len: 16 }];
        let store = |value| [Op::Store { addr: 0x1000, width: 8, value }];
        let (s1, s3) = (store(1), store(3));
        let tl = Timeline::build([&[][..], &map[..], &s1[..], &[][..], &s3[..], &[][..], &[][..]]).expect("builds");
        assert_eq!(tl.len(), 7);
        let at = |n| tl.state(n).expect("a state");
        assert!(core::ptr::eq(at(2), at(3)) && core::ptr::eq(at(4), at(5)) && core::ptr::eq(at(5), at(6)));
        assert!(!core::ptr::eq(at(1), at(2)) && !core::ptr::eq(at(3), at(4)));
        for n in 0..7 {
            let replayed = Timeline::replay([&[][..], &map[..], &s1[..], &[][..], &s3[..], &[][..], &[][..]], n).expect("replays");
            assert_eq!(at(n), &replayed, "step {n} as a replay leaves it");
        }
        let byte = |n: usize| at(n).memory.as_ref().map(|m| m.load(0x1000, 8).ok());
        assert_eq!((byte(0), byte(1), byte(3), byte(6)), (None, Some(Some(0)), Some(Some(1)), Some(Some(3))));
    }
}
