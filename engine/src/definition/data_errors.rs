//! serde's data errors (a wrong type, an unknown or missing field, a list where a table
//! belongs) in plain words, located at the field, with a hint of what to write.

use super::spelling::is_identifier;
use super::syntax::quote_snippet;
use crate::diag::{Diagnostic, Format, Locator, Seg, suggest};

/// A data error (wrong type, unknown or missing field, ...) at `path`: in plain words, with
/// every missing field of that table at once.
pub(super) fn data_error(
    loc: &Locator,
    format: Format,
    msg: &str,
    mut path: Vec<Seg>,
    span: (usize, usize),
) -> Vec<Diagnostic> {
    if let Some(d) = list_instead_of_table(loc, format, msg, &path, span) {
        return vec![d];
    }
    let snippet = loc.text().get(span.0..span.1).unwrap_or("");
    let (message, hint) = data_message(msg, format, &mut path, snippet);
    if msg.trim().starts_with("missing field")
        && let Some((_, table)) = path.split_last()
    {
        let section = match table.first() {
            Some(Seg::Key(k)) => k.as_str(),
            _ => "",
        };
        let missing: Vec<Diagnostic> = required_fields(table)
            .iter()
            .filter(|f| !loc.has(&[table, &[Seg::Key(f.to_string())]].concat()))
            .map(|f| {
                let at = [table, &[Seg::Key(f.to_string())]].concat();
                let hint = missing_field_hint(format, section, f);
                loc.at_span(&at, span, format!("the field `{f}` is missing"), Some(hint))
            })
            .collect();
        if !missing.is_empty() {
            return missing;
        }
    }
    vec![loc.at_span(&path, span, message, hint)]
}

/// The fields a table at `path` must have (those without a default in `model.rs`; a test
/// compares this with the JSON Schema).
fn required_fields(path: &[Seg]) -> &'static [&'static str] {
    let key = |n: usize| match path.get(n) {
        Some(Seg::Key(k)) => k.as_str(),
        Some(Seg::Index(_)) => "[]",
        None => "",
    };
    match (path.len(), key(0), key(2)) {
        (0, ..) => &["id", "version", "valid_from", "owner", "title"],
        (2, "inputs", _) => &["kind", "label"],
        (4, "inputs", "choices") => &["id", "label"],
        (2, "parameters", _) => &["value", "label", "status"],
        (2, "derived", _) => &["expr"],
        (2, "factors", _) => &["label", "direction", "weight", "scaling"],
        (3, "factors", "scaling") => &["worst", "best"],
        (2, "presets", _) => &["label", "weights"],
        (2, "events", _) => &["label", "name", "set"],
        (2, "reflection", _) => &["question"],
        (2, "options", _) => &["label"],
        (2, "sources", _) => &["id", "title", "url", "date"],
        (2, "contacts", _) => &["kind", "label", "value"],
        _ => &[],
    }
}

/// `[[options]]` with an `id` in each (the shape of `[[sources]]`) where a table of options
/// keyed by id belongs: show the `[options.<id>]` form.
fn list_instead_of_table(
    loc: &Locator,
    format: Format,
    msg: &str,
    path: &[Seg],
    span: (usize, usize),
) -> Option<Diagnostic> {
    if !msg.trim().starts_with("invalid type: sequence") {
        return None;
    }
    let Some(Seg::Key(section)) = path.first() else {
        return None;
    };
    let one = match section.as_str() {
        "inputs" => "question",
        "parameters" => "parameter",
        "derived" => "derived value",
        "factors" => "factor",
        "presets" => "preset",
        "events" => "event",
        "reflection" => "reflection question",
        "options" => "option",
        _ => return None,
    };
    let first_id = [
        Seg::Key(section.clone()),
        Seg::Index(0),
        Seg::Key("id".into()),
    ];
    let id = if loc.has(&first_id) {
        let (s, e) = loc.span(&first_id);
        let raw = loc.text().get(s..e).unwrap_or("");
        raw.trim_matches(|c| c == '"' || c == '\'').to_string()
    } else {
        "week".to_string()
    };
    let id = if is_identifier(&id) {
        id
    } else {
        "week".into()
    };
    let (message, hint) = match format {
        Format::Toml => (
            format!(
                "`[[{section}]]` makes a list, but `{section}` is a table: one `[{section}.<id>]` per {one}"
            ),
            format!("write `[{section}.{id}]` instead of `[[{section}]]` with `id = \"{id}\"`"),
        ),
        Format::Json => (
            format!(
                "`{section}` must be an object with one member per {one}, keyed by its id, not a list"
            ),
            format!(
                "write `\"{section}\": {{\"{id}\": {{...}}}}` instead of a list with `\"id\": \"{id}\"`"
            ),
        ),
    };
    Some(loc.at_span(&path[..1], span, message, Some(hint)))
}

