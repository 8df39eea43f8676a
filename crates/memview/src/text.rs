//! Shared wording for values and sizes, used by the picture and by the
//! text alternative so both always say the same thing.

use crate::Language;
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
pub fn value(v: &Value, lang: Language) -> String {
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
                s.push_str(&value(&f.value, lang));
            }
            s.push('}');
            s
        }
        Value::Slice { len, cap, .. } => lang.pick(format!("len {len}, cap {cap}"), format!("長さ {len}、容量 {cap}")),
        Value::Bytes(n) => lang.pick(format!("{n} zero bytes"), format!("{n} バイト（すべて 0）")),
    }
}

/// Another telling of `v` for a box too narrow for [`value`]'s: a slice as
/// long as its capacity names the number once (shorter from three digits
/// on; the caller keeps whichever is narrower).
pub fn value_short(v: &Value, lang: Language) -> Option<String> {
    match v {
        Value::Slice { len, cap, .. } if len == cap => Some(lang.pick(format!("len = cap = {len}"), format!("長さ = 容量 = {len}"))),
        _ => None,
    }
}

/// `a` and `b` joined as Japanese writes them: a half-width space between
/// a Japanese character and a Latin one or a digit, none between two
/// Japanese characters (`0x10 の` + `値`, `ヒープ上の` + `Point`).
pub(crate) fn join_ja(a: &str, b: &str) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '&' | '[' | ')' | ']' | '}' | '_'));
    let wide = |c: Option<char>| c.is_some_and(is_wide);
    let (end, start) = (a.chars().next_back(), b.chars().next());
    let gap = (latin(end) && wide(start)) || (wide(end) && latin(start)) || (latin(end) && latin(start));
    if gap {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// Whether `c` is drawn a full em wide: kana, kanji, Hangul and the
/// full-width forms (East Asian Wide and Fullwidth).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// How many Latin characters' widths `s` takes: a Japanese character is a
/// full em, about 1.65 of the 0.62 em the layouts allow a Latin one.
pub fn columns(s: &str) -> f32 {
    s.chars().map(|c| if is_wide(c) { WIDE } else { 1.0 }).sum()
}

const WIDE: f32 = 1.65;

/// Breaks `s` into lines of at most `max` columns (see [`columns`]): at
/// spaces, and between Japanese characters except where Japanese line
/// breaking (kinsoku) forbids it — never before 、。」ー or a small kana,
/// never after 「（. A word longer than a line gets a line of its own; a
/// newline always breaks.
pub fn wrap(s: &str, max: usize) -> alloc::vec::Vec<String> {
    s.split('\n').flat_map(|p| wrap_paragraph(p, max as f32)).collect()
}

fn wrap_paragraph(s: &str, max: f32) -> alloc::vec::Vec<String> {
    let mut lines = alloc::vec::Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    // Where the current line may end at a phrase boundary: (byte offset,
    // columns before it).
    let mut phrases: alloc::vec::Vec<(usize, f32)> = alloc::vec::Vec::new();
    // A number keeps its unit: "16 B" is one word to the breaker.
    let mut words: alloc::vec::Vec<&str> = alloc::vec::Vec::new();
    let mut at = 0;
    for w in s.split(' ') {
        let start = at;
        at += w.len() + 1;
        if let Some(prev) = words.last_mut() {
            // A middle dot between two items ends a line, never starts one.
            if (unit_after_number(w) && prev.ends_with(|c: char| c.is_ascii_digit())) || w == "\u{b7}" {
                *prev = &s[start - prev.len() - 1..start + w.len()];
                continue;
            }
        }
        words.push(w);
    }
    for word in words {
        // Katakana words whole where a line holds seven Japanese
        // characters, else only their ends kept; a piece still wider than
        // a line breaks between any of its characters.
        let mut split = alloc::vec::Vec::new();
        for p in pieces(word, if max >= 12.0 { 2 } else { 1 }) {
            if columns(p) <= max || !p.chars().any(is_wide) {
                split.push(p);
                continue;
            }
            for q in pieces(p, 1) {
                if columns(q) > max {
                    split.append(&mut pieces(q, 0));
                } else {
                    split.push(q);
                }
            }
        }
        for (i, piece) in split.into_iter().enumerate() {
            // Pieces of one word join without a space.
            let mut gap = if line.is_empty() || i > 0 { 0.0 } else { 1.0 };
            let w = columns(piece);
            if !line.is_empty() && width + gap + w > max {
                // Back to the line's last phrase boundary when it leaves
                // the line almost half full: その周り comes down
                // whole rather than leave 周 to end a line.
                match phrases.iter().rev().find(|&&(_, before)| before >= max * 0.45) {
                    Some(&(at, before)) if width - before + gap + w <= max => {
                        let tail = line.split_off(at);
                        let tail = tail.trim_start_matches(' ');
                        lines.push(core::mem::replace(&mut line, String::from(tail)));
                        width = columns(tail);
                    }
                    _ => {
                        lines.push(core::mem::take(&mut line));
                        width = 0.0;
                        gap = 0.0;
                    }
                }
                phrases.clear();
            }
            if let (Some(p), Some(c)) = (line.chars().last(), piece.chars().next()) {
                if phrase_boundary(&line, p, c, gap > 0.0) {
                    phrases.push((line.len(), width));
                }
            }
            if gap > 0.0 {
                line.push(' ');
                width += gap;
            }
            line.push_str(piece);
            width += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    // A Japanese paragraph does not end on a line of one character (and
    // its closing marks): the word it ends comes down with it, from where
    // a kana particle gives way to a kanji or katakana word (が|決める),
    // else the one character before it.
    if let [.., prev, last] = lines.as_mut_slice() {
        let core = last.trim_end_matches(|c: char| NO_START.contains(c));
        let lone = core.chars().count() == 1;
        let chars: alloc::vec::Vec<char> = prev.chars().collect();
        let n = chars.len();
        if lone && n > 3 && chars.last().is_some_and(|&c| is_wide(c)) {
            let word = (1..=5.min(n - 2)).find(|&k| hiragana(chars[n - k - 1]) && !hiragana(chars[n - k]));
            let mut moved = word.unwrap_or(1);
            while word.is_none() && NO_START.contains(chars[n - moved]) && moved < 3 {
                moved += 1;
            }
            let cut = prev.char_indices().nth(n - moved).map_or(0, |(i, _)| i);
            if prev[cut..].chars().all(is_wide) && columns(&prev[cut..]) + columns(last) <= max {
                let tail = prev.split_off(cut);
                last.insert_str(0, &tail);
            }
        }
    }
    lines
}

/// Whether a Japanese line may end between `p` (the end of `line`) and `c`
/// at a phrase boundary: after punctuation, before an opening bracket, at
/// a space beside Japanese text, or where a particle or a kana ending
/// gives way to a kanji, katakana or Latin word (が|決める, その|周り; not
/// 割|り当て, nor 割り|当て: one kana after a kanji is part of its word), or
/// between katakana and kanji (フィルタ|関数).
fn phrase_boundary(line: &str, p: char, c: char, space: bool) -> bool {
    if !(is_wide(p) || is_wide(c)) || NO_START.contains(c) || NO_END.contains(p) {
        return false;
    }
    if space || "、。，．）」』】！？".contains(p) || "（「『【".contains(c) {
        return true;
    }
    // Between a katakana word and a kanji one (フィルタ|関数).
    if katakana(p) && kanji(c) || kanji(p) && katakana(c) {
        return true;
    }
    if !hiragana(p) || hiragana(c) {
        return false;
    }
    let before = line.chars().rev().nth(1);
    "はがをにでとのもへやか".contains(p) || before.is_some_and(hiragana)
}

/// Whether `word`, after a number, is that number's unit or counter: one
/// of [`UNITS`] not run into more letters ("B", "KiB,", "B。毎秒"), or a
/// Japanese word (a counter: "個", "バイト", "回").
fn unit_after_number(word: &str) -> bool {
    word.chars().next().is_some_and(is_wide)
        || UNITS.iter().any(|u| word.strip_prefix(u).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric())))
}

/// `s` with its first letter in capitals, to open a sentence ("a fixed
/// stack" read as the start of one).
pub fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() => c.to_ascii_uppercase().to_string() + chars.as_str(),
        _ => String::from(s),
    }
}

