//! The parts of a definition that are checked but compile to nothing: the metadata, the
//! sources, the names of every section, and the reflection questions of a user test.

use std::collections::{HashMap, HashSet};

use super::checker::Checker;
use super::spelling::{
    is_date, is_id, is_identifier, is_reserved, is_source_date, is_web_url, non_ascii_name,
};
use crate::diag::Seg;
use crate::model::{Definition, ReflectionKind};

/// The id, version, date, owner and texts at the top of the definition.
pub(super) fn check_metadata(c: &mut Checker, def: &Definition) {
    if let Some((message, hint)) = non_ascii_name(&def.id, "id") {
        c.err(&["id"], message, hint);
    } else if !is_id(&def.id) {
        c.err(
            &["id"],
            format!("`{}` is not a valid id", def.id),
            Some("use lowercase letters, digits, `-` and `_`, e.g. `ret`".into()),
        );
    }
    if def.version.trim().is_empty() {
        c.err(
            &["version"],
            "the version is empty",
            Some("e.g. `2024.1`".into()),
        );
    }
    if !is_date(&def.valid_from) {
        c.err(
            &["valid_from"],
            format!("`{}` is not a valid date", def.valid_from),
            Some("write it as YYYY-MM-DD, e.g. `2024-01-01`".into()),
        );
    }
    if def.owner.trim().is_empty() {
        c.err(
            &["owner"],
            "the owner is empty",
            Some("name the organisation responsible, e.g. `RET`".into()),
        );
    }
    c.text(&["title"], &def.title, true);
    c.text(&["intro"], &def.intro, false);
    c.text(&["summary"], &def.summary, false);
}

/// Every `[[sources]]` entry; returns the source ids.
pub(super) fn check_sources<'d>(c: &mut Checker, def: &'d Definition) -> HashSet<&'d str> {
    let loc = c.loc;
    let mut source_ids = HashSet::new();
    for (i, s) in def.sources.iter().enumerate() {
        let base = |f: &str| {
            vec![
                Seg::Key("sources".into()),
                Seg::Index(i),
                Seg::Key(f.into()),
            ]
        };
        if !source_ids.insert(s.id.as_str()) {
            let d = loc.at(
                &base("id"),
                format!("duplicate source id `{}`", s.id),
                Some("every source needs its own id".into()),
            );
            c.errors.push(d);
        }
        if !is_web_url(&s.url) {
            let d = loc.at(
                &base("url"),
                format!("`{}` is not a web address", s.url),
                Some("use a link that starts with https:// or http://".into()),
            );
            c.errors.push(d);
        }
        if !is_source_date(&s.date) {
            let d = loc.at(
                &base("date"),
                format!("`{}` is not a valid date", s.date),
                Some("write it as YYYY-MM-DD, or YYYY-MM when only the month is known".into()),
            );
            c.errors.push(d);
        }
        if s.title.trim().is_empty() {
            let d = loc.at(&base("title"), "the source has no title", None);
            c.errors.push(d);
        }
    }
    source_ids
}

/// The names of questions, parameters and derived values (one set of names) and the ids of
/// the other sections, reported at the key: the name is what is wrong.
pub(super) fn check_names(c: &mut Checker, def: &Definition) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (section, what, names) in [
        (
            "inputs",
            "a question",
            def.inputs.keys().collect::<Vec<_>>(),
        ),
        ("parameters", "a parameter", def.parameters.keys().collect()),
        ("derived", "a derived value", def.derived.keys().collect()),
    ] {
        for name in names {
            if let Some((message, hint)) = non_ascii_name(name, "name") {
                c.err_key(&[section, name], message, hint);
            } else if !is_identifier(name) {
                c.err_key(
                    &[section, name],
                    format!("`{name}` is not a valid name"),
                    Some("use lowercase letters, digits and `_`, starting with a letter, e.g. `trips_per_week`".into()),
                );
            } else if is_reserved(name) {
                c.err_key(
                    &[section, name],
                    format!("`{name}` cannot be a name: it is a word of the expression language"),
                    Some(format!("choose another name, e.g. `{name}_value`")),
                );
            }
            if let Some(other) = seen.insert(name, what) {
                c.err_key(
                    &[section, name],
                    format!("`{name}` is already the name of {other}"),
                    Some("questions, parameters and derived values share one set of names: rename one of them".into()),
                );
            }
        }
    }
    for (section, names) in [
        ("factors", def.factors.keys().collect::<Vec<_>>()),
        ("presets", def.presets.keys().collect()),
        ("events", def.events.keys().collect()),
        ("reflection", def.reflection.keys().collect()),
        ("options", def.options.keys().collect()),
    ] {
        for name in names {
            if let Some((message, hint)) = non_ascii_name(name, "id") {
                c.err_key(&[section, name], message, hint);
            } else if !is_identifier(name) {
                c.err_key(
                    &[section, name],
                    format!("`{name}` is not a valid id"),
                    Some("use lowercase letters, digits and `_`, starting with a letter".into()),
                );
            }
        }
    }
}

/// The reflection questions (user tests).
pub(super) fn check_reflection(c: &mut Checker, def: &Definition) {
    for (id, d) in &def.reflection {
        let p = |f: &'static str| ["reflection", id.as_str(), f];
        c.text(&p("question"), &d.question, true);
        c.text(&p("low"), &d.low, false);
        c.text(&p("high"), &d.high, false);
        if d.kind == ReflectionKind::Text && !(d.low.is_empty() && d.high.is_empty()) {
            c.err(
                &p("low"),
                "`low` and `high` are only for kind = \"scale\"".to_string(),
                Some("remove them, or use kind = \"scale\"".into()),
            );
        }
    }
}
