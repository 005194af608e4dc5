//! The part of a document that makes it too large, found with a cheap scan (no parsing), for
//! the message about a definition over the size limit.

use super::json_paths::{json_string_end, json_value_end, skip_ws};
use super::toml_paths::split_dotted_key;
use super::{Format, Seg};

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
pub(super) fn toml_parts(text: &str) -> Vec<(Vec<Seg>, (usize, usize), usize)> {
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
pub(super) fn json_parts(text: &str) -> Vec<(Vec<Seg>, (usize, usize), usize)> {
    let mut out = Vec::new();
    json_members(text, skip_ws(text.as_bytes(), 0), &mut Vec::new(), &mut out);
    out
}

pub(super) fn json_members(
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