/// `s` with a no-break space between each number and its unit ("8 MiB"),
/// for text a browser wraps (the caption) as [`wrap`] does for canvas text.
pub fn keep_units(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        // "16-byte", "2-CPU": a non-breaking hyphen after a number.
        match w.find('-') {
            Some(i) if w[..i].ends_with(|c: char| c.is_ascii_digit()) => {
                out.push_str(&w[..i]);
                out.push('\u{2011}');
                out.push_str(&w[i + 1..]);
            }
            _ => out.push_str(w),
        }
        if let Some(next) = words.peek() {
            out.push(if unit_after_number(next) && w.ends_with(|c: char| c.is_ascii_digit()) { NBSP } else { ' ' });
        }
    }
    out
}

/// A space-free word cut where a line may break inside it: beside a
/// Japanese character, unless kinsoku forbids it or a space holds the two
/// together (`2\u{a0}個`, as `2\u{a0}spans` in English). `keep` says how
/// much of a katakana word a break must leave whole: with 2, a word of up
/// to six characters stays whole (プロセス, スケジューラ); with 1 or 2, a
/// longer one keeps at least two characters on each side of a break
/// (ガベー|ジコレクタ, never ガベージコレク|タ); with 0, any break.
fn pieces(word: &str, keep: u8) -> alloc::vec::Vec<&str> {
    // A Latin word never breaks inside (most words, measured often).
    if !word.chars().any(is_wide) {
        return alloc::vec![word];
    }
    let chars: alloc::vec::Vec<(usize, char)> = word.char_indices().collect();
    let kana = |k: usize| chars.get(k).is_some_and(|&(_, c)| katakana(c));
    // The length of the katakana run holding character `k`.
    let run = |k: usize| {
        let (mut a, mut b) = (k, k);
        while a > 0 && kana(a - 1) {
            a -= 1;
        }
        while kana(b + 1) {
            b += 1;
        }
        b + 1 - a
    };
    let mut out = alloc::vec::Vec::new();
    let mut start = 0;
    // The seams of the compound katakana word being read, if its parts
    // are all known (ガベージ|コレクタ): it breaks there and only there.
    let mut compound: Option<alloc::vec::Vec<usize>> = None;
    for k in 1..chars.len() {
        let ((_, p), (i, c)) = (chars[k - 1], chars[k]);
        if kana(k - 1) && (k < 2 || !kana(k - 2)) {
            let letters: alloc::vec::Vec<char> = chars[k - 1..k - 1 + run(k - 1)].iter().map(|&(_, c)| c).collect();
            compound = seams(&letters).map(|v| v.into_iter().map(|s| s + k - 1).collect());
        }
        let inside = kana(k - 1) && kana(k);
        let orphan = keep > 0
            && inside
            && match &compound {
                Some(at) if !at.is_empty() => !at.contains(&k),
                // One known word stays whole on a line that holds it.
                Some(_) if keep > 1 => true,
                _ => (keep > 1 && run(k) <= 6) || k < 2 || !kana(k - 2) || !kana(k + 1),
            };
        // A space inside a word joins a number to its unit.
        let held = [NBSP, ' '].contains(&p) || [NBSP, ' '].contains(&c);
        // A one-kana particle that ends its phrase (ホットパス|の|アロケーション,
        // たび|に|コスト, ション|は、) stays with the words before it: a
        // line never starts with it, unless nothing else would fit.
        let particle = keep > 0 && "はがをにでとのもへや".contains(c) && chars.get(k + 1).is_none_or(|&(_, n)| !hiragana(n));
        if (is_wide(p) || is_wide(c)) && !NO_START.contains(c) && !NO_END.contains(p) && !joined(p, c) && !orphan && !held && !particle {
            out.push(&word[start..i]);
            start = i;
        }
    }
    out.push(&word[start..]);
    out
}

