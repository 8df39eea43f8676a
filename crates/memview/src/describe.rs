//! The canvas's text alternative: what the picture shows, in words.

use crate::text;
use crate::Language;
use crate::Stage;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use memsim::{Color, GcPhase, Machine, Target, Value};

/// One paragraph per panel, for screen readers and for tests. Heap objects
/// go by the names the picture gives them (`n1`, …, from `stage`), and
/// during a collection by their colour and what it means, as the picture
/// names them.
pub fn describe(m: &Machine, stage: &Stage, lang: Language) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(mem) = &m.memory {
        let mut s = lang.pick(
            format!("Memory from {:#x}, {} bytes.", mem.base, mem.bytes.len()),
            format!("メモリは {:#x} から始まる {} バイトです。", mem.base, mem.bytes.len()),
        );
        for c in &mem.claims {
            let value = mem.load(c.addr, c.len.min(8) as u8).unwrap_or(0);
            let program = (b'A' + c.owner) as char;
            s.push_str(&match lang {
                Language::En => format!(" Program {program} uses {:#x} as {}; it now holds {value}.", c.addr, c.name),
                Language::Ja => format!("プログラム {program} は {:#x} を {} として使っていて、今の値は {value} です。", c.addr, c.name),
            });
        }
        if !mem.registers.is_empty() {
            s.push_str(lang.pick(" Registers:", "レジスタは "));
            for (i, r) in mem.registers.iter().enumerate() {
                match lang {
                    Language::En => s.push_str(&format!("{} {} = {}", if i == 0 { "" } else { "," }, r.name, r.value)),
                    Language::Ja => s.push_str(&format!("{}{} = {}", if i == 0 { "" } else { "、" }, r.name, r.value)),
                }
            }
            s.push_str(lang.pick(".", " です。"));
        }
        parts.push(s);
    }
    for stack in &m.stacks {
        let mut s = match (lang, m.c_heap.is_some()) {
            (Language::En, true) => format!("Stack of the main thread, {} used.", text::bytes(stack.used())),
            (Language::En, false) => format!("Stack of goroutine {}, {} used.", stack.goroutine, text::bytes(stack.used())),
            (Language::Ja, true) => format!("メインスレッドのスタックで、{} を使用中です。", text::bytes(stack.used())),
            (Language::Ja, false) => format!("ゴルーチン {} のスタックで、{} を使用中です。", stack.goroutine, text::bytes(stack.used())),
        };
        if m.c_heap.is_none() {
            s.push_str(lang.pick(
                " Frames and slots as the classic model draws them; the compiler keeps many values in registers.",
                "フレームとスロットは古典的なモデルどおりに描いています。実際には、コンパイラは多くの値をレジスタに置きます。",
            ));
        }
        if stack.frames.is_empty() && m.killed.is_some() {
            s.push_str(lang.pick(" No frames: the process was killed.", "フレームはありません。プロセスは強制終了されました。"));
        } else if stack.frames.is_empty() {
            s.push_str(lang.pick(" No frames: every function has returned.", "フレームはありません。すべての関数から戻りました。"));
        }
        for f in &stack.frames {
            s.push_str(&lang.pick(format!(" Frame {}:", f.func), format!("{} のフレーム：", f.func)));
            if f.slots.is_empty() {
                s.push_str(lang.pick(" empty.", "空です。"));
            }
            for (i, slot) in f.slots.iter().enumerate() {
                let last = i + 1 == f.slots.len();
                let red = red_pointer(m, &slot.ty, &slot.value, lang);
                s.push_str(&match lang {
                    Language::En => format!(" {} ({}) = {}{red}{}", slot.name, slot.ty, value(m, stage, &slot.value, lang), if last { "." } else { ";" }),
                    Language::Ja => format!("{}（{}）= {}{red}{}", slot.name, slot.ty, value(m, stage, &slot.value, lang), if last { "。" } else { "、" }),
                });
            }
        }
        parts.push(s);
    }
    if !m.heap.objects.is_empty() {
        let mut s = lang.pick(format!("Heap, {} in use:", text::bytes(m.heap.in_use())), format!("ヒープでは {} を使用中です。", text::bytes(m.heap.in_use())));
        let marking = m.gc.phase == GcPhase::Mark;
        for o in &m.heap.objects {
            let (size, held) = (text::bytes(o.size), text::value(&o.value, lang));
            let name = stage.label(o.id).map_or_else(String::new, |n| lang.pick(format!(" n{n},"), format!("n{n}：")));
            let color = if marking { colour(o.color, lang) } else { "" };
            s.push_str(&match lang {
                Language::En => format!("{name} {} at {}, {}, holding {}{color};", o.ty, o.addr, size, held),
                Language::Ja => format!("{name}{} に {}（{}）があり、{}{color}", o.addr, o.ty, size, text::join_ja(&text::join_ja("値は", &held), "です。")),
            });
        }
        if lang == Language::En {
            s.pop();
            s.push('.');
        }
        if marking {
            let queue: Vec<String> =
                m.gc.grey
                    .iter()
                    .rev()
                    .filter_map(|a| m.heap.objects.iter().find(|o| o.addr == *a))
                    .map(|o| stage.label(o.id).map_or_else(|| o.ty.clone(), |n| format!("n{n}")))
                    .collect();
            // Before the roots are scanned nothing is reached yet; after,
            // an empty queue means marking is done.
            let reached = m.heap.objects.iter().any(|o| o.color != Color::White);
            s.push_str(&match (lang, queue.is_empty(), reached) {
                (Language::En, true, false) => String::from(" Nothing is reached yet: the roots are scanned first."),
                (Language::En, true, true) => String::from(" No grey object is left to scan."),
                (Language::En, false, _) => format!(" Grey objects to scan, next first: {}.", queue.join(", ")),
                (Language::Ja, true, false) => String::from("まだ何にも到達していません。最初にルートをスキャンします。"),
                (Language::Ja, true, true) => String::from("スキャン待ちの灰色のオブジェクトはもうありません。"),
                (Language::Ja, false, _) => format!("スキャン待ちの灰色のオブジェクト（次に調べる順）：{}。", queue.join("、")),
            });
        }
        for st in &m.gc.stale {
            let holder = m.heap.objects.iter().find(|o| o.id == st.holder).and_then(|o| stage.label(o.id)).map(|n| format!("n{n}"));
            s.push_str(&match lang {
                Language::En => format!(
                    " {} at {} is stale (drawn red): the object it led to at {} was freed while the program could still reach it.",
                    holder.map_or_else(|| String::from("The pointer"), |h| format!("{h}'s pointer")),
                    st.at,
                    st.to
                ),
                Language::Ja => format!(
                    "{}{} にあるポインタは古いまま（赤で表示）です。指していた {} のオブジェクトは、プログラムがまだたどれるのに解放されました。",
                    holder.map_or_else(String::new, |h| format!("{h} の ")),
                    st.at,
                    st.to
                ),
            });
        }
        let (used, of) = m.heap.arena_pages();
        let (spans, arena) = (m.heap.spans.len(), text::bytes(memsim::ARENA_BYTES));
        s.push_str(&match lang {
            Language::En => format!(" The heap uses {spans} span{}, {used} of the {of} pages of a {arena} arena.", if spans == 1 { "" } else { "s" }),
            Language::Ja => format!("ヒープはスパン {spans} 個で、{arena} のアリーナの {of} ページのうち {used} ページを使っています。"),
        });
        parts.push(s);
    }
    if let Some(h) = &m.c_heap {
        parts.push(c_heap(m, h, lang));
    }
    if let Some(why) = &m.killed {
        parts.push(match (lang, &m.c_heap) {
            (Language::Ja, Some(h)) => format!("プロセスは OOM killer に強制終了されました。{}。", out_of_memory(h.used(), h.limit)),
            (Language::Ja, None) => String::from("メモリ不足のため、プロセスは OOM killer に強制終了されました。"),
            (Language::En, _) => format!("The process was killed by the OOM killer. {why}."),
        });
    }
    if parts.is_empty() {
        parts.push(String::from(lang.pick("Nothing in memory yet.", "メモリにはまだ何もありません。")));
    }
    parts.join("\n")
}

