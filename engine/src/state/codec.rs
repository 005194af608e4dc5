//! The text format of a link: escaping, the check, the short keys, writing a state
//! ([`encode`]) and reading the header fields that need no advisor.

use std::borrow::Cow;

use super::{DecodeError, FORMAT_VERSION, HEADER_FIELDS, MAX_TEXT_BYTES, SharedState};
use crate::advisor::Advisor;
use crate::model::InputKind;

/// An answer as a link (and a prefill) writes it, unescaped: a choice as its choice id,
/// yes/no as `1`/`0`, a number as Rust writes an `f64` (`8`, `7.5`).
pub fn answer_code(input: &crate::advisor::Input, v: f64) -> String {
    match input.kind {
        InputKind::Choice if v >= 0.0 && v.fract() == 0.0 => input
            .choices
            .get(v as usize)
            .cloned()
            .unwrap_or_else(|| v.to_string()),
        InputKind::YesNo if v == 1.0 => "1".to_string(),
        InputKind::YesNo if v == 0.0 => "0".to_string(),
        _ => v.to_string(),
    }
}

/// Writes `state` as the fragment text (without `#`). The header carries `state.advisor` and
/// `state.version` as they are; questions, choices and factors come from `advisor`. A state
/// that is not valid is written as it is (values the advisor does not know are written as
/// numbers), so [`decode`] repairs and reports it. Never panics.
///
/// [`decode`]: super::decode
pub fn encode(advisor: &Advisor, state: &SharedState) -> String {
    let input_ids: Vec<&str> = advisor.inputs.iter().map(|i| i.id.as_str()).collect();
    let factor_ids: Vec<&str> = advisor.factors.iter().map(|f| f.id.as_str()).collect();
    let input_keys: Vec<&str> = (0..input_ids.len())
        .map(|i| short_key(&input_ids, i))
        .collect();
    let factor_keys: Vec<&str> = (0..factor_ids.len())
        .map(|f| short_key(&factor_ids, f))
        .collect();

    let mut fields = Vec::with_capacity(HEADER_FIELDS - 1 + state.scenarios.len());
    fields.push(format!("v{FORMAT_VERSION}"));
    fields.push(escape(&state.advisor));
    fields.push(escape(&state.version));
    fields.push(state.lang.code().to_string());
    fields.push(state.active.to_string());
    let sequence: Vec<String> = state
        .sequence
        .iter()
        .map(|p| format!("{}.{}", p.scenario, p.months))
        .collect();
    fields.push(sequence.join(","));
    for ns in &state.scenarios {
        let mut s = escape(&ns.name);
        s.push('~');
        let mut first = true;
        for (i, inp) in advisor.inputs.iter().enumerate() {
            let Some(&v) = ns.scenario.inputs.get(i) else {
                continue;
            };
            if !first {
                s.push(',');
            }
            first = false;
            s.push_str(&escape(input_keys[i]));
            s.push('=');
            s.push_str(&escape(&answer_code(inp, v)));
        }
        s.push('~');
        for (f, key) in factor_keys.iter().enumerate() {
            let Some(&w) = ns.scenario.weights.get(f) else {
                continue;
            };
            if f > 0 {
                s.push(',');
            }
            s.push_str(&escape(key));
            s.push('=');
            s.push_str(&escape(&w.to_string()));
        }
        fields.push(s);
    }
    let check = checksum(&fields);
    fields.insert(HEADER_FIELDS - 1, check);
    fields.join(";")
}

/// The text of a link without `#` and surrounding space, with a second round of
/// percent-encoding undone (every `;` as `%3B`).
pub(super) fn link_text(text: &str) -> Result<Cow<'_, str>, DecodeError> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text).trim();
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(DecodeError::Unreadable);
    }
    if !text.contains(';') && text.to_ascii_lowercase().contains("%3b") {
        Ok(Cow::Owned(unescape(text).0))
    } else {
        Ok(Cow::Borrowed(text))
    }
}

