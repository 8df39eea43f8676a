//! Prints `crates/memsim/src/size_class_table.rs`, Go's size-class table as
//! Rust, from `crates/memsim/data/go-sizeclasses.tsv` (the default) or from a
//! Go source tree's `src/internal/runtime/gc/sizeclasses.go`, whose header
//! comment holds the same table:
//!
//! ```text
//! cargo run -p memsim --example gen_size_classes [path/to/sizeclasses.go or the tsv]
//! ```
//!
//! `scripts/gen-size-classes.sh` writes the output over the committed file.
//! Both inputs give the same bytes when they hold the same table, so running
//! this on a new Go release's `sizeclasses.go` shows what changed.
//! `crates/memsim/tests/size_class_table.rs` checks that the committed file is
//! this program's output for the TSV; `tests/truth/tests/runtime.rs` checks
//! the table against the installed Go's `sizeclasses.go`.
//!
//! Every row is checked before anything is printed: classes numbered from 1,
//! sizes increasing, spans of whole 8 KiB pages, and the objects, tail-waste
//! and max-waste columns equal to what Go's `mksizeclasses.go` derives from
//! the size and the span.

use std::fmt::Write;

/// Bytes in a heap page (`_PageShift = 13`).
const PAGE_SIZE: u32 = 8192;

/// One class as the inputs list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub class: u8,
    pub bytes_per_obj: u32,
    pub bytes_per_span: u32,
    pub objects: u16,
    pub tail_waste: u16,
    /// As printed by Go, e.g. `87.50%`.
    pub max_waste: String,
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/go-sizeclasses.tsv").to_string());
    let out = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|text| generate(&text));
    match out {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("gen_size_classes: {path}: {e}");
            std::process::exit(1);
        }
    }
}

/// The Rust source of `size_class_table.rs` for the table in `text`, a TSV
/// file or Go's `sizeclasses.go`.
pub fn generate(text: &str) -> Result<String, String> {
    Ok(render(&parse(text)?))
}

/// The rows of a TSV file (`#` comments, a `class …` header, tab-separated
/// fields) or of Go's `sizeclasses.go` (a `package` clause, then comment lines
/// `//     1          8        8192     1024           0     87.50%          8`),
/// checked.
pub fn parse(text: &str) -> Result<Vec<Row>, String> {
    let go = text.lines().any(|l| l.starts_with("package "));
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = if go {
            // Only the class table: seven fields, the sixth a percentage.
            // The alignment table below it has three.
            let Some(rest) = line.strip_prefix("//") else { continue };
            let fields: Vec<&str> = rest.split_whitespace().collect();
            if fields.len() != 7 || !fields[5].ends_with('%') || fields[0].parse::<u32>().is_err() {
                continue;
            }
            fields
        } else {
            if line.is_empty() || line.starts_with('#') || line.starts_with("class") {
                continue;
            }
            line.split('\t').collect()
        };
        rows.push(row(&fields).map_err(|e| format!("line {}: {e}", n + 1))?);
    }
    check(&rows)?;
    Ok(rows)
}

fn row(fields: &[&str]) -> Result<Row, String> {
    if fields.len() < 6 {
        return Err(format!("expected class, bytes/obj, bytes/span, objects, tail waste, max waste; got {fields:?}"));
    }
    fn num<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, String> {
        s.trim().parse().map_err(|_| format!("{what}: {s:?} is not a number in range"))
    }
    Ok(Row {
        class: num(fields[0], "class")?,
        bytes_per_obj: num(fields[1], "bytes/obj")?,
        bytes_per_span: num(fields[2], "bytes/span")?,
        objects: num(fields[3], "objects")?,
        tail_waste: num(fields[4], "tail waste")?,
        max_waste: fields[5].trim().to_string(),
    })
}

/// Go's own derivations (mksizeclasses.go, printComment) hold for every row.
fn check(rows: &[Row]) -> Result<(), String> {
    if rows.is_empty() {
        return Err("no size classes found".into());
    }
    let mut prev = 0;
    for (i, r) in rows.iter().enumerate() {
        let bad = |what: &str| Err(format!("class {}: {what}", r.class));
        let (size, span) = (r.bytes_per_obj, r.bytes_per_span);
        if usize::from(r.class) != i + 1 {
            return Err(format!("class {} where class {} was expected", r.class, i + 1));
        }
        if size <= prev {
            return bad("bytes/obj must grow from class to class");
        }
        if span == 0 || !span.is_multiple_of(PAGE_SIZE) {
            return bad("bytes/span is not a whole number of 8 KiB pages");
        }
        let objects = span / size;
        let tail = span - objects * size;
        if u32::from(r.objects) != objects || u32::from(r.tail_waste) != tail {
            return bad(&format!("{span} / {size} gives {objects} objects and {tail} bytes of tail waste"));
        }
        let max_waste = f64::from((size - prev - 1) * objects + tail) / f64::from(span);
        let max_waste = format!("{:.2}%", 100.0 * max_waste);
        if r.max_waste != max_waste {
            return bad(&format!("max waste is {max_waste}, not {}", r.max_waste));
        }
        prev = size;
    }
    Ok(())
}

/// The generated file.
pub fn render(rows: &[Row]) -> String {
    let mut s = String::new();
    s.push_str(
        "// Code generated by crates/memsim/examples/gen_size_classes.rs from Go's\n\
         // src/internal/runtime/gc/sizeclasses.go (the copy in\n\
         // crates/memsim/data/go-sizeclasses.tsv); DO NOT EDIT.\n\
         // Regenerate with scripts/gen-size-classes.sh.\n\
         \n\
         use crate::size_classes::SizeClass;\n\
         \n\
         const fn c(class: u8, bytes_per_obj: u32, bytes_per_span: u32, objects: u16, tail_waste: u16) -> SizeClass {\n    \
             SizeClass { class, bytes_per_obj, bytes_per_span, objects, tail_waste }\n\
         }\n\
         \n",
    );
    let last = rows.len();
    let _ = writeln!(s, "/// Classes 1..={last}, in order. `max waste` is the most of a span a class can");
    s.push_str(
        "/// waste: every object holding a request one byte over the class below, plus\n\
         /// the tail.\n\
         ///\n\
         /// ```text\n",
    );
    let _ = writeln!(s, "/// {:>8}{:>11}{:>12}{:>9}{:>12}{:>11}", "class", "bytes/obj", "bytes/span", "objects", "tail waste", "max waste");
    for r in rows {
        let _ = writeln!(s, "/// {:>8}{:>11}{:>12}{:>9}{:>12}{:>11}", r.class, r.bytes_per_obj, r.bytes_per_span, r.objects, r.tail_waste, r.max_waste);
    }
    s.push_str("/// ```\n");
    let _ = writeln!(s, "pub const SIZE_CLASSES: [SizeClass; {last}] = [");
    for r in rows {
        let _ = writeln!(s, "    c({}, {}, {}, {}, {}),", r.class, r.bytes_per_obj, r.bytes_per_span, r.objects, r.tail_waste);
    }
    s.push_str("];\n");
    s
}
