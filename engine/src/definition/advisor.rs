//! Parsing, validation and compilation of a definition into an [`Advisor`].
//!
//! Compile once, evaluate many times: every expression is type-checked and resolved to slot
//! indices here, so evaluation does no name look-ups and no allocation per expression.

use std::collections::{HashMap, HashSet};

use super::limits::WEIGHT_MAX;
use crate::diag::{
    Diagnostic, Diagnostics, Format, Locator, Seg, closest, derived_path, json_path_at, path_of,
    suggest,
};
use crate::expr::{self, Expr, Scope, Symbol, Type};
pub use crate::model::ContactKind;
use crate::model::{Definition, Direction, InputKind, Scalar, Scaling, Status, ValueFormat};
use crate::text::{Lang, Text};

pub use super::limits::{
    MAX_DEFINITION_BYTES, MAX_ERRORS, MAX_EVENT_NAME_CHARS, MAX_FACTORS, MAX_INPUTS, MAX_OPTIONS,
};

/// A compiled question.
#[derive(Clone, Debug)]
pub struct Input {
    /// Name used in expressions.
    pub id: String,
    /// integer, number, choice, yes_no.
    pub kind: InputKind,
    /// Lowest value (choice: 0; yes/no: 0).
    pub min: f64,
    /// Highest value (choice: number of choices - 1; yes/no: 1).
    pub max: f64,
    /// Step (choice and yes/no: 1).
    pub step: f64,
    /// Default, in the slot encoding (number, choice index, 0/1).
    pub default: f64,
    /// Choice ids (kind = choice).
    pub choices: Vec<String>,
    /// Compiled `visible_if`.
    pub visible_if: Option<Expr>,
}

/// A compiled parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Name used in expressions.
    pub id: String,
    /// The value from the definition.
    pub value: f64,
    /// verified or illustrative.
    pub status: Status,
}

/// A compiled derived value.
#[derive(Clone, Debug)]
pub struct Derived {
    /// Name used in expressions.
    pub id: String,
    /// Compiled expression.
    pub expr: Expr,
}

/// A compiled factor.
#[derive(Clone, Debug)]
pub struct Factor {
    /// Id used in `values` and test cases.
    pub id: String,
    /// lower or higher is better.
    pub direction: Direction,
    /// Default weight.
    pub weight: f64,
    /// How values are scaled to 0..1.
    pub scaling: Scaling,
}

/// A compiled preset: a named set of weights the citizen can pick with one button.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Id from the definition (`[presets.<id>]`).
    pub id: String,
    /// The text on the button.
    pub label: Text,
    /// What the choice means (may be empty).
    pub description: Text,
    /// One weight per factor, in factor order, each from 0 to
    /// [`WEIGHT_MAX`]; factors the preset leaves out are 0. At least
    /// one is above 0.
    pub weights: Vec<f64>,
}

/// A compiled life event: a button that makes a new scenario by changing some answers.
#[derive(Clone, Debug, PartialEq)]
pub struct LifeEvent {
    /// Id from the definition (`[events.<id>]`).
    pub id: String,
    /// The text on the button, e.g. "Ik word 65".
    pub label: Text,
    /// The default name of the new scenario (at most [`MAX_EVENT_NAME_CHARS`] characters).
    pub name: Text,
    /// One or two short sentences about what changes (may be empty).
    pub description: Text,
    /// The new answers: (input index, value as stored in
    /// [`Scenario::inputs`](crate::eval::Scenario::inputs): a number, a
    /// choice index, 1/0 for yes/no), in the order written. Every value is within the input's
    /// range and on its step.
    pub changes: Vec<(usize, f64)>,
}

/// A compiled contact option ("Liever met iemand praten?").
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// web, phone, email or visit.
    pub kind: ContactKind,
    /// What the citizen reads, e.g. "RET klantenservice".
    pub label: Text,
    /// As written: the link, the phone number, the e-mail address, or the address to visit.
    pub value: String,
    /// Where a link goes: the web address, `tel:` + the digits (a leading `+` kept),
    /// `mailto:` + the address, or for a visit the page with addresses (`url`), if any.
    pub href: Option<String>,
    /// When (opening hours), if given.
    pub hours: Option<Text>,
    /// A remark, if given.
    pub note: Option<Text>,
}

/// A compiled option.
#[derive(Clone, Debug)]
pub struct AdvOption {
    /// Id used in test cases and shared state.
    pub id: String,
    /// Compiled `eligible_if`.
    pub eligible_if: Option<Expr>,
    /// One compiled expression per factor, in factor order.
    pub values: Vec<Expr>,
}

/// A validated, compiled advisor. Build it once with [`Advisor::parse`]; evaluate it many times.
#[derive(Clone, Debug)]
pub struct Advisor {
    /// The definition as written (texts, sources, metadata).
    pub def: Definition,
    /// Questions, in order; input `i` lives in slot `i`.
    pub inputs: Vec<Input>,
    /// Parameters; parameter `j` lives in slot `inputs.len() + j`.
    pub params: Vec<Param>,
    /// Derived values; derived `k` lives in slot `inputs.len() + params.len() + k`.
    pub derived: Vec<Derived>,
    /// Evaluation order of derived values (dependencies first).
    pub derived_order: Vec<usize>,
    /// Factors, in order.
    pub factors: Vec<Factor>,
    /// Presets (named sets of weights), in the order written.
    pub presets: Vec<Preset>,
    /// Options, in order.
    pub options: Vec<AdvOption>,
    /// Life events (new scenario from changed answers), in the order written.
    pub events: Vec<LifeEvent>,
    /// Ways to reach a person, in the order written.
    pub contacts: Vec<Contact>,
    /// The factor that is an amount in euro per month (`[analysis] cost_factor`), if any.
    pub cost_factor: Option<usize>,
    /// What `check` warns about in a valid definition (same place information as errors):
    /// questions with the same unit and no `short`, an option with a question's id.
    pub warnings: Vec<Diagnostic>,
}

impl Advisor {
    /// Parses, validates and compiles a definition. The format follows the file name
    /// (`.toml` / `.json`), else the first character. All problems found are returned.
    pub fn parse(text: &str, file: &str) -> Result<Advisor, Diagnostics> {
        Advisor::read(text, file, Checks::All)
    }

    /// As [`Advisor::parse`], for a definition that passed `check` when the site was built
    /// (a built-in advisor, as the build wrote it): everything is validated and compiled the
    /// same, except the search for formulas that can fail for some answer ([`crate::definition::domain`]),
    /// which the build already did. That search is the slowest part of reading a definition,
    /// and a page reads its advisor before the first answer works. Should a formula still fail,
    /// the page says so for that answer, as it always does.
    pub fn parse_built_in(text: &str, file: &str) -> Result<Advisor, Diagnostics> {
        Advisor::read(text, file, Checks::SkipDomain)
    }

    fn read(text: &str, file: &str, checks: Checks) -> Result<Advisor, Diagnostics> {
        let format = Format::detect(file, text);
        if text.len() > MAX_DEFINITION_BYTES {
            return Err(Diagnostics(vec![too_big(text, file, format)]));
        }
        let def = deserialize::<Definition>(text, file, format)?;
        let loc = Locator::new(file, text, format);
        too_large(&def, &loc)?;
        compile(def, &loc, checks)
    }

    /// Slot of input `i`.
    pub fn input_slot(&self, i: usize) -> usize {
        i
    }
    /// Slot of parameter `j`.
    pub fn param_slot(&self, j: usize) -> usize {
        self.inputs.len() + j
    }
    /// Slot of derived value `k`.
    pub fn derived_slot(&self, k: usize) -> usize {
        self.inputs.len() + self.params.len() + k
    }
    /// Total number of slots.
    pub fn slot_count(&self) -> usize {
        self.inputs.len() + self.params.len() + self.derived.len()
    }
    /// Index of the input called `id`.
    pub fn input_index(&self, id: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.id == id)
    }
    /// Index of the parameter called `id`.
    pub fn param_index(&self, id: &str) -> Option<usize> {
        self.params.iter().position(|p| p.id == id)
    }
    /// Index of the derived value called `id`.
    pub fn derived_index(&self, id: &str) -> Option<usize> {
        self.derived.iter().position(|d| d.id == id)
    }
    /// Index of the factor called `id`.
    pub fn factor_index(&self, id: &str) -> Option<usize> {
        self.factors.iter().position(|f| f.id == id)
    }
    /// Index of the preset called `id`.
    pub fn preset_index(&self, id: &str) -> Option<usize> {
        self.presets.iter().position(|p| p.id == id)
    }
    /// Index of the option called `id`.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
    /// Index of the life event called `id`.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }
    /// Slot of any named value (input, parameter or derived).
    pub fn slot_of(&self, name: &str) -> Option<usize> {
        self.input_index(name)
            .map(|i| self.input_slot(i))
            .or_else(|| self.param_index(name).map(|j| self.param_slot(j)))
            .or_else(|| self.derived_index(name).map(|k| self.derived_slot(k)))
    }
    /// The label of option `o` in `lang` (empty for an index out of range).
    pub fn option_label(&self, o: usize, lang: Lang) -> String {
        self.def
            .options
            .get_index(o)
            .map_or_else(String::new, |(_, d)| d.label.get(lang).to_string())
    }

    /// True if any parameter is illustrative (the page must say so).
    pub fn has_illustrative(&self) -> bool {
        self.params.iter().any(|p| p.status == Status::Illustrative)
    }
}