/// The format version in a link's first field (`v2`), if it is one.
pub(super) fn format_version(tag: &str) -> Option<u32> {
    match tag.strip_prefix(['v', 'V']) {
        Some(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => {
            Some(d.parse::<u32>().unwrap_or(u32::MAX))
        }
        _ => None,
    }
}

/// The advisor id a link names (its second field), read without the advisor: for a site that
/// opens the advisor a link belongs to. `None` for text that is not a link of this format (an
/// in-page anchor, for example).
pub fn advisor_id(text: &str) -> Option<String> {
    let text = link_text(text).ok()?;
    let mut fields = text.split(';');
    format_version(fields.next()?)?;
    // Read as `decode` reads it (percent-decoded, not trimmed), so both name the same advisor.
    Some(unescape(fields.next()?).0).filter(|id| !id.trim().is_empty())
}

// ---------------------------------------------------------------- keys

/// True when `key` names `id`: equal, or `id` continues with `_` after it.
fn key_matches(id: &str, key: &str) -> bool {
    id == key
        || (!key.is_empty()
            && id.len() > key.len()
            && id.starts_with(key)
            && id.as_bytes()[key.len()] == b'_')
}

/// The key of `ids[i]`: its fewest leading `_`-separated words that no other id matches
/// ([`key_matches`]), else the whole id. [`resolve`] reads it back to `i`.
fn short_key<'a>(ids: &[&'a str], i: usize) -> &'a str {
    let id = ids[i];
    let cuts = id
        .bytes()
        .enumerate()
        .filter(|&(p, b)| b == b'_' && p > 0)
        .map(|(p, _)| p);
    for p in cuts {
        let key = &id[..p];
        let clash = ids
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && key_matches(other, key));
        if !clash {
            return key;
        }
    }
    id
}

/// The index of the id a key names: the id equal to it, else the only id it matches.
pub(super) fn resolve(ids: &[&str], key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    if let Some(i) = ids.iter().position(|id| *id == key) {
        return Some(i);
    }
    let mut found = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| key_matches(id, key));
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

// ---------------------------------------------------------------- escaping and check

const HEX: &[u8; 16] = b"0123456789ABCDEF";
const CHECK_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `s` with every byte other than ASCII letters, digits and `- . _ +` as `%XX`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'+') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// `%XX` back to bytes (a `%` without two hex digits stays as it is). False when the bytes
/// are not UTF-8 (broken characters become U+FFFD).
pub(super) fn unescape(s: &str) -> (String, bool) {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(s) => (s, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

/// Four characters from the fields (FNV-1a, 24 bits): notices a link that was cut off or
/// changed. Not a security measure: anyone can compute it.
pub(super) fn checksum<S: AsRef<str>>(fields: &[S]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for (k, field) in fields.iter().enumerate() {
        let sep: &[u8] = if k > 0 { b";" } else { b"" };
        for &b in sep.iter().chain(field.as_ref().as_bytes()) {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    let h = (h >> 8) ^ (h & 0xff);
    (0..4)
        .map(|k| CHECK_ALPHABET[((h >> (18 - 6 * k)) & 63) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_and_read_back() {
        let ids = [
            "trips_per_week",
            "trips_per_month",
            "travel_days",
            "travels_with_adult",
            "a",
            "a_b",
            "x_y_1",
            "x_z",
            "solo",
            "_lead",
            "c__d",
        ];
        let keys: Vec<&str> = (0..ids.len()).map(|i| short_key(&ids, i)).collect();
        assert_eq!(
            keys,
            [
                "trips_per_week",
                "trips_per_month",
                "travel",
                "travels",
                "a",
                "a_b",
                "x_y",
                "x_z",
                "solo",
                "_lead",
                "c"
            ]
        );
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(resolve(&ids, k), Some(i), "{k}");
            assert_eq!(resolve(&ids, ids[i]), Some(i), "{}", ids[i]);
        }
        assert_eq!(resolve(&ids, "trips"), None, "ambiguous");
        assert_eq!(resolve(&ids, ""), None);
        assert_eq!(resolve(&ids, "nothing"), None);
    }

    #[test]
    fn escaping_round_trips() {
        for s in ["", "Nu", "a;b~c,d=e%f", "é ü 😀", "%41", "%", "%4", "+-._"] {
            let e = escape(s);
            assert!(
                e.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._+%".contains(&b)),
                "{e}"
            );
            assert_eq!(unescape(&e), (s.to_string(), true));
        }
        assert_eq!(unescape("%e9"), ("\u{fffd}".to_string(), false));
        assert_eq!(unescape("50%"), ("50%".to_string(), true));
        assert_eq!(unescape("%zz%"), ("%zz%".to_string(), true));
    }

    #[test]
    fn checksum_is_four_url_safe_characters() {
        let c = checksum(&["v1", "ret", "x"]);
        assert_eq!(c.len(), 4);
        assert!(c.bytes().all(|b| CHECK_ALPHABET.contains(&b)));
        assert_ne!(c, checksum(&["v1", "ret", "y"]));
        assert_ne!(checksum(&["a", "b"]), checksum(&["ab"]));
    }
}