/// Whether a katakana word is one of [`PARTS`] or made of them, so a
/// line breaks it only at a seam (a test holds the text's long words to it).
pub fn katakana_known(word: &str) -> bool {
    seams(&word.chars().collect::<alloc::vec::Vec<char>>()).is_some()
}

/// Where a katakana word splits into the known words of [`PARTS`]
/// (offsets of the seams inside it; none for one known word), or None if
/// it does not.
fn seams(word: &[char]) -> Option<alloc::vec::Vec<usize>> {
    // from[i]: where the last known part of word[..i] starts, if word[..i]
    // splits into known parts (dynamic programming, left to right).
    let mut from: alloc::vec::Vec<Option<usize>> = alloc::vec![None; word.len() + 1];
    from[0] = Some(0);
    for i in 0..word.len() {
        if from[i].is_none() {
            continue;
        }
        for part in PARTS.split(' ') {
            let n = part.chars().count();
            if from.get(i + n).is_some_and(Option::is_none) && word[i..].iter().copied().take(n).eq(part.chars()) {
                from[i + n] = Some(i);
            }
        }
    }
    let mut at = alloc::vec::Vec::new();
    let mut i = from[word.len()].map(|_| word.len())?;
    while i > 0 {
        i = from[i]?;
        if i > 0 {
            at.push(i);
        }
    }
    Some(at)
}

