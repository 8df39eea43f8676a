//! The allocator numbers: the size-class table equals the installed Go's,
//! and the bytes the simulation allocates for a request of n bytes equal
//! real Go's `B/op` for a sweep of n, small, tiny and large.

use memsim::size_classes::{alloc_size, is_tiny, tiny_objects_per_block, PAGE_SIZE, SIZE_CLASSES};
use std::fmt::Write;
use truth::{go, root, run};

fn goroot() -> std::path::PathBuf {
    let (ok, out) = run(&root(), &["env", "GOROOT"]);
    assert!(ok, "go env GOROOT: {out}");
    out.trim().into()
}

/// The numbers inside `var name = [...]T{…}` in Go source.
fn go_array(src: &str, name: &str) -> Vec<u64> {
    let line = src.lines().find(|l| l.starts_with(&format!("var {name} = "))).unwrap_or_else(|| panic!("{name} not found"));
    let body = line.split_once('{').and_then(|(_, b)| b.rsplit_once('}')).map(|(b, _)| b).expect("array body");
    body.split(',').map(|n| n.trim().parse().unwrap_or_else(|_| panic!("{name}: {n}"))).collect()
}

#[test]
fn the_toolchain_is_the_one_the_page_names() {
    let (ok, out) = run(&root(), &["version"]);
    assert!(ok);
    let version = chapters::GO_CHECKED.trim_start_matches("Go ");
    assert!(out.contains(&format!("go{version} ")), "the page says it was checked against {} but the toolchain is {out}", chapters::GO_CHECKED);
}

#[test]
fn size_class_table_equals_go() {
    let src = std::fs::read_to_string(goroot().join("src/internal/runtime/gc/sizeclasses.go")).expect("sizeclasses.go");
    let sizes = go_array(&src, "SizeClassToSize");
    let pages = go_array(&src, "SizeClassToNPages");
    assert_eq!(sizes.len(), SIZE_CLASSES.len() + 1, "class 0 plus every real class");
    for c in SIZE_CLASSES {
        let i = usize::from(c.class);
        assert_eq!(u64::from(c.bytes_per_obj), sizes[i], "class {i} size");
        assert_eq!(u64::from(c.bytes_per_span), pages[i] * PAGE_SIZE, "class {i} span");
        assert_eq!(u64::from(c.objects), pages[i] * PAGE_SIZE / sizes[i], "class {i} objects");
    }
    for (name, value) in [("PageShift", 13), ("MaxSmallSize", 32768), ("TinySize", 16)] {
        assert!(
            src.contains(&format!("{name} ")) && src.lines().any(|l| l.trim().starts_with(name) && l.trim().ends_with(&format!("= {value}"))),
            "{name} = {value}"
        );
    }
}

const BYTES: &[u64] = &[
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    24,
    25,
    31,
    32,
    33,
    48,
    100,
    500,
    512,
    513,
    1000,
    1024,
    1025,
    4095,
    8192,
    9000,
    16000,
    32767,
    32768,
    32769,
    40000,
    65536,
    100_000,
    1 << 20,
];
const POINTER_BYTES: &[u64] = &[8, 16, 24, 504, 512, 520, 1024, 4096, 16000, 32752, 32760, 32768, 32776, 100_000];
const N: u64 = 1600;