/// `key = value` (TOML) or `"key": value` (JSON), for hints.
fn key_value(format: Format, key: &str, toml_value: &str, json_value: &str) -> String {
    match format {
        Format::Toml => format!("`{key} = {toml_value}`"),
        Format::Json => format!("`\"{key}\": {json_value}`"),
    }
}

/// What to write for a missing field, as a hint.
fn missing_field_hint(format: Format, section: &str, name: &str) -> String {
    let kv = |t: &str, j: &str| key_value(format, name, t, j);
    match (section, name) {
        ("contacts", "kind") => format!(
            "add {}; the kinds are `web`, `phone`, `email` and `visit`",
            kv("\"web\"", "\"web\"")
        ),
        ("contacts", "value") => format!(
            "add {}: the link, phone number, e-mail address or address",
            kv("\"https://...\"", "\"https://...\"")
        ),
        ("events", "set") => format!(
            "add {}: a question id and its new value",
            kv("{ trips = 10 }", "{\"trips\": 10}")
        ),
        ("events", "name") => format!(
            "add {}: the name of the new scenario",
            kv(
                "{ nl = \"...\", en = \"...\" }",
                "{\"nl\": \"...\", \"en\": \"...\"}"
            )
        ),
        _ => missing_field_hint_any(format, name),
    }
}

fn missing_field_hint_any(format: Format, name: &str) -> String {
    let kv = |t: &str, j: &str| key_value(format, name, t, j);
    match name {
        "kind" => format!(
            "add {}; the kinds are `integer`, `number`, `choice` and `yes_no`",
            kv("\"integer\"", "\"integer\"")
        ),
        "direction" => format!(
            "add {} or {}",
            kv("\"lower_is_better\"", "\"lower_is_better\""),
            kv("\"higher_is_better\"", "\"higher_is_better\"")
        ),
        "status" => format!(
            "add {} (with a `source`) or {} (with a `note`)",
            kv("\"verified\"", "\"verified\""),
            kv("\"illustrative\"", "\"illustrative\"")
        ),
        "scaling" => format!(
            "add {} or {}",
            kv("\"relative\"", "\"relative\""),
            kv("{ worst = 100, best = 0 }", "{\"worst\": 100, \"best\": 0}")
        ),
        "label" | "title" => format!(
            "add {}",
            kv(
                "{ nl = \"...\", en = \"...\" }",
                "{\"nl\": \"...\", \"en\": \"...\"}"
            )
        ),
        "value" | "weight" | "worst" | "best" => format!("add {}", kv("1", "1")),
        "weights" => format!(
            "add {}: a weight from 0 to 10 per factor; factors left out get 0",
            kv("{ cost = 10 }", "{\"cost\": 10}")
        ),
        "valid_from" | "date" => format!("add {}", kv("\"2024-01-01\"", "\"2024-01-01\"")),
        _ => format!("add {}", kv("\"...\"", "\"...\"")),
    }
}

