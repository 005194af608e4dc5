//! Paths in a TOML text: the span of the value or key at a path, the path at a byte offset,
//! and a best guess at the path when the text does not parse.

use super::{Seg, path_string};

/// Walks `path` from the root; returns the span of the deepest value found (header tables: the
/// header) and, when the whole path exists and ends in a key, that key's span.
#[cfg(feature = "toml")]
#[allow(clippy::type_complexity)]
pub(super) fn toml_walk(
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
pub(super) fn toml_span(
    root: &toml::Spanned<toml::de::DeTable<'_>>,
    path: &[Seg],
) -> Option<(usize, usize)> {
    Some(toml_walk(root, path).0)
}

#[cfg(feature = "toml")]
pub(super) fn toml_key_span(
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
pub(super) fn span_contains(span: std::ops::Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end
}

#[cfg(feature = "toml")]
pub(super) fn toml_find_in_table(
    t: &toml::de::DeTable<'_>,
    offset: usize,
    path: &mut Vec<Seg>,
) -> bool {
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
pub(super) fn toml_find_in_value(
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
pub(super) fn toml_path_guess(text: &str, offset: usize) -> Vec<Seg> {
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
pub(super) fn bracket_balance(line: &str) -> i64 {
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