/// A definition over [`MAX_DEFINITION_BYTES`]: at its largest part when one part holds at
/// least half of it (else at 1:1).
fn too_big(text: &str, file: &str, format: Format) -> Diagnostic {
    let loc = Locator::new(file, text, format);
    let mut message = format!(
        "the definition is {} KB; the limit is {} KB",
        text.len() / 1000,
        MAX_DEFINITION_BYTES / 1000
    );
    let hint = Some("split it up or remove unused parts".into());
    match crate::diag::largest_part(text, format) {
        Some((path, span, size)) => {
            message += &format!(
                "; `{}` alone is {} KB",
                crate::diag::path_string(&path),
                size / 1000
            );
            loc.at_span(&path, span, message, hint)
        }
        None => loc.at_span(&[], (0, 0), message, hint),
    }
}

/// Deserializes a TOML or JSON document, turning serde errors into located diagnostics that
/// name the field (from the error's position) and say in plain words what is wrong.
pub fn deserialize<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    format: Format,
) -> Result<T, Diagnostics> {
    match format {
        #[cfg(not(feature = "toml"))]
        Format::Toml => Err(Diagnostics(vec![Locator::new(file, text, format).at_span(
            &[],
            (0, 0),
            "this build reads JSON definitions only (the TOML reader is left out to keep it small)",
            Some("convert the definition to JSON first".into()),
        )])),
        #[cfg(feature = "toml")]
        Format::Toml => {
            // Parse once; a syntax error needs no second parse to be located.
            let parsed = toml::de::DeTable::parse(text);
            let syntax = parsed.is_err();
            let result = parsed.and_then(|root| T::deserialize(toml::de::Deserializer::from(root)));
            result.map_err(|e| {
                let loc = Locator::new(file, text, format);
                let span = e.span().map(|r| (r.start, r.end)).unwrap_or((0, 0));
                if syntax {
                    if let Some(d) = toml_syntax_special(&loc, text, span, e.message()) {
                        return Diagnostics(vec![d]);
                    }
                    let path = loc.path_at_toml(span.0, true);
                    let snippet = text.get(span.0..span.1).unwrap_or("");
                    let (message, hint) = toml_syntax_message(e.message(), snippet);
                    return Diagnostics(vec![loc.at_span(&path, span, message, hint)]);
                }
                // A field missing from the whole document: the error spans all of it.
                let whole = span.1 == 0 || (span.0 == 0 && span.1 >= text.trim_end().len());
                let path = if whole {
                    Vec::new()
                } else {
                    loc.path_at(span.0)
                };
                Diagnostics(data_error(&loc, format, e.message(), path, span))
            })
        }
        Format::Json => serde_json::from_str::<T>(text).map_err(|e| {
            let loc = Locator::new(file, text, format);
            // serde_json's column is that of the last character it read.
            let offset = offset_of_line_col(text, e.line(), e.column());
            let (path, span) = json_path_at(text, offset);
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            if e.classify() == serde_json::error::Category::Data {
                let span = span.unwrap_or((offset, offset));
                return Diagnostics(data_error(&loc, format, &msg, path, span));
            }
            let (message, hint) = json_syntax_message(&msg);
            Diagnostics(vec![loc.at_span(&path, (offset, offset), message, hint)])
        }),
    }
}

fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col: usize = l
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + col;
        }
        offset += l.len();
    }
    text.len()
}