/// A serde type name in plain words.
fn describe_expected(expected: &str, format: Format) -> String {
    let table = match format {
        Format::Toml => "a table",
        Format::Json => "an object",
    };
    let e = expected.trim();
    match e {
        "f64" | "f32" | "i64" | "u64" | "i32" | "u32" | "a number" => "a number".into(),
        "u8" => "a whole number from 0 to 255".into(),
        "usize" | "u16" => "a whole number of 0 or more".into(),
        "a string" | "a borrowed string" | "string" => "a text in quotes".into(),
        "a boolean" | "bool" => "true or false".into(),
        "struct Text" => match format {
            Format::Toml => "a text in Dutch and English, { nl = \"...\", en = \"...\" }".into(),
            Format::Json => {
                "a text in Dutch and English, {\"nl\": \"...\", \"en\": \"...\"}".into()
            }
        },
        "a map" | "map" | "a table" => table.into(),
        "a sequence" | "sequence" | "an array" => "a list `[...]`".into(),
        "enum InputKind" => "one of `integer`, `number`, `choice`, `yes_no` in quotes".into(),
        "enum Status" => "`verified` or `illustrative` in quotes".into(),
        "enum Direction" => "`lower_is_better` or `higher_is_better` in quotes".into(),
        "enum ValueFormat" => "`euro` or `number` in quotes".into(),
        "enum ContactKind" => "one of `web`, `phone`, `email`, `visit` in quotes".into(),
        _ if e.starts_with("struct ") => table.into(),
        _ => e.to_string(),
    }
}

/// serde's description of a found value (`string "0"`, `integer `4``) in plain words.
fn describe_found(found: &str, format: Format) -> String {
    let f = found.trim();
    let tick = |s: &str| s.trim().trim_matches('`').to_string();
    if let Some(s) = f.strip_prefix("string ") {
        format!("the text {s}")
    } else if let Some(n) = f
        .strip_prefix("integer ")
        .or_else(|| f.strip_prefix("floating point "))
    {
        format!("the number {}", tick(n))
    } else if let Some(b) = f.strip_prefix("boolean ") {
        tick(b)
    } else if f == "map" {
        match format {
            Format::Toml => "a table".into(),
            Format::Json => "an object".into(),
        }
    } else if f == "sequence" {
        "a list".into()
    } else if f == "unit value" {
        "null".into()
    } else {
        f.to_string()
    }
}

