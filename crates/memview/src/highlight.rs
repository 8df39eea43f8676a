//! Token classes for the code listing beside the picture (Go and the
//! pseudo-assembly), one line at a time. Deliberately small: keywords,
//! builtins, comments, strings, numbers — enough to read code at a glance.

use alloc::vec::Vec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Plain,
    Keyword,
    Builtin,
    Comment,
    String,
    Number,
}

impl Token {
    /// The CSS class the page styles this token with.
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Keyword => "tok-kw",
            Token::Builtin => "tok-bi",
            Token::Comment => "tok-cm",
            Token::String => "tok-st",
            Token::Number => "tok-nu",
        }
    }
}

const GO_KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];
const GO_BUILTINS: &[&str] = &[
    "any", "append", "bool", "byte", "cap", "copy", "error", "false", "int", "int64", "len", "make", "new", "nil", "panic", "print", "println", "rune",
    "string", "true", "uint64", "uintptr",
];
const C_KEYWORDS: &[&str] = &[
    "break", "case", "char", "const", "continue", "else", "for", "if", "int", "long", "return", "sizeof", "static", "struct", "typedef", "unsigned", "void",
    "while", "#include",
];
const C_BUILTINS: &[&str] = &["malloc", "free", "printf", "memset", "strcmp", "NULL", "size_t"];
const ASM_KEYWORDS: &[&str] = &["MOVQ", "ADDQ", "SUBQ", "CMPQ", "LEAQ", "CALL", "RET", "JMP"];
const ASM_REGISTERS: &[&str] = &["AX", "BX", "CX", "DX", "SI", "DI", "SP", "BP", "R14"];

/// Which listing language to read a line as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Go,
    C,
    Asm,
}

/// Splits `line` into (token, text) runs that concatenate back to `line`.
pub fn highlight(line: &str, syntax: Syntax) -> Vec<(Token, &str)> {
    let asm = syntax == Syntax::Asm;
    let (keywords, builtins) = match syntax {
        Syntax::Go => (GO_KEYWORDS, GO_BUILTINS),
        Syntax::C => (C_KEYWORDS, C_BUILTINS),
        Syntax::Asm => (ASM_KEYWORDS, ASM_REGISTERS),
    };
    let mut out: Vec<(Token, &str)> = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let token = if line[i..].starts_with("//") {
            i = bytes.len();
            Token::Comment
        } else if c == b'"' || c == b'`' || c == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
            Token::String
        } else if c.is_ascii_digit() || (c == b'$' && asm) {
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
                i += 1;
            }
            Token::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || (c == b'#' && syntax == Syntax::C) {
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &line[start..i];
            if keywords.contains(&word) {
                Token::Keyword
            } else if builtins.contains(&word) {
                Token::Builtin
            } else {
                Token::Plain
            }
        } else {
            i += line[i..].chars().next().map_or(1, char::len_utf8);
            Token::Plain
        };
        match out.last_mut() {
            // Merge neighbouring runs of the same kind: fewer DOM nodes.
            Some((t, text)) if *t == token => *text = &line[start - text.len()..i],
            _ => out.push((token, &line[start..i])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn runs_cover_the_line_exactly() {
        for (line, syntax) in [
            ("\tp := Point{X: x, Y: y} // moved", Syntax::Go),
            ("MOVQ $40, 0x1000   // apples = 40", Syntax::Asm),
            ("s := \"a\\\"b\" + `c`", Syntax::Go),
            ("ünïcode := 1", Syntax::Go),
            ("#include <stdio.h>", Syntax::C),
        ] {
            let joined: String = highlight(line, syntax).iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, line);
        }
    }

    #[test]
    fn classifies_go_and_asm() {
        let go = highlight("func add(a, b int) int { return 1 } // c", Syntax::Go);
        assert_eq!(go[0], (Token::Keyword, "func"));
        assert!(go.contains(&(Token::Builtin, "int")));
        assert!(go.contains(&(Token::Number, "1")));
        assert_eq!(go.last(), Some(&(Token::Comment, "// c")));
        let asm = highlight("MOVQ $40, 0x1000", Syntax::Asm);
        assert_eq!(asm[0], (Token::Keyword, "MOVQ"));
        assert!(asm.contains(&(Token::Number, "$40")));
        assert!(asm.contains(&(Token::Number, "0x1000")));
        let c = highlight("\tchar *buf = malloc(4096);", Syntax::C);
        assert!(c.contains(&(Token::Keyword, "char")) && c.contains(&(Token::Builtin, "malloc")));
    }
}