/// A data error (wrong type, unknown or missing field, ...) at `path`: in plain words, with
/// every missing field of that table at once.
fn data_error(
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

/// TOML syntax errors with a likelier cause than the parser can see: a JSON file named
/// `.toml`, a decimal comma, a look-alike letter in a key.
#[cfg(feature = "toml")]
fn toml_syntax_special(
    loc: &Locator,
    text: &str,
    span: (usize, usize),
    msg: &str,
) -> Option<Diagnostic> {
    // The first line that is not blank or a comment.
    let first = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .find(|(_, l)| {
            let t = l.trim_start_matches('\u{feff}').trim();
            !t.is_empty() && !t.starts_with('#')
        });
    if let Some((start, line)) = first
        && line
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    {
        let at = start + line.find('{').unwrap_or(0);
        return Some(loc.at_span(
            &[],
            (at, at + 1),
            "the file looks like JSON (it starts with `{`), but its name ends in .toml",
            Some("rename it to definition.json, or write the definition in TOML".into()),
        ));
    }
    let at = span.0.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if let Some((value, start)) = decimal_comma(line) {
        let start = line_start + start;
        return Some(loc.at_span(
            &loc.path_at_toml(start, true),
            (start, start + value.len()),
            format!("`{value}` has a decimal comma"),
            Some(format!("use a decimal point: {}", value.replace(',', "."))),
        ));
    }
    if msg.trim().starts_with("invalid unquoted key") {
        return lookalike_key(loc, text, line_start, at);
    }
    None
}

/// `key = 2,50` (a number with a decimal comma): the value and its offset in the line.
#[cfg(feature = "toml")]
fn decimal_comma(line: &str) -> Option<(&str, usize)> {
    let (_, after) = line.split_once('=')?;
    let value = after.split('#').next()?.trim();
    let (whole, fraction) = value.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_digits = whole.strip_prefix('-').unwrap_or(whole);
    if !(digits(whole_digits) && digits(fraction)) {
        return None;
    }
    let start = line.len() - after.len() + after.find(value)?;
    Some((value, start))
}

/// A key with a character that is not ASCII (`[options.tickеts]` with a Cyrillic `е`): name
/// the character, suggest the ASCII key, and for a table header name the table it is in.
#[cfg(feature = "toml")]
fn lookalike_key(loc: &Locator, text: &str, line_start: usize, at: usize) -> Option<Diagnostic> {
    let part = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || !c.is_ascii();
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let offset = at - line_start;
    let start = line[..offset]
        .rfind(|c: char| !part(c))
        .map_or(0, |i| i + 1);
    let end = line[offset..]
        .find(|c: char| !part(c) || c.is_whitespace())
        .map_or(line.len(), |i| offset + i);
    let word = line[start..end].trim();
    let (character, ascii) = crate::diag::non_ascii(word)?;
    let header = line.trim_start().starts_with('[');
    let path = if header {
        let inner = line[..start].trim_start().trim_start_matches('[');
        crate::diag::split_dotted_key(inner.trim_end_matches('.')).unwrap_or_default()
    } else {
        loc.path_at_toml(at, true)
    };
    Some(loc.at_span(
        &path,
        (line_start + start, line_start + end),
        format!("{character} in `{word}` is not an ASCII letter: keys and ids use only a-z, 0-9, `_` and `-`"),
        Some(match ascii {
            Some(a) => format!("write `{a}`"),
            None => "retype the key with ASCII letters".into(),
        }),
    ))
}

/// A short, one-line quote of the text at an error.
fn quote_snippet(snippet: &str) -> String {
    let s = snippet.lines().next().unwrap_or("").trim();
    if s.chars().count() > 40 {
        format!("`{}...`", s.chars().take(40).collect::<String>())
    } else {
        format!("`{s}`")
    }
}

/// Plain words for a TOML syntax error; `snippet` is the text at the error's span.
#[cfg(feature = "toml")]
fn toml_syntax_message(msg: &str, snippet: &str) -> (String, Option<String>) {
    let m = msg.trim();
    let hint = |h: &str| Some(h.to_string());
    let blank = snippet.trim().is_empty();
    if m.starts_with("duplicate key") {
        let what = if blank {
            "this key".to_string()
        } else {
            quote_snippet(snippet)
        };
        (
            format!("{what} appears twice"),
            hint("every key, table and id may appear only once here: rename or remove one of them"),
        )
    } else if m.starts_with("invalid multi-line basic string") {
        (
            "the text is not closed with `\"\"\"`".into(),
            hint("end a text over several lines with `\"\"\"`"),
        )
    } else if m.starts_with("invalid multi-line literal string") {
        (
            "the text is not closed with `'''`".into(),
            hint("end a text over several lines with `'''`"),
        )
    } else if m.starts_with("invalid basic string") {
        (
            "the text is not closed with `\"`".into(),
            hint(
                "end it with `\"` on the same line; for text over several lines use \"\"\"...\"\"\"",
            ),
        )
    } else if m.starts_with("invalid literal string") {
        (
            "the text is not closed with `'`".into(),
            hint("end it with `'` on the same line"),
        )
    } else if m.starts_with("unclosed inline table") {
        (
            "the inline table `{ ... }` is not closed".into(),
            hint("add `}` after the last `key = value` of the table"),
        )
    } else if m.starts_with("unclosed array") {
        (
            "the list `[ ... ]` is not closed".into(),
            hint("add `]`, and put a comma between the items"),
        )
    } else if m.starts_with("unclosed table") {
        (
            "the table header is not closed with `]`".into(),
            hint("write it as `[name]` or `[name.id]`"),
        )
    } else if m.starts_with("unexpected key or value") {
        (
            "unexpected text after the value".into(),
            hint("put each `key = value` on its own line, and separate list items with commas"),
        )
    } else if m.starts_with("string values must be quoted") {
        if blank {
            (
                "the value is missing".into(),
                hint("write `key = value`; put text in quotes"),
            )
        } else {
            (
                format!("{} is not a valid value", quote_snippet(snippet)),
                hint("put text in quotes; numbers, true/false and dates go without quotes"),
            )
        }
    } else if m.starts_with("key with no value") {
        (
            "a key without `= value`".into(),
            hint("write `key = value`; a key with spaces needs quotes"),
        )
    } else if m.starts_with("invalid boolean") {
        (
            format!("{} is not true or false", quote_snippet(snippet)),
            hint("write true or false in lowercase, or put text in quotes"),
        )
    } else if m.starts_with("missing comma between key-value pairs") {
        (
            "a comma is missing, or the inline table `{ ... }` before this is not closed".into(),
            hint(
                "separate the `key = value` pairs inside `{ ... }` with commas, and end it with `}`",
            ),
        )
    } else if m.starts_with("missing comma between array elements") {
        (
            "a comma is missing, or the list `[ ... ]` before this is not closed".into(),
            hint("separate the items of a list with commas, and end it with `]`"),
        )
    } else if m.starts_with("extra comma") {
        ("an extra comma".into(), hint("remove it"))
    } else if m.starts_with("missing value") {
        (
            "the value is missing".into(),
            hint("write `key = value`; put text in quotes"),
        )
    } else if m.starts_with("missing assignment") || m.starts_with("invalid key-value pair") {
        (
            "`=` is missing between the key and the value".into(),
            hint("write `key = value`"),
        )
    } else if m.starts_with("invalid unquoted key") {
        if blank {
            (
                "a space cannot be part of a key".into(),
                hint("use `_` instead of a space, e.g. `trips_per_week`"),
            )
        } else {
            (
                format!("{} cannot be part of a key", quote_snippet(snippet)),
                hint("keys use letters, digits, `_` and `-`; after `=` put text in quotes"),
            )
        }
    } else if m.starts_with("invalid comment character") {
        ("a control character in a comment".into(), hint("remove it"))
    } else if m.starts_with("missing key for inline table element")
        || m.starts_with("invalid inline table element")
    {
        (
            "unexpected text inside the inline table `{ ... }`".into(),
            hint("write `{ key = value, key = value }`"),
        )
    } else if m.starts_with("missing opening quote") {
        (
            "a text is missing its opening quote".into(),
            hint("put text in quotes: \"...\""),
        )
    } else if m.starts_with("extra assignment") || m.starts_with("extra `=`") {
        (
            "an extra `=`".into(),
            hint("write `key = value` with one `=`; text that contains `=` goes in quotes"),
        )
    } else if m.starts_with("unexpected `=` in array") {
        (
            "unexpected `=` in a list".into(),
            hint("a list holds values, e.g. `[1, 2]` or `[{ id = \"a\" }]`"),
        )
    } else if m.starts_with("missing escaped value") || m.starts_with("too few unicode") {
        (
            "a backslash `\\` that does not start a valid escape".into(),
            hint("write `\\\\` for a backslash, or use '...' quotes, which have no escapes"),
        )
    } else if m.starts_with("unquoted keys cannot be empty") {
        (
            "a key is missing".into(),
            hint("write `key = value`; keys use letters, digits, `_` and `-`"),
        )
    } else {
        (format!("TOML syntax error: {m}"), None)
    }
}

/// Plain words for a JSON syntax error (serde_json's message without the position).
fn json_syntax_message(msg: &str) -> (String, Option<String>) {
    let m = msg.trim();
    let hint = |h: &str| Some(h.to_string());
    if m.starts_with("EOF while parsing") {
        (
            "the file ends too early".into(),
            hint("a closing `}`, `]` or `\"` is missing"),
        )
    } else if m.starts_with("trailing comma") {
        (
            "a comma before a closing bracket".into(),
            hint("remove the last comma"),
        )
    } else if m.starts_with("key must be a string") {
        (
            "expected a key in double quotes".into(),
            hint("remove the extra comma, or put the key in double quotes"),
        )
    } else if m.starts_with("expected `,` or `}`") || m.starts_with("expected `,` or `]`") {
        (
            format!("{m} after a value"),
            hint("is a comma missing between two entries?"),
        )
    } else if m.starts_with("expected `:`") {
        ("expected `:` after the key".into(), None)
    } else if m.starts_with("expected value") || m.starts_with("expected ident") {
        (
            "expected a value".into(),
            hint("put text in double quotes; numbers, true, false and null go without"),
        )
    } else if m.starts_with("control character") {
        (
            "a line break or tab inside a text".into(),
            hint("write \\n for a line break; a JSON text must be on one line"),
        )
    } else if m.starts_with("invalid escape") {
        (
            "a backslash `\\` that does not start a valid escape".into(),
            hint("write `\\\\` for a backslash"),
        )
    } else if m.starts_with("trailing characters") {
        (
            "more text after the end of the definition".into(),
            hint("the whole definition must be one object `{ ... }`"),
        )
    } else {
        (format!("JSON syntax error: {m}"), None)
    }
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
        let found_raw = &rest[..cut];
        // toml: a whole number beyond 64 bits (`integer `N` as i128`).
        if let Some(n) = found_raw.strip_prefix("integer `").and_then(|n| {
            n.strip_suffix("` as i128")
                .or_else(|| n.strip_suffix("` as u128"))
        }) {
            return (
                format!(
                    "{n} is too large for a whole number in TOML (at most 9223372036854775807)"
                ),
                Some(format!(
                    "write it as a decimal number, `{n}.0`, or use a smaller number"
                )),
            );
        }
        let expected_raw = &rest[cut + ", expected ".len()..];
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
                key_value(format, &field, &format!("\"{}\"", snippet.trim()), "")
            )),
            ("a number" | "a whole number from 0 to 255", Some(t), _)
                if t.trim().parse::<f64>().is_ok() =>
            {
                Some(format!(
                    "remove the quotes: {}",
                    key_value(format, &field, t.trim(), t.trim())
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
                        key_value(format, &field, &b.to_string(), &b.to_string())
                    )
                })
            }
            ("a text in quotes", _, Some(n)) => Some(format!(
                "put it in quotes: {}",
                key_value(format, &field, &format!("\"{n}\""), &format!("\"{n}\""))
            )),
            (e, Some(t), _) if e.starts_with("a text in Dutch and English") => Some(format!(
                "for example {}",
                key_value(
                    format,
                    &field,
                    &format!("{{ nl = \"{t}\", en = \"...\" }}"),
                    &format!("{{\"nl\": \"{t}\", \"en\": \"...\"}}")
                )
            )),
            (e, _, Some(n)) if e.starts_with("an expression in quotes") => Some(format!(
                "put the expression in quotes: {}",
                key_value(format, &field, &format!("\"{n}\""), &format!("\"{n}\""))
            )),
            (e, Some(t), _) if e.starts_with("\"relative\"") => suggest(t, &["relative"]),
            _ => None,
        };
        return (format!("the value must be {expected}, not {found}"), hint);
    }
    (msg.to_string(), None)
}

