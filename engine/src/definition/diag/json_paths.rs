//! Paths in a JSON text, with a small scanner (serde_json keeps no positions): the span of
//! the value or key at a path, and the path at a byte offset, also in broken JSON.

use super::Seg;

/// Finds the span of the value at `path` in a JSON text with a small scanner (serde_json keeps
/// no positions). Returns the nearest ancestor's span when the path does not exist.
pub(super) fn json_span(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    json_walk(text, path).map(|(value, _)| value)
}

/// Like [`json_span`], plus the span of the last key (with its quotes) when the whole path
/// exists and ends in a key.
#[allow(clippy::type_complexity)]
pub(super) fn json_walk(
    text: &str,
    path: &[Seg],
) -> Option<((usize, usize), Option<(usize, usize)>)> {
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

pub(super) fn skip_ws(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_whitespace() {
        p += 1;
    }
    p
}

pub(super) fn json_string_end(b: &[u8], start: usize) -> Option<usize> {
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

pub(super) fn json_value_end(b: &[u8], start: usize) -> Option<usize> {
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
