//! Golden files: the state digest of every step of every chapter, and the
//! display lists of a few pictures, committed under `tests/golden/` and
//! checked natively and (digests) in the browser's wasm build, so a change
//! to any state or picture is a visible diff. `scripts/bless.sh` rewrites
//! them after an intended change.

use alloc::format;
use alloc::string::String;
use chapters::Chapter;
use core::fmt::Write;

/// One line per step: `<chapter> <step> <digest>`, steps from 1.
pub fn digest_table(chapters: &[Chapter]) -> String {
    let mut out = String::new();
    for ch in chapters {
        match ch.timeline() {
            Ok(tl) => {
                for (i, m) in tl.states().enumerate() {
                    let _ = writeln!(out, "{} {} {:016x}", ch.id, i + 1, memsim::digest(m));
                }
            }
            Err((i, e)) => out.push_str(&format!("{} {} failed: {e}\n", ch.id, i + 1)),
        }
    }
    out
}