/// A name or id with a character that is not ASCII (often a look-alike letter): which
/// character, and the name in ASCII when there is one.
fn non_ascii_name(name: &str, what: &str) -> Option<(String, Option<String>)> {
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
fn is_reserved(name: &str) -> bool {
    expr::KEYWORDS.contains(&name) || expr::FUNCTIONS.contains(&name)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_id(s: &str) -> bool {
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

/// Refuses a definition with more options, questions or factors than the limits, before any
/// costly check: a clear message at the first one too many, not a frozen page.
fn too_large(def: &Definition, loc: &Locator) -> Result<(), Diagnostics> {
    let mut errors = Vec::new();
    for (section, keys, limit, what) in [
        (
            "options",
            def.options.keys().collect::<Vec<_>>(),
            MAX_OPTIONS,
            "options",
        ),
        (
            "inputs",
            def.inputs.keys().collect(),
            MAX_INPUTS,
            "questions",
        ),
        (
            "factors",
            def.factors.keys().collect(),
            MAX_FACTORS,
            "factors",
        ),
    ] {
        if let Some(first_too_many) = keys.get(limit) {
            errors.push(loc.at_key(
                &path_of(&[section, first_too_many.as_str()]),
                format!("{} {what}; the limit is {limit}", keys.len()),
                Some(format!(
                    "a citizen cannot weigh more than {limit} {what}; split the advisor into smaller ones"
                )),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(errors))
    }
}

struct Checker<'a, 'l> {
    loc: &'l Locator<'a>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// The option ids: `week.cost` in a formula is an option's value (see `expr_error_at`).
    option_ids: HashSet<String>,
}

impl Checker<'_, '_> {
    /// True once [`MAX_ERRORS`] problems have been found: stop doing costly checks.
    fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    fn err(&mut self, path: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let d = self.loc.at(&path_of(path), msg, hint);
        self.errors.push(d);
    }

    /// An error about the name (key) at the end of `path`, located at that key.
    fn err_key(&mut self, path: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let d = self.loc.at_key(&path_of(path), msg, hint);
        self.errors.push(d);
    }

    /// An error about the field `path`, located at the field `at` (e.g. a missing `note` is
    /// reported at the `status` that requires it).
    fn err_at(&mut self, path: &[&str], at: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let span = self.loc.span(&path_of(at));
        let d = self.loc.at_span(&path_of(path), span, msg, hint);
        self.errors.push(d);
    }

    /// Both languages present (when `required`, or when one of them is given).
    fn text(&mut self, path: &[&str], t: &Text, required: bool) {
        if !required && t.is_empty() {
            return;
        }
        for lang in t.missing() {
            let what = match lang {
                crate::text::Lang::Nl => "Dutch text (nl) is missing",
                crate::text::Lang::En => "English text (en) is missing",
            };
            self.err(path, what, Some(format!("add `{} = \"...\"`", lang.code())));
        }
    }

    fn expr_error(&mut self, path: &[&str], src: &str, e: &expr::ExprError) {
        self.expr_error_at(&path_of(path), src, e);
    }

    /// An expression error, located at the offending part inside the string at `p`.
    fn expr_error_at(&mut self, p: &[Seg], src: &str, e: &expr::ExprError) {
        let dotted = self.option_value(src, e);
        let e = dotted.as_ref().unwrap_or(e);
        let p = p.to_vec();
        let start = self.loc.offset_in_string(&p, e.start);
        let end = self.loc.offset_in_string(&p, e.end.max(e.start));
        let d = self
            .loc
            .at_span(&p, (start, end), e.message.clone(), e.hint.clone());
        self.errors.push(d);
    }

    /// `week.cost` in a formula, where `week` is an option: the lexer only sees an unexpected
    /// `.`; say that an option's value cannot be used there.
    fn option_value(&self, src: &str, e: &expr::ExprError) -> Option<expr::ExprError> {
        if e.message != "unexpected `.`" {
            return None;
        }
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let before = src.get(..e.start)?;
        let start = before.rfind(|c| !word(c)).map_or(0, |i| i + 1);
        let option = &before[start..];
        if !self.option_ids.contains(option) {
            return None;
        }
        let after = src.get(e.end..)?;
        let end = e.end + after.find(|c| !word(c)).unwrap_or(after.len());
        Some(expr::ExprError {
            start,
            end,
            message: format!(
                "an option's value cannot be used in a formula (`{}` is a value of the option `{option}`)",
                &src[start..end]
            ),
            hint: Some(
                "compute it under [derived] and use that name here and in the option".into(),
            ),
        })
    }
}

struct DefScope<'a> {
    symbols: &'a HashMap<String, Symbol>,
    inputs: &'a [Input],
    /// For `visible_if`: only the questions before this one are visible.
    inputs_before: Option<usize>,
    /// Names visible to this scope (for suggestions).
    names: &'a [String],
}

impl Scope for DefScope<'_> {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        let s = self.symbols.get(name).copied()?;
        match self.inputs_before {
            Some(n) if s.slot as usize >= n.min(self.inputs.len()) => None,
            _ => Some(s),
        }
    }
    fn names(&self) -> Vec<String> {
        self.names.to_vec()
    }
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        self.inputs
            .get(input as usize)?
            .choices
            .iter()
            .position(|c| c == literal)
            .map(|i| i as u32)
    }
    fn choices(&self, input: u32) -> Vec<String> {
        self.inputs
            .get(input as usize)
            .map(|i| i.choices.clone())
            .unwrap_or_default()
    }
    fn choice_input_name(&self, input: u32) -> String {
        self.inputs
            .get(input as usize)
            .map(|i| i.id.clone())
            .unwrap_or_default()
    }
}

/// A number for a message, without floating-point noise (`0.30000000000000004` -> `0.3`).
fn tidy(v: f64) -> String {
    let r = (v * 1e9).round() / 1e9;
    format!("{r}")
}

fn input_type(i: usize, kind: InputKind) -> Type {
    match kind {
        InputKind::Integer | InputKind::Number => Type::Number,
        InputKind::YesNo => Type::Bool,
        InputKind::Choice => Type::Choice(i as u32),
    }
}

/// Which checks [`compile`] runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checks {
    All,
    /// Not the formulas that can fail ([`Advisor::parse_built_in`]).
    SkipDomain,
}

