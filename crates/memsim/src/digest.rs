//! A platform-independent fingerprint of a state.
//!
//! `core::hash::Hash` feeds `usize` with the target's width, so a plain
//! hasher would differ between wasm32 and x86_64. This FNV-1a hasher widens
//! every integer to 64 bits little-endian, so a state digested in the browser
//! equals the same state digested natively.

use core::hash::{Hash, Hasher};

struct Fnv64(u64);

impl Hasher for Fnv64 {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn write_isize(&mut self, i: isize) {
        self.write(&(i as i64).to_le_bytes());
    }
    fn write_u16(&mut self, i: u16) {
        self.write(&i.to_le_bytes());
    }
    fn write_u32(&mut self, i: u32) {
        self.write(&i.to_le_bytes());
    }
    fn write_u64(&mut self, i: u64) {
        self.write(&i.to_le_bytes());
    }
    fn write_i64(&mut self, i: i64) {
        self.write(&i.to_le_bytes());
    }
}

/// The 64-bit fingerprint of anything hashable, identical on every target.
pub fn digest<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = Fnv64(0xcbf2_9ce4_8422_2325);
    value.hash(&mut h);
    h.finish()
}
