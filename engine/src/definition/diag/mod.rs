//! Diagnostics: every problem in a definition names file, line, column, field, what is wrong
//! and what would be right.
//!
//! Validation works on the deserialized model and reports a *path* (`options.day_ticket.values.cost`);
//! [`Locator`] maps that path back to a byte span in the original text, for TOML and JSON alike.

use std::fmt;

/// One problem in a definition (or in a test-case file).
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// File name as given by the caller (e.g. `advisors/ret/definition.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// Dotted path of the field (e.g. `inputs.trips_per_week.max`); empty for syntax errors.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// What would be right, if we can tell.
    pub hint: Option<String>,
    /// Byte range in the file (for editors).
    pub span: (usize, usize),
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// A list of diagnostics, displayed one per line.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// One step in a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A key of a table / object.
    Key(String),
    /// An index of an array.
    Index(usize),
}

/// Builds a path from string keys and indices: `path!["options", id, "values", factor]`.
pub fn path_of(parts: &[&str]) -> Vec<Seg> {
    parts.iter().map(|p| Seg::Key((*p).to_string())).collect()
}

/// Renders a path as `a.b[2].c`.
pub fn path_string(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Source format of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML (what authors write).
    Toml,
    /// JSON (same shape).
    Json,
}

impl Format {
    /// Guess the format from a file name, falling back to the first non-blank character.
    pub fn detect(file: &str, text: &str) -> Format {
        if file.ends_with(".json") {
            Format::Json
        } else if file.ends_with(".toml") {
            Format::Toml
        } else if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

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

/// Walks `path` from the root; returns the span of the deepest value found (header tables: the
/// header) and, when the whole path exists and ends in a key, that key's span.
#[cfg(feature = "toml")]
#[allow(clippy::type_complexity)]
fn toml_walk(
    root: &toml::Spanned<toml::de::DeTable<'_>>,
    path: &[Seg],
) -> ((usize, usize), Option<(usize, usize)>) {
    use toml::de::DeValue;
    let mut best = root.span();
    let mut key_span = None;
    let mut table: Option<&toml::de::DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&toml::de::DeArray<'_>> = None;
    for (n, seg) in path.iter().enumerate() {
        let value: &toml::Spanned<DeValue<'_>> = match (seg, table, array) {
            (Seg::Key(k), Some(t), _) => {
                match t.iter().find(|(key, _)| key.get_ref().as_ref() == k) {
                    Some((key, v)) => {
                        // A table made by a [header] spans the header; an implicit table (the
                        // `a` of `[a.b]`) has an empty or key-only span: use the key then.
                        let vs = v.span();
                        best = if vs.start < vs.end { vs } else { key.span() };
                        if n + 1 == path.len() {
                            key_span = Some((key.span().start, key.span().end));
                        }
                        v
                    }
                    None => break,
                }
            }
            (Seg::Index(i), _, Some(a)) => match a.get(*i) {
                Some(v) => {
                    best = v.span();
                    v
                }
                None => break,
            },
            _ => break,
        };
        table = None;
        array = None;
        match value.get_ref() {
            DeValue::Table(t) => table = Some(t),
            DeValue::Array(a) => array = Some(a),
            _ => {}
        }
    }
    ((best.start, best.end), key_span)
}

#[cfg(feature = "toml")]
fn toml_span(root: &toml::Spanned<toml::de::DeTable<'_>>, path: &[Seg]) -> Option<(usize, usize)> {
    Some(toml_walk(root, path).0)
}

#[cfg(feature = "toml")]
fn toml_key_span(
    root: &toml::Spanned<toml::de::DeTable<'_>>,
    path: &[Seg],
) -> Option<(usize, usize)> {
    toml_walk(root, path).1
}

/// The path of the innermost key or value that contains byte `offset` of a TOML text (to name
/// the field of a serde error, which only has a span). When the text does not parse (a syntax
/// error), the path is guessed from the last `[table]` header and the key on the error's line.
#[cfg(feature = "toml")]
pub fn toml_path_at(text: &str, offset: usize) -> Vec<Seg> {
    let Ok(root) = toml::de::DeTable::parse(text) else {
        return toml_path_guess(text, offset);
    };
    let mut path = Vec::new();
    toml_find_in_table(root.get_ref(), offset, &mut path);
    path
}

#[cfg(feature = "toml")]
fn span_contains(span: std::ops::Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end
}

#[cfg(feature = "toml")]
fn toml_find_in_table(t: &toml::de::DeTable<'_>, offset: usize, path: &mut Vec<Seg>) -> bool {
    for (key, value) in t.iter() {
        path.push(Seg::Key(key.get_ref().to_string()));
        if span_contains(key.span(), offset) || toml_find_in_value(value, offset, path) {
            return true;
        }
        path.pop();
    }
    false
}

#[cfg(feature = "toml")]
fn toml_find_in_value(
    v: &toml::Spanned<toml::de::DeValue<'_>>,
    offset: usize,
    path: &mut Vec<Seg>,
) -> bool {
    use toml::de::DeValue;
    match v.get_ref() {
        // Children first: a [header] table's own span is only the header line.
        DeValue::Table(t) => toml_find_in_table(t, offset, path) || span_contains(v.span(), offset),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                if toml_find_in_value(item, offset, path) {
                    return true;
                }
                path.pop();
            }
            span_contains(v.span(), offset)
        }
        _ => span_contains(v.span(), offset),
    }
}