fn compile(def: Definition, loc: &Locator<'_>, checks: Checks) -> Result<Advisor, Diagnostics> {
    let mut c = Checker {
        loc,
        errors: Vec::new(),
        warnings: warnings(&def, loc),
        option_ids: def.options.keys().cloned().collect(),
    };

    // ---- metadata ----
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

    // ---- sources ----
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
    let source_list: Vec<&str> = def.sources.iter().map(|s| s.id.as_str()).collect();

    // ---- names (reported at the key: the name is what is wrong) ----
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

    // ---- inputs ----
    let mut inputs: Vec<Input> = Vec::new();
    // Per input: true when its range, step and choices were accepted (life events are checked
    // against them only then, so a broken question does not cause a second, confusing error).
    let mut input_ok: Vec<bool> = Vec::new();
    for (id, d) in &def.inputs {
        let p = |f: &'static str| ["inputs", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("help"), &d.help, false);
        c.text(&p("unit"), &d.unit, false);
        c.text(&p("unit_one"), &d.unit_one, false);
        c.text(&p("short"), &d.short, false);
        let errors_before = c.errors.len();
        let numeric = matches!(d.kind, InputKind::Integer | InputKind::Number);
        let kind_name = match d.kind {
            InputKind::Integer => "integer",
            InputKind::Number => "number",
            InputKind::Choice => "choice",
            InputKind::YesNo => "yes_no",
        };
        if !numeric {
            for (f, present) in [
                ("min", d.min.is_some()),
                ("max", d.max.is_some()),
                ("step", d.step.is_some()),
            ] {
                if present {
                    c.err(
                        &p(f),
                        format!("`{f}` is only for numbers, not for kind = \"{kind_name}\""),
                        Some(format!("remove `{f}`")),
                    );
                }
            }
        }
        if d.kind != InputKind::Choice && !d.choices.is_empty() {
            c.err(
                &p("choices"),
                format!("`choices` is only for kind = \"choice\", not \"{kind_name}\""),
                Some("remove `choices` or set kind = \"choice\"".into()),
            );
        }
        let mut input = Input {
            id: id.clone(),
            kind: d.kind,
            min: 0.0,
            max: 1.0,
            step: 1.0,
            default: 0.0,
            choices: Vec::new(),
            visible_if: None,
        };
        match d.kind {
            InputKind::Integer | InputKind::Number => {
                let (Some(min), Some(max)) = (d.min, d.max) else {
                    for (f, present, example) in
                        [("min", d.min.is_some(), 0), ("max", d.max.is_some(), 40)]
                    {
                        if !present {
                            c.err(
                                &p(f),
                                format!("a number question needs `{f}`"),
                                Some(format!("add e.g. `{f} = {example}`")),
                            );
                        }
                    }
                    inputs.push(input);
                    input_ok.push(false);
                    continue;
                };
                let step = match (d.kind, d.step) {
                    (_, Some(s)) => s,
                    (InputKind::Integer, None) => 1.0,
                    _ => {
                        c.err(
                            &p("step"),
                            "a question with kind = \"number\" needs a `step`",
                            Some("add e.g. `step = 0.5`, or use kind = \"integer\" for whole numbers".into()),
                        );
                        1.0
                    }
                };
                let mut ok = true;
                for (f, v, example) in [("min", min, 0), ("max", max, 40), ("step", step, 1)] {
                    if !v.is_finite() {
                        c.err(
                            &p(f),
                            format!(
                                "`{f}` must be an ordinary number, not {}",
                                format!("{v}").to_lowercase()
                            ),
                            Some(format!(
                                "e.g. `{f} = {example}`: inf and nan are not allowed"
                            )),
                        );
                        ok = false;
                    }
                }
                if !ok {
                    inputs.push(input);
                    input_ok.push(false);
                    continue;
                }
                if d.kind == InputKind::Integer {
                    for (f, v) in [("min", min), ("max", max), ("step", step)] {
                        if v.fract() != 0.0 {
                            c.err(
                                &p(f),
                                format!("`{f}` is {v}, but this question asks for whole numbers"),
                                Some("use a whole number, or kind = \"number\"".to_string()),
                            );
                            ok = false;
                        }
                    }
                }
                if min > max {
                    c.err(
                        &p("min"),
                        format!("min ({min}) is greater than max ({max})"),
                        Some("swap them, or correct one of them".into()),
                    );
                    ok = false;
                } else if min == max {
                    c.err(
                        &p("max"),
                        format!("min and max are both {min}: there is nothing to choose"),
                        Some("make max greater than min".into()),
                    );
                    ok = false;
                }
                if step <= 0.0 {
                    c.err(
                        &p("step"),
                        format!("step must be greater than 0, not {step}"),
                        Some("e.g. `step = 1`".into()),
                    );
                    ok = false;
                } else if ok && (max - min) / step > 1_000_000.0 {
                    c.err(
                        &p("step"),
                        format!(
                            "step {step} gives more than a million values between {min} and {max}"
                        ),
                        Some("use a larger step".into()),
                    );
                    ok = false;
                }
                let default = match &d.default {
                    Some(Scalar::Number(v)) if !v.is_finite() => {
                        c.err(
                            &p("default"),
                            format!(
                                "the default must be an ordinary number, not {}",
                                format!("{v}").to_lowercase()
                            ),
                            Some(format!("choose a default from {min} to {max}")),
                        );
                        None
                    }
                    Some(Scalar::Number(v)) => Some(*v),
                    Some(other) => {
                        c.err(
                            &p("default"),
                            format!("the default must be a number, not {other}"),
                            None,
                        );
                        None
                    }
                    None => {
                        c.err(&p("default"), "the question has no `default`", Some(format!("add e.g. `default = {min}`; the advice is shown before the citizen answers")));
                        None
                    }
                };
                if let (Some(v), true) = (default, ok) {
                    if v < min || v > max {
                        c.err(
                            &p("default"),
                            format!("the default {v} is outside the range {min} to {max}"),
                            Some(format!(
                                "choose a default from {min} to {max}, or change `min` or `max`"
                            )),
                        );
                    } else if ((v - min) / step - ((v - min) / step).round()).abs() > 1e-9 {
                        let below = min + ((v - min) / step).floor() * step;
                        let above = (below + step).min(max);
                        let allowed = if above > below {
                            format!("use {} or {}", tidy(below), tidy(above))
                        } else {
                            format!("use {}", tidy(below))
                        };
                        c.err(
                            &p("default"),
                            format!(
                                "the default {v} is not an allowed value: from {min} the answers go in steps of {step}"
                            ),
                            Some(allowed),
                        );
                    }
                }
                input.min = min;
                input.max = max;
                input.step = step;
                input.default = default.unwrap_or(min).clamp(min.min(max), max.max(min));
            }
            InputKind::Choice => {
                if d.choices.len() < 2 {
                    c.err(
                        &p("choices"),
                        "a choice question needs at least two choices",
                        None,
                    );
                }
                let mut ids = HashSet::new();
                for (k, ch) in d.choices.iter().enumerate() {
                    let cp = vec![
                        Seg::Key("inputs".into()),
                        Seg::Key(id.clone()),
                        Seg::Key("choices".into()),
                        Seg::Index(k),
                    ];
                    if ch.id.trim().is_empty() {
                        let e = loc.at(&cp, "a choice has an empty id", None);
                        c.errors.push(e);
                    }
                    if !ids.insert(ch.id.as_str()) {
                        let mut idp = cp.clone();
                        idp.push(Seg::Key("id".into()));
                        let e = loc.at(
                            &idp,
                            format!("the choice `{}` appears twice", ch.id),
                            Some("every choice needs its own id".into()),
                        );
                        c.errors.push(e);
                    }
                    for lang in ch.label.missing() {
                        let mut lp = cp.clone();
                        lp.push(Seg::Key("label".into()));
                        let e = loc.at(
                            &lp,
                            format!(
                                "the label of choice `{}` has no {} text",
                                ch.id,
                                if lang == crate::text::Lang::Nl {
                                    "Dutch (nl)"
                                } else {
                                    "English (en)"
                                }
                            ),
                            Some(format!("add `{} = \"...\"`", lang.code())),
                        );
                        c.errors.push(e);
                    }
                }
                input.choices = d.choices.iter().map(|ch| ch.id.clone()).collect();
                input.max = (input.choices.len().max(1) - 1) as f64;
                match &d.default {
                    Some(Scalar::Text(s)) => match input.choices.iter().position(|x| x == s) {
                        Some(k) => input.default = k as f64,
                        None => {
                            let mut list: Vec<&str> = Vec::new();
                            for ch in &input.choices {
                                if !list.contains(&ch.as_str()) {
                                    list.push(ch);
                                }
                            }
                            c.err(
                                &p("default"),
                                format!("the default '{s}' is not one of the choices"),
                                suggest(s, &list),
                            );
                        }
                    },
                    Some(other) => c.err(
                        &p("default"),
                        format!("the default must be one of the choice ids in quotes, not {other}"),
                        None,
                    ),
                    None => c.err(
                        &p("default"),
                        "the question has no `default`",
                        Some(match input.choices.first() {
                            Some(first) => format!("add e.g. `default = \"{first}\"`"),
                            None => "add `default = \"...\"` with one of the choice ids".into(),
                        }),
                    ),
                }
            }
            InputKind::YesNo => match &d.default {
                Some(Scalar::Bool(b)) => input.default = if *b { 1.0 } else { 0.0 },
                Some(other) => c.err(
                    &p("default"),
                    format!("the default of a yes/no question must be true or false, not {other}"),
                    None,
                ),
                None => c.err(
                    &p("default"),
                    "the question has no `default`",
                    Some("add `default = true` or `default = false`".into()),
                ),
            },
        }
        inputs.push(input);
        input_ok.push(c.errors.len() == errors_before);
    }

    // ---- parameters ----
    let mut params = Vec::new();
    for (id, d) in &def.parameters {
        let p = |f: &'static str| ["parameters", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("note"), &d.note, false);
        if !d.value.is_finite() {
            c.err(&p("value"), "the value must be an ordinary number", None);
        }
        match (&d.source, d.status) {
            (Some(s), _) if !source_ids.contains(s.as_str()) => {
                c.err(
                    &p("source"),
                    format!("unknown source `{s}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(s, &source_list).or(Some("add it under [[sources]]".into()))
                    },
                );
            }
            (None, Status::Verified) => {
                c.err_at(
                    &p("source"),
                    &p("status"),
                    "a verified figure needs a `source`",
                    Some(match source_list.first() {
                        Some(s) => format!("add e.g. `source = \"{s}\"` (an id from [[sources]]), or set status = \"illustrative\" if no published figure exists"),
                        None => "add the source under [[sources]] and refer to it with `source = \"...\"`, or set status = \"illustrative\" if no published figure exists".into(),
                    }),
                );
            }
            _ => {}
        }
        if d.status == Status::Illustrative && d.note.is_empty() {
            c.err_at(
                &p("note"),
                &p("status"),
                "an illustrative figure needs a `note` that says where the number comes from",
                Some("add `note = { nl = \"...\", en = \"...\" }`".into()),
            );
        }
        params.push(Param {
            id: id.clone(),
            value: d.value,
            status: d.status,
        });
    }

    // ---- scope: inputs and parameters ----
    let ni = inputs.len();
    let np = params.len();
    let mut symbols: HashMap<String, Symbol> = HashMap::new();
    for (i, inp) in inputs.iter().enumerate() {
        symbols.insert(
            inp.id.clone(),
            Symbol {
                slot: i as u32,
                ty: input_type(i, inp.kind),
            },
        );
    }
    for (j, par) in params.iter().enumerate() {
        symbols.insert(
            par.id.clone(),
            Symbol {
                slot: (ni + j) as u32,
                ty: Type::Number,
            },
        );
    }

    // ---- visible_if: only earlier inputs ----
    let input_names: Vec<String> = def.inputs.keys().cloned().collect();
    for (i, (id, d)) in def.inputs.iter().enumerate() {
        let Some(src) = &d.visible_if else { continue };
        if c.full() {
            break;
        }
        let scope = DefScope {
            symbols: &symbols,
            inputs: &inputs,
            inputs_before: Some(i),
            names: &input_names[..i],
        };
        let path = ["inputs", id.as_str(), "visible_if"];
        match expr::compile_str(src, &scope, Some(Type::Bool)) {
            Ok(e) => inputs[i].visible_if = Some(e),
            Err(e) => {
                let mut e = e;
                // A known name that is not in scope here: say why instead of "unknown name".
                let name = src.get(e.start..e.end).unwrap_or("");
                if let Some(later) = def.inputs.get_index_of(name)
                    && later >= i
                {
                    if later == i {
                        e.message = format!("a question cannot depend on itself (`{name}`)");
                        e.hint = Some(
                            "`visible_if` may only use questions asked before this one".into(),
                        );
                    } else {
                        e.message = format!("`{name}` is asked after this question");
                        e.hint = Some(format!(
                            "`visible_if` may only use questions asked before this one: move [inputs.{name}] above [inputs.{id}]"
                        ));
                    }
                } else if def.parameters.contains_key(name) || def.derived.contains_key(name) {
                    let what = if def.parameters.contains_key(name) {
                        "a parameter"
                    } else {
                        "a derived value"
                    };
                    e.message = format!("`{name}` is {what}; `visible_if` can only use questions");
                    e.hint =
                        Some("`visible_if` may only use questions asked before this one".into());
                }
                c.expr_error(&path, src, &e);
            }
        }
    }

    // ---- derived: dependency order, cycles ----
    let derived_ids: Vec<&String> = def.derived.keys().collect();
    let derived_index: HashMap<&str, usize> = derived_ids
        .iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k))
        .collect();
    let expr_path = |id: &str| derived_path(loc, id);
    let mut asts = Vec::new();
    let mut deps: Vec<Vec<usize>> = Vec::new();
    for (id, d) in &def.derived {
        match expr::parse(&d.expr) {
            Ok(ast) => {
                let ds: Vec<usize> = ast
                    .names()
                    .iter()
                    .filter_map(|(n, _, _)| derived_index.get(n.as_str()).copied())
                    .collect();
                deps.push(ds);
                asts.push(Some(ast));
            }
            Err(e) => {
                c.expr_error_at(&expr_path(id), &d.expr, &e);
                deps.push(Vec::new());
                asts.push(None);
            }
        }
    }
    let (order, cycles) = topo_order(&deps);
    for cycle in cycles.iter().take(MAX_CYCLES_REPORTED) {
        let names: Vec<&str> = cycle.iter().map(|&k| derived_ids[k].as_str()).collect();
        let first = names[0];
        let next = names.get(1).copied().unwrap_or(first);
        let message = if names.len() == 1 {
            format!("the derived value `{first}` uses itself: {first} -> {first}")
        } else {
            format!(
                "these derived values depend on each other in a circle: {} -> {first}",
                names.join(" -> ")
            )
        };
        // Point at the first use of the next name of the circle inside `first`'s expression.
        let path = expr_path(first);
        let span = asts[cycle[0]]
            .as_ref()
            .and_then(|a| a.names().into_iter().find(|(n, _, _)| n == next))
            .map(|(_, s, e)| {
                (
                    loc.offset_in_string(&path, s),
                    loc.offset_in_string(&path, e),
                )
            })
            .unwrap_or_else(|| loc.span(&path));
        let d = loc.at_span(
            &path_of(&["derived", first]),
            span,
            message,
            Some("break the circle: one of them must be computed without the others".into()),
        );
        c.errors.push(d);
    }
    let mut derived: Vec<Option<Derived>> = vec![None; def.derived.len()];
    let mut names_all: Vec<String> = symbols.keys().cloned().collect();
    names_all.extend(def.derived.keys().cloned());
    for &k in &order {
        let id = derived_ids[k];
        c.text(&["derived", id, "label"], &def.derived[k].label, false);
        c.text(&["derived", id, "unit"], &def.derived[k].unit, false);
        let Some(ast) = &asts[k] else { continue };
        // A value that uses a broken one (an error already reported, or in a circle) is not
        // compiled: that would only repeat the error as "unknown name".
        if deps[k].iter().any(|&d| derived[d].is_none()) || c.full() {
            continue;
        }
        let src = &def.derived[k].expr;
        let compiled = {
            let scope = DefScope {
                symbols: &symbols,
                inputs: &inputs,
                inputs_before: None,
                names: &names_all,
            };
            expr::compile(ast, src, &scope, None)
        };
        match compiled {
            Ok(e) => {
                symbols.insert(
                    id.clone(),
                    Symbol {
                        slot: (ni + np + k) as u32,
                        ty: e.ty(),
                    },
                );
                derived[k] = Some(Derived {
                    id: id.clone(),
                    expr: e,
                });
            }
            Err(e) => c.expr_error_at(&expr_path(id), src, &e),
        }
    }
    // Derived values that could not be compiled; expressions that use them are skipped.
    let broken: HashSet<&str> = derived_ids
        .iter()
        .zip(&derived)
        .filter(|(_, d)| d.is_none())
        .map(|(id, _)| id.as_str())
        .collect();
    let uses_broken = |src: &str| -> bool {
        !broken.is_empty()
            && expr::parse(src).is_ok_and(|a| {
                a.names()
                    .iter()
                    .any(|(n, _, _)| broken.contains(n.as_str()))
            })
    };

    // ---- analysis settings ----
    let b = def.analysis.borderline_below;
    if !(b.is_finite() && (0.0..1.0).contains(&b)) {
        c.err(&["analysis", "borderline_below"], format!("borderline_below must be from 0 to 1 (not including 1), not {b}"), Some("e.g. `borderline_below = 0.10`: a change of less than 10% that flips the advice makes it borderline".into()));
    }

    // ---- factors ----
    if def.factors.is_empty() {
        c.err(
            &[],
            "the definition has no factors",
            Some("add at least one, e.g. [factors.cost]".into()),
        );
    }
    let mut factors = Vec::new();
    for (id, d) in &def.factors {
        let p = |f: &'static str| ["factors", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("help"), &d.help, false);
        c.text(&p("unit"), &d.unit, false);
        if !weight_in_range(d.weight) {
            c.err(
                &p("weight"),
                weight_message(d.weight),
                Some(WEIGHT_HINT.into()),
            );
        }
        if let Scaling::Range { worst, best } = d.scaling {
            if !(worst.is_finite() && best.is_finite()) {
                c.err(
                    &p("scaling"),
                    "worst and best must be ordinary numbers",
                    None,
                );
            } else if worst == best {
                c.err(
                    &p("scaling"),
                    format!("worst and best are both {worst}"),
                    Some("give the value that scores worst and the value that scores best".into()),
                );
            } else if d.direction == Direction::LowerIsBetter && worst < best {
                c.err(
                    &p("scaling"),
                    format!(
                        "lower is better, so worst ({worst}) must be higher than best ({best})"
                    ),
                    Some("swap worst and best, or change the direction".into()),
                );
            } else if d.direction == Direction::HigherIsBetter && worst > best {
                c.err(
                    &p("scaling"),
                    format!(
                        "higher is better, so worst ({worst}) must be lower than best ({best})"
                    ),
                    Some("swap worst and best, or change the direction".into()),
                );
            }
        }
        factors.push(Factor {
            id: id.clone(),
            direction: d.direction,
            weight: d.weight,
            scaling: d.scaling,
        });
    }
    if !factors.is_empty() && factors.iter().all(|f| f.weight == 0.0) {
        c.err(
            &["factors"],
            "all default weights are 0",
            Some("give at least one factor a weight above 0".into()),
        );
    }
    let factor_list: Vec<&str> = def.factors.keys().map(String::as_str).collect();

    // ---- analysis: cost factor ----
    let mut cost_factor = None;
    if let Some(cf) = &def.analysis.cost_factor {
        let path = ["analysis", "cost_factor"];
        match def.factors.get_full(cf) {
            None => c.err(
                &path,
                format!("unknown factor `{cf}`"),
                if c.full() {
                    None
                } else {
                    suggest(cf, &factor_list)
                },
            ),
            Some((_, _, f)) if f.format != ValueFormat::Euro => c.err(
                &path,
                format!("the factor `{cf}` is not an amount in euro"),
                Some(
                    "`cost_factor` must name a factor with `format = \"euro\"`: the cost per period of `per` in [analysis] (a month unless set)"
                        .into(),
                ),
            ),
            Some((k, _, _)) => cost_factor = Some(k),
        }
    }

    // ---- presets ----
    let mut presets = Vec::new();
    for (id, d) in &def.presets {
        let p = |f: &'static str| ["presets", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("description"), &d.description, false);
        let mut weights = vec![0.0; def.factors.len()];
        let mut problem = false;
        for (key, &w) in &d.weights {
            let path = ["presets", id.as_str(), "weights", key.as_str()];
            let known = def.factors.get_index_of(key);
            if known.is_none() {
                problem = true;
                c.err_key(
                    &path,
                    format!("unknown factor `{key}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(key, &factor_list)
                    },
                );
            }
            if !weight_in_range(w) {
                problem = true;
                c.err(&path, weight_message(w), Some(WEIGHT_HINT.into()));
            } else if let Some(f) = known {
                weights[f] = w;
            }
        }
        if d.weights.is_empty() {
            c.err(
                &p("weights"),
                "the preset has no weights",
                Some(format!(
                    "give at least one factor a weight above 0, e.g. `weights = {{ {} = 10 }}`; factors left out get 0",
                    factor_list.first().copied().unwrap_or("cost")
                )),
            );
        } else if !problem && weights.iter().all(|&w| w == 0.0) {
            c.err(
                &p("weights"),
                "all weights of the preset are 0",
                Some("give at least one factor a weight above 0".into()),
            );
        }
        presets.push(Preset {
            id: id.clone(),
            label: d.label.clone(),
            description: d.description.clone(),
            weights,
        });
    }

    // ---- reflection questions (user tests) ----
    for (id, d) in &def.reflection {
        let p = |f: &'static str| ["reflection", id.as_str(), f];
        c.text(&p("question"), &d.question, true);
        c.text(&p("low"), &d.low, false);
        c.text(&p("high"), &d.high, false);
        if d.kind == crate::model::ReflectionKind::Text && !(d.low.is_empty() && d.high.is_empty())
        {
            c.err(
                &p("low"),
                "`low` and `high` are only for kind = \"scale\"".to_string(),
                Some("remove them, or use kind = \"scale\"".into()),
            );
        }
    }

    // ---- life events ----
    let input_list: Vec<&str> = def.inputs.keys().map(String::as_str).collect();
    let mut events = Vec::new();
    for (id, d) in &def.events {
        let p = |f: &'static str| ["events", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("name"), &d.name, true);
        c.text(&p("description"), &d.description, false);
        for lang in Lang::ALL {
            let name = match lang {
                Lang::Nl => &d.name.nl,
                Lang::En => &d.name.en,
            };
            let n = name.trim().chars().count();
            if n > MAX_EVENT_NAME_CHARS {
                let which = match lang {
                    Lang::Nl => "Dutch",
                    Lang::En => "English",
                };
                c.err(
                    &["events", id, "name", lang.code()],
                    format!(
                        "the {which} name is {n} characters long; the limit is {MAX_EVENT_NAME_CHARS}"
                    ),
                    Some("make it shorter: it is the default name of the new scenario; the description can say more".into()),
                );
            }
        }
        if d.set.is_empty() {
            c.err(
                &p("set"),
                "the event changes no answers",
                Some(format!(
                    "add a question id and its new value, e.g. `set = {{ {} = ... }}`",
                    input_list.first().copied().unwrap_or("trips")
                )),
            );
        }
        let mut changes = Vec::new();
        for (key, value) in &d.set {
            let path = ["events", id.as_str(), "set", key.as_str()];
            let Some(i) = def.inputs.get_index_of(key) else {
                c.err_key(
                    &path,
                    format!("unknown question `{key}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(key, &input_list)
                    },
                );
                continue;
            };
            if !input_ok[i] {
                continue;
            }
            match event_value(&inputs[i], value) {
                Ok(v) => changes.push((i, v)),
                Err((message, hint)) => c.err(&path, message, hint),
            }
        }
        events.push(LifeEvent {
            id: id.clone(),
            label: d.label.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            changes,
        });
    }

    // ---- options ----
    if def.options.len() < 2 {
        c.err(
            &["options"],
            match def.options.len() {
                0 => "the definition has no options; advice needs at least two".to_string(),
                n => format!("the definition has only {n} option; advice needs at least two"),
            },
            Some("add options under [options.<id>]".into()),
        );
    }
    let scope = DefScope {
        symbols: &symbols,
        inputs: &inputs,
        inputs_before: None,
        names: &names_all,
    };
    let mut options = Vec::new();
    for (id, d) in &def.options {
        let p = |f: &'static str| ["options", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("description"), &d.description, false);
        if let Some(link) = &d.link
            && !is_web_url(link)
        {
            c.err(
                &p("link"),
                format!("`{link}` is not a web address"),
                Some("use a link that starts with https:// or http://".into()),
            );
        }
        let eligible_if = match &d.eligible_if {
            Some(src) => {
                if d.not_eligible.is_empty() {
                    c.err_at(
                        &p("not_eligible"),
                        &p("eligible_if"),
                        "`eligible_if` needs a `not_eligible` reason that citizens can read",
                        Some("add `not_eligible = { nl = \"...\", en = \"...\" }`".into()),
                    );
                } else {
                    c.text(&p("not_eligible"), &d.not_eligible, true);
                }
                if c.full() || uses_broken(src) {
                    None
                } else {
                    match expr::compile_str(src, &scope, Some(Type::Bool)) {
                        Ok(e) => Some(e),
                        Err(e) => {
                            c.expr_error(&p("eligible_if"), src, &e);
                            None
                        }
                    }
                }
            }
            None => {
                if !d.not_eligible.is_empty() {
                    c.err(
                        &p("not_eligible"),
                        "`not_eligible` has no `eligible_if` to go with it",
                        Some("add `eligible_if = \"...\"` or remove the reason".into()),
                    );
                }
                None
            }
        };
        for key in d.values.keys() {
            if !def.factors.contains_key(key) {
                c.err_key(
                    &["options", id, "values", key],
                    format!("unknown factor `{key}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(key, &factor_list)
                    },
                );
            }
        }
        let mut values = Vec::new();
        for fid in def.factors.keys() {
            match d.values.get(fid) {
                None => c.err(
                    &["options", id, "values"],
                    format!("no value for factor `{fid}`"),
                    Some(format!(
                        "add `{fid} = ...` with a number or an expression in quotes"
                    )),
                ),
                Some(src) if c.full() || uses_broken(&src.0) => {}
                Some(src) => match expr::compile_str(&src.0, &scope, Some(Type::Number)) {
                    Ok(e) => values.push(e),
                    Err(e) => c.expr_error(&["options", id, "values", fid], &src.0, &e),
                },
            }
        }
        options.push(AdvOption {
            id: id.clone(),
            eligible_if,
            values,
        });
    }

    // ---- contacts ----
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
                let what = match lang {
                    Lang::Nl => "Dutch text (nl) is missing",
                    Lang::En => "English text (en) is missing",
                };
                let e = loc.at(
                    &at(f),
                    what,
                    Some(format!("add `{} = \"...\"`", lang.code())),
                );
                c.errors.push(e);
            }
        };
        text_at(&mut c, "label", &d.label, true);
        text_at(&mut c, "hours", &d.hours, false);
        text_at(&mut c, "note", &d.note, false);
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

    if c.errors.is_empty() {
        let derived = derived
            .into_iter()
            .map(|d| d.expect("all derived compiled when no errors"))
            .collect();
        let advisor = Advisor {
            def,
            inputs,
            params,
            derived,
            derived_order: order,
            factors,
            presets,
            options,
            events,
            contacts,
            cost_factor,
            warnings: Vec::new(),
        };
        // Formulas that can fail for some answer (only once everything compiled).
        if checks == Checks::All {
            c.errors = super::domain::check(&advisor, loc);
        }
        if c.errors.is_empty() {
            let mut warnings = c.warnings;
            warnings.sort_by_key(|d| (d.span.0, d.line, d.column));
            return Ok(Advisor {
                warnings,
                ..advisor
            });
        }
    }
    // Report in document order.
    let many = c.full();
    c.errors.sort_by_key(|d| (d.span.0, d.line, d.column));
    c.errors.dedup();
    if many {
        c.errors.truncate(MAX_ERRORS);
        let last = c.errors.last().map_or((0, 0), |d| d.span);
        let note = loc.at_span(
            &[],
            last,
            format!("there are more problems; only the first {MAX_ERRORS} are shown"),
            Some("fix these and check again".into()),
        );
        c.errors.push(note);
    }
    Err(Diagnostics(c.errors))
}

