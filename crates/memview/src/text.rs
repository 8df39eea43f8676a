//! Shared wording for values and sizes, used by the picture and by the
//! text alternative so both always say the same thing.

use alloc::format;
use alloc::string::{String, ToString};
use memsim::Value;

/// `16 B`, `2 KiB`, `1 MiB`, `1.5 KiB`: binary units, as Go's docs use.
pub fn bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size {
            let tenths = (n * 10 + size / 2) / size;
            return if n.is_multiple_of(size) { format!("{} {unit}", n / size) } else { format!("{}.{} {unit}", tenths / 10, tenths % 10) };
        }
    }
    format!("{n} B")
}

/// The short form drawn inside a value box.
pub fn value(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Ptr(a) => a.to_string(),
        Value::Nil => "nil".to_string(),
        Value::Struct(fields) => {
            let mut s = String::from("{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&f.name);
                s.push_str(": ");
                s.push_str(&value(&f.value));
            }
            s.push('}');
            s
        }
        Value::Slice { len, cap, .. } => format!("len {len}, cap {cap}"),
        Value::Bytes(n) => format!("{n} zero bytes"),
    }
}

/// Breaks `s` into lines of at most `max` characters at spaces (a word
/// longer than a line gets a line of its own); a newline always breaks.
pub fn wrap(s: &str, max: usize) -> alloc::vec::Vec<String> {
    s.split('\n').flat_map(|p| wrap_paragraph(p, max)).collect()
}

fn wrap_paragraph(s: &str, max: usize) -> alloc::vec::Vec<String> {
    let mut lines = alloc::vec::Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(core::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert_eq!(wrap("func f() {\n\u{a0}\u{a0}return 1\n}", 40), ["func f() {", "\u{a0}\u{a0}return 1", "}"]);
    }

    #[test]
    fn sizes_read_like_go_docs() {
        assert_eq!(bytes(16), "16 B");
        assert_eq!(bytes(2048), "2 KiB");
        assert_eq!(bytes(1 << 20), "1 MiB");
        assert_eq!(bytes(1536), "1.5 KiB");
    }
}