/// For a text that does not parse: the last `[header]` / `[[header]]` before `offset`, plus the
/// key of the `key = ...` line the offset is in (or of the still open `{`/`[` value that spans
/// several lines). Best effort; only keys that are certain are named.
fn toml_path_guess(text: &str, offset: usize) -> Vec<Seg> {
    let mut cut = offset.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let line_start = text[..cut].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let header_of = |line: &str| -> Option<(bool, Vec<Seg>)> {
        let l = line.trim();
        if let Some(inner) = l.strip_prefix("[[") {
            let inner = inner.split("]]").next().unwrap_or("");
            Some((true, split_dotted_key(inner)?))
        } else if let Some(inner) = l.strip_prefix('[') {
            let inner = inner.split(']').next().unwrap_or("");
            Some((false, split_dotted_key(inner)?))
        } else {
            None
        }
    };
    let key_of = |line: &str| -> Option<Vec<Seg>> {
        let (key, _) = line.split_once('=')?;
        split_dotted_key(key)
    };
    let mut header: Vec<Seg> = Vec::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Keys of the values still open (`{` or `[` not yet closed) at the start of each line.
    let mut open: Vec<Option<Vec<Seg>>> = Vec::new();
    for line in text[..line_start].lines() {
        if open.is_empty() && line.trim_start().starts_with('[') {
            match header_of(line) {
                Some((true, keys)) => {
                    let n = counts.entry(path_string(&keys)).or_insert(0);
                    header = keys;
                    header.push(Seg::Index(*n));
                    *n += 1;
                }
                Some((false, keys)) => header = keys,
                None => header = Vec::new(),
            }
            continue;
        }
        let depth = bracket_balance(line);
        if depth > 0 {
            let key = key_of(line);
            for _ in 0..depth {
                open.push(key.clone());
            }
        } else {
            for _ in 0..(-depth) {
                open.pop();
            }
        }
    }
    let line = text[line_start..].lines().next().unwrap_or("");
    if open.is_empty() && line.trim_start().starts_with('[') {
        return match header_of(line) {
            Some((true, keys)) => {
                let n = counts.get(&path_string(&keys)).copied().unwrap_or(0);
                let mut p = keys;
                p.push(Seg::Index(n));
                p
            }
            Some((false, keys)) => keys,
            None => header,
        };
    }
    let mut path = header;
    match open.first() {
        // Inside a value that started on an earlier line: name that value's key.
        Some(Some(keys)) => path.extend(keys.iter().cloned()),
        Some(None) => {}
        None => {
            if let Some(keys) = key_of(line) {
                path.extend(keys);
            }
        }
    }
    path
}

/// Opened minus closed brackets (`{`, `[`) in a line, outside quotes and comments.
fn bracket_balance(line: &str) -> i64 {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' => quote = Some(c),
                '#' => break,
                '{' | '[' => depth += 1,
                '}' | ']' => depth -= 1,
                _ => {}
            },
        }
    }
    depth
}

/// `a.b."c d"` as keys; None when it is not a plain (dotted) key.
pub(crate) fn split_dotted_key(s: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in s.split('.') {
        let p = part.trim();
        let key = if p.len() >= 2
            && ((p.starts_with('"') && p.ends_with('"'))
                || (p.starts_with('\'') && p.ends_with('\'')))
        {
            &p[1..p.len() - 1]
        } else if !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            p
        } else {
            return None;
        };
        out.push(Seg::Key(key.to_string()));
    }
    Some(out)
}