/// What `check` warns about in a definition that is valid but will read badly.
fn warnings(def: &Definition, loc: &Locator) -> Vec<Diagnostic> {
    let mut out = shared_units(def, loc);
    for (id, _) in def
        .options
        .iter()
        .filter(|(id, _)| def.inputs.contains_key(*id))
    {
        out.push(loc.at_key(
            &path_of(&["options", id]),
            format!("the option `{id}` has the same id as the question `{id}`"),
            Some(format!(
                "rename one of them, so that `{id}` means one thing in messages and test cases"
            )),
        ));
    }
    out
}

/// Number questions with the same unit (in Dutch or in English; two without a unit count as
/// the same, as the sentences count them: `explain::shares_unit`) and no `short`: the generated
/// sentences about them ("Bij 2 ritten per week of minder ...") cannot tell them apart. One
/// warning per group, at the unit of its second question (at the question, without a unit).
fn shared_units(def: &Definition, loc: &Locator) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported: Vec<Vec<&str>> = Vec::new();
    for lang in Lang::ALL {
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for (id, d) in &def.inputs {
            let numeric = matches!(d.kind, InputKind::Integer | InputKind::Number);
            let unit = d.unit.get(lang).trim();
            if !numeric || !d.short.is_empty() {
                continue;
            }
            match groups
                .iter_mut()
                .find(|(u, _)| u.eq_ignore_ascii_case(unit))
            {
                Some((_, ids)) => ids.push(id),
                None => groups.push((unit, vec![id])),
            }
        }
        for (unit, ids) in groups {
            if ids.len() < 2 || reported.contains(&ids) {
                continue;
            }
            let names: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
            let names = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => names.join(""),
            };
            let (place, same) = match unit {
                "" => (path_of(&["inputs", ids[1]]), "have no unit".to_string()),
                unit => (
                    path_of(&["inputs", ids[1], "unit"]),
                    format!("have the same unit ({unit})"),
                ),
            };
            out.push(loc.at(
                &place,
                format!("{names} {same} and no `short`: the sentences about them read alike"),
                Some("give each question a short name for those sentences, e.g. `short = { nl = \"ritten voor 9 uur\", en = \"trips before 9\" }`".into()),
            ));
            reported.push(ids);
        }
    }
    out
}