/// The words that long katakana compounds in the text are made of, so a
/// narrow line breaks them at a seam (スパン|クラス), never inside a word
/// (スパンク|ラス); and the text's long words that stand alone.
const PARTS: &str = "アシスト アロケータ アンド インターフェース エスケープ エラー オブジェクト ガード ガベージ キー キャッシュ クアッド クラス グラフ \
    ケース コレクション コレクタ サイズ キーボード ショートカット スイープ スタック スタディ ストア スパン スプリット スライス スレッド セグメント ゼロ フル \
    タイニー ダングリング チェーン チェック ツール データ ハイブリッド バリア バリュー ヒープ フレーム ページ ペーサー ヘッダ ポインタ ホット \
    マーク ミス メイン メッセージ メモリ モデル ラージ ラボ リトル エンディアン ワード アロケーション アクセス \
    アニメーション コンパクション シミュレーション スナップショット セマンティクス バックグラウンド プログラミング マイルストーン";

fn hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

fn kanji(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn katakana(c: char) -> bool {
    ('\u{30a0}'..='\u{30ff}').contains(&c) && c != '\u{30fb}'
}

const NBSP: char = '\u{a0}';

/// Units a number is never parted from at a line's end.
const UNITS: [&str; 12] = ["B", "KiB", "MiB", "GiB", "TiB", "KB", "MB", "GB", "ms", "s", "bytes", "\u{30d0}\u{30a4}\u{30c8}"];

/// Characters a line must not start with.
const NO_START: &str = "、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…),.:;!?%";
/// Characters a line must not end with.
const NO_END: &str = "（「『【〔〈《‘“(";

/// A Latin run stays whole: `GOGC=off`, `n1`, `64` do not break inside.
fn joined(p: char, c: char) -> bool {
    !is_wide(p) && !is_wide(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_slice_has_a_shorter_telling_and_others_none() {
        let full = Value::Slice { ptr: memsim::Addr(0xc000012000), len: 8, cap: 8 };
        assert_eq!(value_short(&full, Language::En).as_deref(), Some("len = cap = 8"));
        assert_eq!(value_short(&full, Language::Ja).as_deref(), Some("長さ = 容量 = 8"));
        assert!(value_short(&Value::Slice { ptr: memsim::Addr(0xc000012000), len: 2, cap: 8 }, Language::En).is_none());
        assert!(value_short(&Value::Nil, Language::En).is_none());
    }

    #[test]
    fn wrapping_breaks_at_spaces() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert_eq!(wrap("func f() {\n\u{a0}\u{a0}return 1\n}", 40), ["func f() {", "\u{a0}\u{a0}return 1", "}"]);
        // A number keeps its unit, or its Japanese counter.
        assert_eq!(wrap("new Point: 16 B", 13), ["new Point:", "16 B"]);
        assert_eq!(wrap("あたり 112 B。毎秒", 8), ["あたり", "112 B。", "毎秒"]);
        assert_eq!(wrap("ページ（8 KiB、504 個）", 12), ["ページ", "（8 KiB、", "504 個）"]);
        assert_eq!(
            keep_units("32 KiB から 16 バイト、16-byte で 2-CPU、Big's buf"),
            "32\u{a0}KiB から 16\u{a0}バイト、16\u{2011}byte で 2\u{2011}CPU、Big's buf"
        );
        assert_eq!(keep_units("8 MiB live, 2 s and 3 spans."), "8\u{a0}MiB live, 2\u{a0}s and 3 spans.");
        assert_eq!(wrap("pages of 8 KiB, from mheap", 10), ["pages of", "8 KiB,", "from mheap"]);
        // A phrase's closing particle stays with it: no line starts with の, に or は.
        for max in 10..24 {
            let lines = wrap("ホットパスのアロケーションは、呼び出しのたびにコストになる。", max);
            assert!(lines.iter().skip(1).all(|l| !l.starts_with(['の', 'に', 'は'])), "{max}: {lines:?}");
        }
        // A middle dot ends a line with the item before it.
        assert_eq!(wrap("5 objects \u{b7} 120 B", 11), ["5 objects \u{b7}", "120 B"]);
        for max in 8..30 {
            let lines = wrap("オブジェクト 5 個 \u{b7} 120 B（スパン 1 個、1 ページ）", max);
            assert!(lines.iter().all(|l| !l.starts_with('\u{b7}')), "{max}: {lines:?}");
        }
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_marks() {
        // 7 columns fit four kana; a katakana word keeps two characters on
        // each side of a break, and 。 never starts a line.
        assert_eq!(wrap("スタックとヒープ。", 7), ["スタック", "と", "ヒープ。"]);
        assert_eq!(wrap("実行中のプロセス", 9), ["実行中の", "プロセス"]);
        assert_eq!(wrap("ガベージクコレが動く", 11), ["ガベージク", "コレが動く"]);
        // A compound of known words breaks at its seam, never inside a
        // word; one known word stays whole where a line holds it.
        assert_eq!(wrap("ガベージコレクタが動く", 11), ["ガベージ", "コレクタが", "動く"]);
        assert_eq!(wrap("これはスパンクラスの", 13), ["これはスパン", "クラスの"]);
        assert_eq!(wrap("一回のアロケーションが重い", 14), ["一回の", "アロケーションが", "重い"]);
        // The last line is never one character alone.
        assert_eq!(wrap("コンパイラが決める", 14), ["コンパイラが", "決める"]);
        assert_eq!(wrap("あなたが計測する", 12), ["あなたが", "計測する"]);
        assert_eq!(wrap("報告値（ここでの計測ではない）", 24), ["報告値（ここでの", "計測ではない）"]);
        // Narrower than two characters, a piece breaks between any of its
        // characters: ー and a small kana never start a line.
        assert_eq!(wrap("スタックとヒープ。", 3), ["ス", "タッ", "ク", "と", "ヒー", "プ。"]);
        assert_eq!(columns("ヒープ"), 3.0 * WIDE);
        // Latin runs inside Japanese stay whole, and a space still breaks.
        assert_eq!(wrap("GOGC=offでは", 10), ["GOGC=off", "では"]);
        assert_eq!(wrap("「ヒープ」へ", 4), ["「ヒー", "プ」", "へ"]);
        // A no-break space keeps a number with its counter.
        assert_eq!(wrap("スパン 12\u{a0}個", 7), ["スパン", "12\u{a0}個"]);
        for line in wrap("ガベージコレクションは、到達できないオブジェクトを回収します。", 12) {
            assert!(columns(&line) <= 12.0, "{line}");
            assert!(!line.starts_with(['、', '。', 'ー', 'ッ']), "{line}");
        }
    }

    #[test]
    fn sizes_read_like_go_docs() {
        assert_eq!(bytes(16), "16 B");
        assert_eq!(bytes(2048), "2 KiB");
        assert_eq!(bytes(1 << 20), "1 MiB");
        assert_eq!(bytes(1536), "1.5 KiB");
    }
}
