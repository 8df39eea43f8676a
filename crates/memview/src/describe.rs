//! The canvas's text alternative: what the picture shows, in words.

use crate::text;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::{Machine, Target, Value};

/// One paragraph per panel, for screen readers and for tests.
pub fn describe(m: &Machine, lang: crate::Language) -> String {
    let _ = lang;
    let mut parts: Vec<String> = Vec::new();
    if let Some(mem) = &m.memory {
        let mut s = format!("Memory from {:#x}, {} bytes.", mem.base, mem.bytes.len());
        for c in &mem.claims {
            let value = mem.load(c.addr, c.len.min(8) as u8).unwrap_or(0);
            s.push_str(&format!(" Program {} uses {:#x} as {}; it now holds {value}.", (b'A' + c.owner) as char, c.addr, c.name));
        }
        if !mem.registers.is_empty() {
            s.push_str(" Registers:");
            for (i, r) in mem.registers.iter().enumerate() {
                s.push_str(&format!("{} {} = {}", if i == 0 { "" } else { "," }, r.name, r.value));
            }
            s.push('.');
        }
        parts.push(s);
    }
    for stack in &m.stacks {
        let owner = if m.c_heap.is_some() { String::from("the main thread") } else { format!("goroutine {}", stack.goroutine) };
        let mut s = format!("Stack of {owner}, {} used.", text::bytes(stack.used()));
        if m.c_heap.is_none() {
            s.push_str(" Frames and slots as the classic model draws them; the compiler keeps many values in registers.");
        }
        if stack.frames.is_empty() {
            s.push_str(" No frames: every function has returned.");
        }
        for f in &stack.frames {
            s.push_str(&format!(" Frame {}:", f.func));
            if f.slots.is_empty() {
                s.push_str(" empty.");
            }
            for (i, slot) in f.slots.iter().enumerate() {
                let sep = if i + 1 == f.slots.len() { "." } else { ";" };
                s.push_str(&format!(" {} ({}) = {}{sep}", slot.name, slot.ty, value(m, &slot.value)));
            }
        }
        parts.push(s);
    }
    if !m.heap.objects.is_empty() {
        let mut s = format!("Heap, {} in use:", text::bytes(m.heap.in_use()));
        for o in &m.heap.objects {
            s.push_str(&format!(" {} at {}, {}, holding {};", o.ty, o.addr, text::bytes(o.size), text::value(&o.value)));
        }
        s.pop();
        s.push('.');
        let (used, of) = m.heap.arena_pages();
        s.push_str(&format!(" The heap uses {} spans, {used} of the {of} pages of a {} arena.", m.heap.spans.len(), text::bytes(memsim::ARENA_BYTES)));
        parts.push(s);
    }
    if let Some(h) = &m.c_heap {
        let free = h.chunks.iter().filter(|c| c.free).count();
        parts.push(format!("C heap: {} chunks, {} free; {} used of a {} limit.", h.chunks.len(), free, text::bytes(h.used()), text::bytes(h.limit)));
    }
    if let Some(why) = &m.killed {
        parts.push(format!("The process was killed by the OOM killer. {why}."));
    }
    if parts.is_empty() {
        parts.push(String::from("Nothing in memory yet."));
    }
    parts.join("\n")
}

/// A value in words; a pointer says what it points to.
fn value(m: &Machine, v: &Value) -> String {
    let (Value::Ptr(a) | Value::Slice { ptr: a, .. }) = v else { return text::value(v) };
    let what = match m.locate(*a).map(|l| l.target) {
        Ok(Target::Object(i)) => format!("the heap {}", m.heap.objects[i].ty),
        Ok(Target::Chunk(i)) => match m.c_heap.as_ref().map(|h| &h.chunks[i]) {
            Some(c) if c.free => String::from("a freed chunk (dangling)"),
            Some(c) => format!("a {} chunk of the C heap", c.ty),
            None => String::from("the C heap"),
        },
        Ok(Target::Slot { stack, frame, slot }) => {
            let f = &m.stacks[stack].frames[frame];
            format!("{}'s {} on the stack", f.func, f.slots[slot].name)
        }
        Err(_) => String::from("freed memory"),
    };
    match v {
        Value::Slice { len, cap, .. } => format!("a slice of len {len}, cap {cap}, pointing to {what}"),
        _ => format!("a pointer to {what} at {a}"),
    }
}
