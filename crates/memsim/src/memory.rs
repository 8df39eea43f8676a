//! Raw memory: numbered byte cells and a few CPU registers.
//!
//! This is memory as the hardware sees it, before any language: a key–value
//! store whose keys are addresses and whose values are bytes. Multi-byte
//! integers are stored little-endian, as on amd64 and arm64.

use crate::error::SimError;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Memory {
    pub base: u64,
    pub bytes: Vec<u8>,
    /// Which piece of code believes it owns which bytes. Nothing enforces
    /// these: they live only in the programmers' heads, which is the point.
    pub claims: Vec<Claim>,
    pub registers: Vec<Register>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Claim {
    pub addr: u64,
    pub len: u64,
    /// Which program made the claim (0, 1, …); drawn in its own colour.
    pub owner: u8,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Register {
    pub name: String,
    pub value: i64,
    /// The address the value was last loaded from, if it was a load.
    pub loaded_from: Option<u64>,
}

impl Memory {
    pub fn new(base: u64, len: usize) -> Memory {
        Memory { base, bytes: alloc::vec![0; len], claims: Vec::new(), registers: Vec::new() }
    }

    fn index(&self, addr: u64, width: u8) -> Result<usize, SimError> {
        let start = addr.checked_sub(self.base).ok_or(SimError::OutOfRange { addr })? as usize;
        if start + usize::from(width) > self.bytes.len() {
            return Err(SimError::OutOfRange { addr });
        }
        Ok(start)
    }

    pub fn store(&mut self, addr: u64, width: u8, value: i64) -> Result<(), SimError> {
        let start = self.index(addr, width)?;
        let bytes = value.to_le_bytes();
        self.bytes[start..start + usize::from(width)].copy_from_slice(&bytes[..usize::from(width)]);
        Ok(())
    }

    /// Reads `width` bytes, sign-extending like MOVQ/MOVL into a register.
    pub fn load(&self, addr: u64, width: u8) -> Result<i64, SimError> {
        let start = self.index(addr, width)?;
        let mut bytes = [0u8; 8];
        bytes[..usize::from(width)].copy_from_slice(&self.bytes[start..start + usize::from(width)]);
        let raw = i64::from_le_bytes(bytes);
        let shift = 64 - 8 * u32::from(width);
        Ok((raw << shift) >> shift)
    }

    pub fn register(&self, name: &str) -> Option<i64> {
        self.registers.iter().find(|r| r.name == name).map(|r| r.value)
    }

    pub fn set_register(&mut self, name: &str, value: i64, loaded_from: Option<u64>) {
        match self.registers.iter_mut().find(|r| r.name == name) {
            Some(r) => {
                r.value = value;
                r.loaded_from = loaded_from;
            }
            None => self.registers.push(Register { name: name.into(), value, loaded_from }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_little_endian_and_reads_back() {
        let mut m = Memory::new(0x1000, 32);
        m.store(0x1000, 8, 42).unwrap();
        assert_eq!(&m.bytes[..8], &[42, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(m.load(0x1000, 8), Ok(42));
        m.store(0x1008, 8, -1).unwrap();
        assert_eq!(&m.bytes[8..16], &[0xff; 8]);
        assert_eq!(m.load(0x1008, 8), Ok(-1));
        assert_eq!(m.load(0x1008, 1), Ok(-1));
    }

    #[test]
    fn rejects_out_of_range() {
        let mut m = Memory::new(0x1000, 16);
        assert_eq!(m.store(0x1009, 8, 1), Err(SimError::OutOfRange { addr: 0x1009 }));
        assert_eq!(m.load(0xfff, 1), Err(SimError::OutOfRange { addr: 0xfff }));
    }
}
