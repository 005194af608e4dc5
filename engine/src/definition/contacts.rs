//! The contact options (`[[contacts]]`): how to reach a person (web, phone, e-mail, visit),
//! each value checked and turned into a link.

use super::advisor::Contact;
use super::checker::Checker;
use super::spelling::{is_email, is_web_url};
use crate::diag::Seg;
use crate::model::{ContactKind, Definition};
use crate::text::Text;

/// Every contact, in order.
pub(super) fn compile_contacts(c: &mut Checker, def: &Definition) -> Vec<Contact> {
    let loc = c.loc;
    let mut contacts = Vec::new();
    for (k, d) in def.contacts.iter().enumerate() {
        let at = |f: &str| {
            vec![
                Seg::Key("contacts".into()),
                Seg::Index(k),
                Seg::Key(f.into()),
            ]
        };
        let text_at = |c: &mut Checker, f: &str, t: &Text, required: bool| {
            if !required && t.is_empty() {
                return;
            }
            for lang in t.missing() {
                let what = format!("{} text ({}) is missing", lang.english_name(), lang.code());
                let e = loc.at(
                    &at(f),
                    what,
                    Some(format!("add `{} = \"...\"`", lang.code())),
                );
                c.errors.push(e);
            }
        };
        text_at(c, "label", &d.label, true);
        text_at(c, "hours", &d.hours, false);
        text_at(c, "note", &d.note, false);
        let href = match contact_href(d.kind, &d.value) {
            Ok(h) => h,
            Err((message, hint)) => {
                let e = loc.at(&at("value"), message, hint);
                c.errors.push(e);
                None
            }
        };
        let href = match (&d.url, d.kind) {
            (Some(url), ContactKind::Visit) => match web_link_problem(url) {
                None => Some(url.clone()),
                Some((message, hint)) => {
                    let e = loc.at(&at("url"), message, hint);
                    c.errors.push(e);
                    None
                }
            },
            (Some(_), kind) => {
                let e = loc.at(
                    &at("url"),
                    format!(
                        "`url` is only for kind = \"visit\", not \"{}\"",
                        kind.as_str()
                    ),
                    Some(match kind {
                        ContactKind::Web => "remove `url`: the link is the `value`".into(),
                        _ => "remove `url`, or put the link in the `note`".into(),
                    }),
                );
                c.errors.push(e);
                href
            }
            (None, _) => href,
        };
        let optional = |t: &Text| (!t.is_empty()).then(|| t.clone());
        contacts.push(Contact {
            kind: d.kind,
            label: d.label.clone(),
            value: d.value.trim().to_string(),
            href,
            hours: optional(&d.hours),
            note: optional(&d.note),
        });
    }
    contacts
}

/// What is wrong with a link that must be http or https (message, hint), if anything.
fn web_link_problem(url: &str) -> Option<(String, Option<String>)> {
    let u = url.trim();
    if u.is_empty() {
        return Some((
            "the link is empty".into(),
            Some("write a link that starts with https://, e.g. `https://www.example.org`".into()),
        ));
    }
    if is_web_url(u) {
        return None;
    }
    // A scheme: letters (and + - .) before the first `:`, as in `javascript:` or `data:`.
    let scheme = u.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let lower = scheme.map(str::to_ascii_lowercase);
    match lower.as_deref() {
        Some(s @ ("http" | "https")) if !u.starts_with(s) => Some((
            format!("`{u}` is not a web address"),
            Some(format!(
                "write `{s}://` in lowercase: `{s}{}`",
                &u[s.len()..]
            )),
        )),
        Some("http" | "https") => Some((
            format!("`{u}` is not a complete web address"),
            Some(
                "write it as https://host/path, e.g. `https://www.example.org`, without spaces"
                    .into(),
            ),
        )),
        Some(s) if !u[s.len() + 1..].starts_with(|c: char| c.is_ascii_digit()) => Some((
            format!("a `{s}:` link is not allowed: only http and https links are allowed"),
            Some("use a link that starts with https:// or http://".into()),
        )),
        _ => Some((
            format!("`{u}` is not a web address: only http and https links are allowed"),
            Some(format!(
                "write it with https:// in front, e.g. `https://{u}`"
            )),
        )),
    }
}

/// The link of a contact (`tel:`, `mailto:`, the web address; none for a visit), or what is
/// wrong with its value (message, hint).
fn contact_href(
    kind: ContactKind,
    value: &str,
) -> Result<Option<String>, (String, Option<String>)> {
    let v = value.trim();
    if v.is_empty() {
        let example = match kind {
            ContactKind::Web => "`value = \"https://www.example.org\"`",
            ContactKind::Phone => "`value = \"0900 123 4567\"`",
            ContactKind::Email => "`value = \"info@example.org\"`",
            ContactKind::Visit => "`value = \"Stationsplein 1, Rotterdam\"`",
        };
        return Err((
            "the value is empty".into(),
            Some(format!("add e.g. {example}")),
        ));
    }
    match kind {
        ContactKind::Web => match web_link_problem(value) {
            None => Ok(Some(v.to_string())),
            Some(problem) => Err(problem),
        },
        ContactKind::Phone => {
            let bad: Vec<char> = v
                .char_indices()
                .filter(|&(i, c)| {
                    !(c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0))
                })
                .map(|(_, c)| c)
                .collect();
            if let Some(c) = bad.first() {
                return Err((
                    format!("`{v}` is not a phone number: `{c}` is not allowed"),
                    Some("use digits, spaces and `-`, and `+` only at the start, e.g. `+31 10 123 4567`".into()),
                ));
            }
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            if digits.len() < 3 {
                return Err((
                    format!("`{v}` is not a phone number: it has too few digits"),
                    Some("write the whole number, e.g. `0900 123 4567`".into()),
                ));
            }
            let plus = if v.starts_with('+') { "+" } else { "" };
            Ok(Some(format!("tel:{plus}{digits}")))
        }
        ContactKind::Email => {
            if is_email(v) {
                Ok(Some(format!("mailto:{v}")))
            } else {
                Err((
                    format!("`{v}` is not an e-mail address"),
                    Some("write it as name@domain.nl: one `@`, a dot in the part after it, no spaces".into()),
                ))
            }
        }
        ContactKind::Visit => Ok(None),
    }
}
