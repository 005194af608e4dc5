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
    toml: Option<toml::Spanned<toml::de::DeTable<'a>>>,
}

impl<'a> Locator<'a> {
    /// A locator for `text`; parses it once more with spans (only used when reporting).
    pub fn new(file: &'a str, text: &'a str, format: Format) -> Locator<'a> {
        let toml = match format {
            Format::Toml => toml::de::DeTable::parse(text).ok(),
            Format::Json => None,
        };
        Locator {
            file,
            text,
            format,
            toml,
        }
    }

    /// (line, column), both 1-based, of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(self.text, offset)
    }

    /// The span of the value at `path`, or of the nearest existing ancestor.
    pub fn span(&self, path: &[Seg]) -> (usize, usize) {
        let found = match self.format {
            Format::Toml => self.toml.as_ref().and_then(|t| toml_span(t, path)),
            Format::Json => json_span(self.text, path),
        };
        found.unwrap_or((0, 0))
    }

    /// Byte offset of character `offset` inside the string value at `path` (for expression
    /// errors): skips the opening quote(s); escapes before the offset are not accounted for.
    pub fn offset_in_string(&self, path: &[Seg], offset: usize) -> usize {
        let (start, end) = self.span(path);
        let raw = &self.text[start.min(self.text.len())..end.min(self.text.len())];
        let skip = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            let after = &raw[3..];
            3 + if after.starts_with("\r\n") {
                2
            } else if after.starts_with('\n') {
                1
            } else {
                0
            }
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            1
        } else {
            0
        };
        (start + skip + offset).min(self.text.len())
    }

    /// A diagnostic at the value at `path`.
    pub fn at(&self, path: &[Seg], message: impl Into<String>, hint: Option<String>) -> Diagnostic {
        let span = self.span(path);
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

fn toml_span(root: &toml::Spanned<toml::de::DeTable<'_>>, path: &[Seg]) -> Option<(usize, usize)> {
    use toml::de::DeValue;
    let mut best = root.span();
    let mut table: Option<&toml::de::DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&toml::de::DeArray<'_>> = None;
    for seg in path {
        let value: &toml::Spanned<DeValue<'_>> = match (seg, table, array) {
            (Seg::Key(k), Some(t), _) => {
                match t.iter().find(|(key, _)| key.get_ref().as_ref() == k) {
                    Some((key, v)) => {
                        // Tables created by a [header] have an empty value span: use the key.
                        let vs = v.span();
                        best = if vs.start < vs.end { vs } else { key.span() };
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
    Some((best.start, best.end))
}

/// Finds the span of the value at `path` in a JSON text with a small scanner (serde_json keeps
/// no positions). Returns the nearest ancestor's span when the path does not exist.
fn json_span(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut pos = skip_ws(b, 0);
    let mut best = (pos, json_value_end(b, pos)?);
    for seg in path {
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
                            p = skip_ws(b, kend);
                            if b.get(p) != Some(&b':') {
                                return Some(best);
                            }
                            p = skip_ws(b, p + 1);
                            let vend = json_value_end(b, p)?;
                            if &key == k {
                                found = Some((p, vend));
                                break;
                            }
                            p = vend;
                        }
                        _ => return Some(best),
                    }
                }
                match found {
                    Some(span) => {
                        best = span;
                        pos = span.0;
                    }
                    None => return Some(best),
                }
            }
            (Seg::Index(i), Some(b'[')) => {
                let mut p = pos + 1;
                let mut n = 0;
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
                            if n == *i {
                                found = Some((p, vend));
                                break;
                            }
                            n += 1;
                            p = vend;
                        }
                    }
                }
                match found {
                    Some(span) => {
                        best = span;
                        pos = span.0;
                    }
                    None => return Some(best),
                }
            }
            _ => return Some(best),
        }
    }
    Some(best)
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

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to `name`, if it is close enough to be a likely typo.
pub fn closest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let len = name.chars().count();
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit && *d < len)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint: "did you mean `x`?" or a list of what is allowed.
pub fn suggest<'c>(name: &str, candidates: &[&'c str]) -> Option<String> {
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
}