/// What the picture's red says of a C pointer held as type `ty` (as
/// layout.rs draws it): its chunk freed, or freed and reused for another
/// type. Empty for any other value.
fn red_pointer(m: &Machine, ty: &str, v: &Value, lang: Language) -> String {
    let Value::Ptr(a) = v else { return String::new() };
    let Ok(t) = m.locate(*a).map(|l| l.target) else { return String::new() };
    let (Target::Chunk(i), Some(h)) = (t, &m.c_heap) else { return String::new() };
    if !m.dangling(ty, t) {
        return String::new();
    }
    let was = ty.trim_end_matches(['*', ' ']);
    match (lang, h.chunks[i].free) {
        (Language::En, true) => String::from(", drawn red"),
        (Language::En, false) => format!(", stale (drawn red): its {was} was freed and the memory reused"),
        (Language::Ja, true) => String::from("（赤で表示）"),
        (Language::Ja, false) => format!("（赤で表示。{was} は解放済みで、そのメモリは再利用されています）"),
    }
}

/// The C heap: its use, then each chunk as the picture draws it (its
/// fields, or free, leaked, or plain bytes), the first few by name and the
/// rest counted.
fn c_heap(m: &Machine, h: &memsim::malloc::CHeap, lang: Language) -> String {
    const LISTED: usize = 4;
    let free = h.chunks.iter().filter(|c| c.free).count();
    let leaked = m.leaked_chunks();
    // The figures the picture's heading and its first row show: chunks in
    // use, then malloc's own bookkeeping, which the total also counts.
    let (n, in_use, used, limit) = (h.chunks.len(), text::bytes(h.in_use()), text::bytes(h.used()), text::bytes(h.limit));
    let book = memsim::malloc::TCACHE_STRUCT;
    let mut s = match lang {
        Language::En => format!(
            "C heap: {n} chunk{}, {in_use} in use, {free} free. Before them, malloc's own bookkeeping (tcache), {book} B; in all {used} used of a {limit} limit.",
            if n == 1 { "" } else { "s" }
        ),
        Language::Ja => format!(
            "C のヒープにはチャンクが {n} 個あり、使用中は {in_use}、空きは {free} 個です。その前に malloc 自身の管理領域（tcache）が {book} B あり、合わせて上限 {limit} のうち {used} を使っています。"
        ),
    };
    for (c, &lost) in h.chunks.iter().zip(&leaked).take(LISTED) {
        let fields = match &c.value {
            Value::Struct(f) if !c.free => Some(f.iter().map(|f| format!("{} = {}", f.name, text::value(&f.value, lang))).collect::<Vec<_>>()),
            _ => None,
        };
        s.push_str(&match (lang, c.free, lost, fields) {
            (Language::En, true, _, _) => format!(" The free chunk at {} waits in the tcache for the next malloc of its size.", c.payload()),
            (Language::En, false, true, _) => {
                format!(" {} chunk at {} is leaked (drawn red): {} bytes nothing points to.", article(&c.ty, true), c.payload(), c.requested)
            }
            (Language::En, false, false, Some(f)) => format!(" {} chunk at {} holds {}.", article(&c.ty, true), c.payload(), f.join(", ")),
            (Language::En, false, false, None) => format!(" {} chunk at {} holds {} bytes of data.", article(&c.ty, true), c.payload(), c.requested),
            (Language::Ja, true, _, _) => format!("{} の空きチャンクは、tcache で同じサイズの次の malloc を待っています。", c.payload()),
            (Language::Ja, false, true, _) => {
                format!("{} の {} のチャンクはリークしています（赤で表示）。どこからも指されない {} バイトです。", c.payload(), c.ty, c.requested)
            }
            (Language::Ja, false, false, Some(f)) => format!("{} の {} のチャンクの値は {} です。", c.payload(), c.ty, f.join("、")),
            (Language::Ja, false, false, None) => format!("{} の {} のチャンクは {} バイトのデータを持っています。", c.payload(), c.ty, c.requested),
        });
    }
    if n > LISTED {
        let rest = leaked[LISTED..].iter().filter(|l| **l).count();
        s.push_str(&match lang {
            Language::En if n - LISTED == 1 => String::from(if rest == 1 { " 1 more chunk follows, leaked." } else { " 1 more chunk follows." }),
            Language::En => format!(" {} more chunks follow, {rest} of them leaked.", n - LISTED),
            Language::Ja if n - LISTED == 1 => String::from(if rest == 1 {
                "ほかに 1 個のチャンクがあり、リークしています。"
            } else {
                "ほかに 1 個のチャンクがあります。"
            }),
            Language::Ja => format!("ほかに {} 個のチャンクがあり、うち {rest} 個がリークしています。", n - LISTED),
        });
    }
    s
}

