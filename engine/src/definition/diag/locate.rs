//! [`Locator`]: a path into a TOML or JSON document (`options.week.values.cost`) mapped back
//! to the line, column and byte span of the original text, and diagnostics made there.

use super::json_paths::{json_path_at, json_span, json_walk};
use super::toml_paths::toml_path_guess;
#[cfg(feature = "toml")]
use super::toml_paths::{toml_find_in_table, toml_key_span, toml_span};
use super::{Diagnostic, Format, Seg, path_of, path_string};

/// Maps paths and byte offsets in one document to line, column and span.
pub struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    format: Format,
    /// The TOML text parsed with spans; parsed on first use (only when something is reported).
    #[cfg(feature = "toml")]
    toml: std::cell::OnceCell<Option<toml::Spanned<toml::de::DeTable<'a>>>>,
}

impl<'a> Locator<'a> {
    /// A locator for `text`. A TOML text is parsed once more with spans, but only when a
    /// location is first asked for.
    pub fn new(file: &'a str, text: &'a str, format: Format) -> Locator<'a> {
        Locator {
            file,
            text,
            format,
            #[cfg(feature = "toml")]
            toml: std::cell::OnceCell::new(),
        }
    }

    #[cfg(feature = "toml")]
    fn toml(&self) -> Option<&toml::Spanned<toml::de::DeTable<'a>>> {
        self.toml
            .get_or_init(|| match self.format {
                Format::Toml => toml::de::DeTable::parse(self.text).ok(),
                Format::Json => None,
            })
            .as_ref()
    }

    /// Like [`Locator::path_at`] for a TOML text already known to have a syntax error (or not):
    /// then it is not parsed again.
    pub fn path_at_toml(&self, offset: usize, syntax_error: bool) -> Vec<Seg> {
        if syntax_error {
            toml_path_guess(self.text, offset)
        } else {
            self.path_at(offset)
        }
    }

    /// The path of the innermost field at byte `offset` (see [`toml_path_at`] and
    /// [`json_path_at`]).
    pub fn path_at(&self, offset: usize) -> Vec<Seg> {
        match self.format {
            #[cfg(feature = "toml")]
            Format::Toml => match self.toml() {
                Some(root) => {
                    let mut path = Vec::new();
                    toml_find_in_table(root.get_ref(), offset, &mut path);
                    path
                }
                None => toml_path_guess(self.text, offset),
            },
            #[cfg(not(feature = "toml"))]
            Format::Toml => toml_path_guess(self.text, offset),
            Format::Json => json_path_at(self.text, offset).0,
        }
    }

    /// (line, column), both 1-based, of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(self.text, offset)
    }

    /// The span of the value at `path`, or of the nearest existing ancestor.
    pub fn span(&self, path: &[Seg]) -> (usize, usize) {
        let found = match self.format {
            #[cfg(feature = "toml")]
            Format::Toml => self.toml().and_then(|t| toml_span(t, path)),
            #[cfg(not(feature = "toml"))]
            Format::Toml => None,
            Format::Json => json_span(self.text, path),
        };
        found.unwrap_or((0, 0))
    }

    /// The span of the *key* of the last segment of `path` (for problems with a name, such as a
    /// duplicate or a reserved word); the value's span when the path does not end in a key.
    pub fn key_span(&self, path: &[Seg]) -> (usize, usize) {
        let found = match self.format {
            #[cfg(feature = "toml")]
            Format::Toml => self.toml().and_then(|t| toml_key_span(t, path)),
            #[cfg(not(feature = "toml"))]
            Format::Toml => None,
            Format::Json => json_walk(self.text, path).and_then(|(_, key)| key),
        };
        found.unwrap_or_else(|| self.span(path))
    }

    /// Byte offset in the document of byte `offset` of the *decoded* string value at `path`
    /// (for expression errors): skips the opening quote(s) and accounts for escapes
    /// (`\"`, `\\`, `\u00e9`, line-ending backslashes) before the offset.
    pub fn offset_in_string(&self, path: &[Seg], offset: usize) -> usize {
        let (start, end) = self.span(path);
        let end = end.min(self.text.len());
        let start = start.min(end);
        match self.text.get(start..end) {
            Some(raw) => start + raw_offset_in_string(raw, offset),
            None => start,
        }
    }

    /// The document.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Whether the whole of `path` is in the document (ending in a key).
    pub fn has(&self, path: &[Seg]) -> bool {
        match self.format {
            #[cfg(feature = "toml")]
            Format::Toml => self
                .toml()
                .is_some_and(|t| toml_key_span(t, path).is_some()),
            #[cfg(not(feature = "toml"))]
            Format::Toml => false,
            Format::Json => json_walk(self.text, path).is_some_and(|(_, key)| key.is_some()),
        }
    }

    /// A diagnostic at the value at `path`.
    pub fn at(&self, path: &[Seg], message: impl Into<String>, hint: Option<String>) -> Diagnostic {
        let span = self.span(path);
        self.at_span(path, span, message, hint)
    }

    /// A diagnostic at the key of the last segment of `path` (see [`Locator::key_span`]).
    pub fn at_key(
        &self,
        path: &[Seg],
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        let span = self.key_span(path);
        self.at_span(path, span, message, hint)
    }

    /// A diagnostic at an explicit byte span, labelled with `path`.
    pub fn at_span(
        &self,
        path: &[Seg],
        span: (usize, usize),
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        let (line, column) = self.line_col(span.0);
        Diagnostic {
            file: self.file.to_string(),
            line,
            column,
            field: path_string(path),
            message: message.into(),
            hint,
            span,
        }
    }
}

