//! How names, ids, dates, web addresses and e-mail addresses must be written, and numbers
//! in messages without floating-point noise.

use crate::expr;

/// A name or id with a character that is not ASCII (often a look-alike letter): which
/// character, and the name in ASCII when there is one.
pub(super) fn non_ascii_name(name: &str, what: &str) -> Option<(String, Option<String>)> {
    let (character, ascii) = crate::diag::non_ascii(name)?;
    Some((
        format!("`{name}` is not a valid {what}: {character} is not an ASCII letter"),
        match ascii {
            Some(a) => Some(format!("write `{a}`")),
            None => Some("use only a-z, 0-9 and `_`".into()),
        },
    ))
}

/// Words a name may not be: the expression language's keywords and function names (a function
/// name followed by nothing would read as a bare function).
pub(super) fn is_reserved(name: &str) -> bool {
    expr::KEYWORDS.contains(&name) || expr::FUNCTIONS.contains(&name)
}

/// A name: a lowercase letter or `_`, then lowercase letters, digits and `_`.
pub(super) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The id of a definition: lowercase letters, digits, `-` and `_`, not starting with `-`/`_`.
pub(super) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// True for a valid calendar date written YYYY-MM-DD.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        parts[0].parse::<u32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A source's publication date: YYYY-MM-DD, or YYYY-MM when only the month is known.
pub fn is_source_date(s: &str) -> bool {
    is_date(s) || (s.len() == 7 && is_date(&format!("{s}-01")))
}

/// True for an http(s) URL with a host.
pub fn is_web_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// A plain e-mail address: one `@`, something before it, a domain with a dot after it, and
/// nothing that would change a `mailto:` link (spaces, `?`, `&`, ...).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"@?&#:/\\<>\"(),;[]".contains(c))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A number for a message, without floating-point noise (`0.30000000000000004` -> `0.3`).
pub(super) fn tidy(v: f64) -> String {
    let r = (v * 1e9).round() / 1e9;
    format!("{r}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_urls() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("24-01-01"));
        assert!(is_web_url("https://www.ret.nl/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
    }
}
