//! Tokenizer. Produces tokens with byte spans, ending with `Tok::Eof`.

use super::ExprError;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    Str(String),
    Ident(String),
    Bool(bool),
    If,
    Then,
    Else,
    And,
    Or,
    Not,
    In,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    EqEq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Eof,
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

pub(super) fn lex(src: &str) -> Result<Vec<Token>, ExprError> {
    let b = src.as_bytes();
    let n = b.len();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < n {
        let c = b[i];
        let start = i;
        let (tok, len) = match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => {
                let (tok, end) = lex_number(src, i)?;
                toks.push(Token { tok, start, end });
                i = end;
                continue;
            }
            b'.' => return Err(stray_dot(src, i)),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => lex_word(src, i),
            b'\'' | b'"' => lex_text(src, i)?,
            _ => lex_operator(src, i)?,
        };
        toks.push(Token {
            tok,
            start,
            end: start + len,
        });
        i += len;
    }
    toks.push(Token {
        tok: Tok::Eof,
        start: n,
        end: n,
    });
    Ok(toks)
}

/// The error for a `.` at byte `i` that does not follow a digit (`.5`, `week.cost`).
fn stray_dot(src: &str, i: usize) -> ExprError {
    let b = src.as_bytes();
    let n = b.len();
    let next = b.get(i + 1).copied();
    if next.is_some_and(|d| d.is_ascii_digit()) {
        let mut j = i + 1;
        while j < n && b[j].is_ascii_digit() {
            j += 1;
        }
        return ExprError::new(i, j, "a number must start with a digit")
            .hint(format!("write 0{}", &src[i..j]));
    }
    ExprError::new(i, i + 1, "unexpected `.`")
}

/// A keyword, `true`/`false` (or `yes`/`no`) or a name at byte `i`, and its length.
fn lex_word(src: &str, i: usize) -> (Tok, usize) {
    let b = src.as_bytes();
    let n = b.len();
    let mut j = i;
    while j < n && is_ident_byte(b[j]) {
        j += 1;
    }
    let word = &src[i..j];
    let tok = match word {
        "if" => Tok::If,
        "then" => Tok::Then,
        "else" => Tok::Else,
        "and" => Tok::And,
        "or" => Tok::Or,
        "not" => Tok::Not,
        "in" => Tok::In,
        "true" | "yes" => Tok::Bool(true),
        "false" | "no" => Tok::Bool(false),
        _ => Tok::Ident(word.to_string()),
    };
    (tok, j - i)
}

/// A text in quotes at byte `i` (the quote), and its length with the quotes.
fn lex_text(src: &str, i: usize) -> Result<(Tok, usize), ExprError> {
    let b = src.as_bytes();
    let n = b.len();
    let c = b[i];
    let mut j = i + 1;
    while j < n && b[j] != c {
        j += 1;
    }
    if j >= n {
        return Err(ExprError::new(i, n, "this text has no closing quote")
            .hint(format!("add a closing {} after the text", c as char)));
    }
    Ok((Tok::Str(src[i + 1..j].to_string()), j + 1 - i))
}