/// Plain words for a serde data error (wrong type, unknown or missing field, ...). For a missing
/// field, its name is appended to `path`.
fn data_message(
    msg: &str,
    format: Format,
    path: &mut Vec<Seg>,
    snippet: &str,
) -> (String, Option<String>) {
    let msg = msg.trim();
    let field = match path.last() {
        Some(Seg::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let section = match path.first() {
        Some(Seg::Key(k)) => k.clone(),
        _ => String::new(),
    };
    for kind in ["unknown field", "unknown variant"] {
        if let Some(rest) = msg.strip_prefix(kind) {
            // unknown field `maxx`, expected one of `kind`, `label`, ...
            let name = rest.split('`').nth(1).unwrap_or("");
            let expected: Vec<&str> = rest
                .split("expected")
                .nth(1)
                .map(|e| e.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            let what = if kind == "unknown field" {
                "unknown field"
            } else {
                "unknown value"
            };
            let hint = suggest(name, &expected);
            return (format!("{what} `{name}`"), hint);
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field") {
        let name = rest.split('`').nth(1).unwrap_or("");
        path.push(Seg::Key(name.to_string()));
        return (
            format!("the field `{name}` is missing"),
            Some(missing_field_hint(format, &section, name)),
        );
    }
    if let Some(rest) = msg
        .strip_prefix("duplicate field")
        .or_else(|| msg.strip_prefix("duplicate key"))
    {
        let name = rest.split('`').nth(1).unwrap_or("");
        return (
            format!("`{name}` appears twice"),
            Some("every key and id may appear only once here: rename or remove one of them".into()),
        );
    }
    if msg.starts_with("wanted string or table") {
        // toml: a non-text value where one of a fixed set of words is expected.
        let words = match field.as_str() {
            "kind" if section == "contacts" => "`web`, `phone`, `email` or `visit`",
            "kind" => "`integer`, `number`, `choice` or `yes_no`",
            "status" => "`verified` or `illustrative`",
            "direction" => "`lower_is_better` or `higher_is_better`",
            "format" => "`euro` or `number`",
            _ => "one of the allowed words",
        };
        return (
            format!(
                "the value must be {words} in quotes, not {}",
                quote_snippet(snippet)
            ),
            None,
        );
    }
    if msg.contains("did not match any variant of untagged enum Scalar") {
        return (
            "the value must be a number, true or false, or a choice id in quotes".into(),
            None,
        );
    }
    let typed = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "));
    if let Some(rest) = typed
        && let Some(cut) = rest.rfind(", expected ")
    {
        let (found_raw, expected_raw) = (&rest[..cut], &rest[cut + ", expected ".len()..]);
        return wrong_type_message(found_raw, expected_raw, format, &field, snippet);
    }
    (msg.to_string(), None)
}

/// Plain words for serde's `invalid type: <found>, expected <expected>` at `field`, with a
/// hint of how to write it.
fn wrong_type_message(
    found_raw: &str,
    expected_raw: &str,
    format: Format,
    field: &str,
    snippet: &str,
) -> (String, Option<String>) {
    // toml: a whole number beyond 64 bits (`integer `N` as i128`).
    if let Some(n) = found_raw.strip_prefix("integer `").and_then(|n| {
        n.strip_suffix("` as i128")
            .or_else(|| n.strip_suffix("` as u128"))
    }) {
        return (
            format!("{n} is too large for a whole number in TOML (at most 9223372036854775807)"),
            Some(format!(
                "write it as a decimal number, `{n}.0`, or use a smaller number"
            )),
        );
    }
    let expected = describe_expected(expected_raw, format);
    let mut found = describe_found(found_raw, format);
    // toml hands a date or time written without quotes over as a table.
    let unquoted_date = format == Format::Toml
        && found_raw == "map"
        && snippet.starts_with(|c: char| c.is_ascii_digit());
    if unquoted_date {
        found = format!("the date {}", quote_snippet(snippet));
    }
    let text = found_raw
        .strip_prefix("string \"")
        .and_then(|s| s.strip_suffix('"'));
    let number = found_raw
        .strip_prefix("integer `")
        .or_else(|| found_raw.strip_prefix("floating point `"))
        .and_then(|s| s.strip_suffix('`'));
    let hint = match (expected.as_str(), text, number) {
        _ if unquoted_date => Some(format!(
            "put it in quotes: {}",
            key_value(format, field, &format!("\"{}\"", snippet.trim()), "")
        )),
        ("a number" | "a whole number from 0 to 255", Some(t), _)
            if t.trim().parse::<f64>().is_ok() =>
        {
            Some(format!(
                "remove the quotes: {}",
                key_value(format, field, t.trim(), t.trim())
            ))
        }
        ("true or false", Some(t), _) => {
            let b = match t.trim().to_lowercase().as_str() {
                "true" | "yes" | "ja" | "waar" => Some(true),
                "false" | "no" | "nee" | "onwaar" => Some(false),
                _ => None,
            };
            b.map(|b| {
                format!(
                    "write it without quotes: {}",
                    key_value(format, field, &b.to_string(), &b.to_string())
                )
            })
        }
        ("a text in quotes", _, Some(n)) => Some(format!(
            "put it in quotes: {}",
            key_value(format, field, &format!("\"{n}\""), &format!("\"{n}\""))
        )),
        (e, Some(t), _) if e.starts_with("a text in Dutch and English") => Some(format!(
            "for example {}",
            key_value(
                format,
                field,
                &format!("{{ nl = \"{t}\", en = \"...\" }}"),
                &format!("{{\"nl\": \"{t}\", \"en\": \"...\"}}")
            )
        )),
        (e, _, Some(n)) if e.starts_with("an expression in quotes") => Some(format!(
            "put the expression in quotes: {}",
            key_value(format, field, &format!("\"{n}\""), &format!("\"{n}\""))
        )),
        (e, Some(t), _) if e.starts_with("\"relative\"") => suggest(t, &["relative"]),
        _ => None,
    };
    (format!("the value must be {expected}, not {found}"), hint)
}
