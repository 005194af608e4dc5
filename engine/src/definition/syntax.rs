//! TOML and JSON syntax errors (what the parser says) in plain words, with a hint; and the
//! likelier causes a parser cannot see (a JSON file named .toml, a decimal comma, a
//! look-alike letter in a key).

#[cfg(feature = "toml")]
use crate::diag::{Diagnostic, Locator};

/// TOML syntax errors with a likelier cause than the parser can see: a JSON file named
/// `.toml`, a decimal comma, a look-alike letter in a key.
#[cfg(feature = "toml")]
pub(super) fn toml_syntax_special(
    loc: &Locator,
    text: &str,
    span: (usize, usize),
    msg: &str,
) -> Option<Diagnostic> {
    // The first line that is not blank or a comment.
    let first = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .find(|(_, l)| {
            let t = l.trim_start_matches('\u{feff}').trim();
            !t.is_empty() && !t.starts_with('#')
        });
    if let Some((start, line)) = first
        && line
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    {
        let at = start + line.find('{').unwrap_or(0);
        return Some(loc.at_span(
            &[],
            (at, at + 1),
            "the file looks like JSON (it starts with `{`), but its name ends in .toml",
            Some("rename it to definition.json, or write the definition in TOML".into()),
        ));
    }
    let at = span.0.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if let Some((value, start)) = decimal_comma(line) {
        let start = line_start + start;
        return Some(loc.at_span(
            &loc.path_at_toml(start, true),
            (start, start + value.len()),
            format!("`{value}` has a decimal comma"),
            Some(format!("use a decimal point: {}", value.replace(',', "."))),
        ));
    }
    if msg.trim().starts_with("invalid unquoted key") {
        return lookalike_key(loc, text, line_start, at);
    }
    None
}

/// `key = 2,50` (a number with a decimal comma): the value and its offset in the line.
#[cfg(feature = "toml")]
fn decimal_comma(line: &str) -> Option<(&str, usize)> {
    let (_, after) = line.split_once('=')?;
    let value = after.split('#').next()?.trim();
    let (whole, fraction) = value.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_digits = whole.strip_prefix('-').unwrap_or(whole);
    if !(digits(whole_digits) && digits(fraction)) {
        return None;
    }
    let start = line.len() - after.len() + after.find(value)?;
    Some((value, start))
}

/// A key with a character that is not ASCII (`[options.tickеts]` with a Cyrillic `е`): name
/// the character, suggest the ASCII key, and for a table header name the table it is in.
#[cfg(feature = "toml")]
fn lookalike_key(loc: &Locator, text: &str, line_start: usize, at: usize) -> Option<Diagnostic> {
    let part = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || !c.is_ascii();
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let offset = at - line_start;
    let start = line[..offset]
        .rfind(|c: char| !part(c))
        .map_or(0, |i| i + 1);
    let end = line[offset..]
        .find(|c: char| !part(c) || c.is_whitespace())
        .map_or(line.len(), |i| offset + i);
    let word = line[start..end].trim();
    let (character, ascii) = crate::diag::non_ascii(word)?;
    let header = line.trim_start().starts_with('[');
    let path = if header {
        let inner = line[..start].trim_start().trim_start_matches('[');
        crate::diag::split_dotted_key(inner.trim_end_matches('.')).unwrap_or_default()
    } else {
        loc.path_at_toml(at, true)
    };
    Some(loc.at_span(
        &path,
        (line_start + start, line_start + end),
        format!("{character} in `{word}` is not an ASCII letter: keys and ids use only a-z, 0-9, `_` and `-`"),
        Some(match ascii {
            Some(a) => format!("write `{a}`"),
            None => "retype the key with ASCII letters".into(),
        }),
    ))
}

/// A short, one-line quote of the text at an error.
pub(super) fn quote_snippet(snippet: &str) -> String {
    let s = snippet.lines().next().unwrap_or("").trim();
    if s.chars().count() > 40 {
        format!("`{}...`", s.chars().take(40).collect::<String>())
    } else {
        format!("`{s}`")
    }
}