#[test]
fn allocation_sizes_match_go_benchmem() {
    let dir = root().join("target/truth-sweep");
    std::fs::create_dir_all(&dir).expect("sweep dir");
    std::fs::write(dir.join("go.mod"), "module sweep\n\ngo 1.27\n").expect("go.mod");
    let mut src = String::from("package sweep\n\nimport (\n\t\"fmt\"\n\t\"testing\"\n)\n\nvar sinkB []byte\nvar sinkP []*int\n\n");
    let list = |xs: &[u64], div: u64| xs.iter().map(|n| (n / div).to_string()).collect::<Vec<_>>().join(", ");
    let _ = write!(src, "func BenchmarkBytes(b *testing.B) {{\n\tfor _, n := range []int{{{}}} {{\n\t\tb.Run(fmt.Sprint(n), func(b *testing.B) {{\n\t\t\tb.ReportAllocs()\n\t\t\tfor i := 0; i < b.N; i++ {{\n\t\t\t\tsinkB = make([]byte, n)\n\t\t\t}}\n\t\t}})\n\t}}\n}}\n\n", list(BYTES, 1));
    let _ = write!(src, "func BenchmarkPointers(b *testing.B) {{\n\tfor _, n := range []int{{{}}} {{\n\t\tb.Run(fmt.Sprint(n*8), func(b *testing.B) {{\n\t\t\tb.ReportAllocs()\n\t\t\tfor i := 0; i < b.N; i++ {{\n\t\t\t\tsinkP = make([]*int, n)\n\t\t\t}}\n\t\t}})\n\t}}\n}}\n", list(POINTER_BYTES, 8));
    std::fs::write(dir.join("sweep_test.go"), src).expect("sweep_test.go");
    // Three runs; each size keeps its smallest B/op, since the runtime's
    // own background allocations can only add to a run's count.
    // GOGC=off as well: no collector allocation lands in an average.
    let out = go(&dir)
        .args(["test", "-run", "^$", "-bench", ".", "-benchmem", &format!("-benchtime={N}x"), "-count=3"])
        .env("GOGC", "off")
        .output()
        .expect("go test");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    let mut best: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("Benchmark")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let bop = |l: &str| -> u64 {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.iter().position(|x| *x == "B/op").and_then(|i| f[i - 1].parse().ok()).expect("B/op")
        };
        let keep = best.get(fields[0]).is_none_or(|old| bop(line) < bop(old));
        if keep {
            best.insert(fields[0].to_string(), line.to_string());
        }
    }
    let mut checked = 0;
    for line in best.values() {
        // BenchmarkBytes/17-2   1600   97.69 ns/op   24 B/op   1 allocs/op
        let fields: Vec<&str> = line.split_whitespace().collect();
        let name = fields[0];
        let (kind, rest) = name.trim_start_matches("Benchmark").split_once('/').expect("sub-benchmark");
        let n: u64 = rest.split('-').next().and_then(|s| s.parse().ok()).expect("size");
        let bop: u64 = fields.iter().position(|f| *f == "B/op").and_then(|i| fields[i - 1].parse().ok()).expect("B/op");
        let pointers = kind == "Pointers";
        if is_tiny(n, pointers) {
            // Tiny objects share 16-byte blocks; B/op is blocks × 16 / N,
            // give or take the block already open when the run starts.
            let k = tiny_objects_per_block(n);
            let blocks = N.div_ceil(k);
            let expect = [16 * blocks / N, 16 * (blocks + 1) / N];
            assert!(expect.contains(&bop), "tiny {n} B: Go reports {bop} B/op, the simulation packs {k} per 16-byte block ({expect:?})");
        } else {
            // The runtime's own background allocations during a run can add
            // a few bytes per op; neighbouring size classes are ≥ 8 B apart.
            let sim = alloc_size(n, pointers);
            assert!(bop >= sim && bop - sim < 8, "{kind} of {n} B: Go allocates {bop} B/op, the simulation {sim} B");
        }
        checked += 1;
    }
    assert_eq!(checked, BYTES.len() + POINTER_BYTES.len(), "every size was measured:\n{text}");
}

/// Where small requests end: since Go 1.22 `mallocgc` serves a request from
/// a size class only up to 32,760 bytes (`maxSmallSize - MallocHeaderSize`),
/// pointers or not, though the largest class is 32,768. The real runtime's
/// allocs-by-size histogram says which path each size took
/// (tests/truth/go/largeobj); the simulation must agree.
#[test]
fn large_objects_start_where_go_starts_them() {
    let sizes = [32_000, 32_752, 32_760, 32_761, 32_768, 32_769, 40_960];
    // Pointers come in 8-byte words.
    let args: Vec<String> = sizes.iter().flat_map(|n| [Some(n.to_string()), (n % 8 == 0).then(|| format!("p{n}"))]).flatten().collect();
    let (ok, out) = run(&root().join("tests/truth/go"), &[&["run", "./largeobj"][..], &args.iter().map(String::as_str).collect::<Vec<_>>()].concat());
    assert!(ok, "{out}");
    let mut checked = 0;
    for line in out.lines() {
        let (arg, path) = line.split_once(' ').unwrap_or_else(|| panic!("{line}"));
        let pointers = arg.starts_with('p');
        let n: u64 = arg.trim_start_matches('p').parse().expect("a size");
        let model = if memsim::size_classes::class_of_request(n, pointers).is_some() { "small" } else { "large" };
        assert_eq!(model, path, "{n} bytes{}: Go takes the {path} path", if pointers { " of pointers" } else { "" });
        checked += 1;
    }
    assert_eq!(checked, args.len(), "{out}");
}