/// An operator, bracket or comma at byte `i`, and its length; or what is wrong with the
/// character there (an operator of another language, a look-alike character).
fn lex_operator(src: &str, i: usize) -> Result<(Tok, usize), ExprError> {
    let next = src.as_bytes().get(i + 1).copied();
    Ok(match src.as_bytes()[i] {
        b'(' => (Tok::LParen, 1),
        b')' => (Tok::RParen, 1),
        b'[' => (Tok::LBracket, 1),
        b']' => (Tok::RBracket, 1),
        b',' => (Tok::Comma, 1),
        b'+' => (Tok::Plus, 1),
        b'-' => (Tok::Minus, 1),
        b'*' => (Tok::Star, 1),
        b'/' => (Tok::Slash, 1),
        b'=' => match next {
            Some(b'=') => (Tok::EqEq, 2),
            Some(b'<') => {
                return Err(ExprError::new(i, i + 2, "`=<` is not an operator").hint("write `<=`"));
            }
            Some(b'>') => {
                return Err(ExprError::new(i, i + 2, "`=>` is not an operator").hint("write `>=`"));
            }
            _ => {
                return Err(ExprError::new(i, i + 1, "`=` alone is not an operator")
                    .hint("use `==` to compare"));
            }
        },
        b'!' => match next {
            Some(b'=') => (Tok::Ne, 2),
            _ => {
                return Err(ExprError::new(i, i + 1, "`!` is not an operator").hint("use `not`"));
            }
        },
        b'<' => match next {
            Some(b'=') => (Tok::Le, 2),
            Some(b'>') => {
                return Err(ExprError::new(i, i + 2, "`<>` is not an operator")
                    .hint("use `!=` for \"not equal\""));
            }
            _ => (Tok::Lt, 1),
        },
        b'>' => match next {
            Some(b'=') => (Tok::Ge, 2),
            _ => (Tok::Gt, 1),
        },
        c @ (b'&' | b'|') => {
            let len = if next == Some(c) { 2 } else { 1 };
            let word = if c == b'&' { "and" } else { "or" };
            return Err(ExprError::new(
                i,
                i + len,
                format!("`{}` is not an operator", &src[i..i + len]),
            )
            .hint(format!("use `{word}`")));
        }
        b'^' => {
            return Err(ExprError::new(i, i + 1, "there is no power operator `^`")
                .hint("multiply instead, e.g. x * x"));
        }
        b'%' => {
            return Err(ExprError::new(i, i + 1, "there is no `%` operator")
                .hint("write a percentage as a fraction, e.g. 0.21 instead of 21%"));
        }
        _ => return Err(unexpected_character(src, i)),
    })
}

/// The error for a character at byte `i` that the language does not use, with a hint for
/// the usual look-alikes.
fn unexpected_character(src: &str, i: usize) -> ExprError {
    let ch = src[i..].chars().next().unwrap_or('?');
    let len = ch.len_utf8();
    let hint = match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{201C}' | '\u{201D}'
        | '\u{201E}' | '\u{00B4}' | '`' => Some("use a plain ' or \" quote around text"),
        '\u{00D7}' => Some("use `*` to multiply"),
        '\u{00F7}' | ':' => Some("use `/` to divide"),
        '\u{2212}' | '\u{2013}' | '\u{2014}' => Some("use a plain `-`"),
        '\u{2264}' => Some("use `<=`"),
        '\u{2265}' => Some("use `>=`"),
        '\u{2260}' => Some("use `!=`"),
        '\u{20AC}' | '$' => Some("leave out the currency sign"),
        _ => None,
    };
    let err = ExprError::new(i, i + len, format!("unexpected character `{ch}`"));
    match hint {
        Some(h) => err.hint(h),
        None => err,
    }
}

/// Lex a number starting at byte `i` (a digit). Returns the token and its end.
fn lex_number(src: &str, i: usize) -> Result<(Tok, usize), ExprError> {
    let b = src.as_bytes();
    let n = b.len();
    let mut j = i;
    while j < n && b[j].is_ascii_digit() {
        j += 1;
    }
    if j < n && b[j] == b'.' {
        if j + 1 < n && b[j + 1].is_ascii_digit() {
            j += 1;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            if j < n && b[j] == b'.' {
                return Err(ExprError::new(
                    i,
                    j + 1,
                    "a number can contain only one decimal point",
                ));
            }
        } else {
            let digits = &src[i..j];
            return Err(ExprError::new(i, j + 1, "a number cannot end with a point")
                .hint(format!("write {digits} or {digits}.0")));
        }
    }
    if j < n && (b[j].is_ascii_alphabetic() || b[j] == b'_') {
        let mut k = j;
        while k < n && is_ident_byte(b[k]) {
            k += 1;
        }
        return Err(
            ExprError::new(i, k, "a number cannot be directly followed by a name").hint(format!(
                "to multiply, write {} * {}",
                &src[i..j],
                &src[j..k]
            )),
        );
    }
    let text = &src[i..j];
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok((Tok::Num(v), j)),
        _ => Err(ExprError::new(i, j, "this number is too large")),
    }
}