/// Plain words for a TOML syntax error; `snippet` is the text at the error's span.
#[cfg(feature = "toml")]
pub(super) fn toml_syntax_message(msg: &str, snippet: &str) -> (String, Option<String>) {
    let m = msg.trim();
    toml_text_or_bracket_message(m, snippet)
        .or_else(|| toml_key_or_value_message(m, snippet))
        .unwrap_or_else(|| (format!("TOML syntax error: {m}"), None))
}

/// A duplicate key, an unclosed text, table or list, or text after a value.
#[cfg(feature = "toml")]
fn toml_text_or_bracket_message(m: &str, snippet: &str) -> Option<(String, Option<String>)> {
    let hint = |h: &str| Some(h.to_string());
    let blank = snippet.trim().is_empty();
    Some(if m.starts_with("duplicate key") {
        let what = if blank {
            "this key".to_string()
        } else {
            quote_snippet(snippet)
        };
        (
            format!("{what} appears twice"),
            hint("every key, table and id may appear only once here: rename or remove one of them"),
        )
    } else if m.starts_with("invalid multi-line basic string") {
        (
            "the text is not closed with `\"\"\"`".into(),
            hint("end a text over several lines with `\"\"\"`"),
        )
    } else if m.starts_with("invalid multi-line literal string") {
        (
            "the text is not closed with `'''`".into(),
            hint("end a text over several lines with `'''`"),
        )
    } else if m.starts_with("invalid basic string") {
        (
            "the text is not closed with `\"`".into(),
            hint(
                "end it with `\"` on the same line; for text over several lines use \"\"\"...\"\"\"",
            ),
        )
    } else if m.starts_with("invalid literal string") {
        (
            "the text is not closed with `'`".into(),
            hint("end it with `'` on the same line"),
        )
    } else if m.starts_with("unclosed inline table") {
        (
            "the inline table `{ ... }` is not closed".into(),
            hint("add `}` after the last `key = value` of the table"),
        )
    } else if m.starts_with("unclosed array") {
        (
            "the list `[ ... ]` is not closed".into(),
            hint("add `]`, and put a comma between the items"),
        )
    } else if m.starts_with("unclosed table") {
        (
            "the table header is not closed with `]`".into(),
            hint("write it as `[name]` or `[name.id]`"),
        )
    } else if m.starts_with("unexpected key or value") {
        (
            "unexpected text after the value".into(),
            hint("put each `key = value` on its own line, and separate list items with commas"),
        )
    } else {
        return None;
    })
}

