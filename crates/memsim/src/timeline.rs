//! Every state of a script, computed once.
//!
//! A chapter is a list of steps, each a short list of ops. `build` applies
//! them in order and keeps the state after each step, so `state(n)` is a
//! lookup: seeking is as cheap as stepping. Tests check that it equals a
//! fresh replay of steps 0..=n, bit for bit.

use crate::error::SimError;
use crate::machine::Machine;
use crate::op::Op;
use alloc::vec::Vec;

#[derive(Clone, Debug)]
pub struct Timeline {
    states: Vec<Machine>,
}

impl Timeline {
    /// Runs `steps` from an empty machine. On failure, reports the step
    /// index and the error.
    pub fn build<'a>(steps: impl IntoIterator<Item = &'a [Op]>) -> Result<Timeline, (usize, SimError)> {
        let mut machine = Machine::new();
        let mut states = Vec::new();
        for (i, ops) in steps.into_iter().enumerate() {
            for op in ops {
                machine.apply(op).map_err(|e| (i, e))?;
            }
            states.push(machine.clone());
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
        self.states.get(step)
    }

    pub fn states(&self) -> &[Machine] {
        &self.states
    }
}