/// "a" or "an" before `word`, as its first letter sounds (the C types here:
/// Account, Order, char[4096]).
fn article(word: &str, capital: bool) -> String {
    let an = word.chars().next().is_some_and(|c| "AEIOUaeiou".contains(c));
    let a = match (an, capital) {
        (true, true) => "An",
        (true, false) => "an",
        (false, true) => "A",
        (false, false) => "a",
    };
    format!("{a} {word}")
}

/// An object's colour during marking, and what it means.
fn colour(c: Color, lang: Language) -> &'static str {
    match (c, lang) {
        (Color::White, Language::En) => ", white (not reached yet)",
        (Color::Grey, Language::En) => ", grey (reached; its pointers still to scan)",
        (Color::Black, Language::En) => ", black (reached and scanned)",
        (Color::White, Language::Ja) => "色は白（まだ到達していない）です。",
        (Color::Grey, Language::Ja) => "色は灰色（到達済みで、ポインタはまだスキャンしていない）です。",
        (Color::Black, Language::Ja) => "色は黒（到達済みでスキャンも済んだ）です。",
    }
}

/// Why the kernel killed a C process, in Japanese (the English is the
/// machine's own words, `Machine::killed`).
fn out_of_memory(used: u64, limit: u64) -> String {
    format!("メモリ不足です。ヒープが {used} バイトに達し、上限の {limit} バイトを超えました")
}