/// The value a life event gives input `inp`, in the slot encoding (number, choice index, 1/0),
/// or what is wrong with it (message, hint).
fn event_value(inp: &Input, value: &Scalar) -> Result<f64, (String, Option<String>)> {
    let id = &inp.id;
    match (inp.kind, value) {
        (InputKind::Integer | InputKind::Number, Scalar::Number(v)) => {
            let (v, min, max, step) = (*v, inp.min, inp.max, inp.step);
            if !v.is_finite() {
                return Err(("the value must be an ordinary number".into(), None));
            }
            if v < min - 1e-9 || v > max + 1e-9 {
                return Err((
                    format!("the value {v} is outside the range {min} to {max} of `{id}`"),
                    Some(format!("choose a value from {min} to {max}")),
                ));
            }
            let k = (v - min) / step;
            if (k - k.round()).abs() > 1e-9 {
                let below = min + k.floor() * step;
                let above = (below + step).min(max);
                let allowed = if above > below {
                    format!("use {} or {}", tidy(below), tidy(above))
                } else {
                    format!("use {}", tidy(below))
                };
                return Err((
                    format!(
                        "the value {v} is not an allowed answer to `{id}`: from {min} the answers go in steps of {step}"
                    ),
                    Some(allowed),
                ));
            }
            Ok(v)
        }
        (InputKind::Integer | InputKind::Number, other) => Err((
            format!("`{id}` is a number question: the value must be a number, not {other}"),
            match other {
                Scalar::Text(t) if t.trim().parse::<f64>().is_ok() => {
                    Some(format!("remove the quotes: `{id} = {}`", t.trim()))
                }
                _ => None,
            },
        )),
        (InputKind::YesNo, Scalar::Bool(b)) => Ok(if *b { 1.0 } else { 0.0 }),
        (InputKind::YesNo, other) => Err((
            format!("`{id}` is a yes/no question: the value must be true or false, not {other}"),
            Some(format!(
                "write `{id} = true` or `{id} = false`, without quotes"
            )),
        )),
        (InputKind::Choice, Scalar::Text(t)) => match inp.choices.iter().position(|x| x == t) {
            Some(k) => Ok(k as f64),
            None => {
                let list: Vec<&str> = inp.choices.iter().map(String::as_str).collect();
                Err((
                    format!("'{t}' is not one of the choices of `{id}`"),
                    suggest(t, &list),
                ))
            }
        },
        (InputKind::Choice, other) => Err((
            format!(
                "`{id}` is a choice question: the value must be one of its choice ids in quotes, not {other}"
            ),
            match other {
                Scalar::Number(n) if inp.choices.iter().any(|c| *c == n.to_string()) => {
                    Some(format!("put it in quotes: `{id} = \"{n}\"`"))
                }
                _ => inp
                    .choices
                    .first()
                    .map(|first| format!("e.g. `{id} = \"{first}\"`")),
            },
        )),
    }
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

/// A weight the sliders can show: from 0 to [`WEIGHT_MAX`].
fn weight_in_range(w: f64) -> bool {
    w.is_finite() && (0.0..=WEIGHT_MAX).contains(&w)
}

fn weight_message(w: f64) -> String {
    format!("the weight must be between 0 and {}, not {w}", WEIGHT_MAX)
}

const WEIGHT_HINT: &str =
    "weights are relative: only their ratios matter; the sliders go from 0 to 10";

/// Most circles among derived values reported at once.
const MAX_CYCLES_REPORTED: usize = 10;

/// Topological order of nodes given each node's dependencies (dependencies first), and the
/// circles found (one per edge that closes a circle). Iterative: long chains do not overflow
/// the stack.
fn topo_order(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = deps.len();
    let mut mark = vec![Mark::New; n];
    let mut order = Vec::with_capacity(n);
    let mut cycles = Vec::new();
    // (node, index of the next dependency to visit)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        mark[root] = Mark::Active;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&d) = deps[v].get(next) {
                top.1 += 1;
                match mark[d] {
                    Mark::New => {
                        mark[d] = Mark::Active;
                        stack.push((d, 0));
                    }
                    Mark::Active => {
                        if cycles.len() < MAX_CYCLES_REPORTED {
                            let from = stack.iter().position(|&(x, _)| x == d).unwrap_or(0);
                            cycles.push(stack[from..].iter().map(|&(x, _)| x).collect());
                        }
                    }
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                order.push(v);
                stack.pop();
            }
        }
    }
    (order, cycles)
}

/// A close match for an option id (used by test cases).
pub fn closest_option<'a>(advisor: &'a Advisor, id: &str) -> Option<&'a str> {
    closest(id, advisor.options.iter().map(|o| o.id.as_str()))
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

    #[test]
    fn topo_finds_cycles() {
        let (order, cycles) = topo_order(&[vec![1], vec![], vec![0]]);
        assert_eq!(order, vec![1, 0, 2]);
        assert!(cycles.is_empty());
        let (order, cycles) = topo_order(&[vec![1], vec![2], vec![0]]);
        assert_eq!(cycles, vec![vec![0, 1, 2]]);
        assert_eq!(order.len(), 3);
        let (_, cycles) = topo_order(&[vec![0], vec![2], vec![1]]);
        assert_eq!(cycles, vec![vec![0], vec![1, 2]]);
        // a long chain does not overflow the stack
        let chain: Vec<Vec<usize>> = (0..200_000).map(|k| vec![k + 1]).chain([vec![]]).collect();
        let (order, cycles) = topo_order(&chain);
        assert!(cycles.is_empty());
        assert_eq!(order[0], 200_000);
    }
}