/// Byte offset in `raw` (a TOML or JSON string literal with its quotes, or a bare value) of
/// byte `offset` of the decoded string.
fn raw_offset_in_string(raw: &str, offset: usize) -> usize {
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
fn line_ending_backslash(rest: &[u8]) -> bool {
    let ws = rest
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    matches!(rest.get(ws), Some(b'\n') | Some(b'\r'))
}

/// Finds the span of the value at `path` in a JSON text with a small scanner (serde_json keeps
/// no positions). Returns the nearest ancestor's span when the path does not exist.
fn json_span(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    json_walk(text, path).map(|(value, _)| value)
}

/// Like [`json_span`], plus the span of the last key (with its quotes) when the whole path
/// exists and ends in a key.
#[allow(clippy::type_complexity)]
fn json_walk(text: &str, path: &[Seg]) -> Option<((usize, usize), Option<(usize, usize)>)> {
    let b = text.as_bytes();
    let mut pos = skip_ws(b, 0);
    let mut best = (pos, json_value_end(b, pos)?);
    let mut key_span = None;
    for (n, seg) in path.iter().enumerate() {
        pos = skip_ws(b, pos);
        match (seg, b.get(pos)) {
            (Seg::Key(k), Some(b'{')) => {
                let mut p = pos + 1;
                let mut found = None;
                loop {
                    p = skip_ws(b, p);
                    match b.get(p) {
                        Some(b'}') | None => break,
                        Some(b',') => {
                            p += 1;
                            continue;
                        }
                        Some(b'"') => {
                            let kend = json_string_end(b, p)?;
                            let key = serde_json::from_str::<String>(&text[p..kend]).ok()?;
                            let kspan = (p, kend);
                            p = skip_ws(b, kend);
                            if b.get(p) != Some(&b':') {
                                return Some((best, None));
                            }
                            p = skip_ws(b, p + 1);
                            let vend = json_value_end(b, p)?;
                            if &key == k {
                                found = Some(((p, vend), kspan));
                                break;
                            }
                            p = vend;
                        }
                        _ => return Some((best, None)),
                    }
                }
                match found {
                    Some((span, kspan)) => {
                        best = span;
                        pos = span.0;
                        if n + 1 == path.len() {
                            key_span = Some(kspan);
                        }
                    }
                    None => return Some((best, None)),
                }
            }
            (Seg::Index(i), Some(b'[')) => {
                let mut p = pos + 1;
                let mut count = 0;
                let mut found = None;
                loop {
                    p = skip_ws(b, p);
                    match b.get(p) {
                        Some(b']') | None => break,
                        Some(b',') => {
                            p += 1;
                            continue;
                        }
                        _ => {
                            let vend = json_value_end(b, p)?;
                            if count == *i {
                                found = Some((p, vend));
                                break;
                            }
                            count += 1;
                            p = vend;
                        }
                    }
                }
                match found {
                    Some(span) => {
                        best = span;
                        pos = span.0;
                    }
                    None => return Some((best, None)),
                }
            }
            _ => return Some((best, None)),
        }
    }
    Some((best, key_span))
}

/// The path of the innermost member of a JSON text that contains byte `offset` (serde_json
/// reports only line and column), and the span to report: the value when it is a plain value,
/// else the member's key. Tolerates broken JSON (best effort).
pub fn json_path_at(text: &str, offset: usize) -> (Vec<Seg>, Option<(usize, usize)>) {
    let b = text.as_bytes();
    let mut path = Vec::new();
    let mut span = None;
    let mut pos = skip_ws(b, 0);
    loop {
        let mut next = None;
        match b.get(pos) {
            Some(b'{') => {
                let mut p = pos + 1;
                loop {
                    p = skip_ws(b, p);
                    match b.get(p) {
                        Some(b',') => p += 1,
                        Some(b'"') if p <= offset => {
                            let Some(kend) = json_string_end(b, p) else {
                                break;
                            };
                            let key =
                                serde_json::from_str::<String>(&text[p..kend]).unwrap_or_default();
                            let colon = skip_ws(b, kend);
                            if b.get(colon) != Some(&b':') {
                                if offset < colon.max(kend) {
                                    path.push(Seg::Key(key));
                                    span = Some((p, kend));
                                }
                                break;
                            }
                            let v = skip_ws(b, colon + 1);
                            let vend = json_value_end(b, v).unwrap_or(b.len());
                            if offset < v {
                                // In the key, or between the key and its value.
                                path.push(Seg::Key(key));
                                span = Some((p, kend));
                                break;
                            }
                            if offset < vend {
                                path.push(Seg::Key(key));
                                span = Some(if matches!(b.get(v), Some(b'{') | Some(b'[')) {
                                    (p, kend)
                                } else {
                                    (v, vend)
                                });
                                next = Some(v);
                                break;
                            }
                            if vend <= p {
                                break;
                            }
                            p = vend;
                        }
                        _ => break,
                    }
                }
            }
            Some(b'[') => {
                let mut p = pos + 1;
                let mut count = 0;
                loop {
                    p = skip_ws(b, p);
                    match b.get(p) {
                        Some(b',') => p += 1,
                        Some(b']') | None => break,
                        Some(_) if p <= offset => {
                            let vend = json_value_end(b, p).unwrap_or(b.len());
                            if offset < vend {
                                path.push(Seg::Index(count));
                                if !matches!(b.get(p), Some(b'{') | Some(b'[')) {
                                    span = Some((p, vend));
                                }
                                next = Some(p);
                                break;
                            }
                            if vend <= p {
                                break;
                            }
                            count += 1;
                            p = vend;
                        }
                        _ => break,
                    }
                }
            }
            _ => {}
        }
        match next {
            Some(p) if p > pos => pos = p,
            _ => break,
        }
    }
    (path, span)
}

fn skip_ws(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_whitespace() {
        p += 1;
    }
    p
}

fn json_string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut p = start + 1;
    while p < b.len() {
        match b[p] {
            b'\\' => p += 2,
            b'"' => return Some(p + 1),
            _ => p += 1,
        }
    }
    None
}