/// A value in words; a pointer says what it points to (a heap object by
/// the name the picture gives it).
fn value(m: &Machine, stage: &Stage, v: &Value, lang: Language) -> String {
    let (Value::Ptr(a) | Value::Slice { ptr: a, .. }) = v else { return text::value(v, lang) };
    let object = |i: usize| {
        let o = &m.heap.objects[i];
        stage.label(o.id).map_or_else(|| o.ty.clone(), |n| format!("{} n{n}", o.ty))
    };
    if lang == Language::Ja {
        return value_ja(m, v, *a, object);
    }
    let what = match m.locate(*a).map(|l| l.target) {
        Ok(Target::Object(i)) => format!("the heap {}", object(i)),
        Ok(Target::Chunk(i)) => match m.c_heap.as_ref().map(|h| &h.chunks[i]) {
            Some(c) if c.free => String::from("a freed chunk (dangling)"),
            Some(c) => format!("{} chunk of the C heap", article(&c.ty, false)),
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

/// [`value`] in Japanese: what a pointer points to comes first, as
/// Japanese puts it (`ヒープ上の Point（0xc000010000）へのポインタ`).
fn value_ja(m: &Machine, v: &Value, a: memsim::Addr, object: impl Fn(usize) -> String) -> String {
    let mut dangling = false;
    let what = match m.locate(a).map(|l| l.target) {
        Ok(Target::Object(i)) => text::join_ja("ヒープ上の", &object(i)),
        Ok(Target::Chunk(i)) => match m.c_heap.as_ref().map(|h| &h.chunks[i]) {
            Some(c) if c.free => {
                dangling = true;
                String::from("解放済みのチャンク")
            }
            Some(c) => text::join_ja(&text::join_ja("C のヒープにある", &c.ty), "のチャンク"),
            None => String::from("C のヒープ"),
        },
        Ok(Target::Slot { stack, frame, slot }) => {
            let f = &m.stacks[stack].frames[frame];
            format!("スタック上の {} の {}", f.func, f.slots[slot].name)
        }
        Err(_) => {
            dangling = true;
            String::from("解放済みのメモリ")
        }
    };
    match v {
        Value::Slice { len, cap, .. } => text::join_ja(&what, &format!("を指すスライス（長さ {len}、容量 {cap}）")),
        _ if dangling => format!("{what}（{a}）を指すダングリングポインタ"),
        _ => format!("{what}（{a}）へのポインタ"),
    }
}