/// The path of a derived value's expression: `derived.x` or, for a table, `derived.x.expr`.
pub(crate) fn derived_path(loc: &Locator, id: &str) -> Vec<Seg> {
    let table = path_of(&["derived", id]);
    let expr = path_of(&["derived", id, "expr"]);
    if loc.span(&expr) != loc.span(&table) {
        expr
    } else {
        table
    }
}

/// (line, column), both 1-based, of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset in `raw` (a TOML or JSON string literal with its quotes, or a bare value) of
/// byte `offset` of the decoded string.
pub(super) fn raw_offset_in_string(raw: &str, offset: usize) -> usize {
    let (open, escapes, multiline) = if raw.starts_with("\"\"\"") {
        (3, true, true)
    } else if raw.starts_with("'''") {
        (3, false, true)
    } else if raw.starts_with('"') {
        (1, true, false)
    } else if raw.starts_with('\'') {
        (1, false, false)
    } else {
        // A bare value (a number written without quotes).
        let mut o = offset.min(raw.len());
        while !raw.is_char_boundary(o) {
            o -= 1;
        }
        return o;
    };
    let b = raw.as_bytes();
    let mut i = open;
    if multiline {
        // A newline right after the opening quotes is not part of the string.
        if raw[i..].starts_with("\r\n") {
            i += 2;
        } else if raw[i..].starts_with('\n') {
            i += 1;
        }
    }
    let hex = |from: usize, len: usize| -> Option<u32> {
        raw.get(from..from + len)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let mut decoded = 0;
    while decoded < offset && i < b.len() {
        if escapes && b[i] == b'\\' {
            match b.get(i + 1) {
                Some(b'u') => {
                    let code = hex(i + 2, 4).unwrap_or(0xFFFD);
                    if (0xD800..0xDC00).contains(&code)
                        && b.get(i + 6) == Some(&b'\\')
                        && b.get(i + 7) == Some(&b'u')
                    {
                        // A JSON surrogate pair: one four-byte character.
                        i += 12;
                        decoded += 4;
                    } else {
                        i += 6;
                        decoded += char::from_u32(code).map_or(3, char::len_utf8);
                    }
                }
                Some(b'U') => {
                    let code = hex(i + 2, 8).unwrap_or(0xFFFD);
                    i += 10;
                    decoded += char::from_u32(code).map_or(3, char::len_utf8);
                }
                Some(_) if multiline && line_ending_backslash(&b[i + 1..]) => {
                    // `\` at the end of a line: the newline and following whitespace vanish.
                    i += 1;
                    while i < b.len() && b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
                Some(_) => {
                    i += 2;
                    decoded += 1;
                }
                None => break,
            }
        } else {
            let c = raw[i..].chars().next().map_or(1, char::len_utf8);
            i += c;
            decoded += c;
        }
    }
    let mut i = i.min(raw.len());
    while !raw.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True if `rest` (what follows a backslash) is optional spaces and then a line break.
pub(super) fn line_ending_backslash(rest: &[u8]) -> bool {
    let ws = rest
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    matches!(rest.get(ws), Some(b'\n') | Some(b'\r'))
}