fn json_value_end(b: &[u8], start: usize) -> Option<usize> {
    match b.get(start)? {
        b'"' => json_string_end(b, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut p = start;
            while p < b.len() {
                match b[p] {
                    b'"' => {
                        p = json_string_end(b, p)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(p + 1);
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
            None
        }
        _ => {
            let mut p = start;
            while p < b.len() && !matches!(b[p], b',' | b'}' | b']') && !b[p].is_ascii_whitespace()
            {
                p += 1;
            }
            Some(p)
        }
    }
}

/// The part of a document that holds at least half of it (descending while one part does,
/// at most three levels deep): its path, the span of its key and its size in bytes. `None`
/// when no part does (the bulk is comments, or spread out). A cheap scan, no parsing: it is
/// meant for documents over the size limit.
pub fn largest_part(text: &str, format: Format) -> Option<(Vec<Seg>, (usize, usize), usize)> {
    let half = text.len() / 2;
    let parts = match format {
        Format::Toml => toml_parts(text),
        Format::Json => json_parts(text),
    };
    let mut best: Option<(Vec<Seg>, (usize, usize), usize)> = None;
    for depth in 1..=3 {
        let prefix = best.as_ref().map_or(&[][..], |b| &b.0[..]);
        let mut sizes: Vec<(Vec<Seg>, (usize, usize), usize)> = Vec::new();
        for (path, key, size) in parts.iter().filter(|p| p.0.len() >= depth) {
            let head = &path[..depth];
            if head[..depth - 1] != *prefix {
                continue;
            }
            match sizes.iter_mut().find(|s| s.0 == head) {
                Some(s) => s.2 += size,
                None => sizes.push((head.to_vec(), *key, *size)),
            }
        }
        match sizes.into_iter().max_by_key(|s| s.2) {
            Some(s) if s.2 >= half => best = Some(s),
            _ => break,
        }
    }
    best
}

/// Every `key = value` of a TOML text with its full path (header + key, up to three keys), the
/// span of its key and its size in bytes (continuation lines count with the key above them).
fn toml_parts(text: &str) -> Vec<(Vec<Seg>, (usize, usize), usize)> {
    let mut out: Vec<(Vec<Seg>, (usize, usize), usize)> = Vec::new();
    let mut header: Vec<Seg> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if t.starts_with('#') || t.trim().is_empty() {
            continue;
        }
        if t.starts_with('[') {
            let inner = t.trim_start_matches('[').split(']').next().unwrap_or("");
            header = split_dotted_key(inner).unwrap_or_default();
            header.truncate(3);
            continue;
        }
        let key = t.split_once('=').and_then(|(k, _)| split_dotted_key(k));
        match key {
            Some(keys) => {
                let mut path = header.clone();
                path.extend(keys);
                path.truncate(3);
                let name = t.split_once('=').map_or(0, |(k, _)| k.trim_end().len());
                out.push((path, (start + indent, start + indent + name), line.len()));
            }
            None => {
                if let Some(last) = out.last_mut() {
                    last.2 += line.len();
                }
            }
        }
    }
    out
}

/// The members of a JSON text down to three levels, each with its path, key span and size.
fn json_parts(text: &str) -> Vec<(Vec<Seg>, (usize, usize), usize)> {
    let mut out = Vec::new();
    json_members(text, skip_ws(text.as_bytes(), 0), &mut Vec::new(), &mut out);
    out
}

fn json_members(
    text: &str,
    pos: usize,
    path: &mut Vec<Seg>,
    out: &mut Vec<(Vec<Seg>, (usize, usize), usize)>,
) {
    let b = text.as_bytes();
    let (open, close) = match b.get(pos) {
        Some(b'{') => (b'{', b'}'),
        Some(b'[') => (b'[', b']'),
        _ => return,
    };
    let mut p = pos + 1;
    let mut index = 0;
    loop {
        p = skip_ws(b, p);
        match b.get(p) {
            Some(&c) if c == close => return,
            None => return,
            Some(b',') => {
                p += 1;
                continue;
            }
            _ => {}
        }
        let (seg, key, value) = if open == b'{' {
            let Some(kend) = json_string_end(b, p) else {
                return;
            };
            let name = serde_json::from_str::<String>(&text[p..kend]).unwrap_or_default();
            let colon = skip_ws(b, kend);
            if b.get(colon) != Some(&b':') {
                return;
            }
            (Seg::Key(name), (p, kend), skip_ws(b, colon + 1))
        } else {
            index += 1;
            (Seg::Index(index - 1), (p, p), p)
        };
        let Some(end) = json_value_end(b, value) else {
            return;
        };
        path.push(seg);
        if path.len() < 3 && matches!(b.get(value), Some(b'{' | b'[')) {
            json_members(text, value, path, out);
        } else {
            out.push((path.clone(), key, end - key.0));
        }
        path.pop();
        if end <= p {
            return;
        }
        p = end;
    }
}

/// Characters that look like ASCII letters (Cyrillic, Greek, accented Latin) and the letter
/// an id would use instead; a dash or space that is not the ASCII one.
const LOOKALIKES: &[(char, &str)] = &[
    ('а', "a"),
    ('в', "b"),
    ('е', "e"),
    ('ё', "e"),
    ('і', "i"),
    ('ї', "i"),
    ('ј', "j"),
    ('к', "k"),
    ('м', "m"),
    ('н', "h"),
    ('о', "o"),
    ('р', "p"),
    ('с', "c"),
    ('т', "t"),
    ('у', "y"),
    ('х', "x"),
    ('ѕ', "s"),
    ('ԁ', "d"),
    ('ԛ', "q"),
    ('ԝ', "w"),
    ('һ', "h"),
    ('ӏ', "l"),
    ('α', "a"),
    ('ε', "e"),
    ('ι', "i"),
    ('κ', "k"),
    ('ν', "v"),
    ('ο', "o"),
    ('ρ', "p"),
    ('τ', "t"),
    ('υ', "u"),
    ('χ', "x"),
    ('ı', "i"),
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ä', "a"),
    ('ã', "a"),
    ('å', "a"),
    ('ç', "c"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ñ', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('ö', "o"),
    ('õ', "o"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('\u{2010}', "-"),
    ('\u{2011}', "-"),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{00a0}', "_"),
    ('\u{200b}', ""),
];

/// For a name with a character that is not ASCII: what that character is (`е` (U+0435, a
/// Cyrillic letter)), and the name in ASCII when every such character has a look-alike.
pub fn non_ascii(name: &str) -> Option<(String, Option<String>)> {
    let c = name.chars().find(|c| !c.is_ascii())?;
    let code = u32::from(c);
    let kind = match code {
        0x0400..=0x052F => ", a Cyrillic letter",
        0x0370..=0x03FF => ", a Greek letter",
        0x00C0..=0x024F => ", a Latin letter with an accent",
        _ => "",
    };
    let shown = if c.is_whitespace() || c.is_control() || code == 0x200B {
        "an invisible or special space".to_string()
    } else {
        format!("`{c}`")
    };
    let what = format!("{shown} (U+{code:04X}{kind})");
    let mut ascii = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        match LOOKALIKES.iter().find(|(l, _)| *l == ch) {
            Some((_, a)) => ascii.push_str(a),
            None if ch.is_ascii() => ascii.push(ch),
            None => return Some((what, None)),
        }
    }
    Some((what, Some(ascii).filter(|a| !a.is_empty())))
}

/// Edit distance for "did you mean" hints: insertions, deletions, substitutions, and swaps of
/// two neighbouring characters (`bets` -> `best` is one edit), each counting 1.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for swaps), previous, current.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Names longer than this get no "did you mean" (and cost no time).
const MAX_SUGGEST_LEN: usize = 64;

/// The closest candidate to `name`, if it is close enough to be a likely typo.
pub fn closest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let len = name.chars().count();
    if len > MAX_SUGGEST_LEN {
        return None;
    }
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit && *d < len)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint: "did you mean `x`?" or a list of what is allowed.
pub fn suggest(name: &str, candidates: &[&str]) -> Option<String> {
    if let Some(c) = closest(name, candidates.iter().copied()) {
        return Some(format!("did you mean `{c}`?"));
    }
    if candidates.is_empty() {
        return None;
    }
    let shown: Vec<String> = candidates
        .iter()
        .take(10)
        .map(|c| format!("`{c}`"))
        .collect();
    let more = if candidates.len() > 10 { ", ..." } else { "" };
    Some(format!("known: {}{more}", shown.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let t = "a = 1\nbé = 2\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 6), (2, 1));
        // after the two-byte é
        assert_eq!(line_col(t, 9), (2, 3));
    }

    #[test]
    fn toml_paths() {
        let t =
            "id = \"x\"\n[inputs.trips]\nkind = \"integer\"\nmax = 4\n[[cases]]\nname = \"a\"\n";
        let l = Locator::new("f.toml", t, Format::Toml);
        let (s, _) = l.span(&path_of(&["inputs", "trips", "max"]));
        assert_eq!(l.line_col(s), (4, 7));
        let (s, _) = l.span(&[
            Seg::Key("cases".into()),
            Seg::Index(0),
            Seg::Key("name".into()),
        ]);
        assert_eq!(l.line_col(s), (6, 8));
        // a missing key falls back to its parent table
        let (s, _) = l.span(&path_of(&["inputs", "trips", "min"]));
        assert_eq!(l.line_col(s).0, 2);
    }

    #[test]
    fn json_paths() {
        let t = "{\n  \"id\": \"x\",\n  \"inputs\": {\"trips\": {\"kind\": \"integer\", \"max\": 4}},\n  \"l\": [1, {\"a\": 2}]\n}";
        let l = Locator::new("f.json", t, Format::Json);
        let (s, e) = l.span(&path_of(&["inputs", "trips", "max"]));
        assert_eq!(&t[s..e], "4");
        let (s, e) = l.span(&[Seg::Key("l".into()), Seg::Index(1), Seg::Key("a".into())]);
        assert_eq!(&t[s..e], "2");
        assert_eq!(l.line_col(s).0, 4);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("distnce_km", ["distance_km", "trips"]),
            Some("distance_km")
        );
        assert_eq!(closest("xyz", ["distance_km"]), None);
        assert_eq!(suggest("q", &["a", "b"]).unwrap(), "known: `a`, `b`");
    }

    #[test]
    fn toml_path_at_finds_fields_in_header_and_inline_tables() {
        let t = "[derived]\na = \"x\"\n\n[derived.fare]\nexpr = \"y\"\nexp = 1\n\n[factors.cost]\nscaling = { worst = 1, bets = 0 }\n\n[[sources]]\nid = \"a\"\n[[sources]]\nid = \"b\"\n";
        let at = |needle: &str| path_string(&toml_path_at(t, t.find(needle).unwrap()));
        assert_eq!(at("exp ="), "derived.fare.exp");
        assert_eq!(at("\"y\""), "derived.fare.expr");
        assert_eq!(at("bets"), "factors.cost.scaling.bets");
        assert_eq!(at("[derived.fare]"), "derived.fare");
        assert_eq!(at("\"b\""), "sources[1].id");
    }

    #[test]
    fn toml_path_guess_for_syntax_errors() {
        let t = "id = \"x\"\n[inputs.trips]\nmax = 20 20\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("20 20").unwrap())),
            "inputs.trips.max"
        );
        let t = "[inputs.age]\nchoices = [\n  { id = \"a\" },\n  { id = \"b\" } { }\n]\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("{ }").unwrap())),
            "inputs.age.choices"
        );
        let t = "[[sources]]\nid = \"a\"\n[[sources]]\ntitle = \"b\nid = 1\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("\"b").unwrap())),
            "sources[1].title"
        );
        // before any table, a line without `key =`: no field
        assert!(toml_path_at("what\n", 1).is_empty());
    }

    #[test]
    fn json_path_at_names_keys_and_values() {
        let t =
            "{\"inputs\": {\"trips\": {\"maxx\": 20, \"min\": \"0\"}}, \"l\": [1, {\"a\": true}]}";
        let (p, s) = json_path_at(t, t.find("maxx").unwrap());
        assert_eq!(path_string(&p), "inputs.trips.maxx");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"maxx\"");
        let (p, s) = json_path_at(t, t.find("\"0\"").unwrap() + 2);
        assert_eq!(path_string(&p), "inputs.trips.min");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"0\"");
        // at the closing brace of an object: the object, located at its key
        let (p, s) = json_path_at(t, t.find("}}").unwrap());
        assert_eq!(path_string(&p), "inputs.trips");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"trips\"");
        let (p, _) = json_path_at(t, t.find("true").unwrap());
        assert_eq!(path_string(&p), "l[1].a");
        // broken JSON does not trip it up
        for cut in 0..t.len() {
            let _ = json_path_at(&t[..cut], cut);
        }
    }

    #[test]
    fn offsets_inside_strings_account_for_escapes() {
        let pos = |raw: &str, decoded: &str, needle: &str| {
            let i = raw_offset_in_string(raw, decoded.find(needle).unwrap());
            raw[i..].to_string()
        };
        assert!(pos(r#""a == \"b\" and c""#, "a == \"b\" and c", "c").starts_with("c\""));
        assert!(pos(r#""\u00e9 + x""#, "é + x", "x").starts_with('x'));
        assert!(pos(r#""\\ y""#, "\\ y", "y").starts_with('y'));
        assert!(pos(r"'a\b + z'", "a\\b + z", "z").starts_with('z'));
        assert!(pos("\"\"\"\nab + w\"\"\"", "ab + w", "w").starts_with('w'));
        assert!(pos("\"\"\"a \\\n    + v\"\"\"", "a + v", "v").starts_with('v'));
        assert!(pos(r#""\ud83d\ude00 + u""#, "😀 + u", "u").starts_with('u'));
        assert_eq!(raw_offset_in_string("12", 1), 1);
        // offsets past the end stay inside the text
        assert!(raw_offset_in_string("\"ab", 10) <= 3);
    }

    #[test]
    fn key_spans() {
        let t = "[parameters.trips]\nvalue = 1\n[derived]\nif = \"x\"\n";
        let l = Locator::new("f.toml", t, Format::Toml);
        let (s, e) = l.key_span(&path_of(&["parameters", "trips"]));
        assert_eq!(&t[s..e], "trips");
        let (s, e) = l.key_span(&path_of(&["derived", "if"]));
        assert_eq!(&t[s..e], "if");
        // a missing key: the nearest ancestor
        let (s, _) = l.key_span(&path_of(&["derived", "nope"]));
        assert_eq!(l.line_col(s).0, 3);
        let t = "{\"derived\": {\"if\": \"x\"}}";
        let l = Locator::new("f.json", t, Format::Json);
        let (s, e) = l.key_span(&path_of(&["derived", "if"]));
        assert_eq!(&t[s..e], "\"if\"");
    }

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(edit_distance("bets", "best"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(closest("bets", ["worst", "best"]), Some("best"));
        let long = "x".repeat(100_000);
        assert_eq!(closest(&long, [long.as_str()]), None);
    }
}