/// A key, `=`, value, comma or escape that is missing, extra or invalid.
#[cfg(feature = "toml")]
fn toml_key_or_value_message(m: &str, snippet: &str) -> Option<(String, Option<String>)> {
    let hint = |h: &str| Some(h.to_string());
    let blank = snippet.trim().is_empty();
    Some(if m.starts_with("string values must be quoted") {
        if blank {
            (
                "the value is missing".into(),
                hint("write `key = value`; put text in quotes"),
            )
        } else {
            (
                format!("{} is not a valid value", quote_snippet(snippet)),
                hint("put text in quotes; numbers, true/false and dates go without quotes"),
            )
        }
    } else if m.starts_with("key with no value") {
        (
            "a key without `= value`".into(),
            hint("write `key = value`; a key with spaces needs quotes"),
        )
    } else if m.starts_with("invalid boolean") {
        (
            format!("{} is not true or false", quote_snippet(snippet)),
            hint("write true or false in lowercase, or put text in quotes"),
        )
    } else if m.starts_with("missing comma between key-value pairs") {
        (
            "a comma is missing, or the inline table `{ ... }` before this is not closed".into(),
            hint(
                "separate the `key = value` pairs inside `{ ... }` with commas, and end it with `}`",
            ),
        )
    } else if m.starts_with("missing comma between array elements") {
        (
            "a comma is missing, or the list `[ ... ]` before this is not closed".into(),
            hint("separate the items of a list with commas, and end it with `]`"),
        )
    } else if m.starts_with("extra comma") {
        ("an extra comma".into(), hint("remove it"))
    } else if m.starts_with("missing value") {
        (
            "the value is missing".into(),
            hint("write `key = value`; put text in quotes"),
        )
    } else if m.starts_with("missing assignment") || m.starts_with("invalid key-value pair") {
        (
            "`=` is missing between the key and the value".into(),
            hint("write `key = value`"),
        )
    } else if m.starts_with("invalid unquoted key") {
        if blank {
            (
                "a space cannot be part of a key".into(),
                hint("use `_` instead of a space, e.g. `trips_per_week`"),
            )
        } else {
            (
                format!("{} cannot be part of a key", quote_snippet(snippet)),
                hint("keys use letters, digits, `_` and `-`; after `=` put text in quotes"),
            )
        }
    } else if m.starts_with("invalid comment character") {
        ("a control character in a comment".into(), hint("remove it"))
    } else if m.starts_with("missing key for inline table element")
        || m.starts_with("invalid inline table element")
    {
        (
            "unexpected text inside the inline table `{ ... }`".into(),
            hint("write `{ key = value, key = value }`"),
        )
    } else if m.starts_with("missing opening quote") {
        (
            "a text is missing its opening quote".into(),
            hint("put text in quotes: \"...\""),
        )
    } else if m.starts_with("extra assignment") || m.starts_with("extra `=`") {
        (
            "an extra `=`".into(),
            hint("write `key = value` with one `=`; text that contains `=` goes in quotes"),
        )
    } else if m.starts_with("unexpected `=` in array") {
        (
            "unexpected `=` in a list".into(),
            hint("a list holds values, e.g. `[1, 2]` or `[{ id = \"a\" }]`"),
        )
    } else if m.starts_with("missing escaped value") || m.starts_with("too few unicode") {
        (
            "a backslash `\\` that does not start a valid escape".into(),
            hint("write `\\\\` for a backslash, or use '...' quotes, which have no escapes"),
        )
    } else if m.starts_with("unquoted keys cannot be empty") {
        (
            "a key is missing".into(),
            hint("write `key = value`; keys use letters, digits, `_` and `-`"),
        )
    } else {
        return None;
    })
}

/// Plain words for a JSON syntax error (serde_json's message without the position).
pub(super) fn json_syntax_message(msg: &str) -> (String, Option<String>) {
    let m = msg.trim();
    let hint = |h: &str| Some(h.to_string());
    if m.starts_with("EOF while parsing") {
        (
            "the file ends too early".into(),
            hint("a closing `}`, `]` or `\"` is missing"),
        )
    } else if m.starts_with("trailing comma") {
        (
            "a comma before a closing bracket".into(),
            hint("remove the last comma"),
        )
    } else if m.starts_with("key must be a string") {
        (
            "expected a key in double quotes".into(),
            hint("remove the extra comma, or put the key in double quotes"),
        )
    } else if m.starts_with("expected `,` or `}`") || m.starts_with("expected `,` or `]`") {
        (
            format!("{m} after a value"),
            hint("is a comma missing between two entries?"),
        )
    } else if m.starts_with("expected `:`") {
        ("expected `:` after the key".into(), None)
    } else if m.starts_with("expected value") || m.starts_with("expected ident") {
        (
            "expected a value".into(),
            hint("put text in double quotes; numbers, true, false and null go without"),
        )
    } else if m.starts_with("control character") {
        (
            "a line break or tab inside a text".into(),
            hint("write \\n for a line break; a JSON text must be on one line"),
        )
    } else if m.starts_with("invalid escape") {
        (
            "a backslash `\\` that does not start a valid escape".into(),
            hint("write `\\\\` for a backslash"),
        )
    } else if m.starts_with("trailing characters") {
        (
            "more text after the end of the definition".into(),
            hint("the whole definition must be one object `{ ... }`"),
        )
    } else {
        (format!("JSON syntax error: {m}"), None)
    }
}
