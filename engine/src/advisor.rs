//! Parsing, validation and compilation of a definition into an [`Advisor`].
//!
//! Compile once, evaluate many times: every expression is type-checked and resolved to slot
//! indices here, so evaluation does no name look-ups and no allocation per expression.

use std::collections::{HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, Format, Locator, Seg, closest, path_of, suggest};
use crate::expr::{self, Expr, Scope, Symbol, Type};
use crate::model::{Definition, Direction, InputKind, Scalar, Scaling, Status};
use crate::text::Text;

/// Largest accepted definition text (bytes). Larger texts get a clear message, not a frozen tab.
pub const MAX_DEFINITION_BYTES: usize = 1_000_000;

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
    /// Options, in order.
    pub options: Vec<AdvOption>,
}

impl Advisor {
    /// Parses, validates and compiles a definition. The format follows the file name
    /// (`.toml` / `.json`), else the first character. All problems found are returned.
    pub fn parse(text: &str, file: &str) -> Result<Advisor, Diagnostics> {
        let format = Format::detect(file, text);
        if text.len() > MAX_DEFINITION_BYTES {
            return Err(Diagnostics(vec![Diagnostic {
                file: file.to_string(),
                line: 1,
                column: 1,
                field: String::new(),
                message: format!(
                    "the definition is {} KB; the limit is {} KB",
                    text.len() / 1000,
                    MAX_DEFINITION_BYTES / 1000
                ),
                hint: Some("split it up or remove unused parts".into()),
                span: (0, 0),
            }]));
        }
        let def = deserialize::<Definition>(text, file, format)?;
        let loc = Locator::new(file, text, format);
        compile(def, &loc)
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
    /// Index of the option called `id`.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
    /// Slot of any named value (input, parameter or derived).
    pub fn slot_of(&self, name: &str) -> Option<usize> {
        self.input_index(name)
            .map(|i| self.input_slot(i))
            .or_else(|| self.param_index(name).map(|j| self.param_slot(j)))
            .or_else(|| self.derived_index(name).map(|k| self.derived_slot(k)))
    }
    /// True if any parameter is illustrative (the page must say so).
    pub fn has_illustrative(&self) -> bool {
        self.params.iter().any(|p| p.status == Status::Illustrative)
    }
}

/// Deserializes a TOML or JSON document, turning serde errors into located diagnostics.
pub fn deserialize<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    format: Format,
) -> Result<T, Diagnostics> {
    let loc = Locator::new(file, text, format);
    match format {
        Format::Toml => toml::from_str::<T>(text).map_err(|e| {
            let span = e.span().map(|r| (r.start, r.end)).unwrap_or((0, 0));
            let (message, hint) = friendly_serde_message(e.message());
            let path = toml_path_at(text, span.0);
            Diagnostics(vec![loc.at_span(&path, span, message, hint)])
        }),
        Format::Json => serde_json::from_str::<T>(text).map_err(|e| {
            let offset = offset_of_line_col(text, e.line(), e.column());
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let (message, hint) = friendly_serde_message(&msg);
            Diagnostics(vec![loc.at_span(&[], (offset, offset), message, hint)])
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

/// The path of the innermost key whose key or value span contains `offset`.
fn toml_path_at(text: &str, offset: usize) -> Vec<Seg> {
    use toml::de::DeValue;
    let Ok(root) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let mut path = Vec::new();
    let mut cur: &toml::de::DeTable<'_> = root.get_ref();
    'outer: loop {
        for (key, value) in cur.iter() {
            let ks = key.span();
            let vs = value.span();
            let in_key = ks.start <= offset && offset < ks.end.max(ks.start + 1);
            let in_val = vs.start <= offset && offset < vs.end;
            if in_key || in_val {
                path.push(Seg::Key(key.get_ref().to_string()));
                if in_val {
                    match value.get_ref() {
                        DeValue::Table(t) => {
                            cur = t;
                            continue 'outer;
                        }
                        DeValue::Array(a) => {
                            for (i, item) in a.iter().enumerate() {
                                let s = item.span();
                                if s.start <= offset && offset < s.end {
                                    path.push(Seg::Index(i));
                                    if let DeValue::Table(t) = item.get_ref() {
                                        cur = t;
                                        continue 'outer;
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                break 'outer;
            }
        }
        // Header tables ([a.b]) may have no value span: descend into the table whose children
        // contain the offset.
        for (key, value) in cur.iter() {
            if let DeValue::Table(t) = value.get_ref()
                && contains_offset(t, offset)
            {
                path.push(Seg::Key(key.get_ref().to_string()));
                cur = t;
                continue 'outer;
            }
            if let DeValue::Array(a) = value.get_ref() {
                for (i, item) in a.iter().enumerate() {
                    if let DeValue::Table(t) = item.get_ref()
                        && contains_offset(t, offset)
                    {
                        path.push(Seg::Key(key.get_ref().to_string()));
                        path.push(Seg::Index(i));
                        cur = t;
                        continue 'outer;
                    }
                }
            }
        }
        break;
    }
    path
}

fn contains_offset(t: &toml::de::DeTable<'_>, offset: usize) -> bool {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for (k, v) in t.iter() {
        lo = lo.min(k.span().start);
        hi = hi.max(v.span().end).max(k.span().end);
    }
    lo <= offset && offset < hi
}

/// serde's messages with a close-match suggestion for unknown fields and variants.
fn friendly_serde_message(msg: &str) -> (String, Option<String>) {
    let msg = msg.trim().to_string();
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
        return (
            format!("missing field `{name}`"),
            Some(format!("add `{name} = ...`")),
        );
    }
    (msg, None)
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "if", "then", "else", "true", "false", "yes", "no", "in", "min", "max",
    "round", "floor", "ceil", "clamp", "abs",
];

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

struct Checker<'a, 'l> {
    loc: &'l Locator<'a>,
    errors: Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    fn err(&mut self, path: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let d = self.loc.at(&path_of(path), msg, hint);
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

    fn expr_error(&mut self, path: &[&str], e: &expr::ExprError) {
        let p = path_of(path);
        let start = self.loc.offset_in_string(&p, e.start);
        let end = self.loc.offset_in_string(&p, e.end.max(e.start));
        let d = self
            .loc
            .at_span(&p, (start, end), e.message.clone(), e.hint.clone());
        self.errors.push(d);
    }
}

struct DefScope<'a> {
    symbols: HashMap<String, Symbol>,
    inputs: &'a [Input],
    /// Names visible to this scope (for suggestions).
    names: Vec<String>,
}

impl Scope for DefScope<'_> {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        self.symbols.get(name).copied()
    }
    fn names(&self) -> Vec<String> {
        self.names.clone()
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

fn input_type(i: usize, kind: InputKind) -> Type {
    match kind {
        InputKind::Integer | InputKind::Number => Type::Number,
        InputKind::YesNo => Type::Bool,
        InputKind::Choice => Type::Choice(i as u32),
    }
}

fn compile(def: Definition, loc: &Locator<'_>) -> Result<Advisor, Diagnostics> {
    let mut c = Checker {
        loc,
        errors: Vec::new(),
    };

    // ---- metadata ----
    if !is_id(&def.id) {
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
            format!("`{}` is not a date", def.valid_from),
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
                format!("`{}` is not a date", s.date),
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

    // ---- names ----
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (section, names) in [
        ("inputs", def.inputs.keys().collect::<Vec<_>>()),
        ("parameters", def.parameters.keys().collect()),
        ("derived", def.derived.keys().collect()),
    ] {
        for name in names {
            if !is_identifier(name) {
                c.err(&[section, name], format!("`{name}` is not a valid name"), Some("use lowercase letters, digits and `_`, starting with a letter, e.g. `trips_per_week`".into()));
            } else if KEYWORDS.contains(&name.as_str()) {
                c.err(
                    &[section, name],
                    format!("`{name}` is a word of the expression language"),
                    Some("choose another name".into()),
                );
            }
            if let Some(other) = seen.insert(name, section) {
                c.err(
                    &[section, name],
                    format!("the name `{name}` is already used in `{other}`"),
                    Some("names of inputs, parameters and derived values must all differ".into()),
                );
            }
        }
    }
    for (section, names) in [
        ("factors", def.factors.keys().collect::<Vec<_>>()),
        ("options", def.options.keys().collect()),
    ] {
        for name in names {
            if !is_identifier(name) {
                c.err(
                    &[section, name],
                    format!("`{name}` is not a valid id"),
                    Some("use lowercase letters, digits and `_`, starting with a letter".into()),
                );
            }
        }
    }

    // ---- inputs ----
    let mut inputs: Vec<Input> = Vec::new();
    for (id, d) in &def.inputs {
        let p = |f: &'static str| ["inputs", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("help"), &d.help, false);
        c.text(&p("unit"), &d.unit, false);
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
                    c.err(
                        &["inputs", id],
                        "a number question needs `min` and `max`",
                        Some("add e.g. `min = 0` and `max = 40`".into()),
                    );
                    inputs.push(input);
                    continue;
                };
                let step = match (d.kind, d.step) {
                    (_, Some(s)) => s,
                    (InputKind::Integer, None) => 1.0,
                    _ => {
                        c.err(
                            &["inputs", id],
                            "a number question needs a `step`",
                            Some("add e.g. `step = 0.5`".into()),
                        );
                        1.0
                    }
                };
                let mut ok = true;
                if !(min.is_finite() && max.is_finite() && step.is_finite()) {
                    c.err(
                        &p("min"),
                        "min, max and step must be ordinary numbers",
                        None,
                    );
                    ok = false;
                }
                if d.kind == InputKind::Integer {
                    for (f, v) in [("min", min), ("max", max), ("step", step)] {
                        if v.fract() != 0.0 {
                            c.err(
                                &p(f),
                                format!("`{f}` is {v}, but this question asks for whole numbers"),
                                Some(format!("use a whole number, or kind = \"number\"")),
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
                        c.err(&["inputs", id], "the question has no `default`", Some(format!("add e.g. `default = {min}`; the advice is shown before the citizen answers")));
                        None
                    }
                };
                if let (Some(v), true) = (default, ok) {
                    if v < min || v > max {
                        c.err(
                            &p("default"),
                            format!("the default {v} is outside {min} to {max}"),
                            Some("choose a default between min and max".into()),
                        );
                    } else if ((v - min) / step - ((v - min) / step).round()).abs() > 1e-9 {
                        c.err(
                            &p("default"),
                            format!("the default {v} is not on a step of {step} from {min}"),
                            Some(format!("e.g. {}", min + ((v - min) / step).round() * step)),
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
                        let e = loc.at(
                            &cp,
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
                            let list: Vec<&str> =
                                input.choices.iter().map(String::as_str).collect();
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
                        &["inputs", id],
                        "the question has no `default`",
                        Some("add e.g. `default = \"...\"` with one of the choice ids".into()),
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
                    &["inputs", id],
                    "the question has no `default`",
                    Some("add `default = true` or `default = false`".into()),
                ),
            },
        }
        inputs.push(input);
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
                    suggest(s, &source_list).or(Some("add it under [[sources]]".into())),
                );
            }
            (None, Status::Verified) => {
                c.err(&["parameters", id], "a verified figure needs a `source`", Some("add `source = \"...\"`, or set status = \"illustrative\" if no published figure exists".into()));
            }
            _ => {}
        }
        if d.status == Status::Illustrative && d.note.is_empty() {
            c.err(
                &["parameters", id],
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
    for (i, (id, d)) in def.inputs.iter().enumerate() {
        let Some(src) = &d.visible_if else { continue };
        let mut s = HashMap::new();
        for (k, inp) in inputs.iter().enumerate().take(i) {
            s.insert(
                inp.id.clone(),
                Symbol {
                    slot: k as u32,
                    ty: input_type(k, inp.kind),
                },
            );
        }
        let names: Vec<String> = s.keys().cloned().collect();
        let scope = DefScope {
            symbols: s,
            inputs: &inputs,
            names,
        };
        let path = ["inputs", id.as_str(), "visible_if"];
        match expr::compile_str(src, &scope, Some(Type::Bool)) {
            Ok(e) => inputs[i].visible_if = Some(e),
            Err(e) => {
                let mut e = e;
                if symbols.contains_key(src.get(e.start..e.end).unwrap_or("")) {
                    e.hint =
                        Some("`visible_if` may only use questions asked before this one".into());
                }
                c.expr_error(&path, &e);
            }
        }
    }

    // ---- derived: dependency order, cycles ----
    let derived_ids: Vec<&String> = def.derived.keys().collect();
    let mut asts = Vec::new();
    let mut deps: Vec<Vec<usize>> = Vec::new();
    for (id, d) in &def.derived {
        let path = ["derived", id.as_str()];
        let expr_path: Vec<&str> = if matches!(loc.span(&path_of(&["derived", id, "expr"])), (s, _) if s != loc.span(&path_of(&path)).0)
        {
            vec!["derived", id, "expr"]
        } else {
            path.to_vec()
        };
        match expr::parse(&d.expr) {
            Ok(ast) => {
                let ds: Vec<usize> = ast
                    .names()
                    .iter()
                    .filter_map(|(n, _, _)| derived_ids.iter().position(|x| *x == n))
                    .collect();
                deps.push(ds);
                asts.push(Some(ast));
            }
            Err(e) => {
                c.expr_error(&expr_path, &e);
                deps.push(Vec::new());
                asts.push(None);
            }
        }
    }
    let (order, cycle) = topo_order(&deps);
    if let Some(cycle) = cycle {
        let names: Vec<&str> = cycle.iter().map(|&k| derived_ids[k].as_str()).collect();
        let first = names[0];
        c.err(
            &["derived", first],
            format!(
                "these derived values depend on each other in a circle: {} -> {}",
                names.join(" -> "),
                first
            ),
            Some("break the circle: one of them must be computed without the others".into()),
        );
    }
    let mut derived: Vec<Option<Derived>> = vec![None; def.derived.len()];
    let mut names_all: Vec<String> = symbols.keys().cloned().collect();
    names_all.extend(def.derived.keys().cloned());
    for &k in &order {
        let id = derived_ids[k];
        let Some(ast) = &asts[k] else { continue };
        let src = &def.derived[k].expr;
        let scope = DefScope {
            symbols: symbols.clone(),
            inputs: &inputs,
            names: names_all.clone(),
        };
        let expr_path: Vec<&str> = if loc.span(&path_of(&["derived", id, "expr"]))
            != loc.span(&path_of(&["derived", id]))
        {
            vec!["derived", id, "expr"]
        } else {
            vec!["derived", id]
        };
        match expr::compile(ast, src, &scope, None) {
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
            Err(e) => c.expr_error(&expr_path, &e),
        }
        c.text(&["derived", id, "label"], &def.derived[k].label, false);
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
        if !d.weight.is_finite() || d.weight < 0.0 {
            c.err(
                &p("weight"),
                format!("the weight must be 0 or more, not {}", d.weight),
                Some("weights are relative: only their ratios matter".into()),
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

    // ---- options ----
    if def.options.len() < 2 {
        c.err(
            &["options"],
            format!(
                "the definition has {} option(s); advice needs at least two",
                def.options.len()
            ),
            Some("add options under [options.<id>]".into()),
        );
    }
    let scope = DefScope {
        symbols: symbols.clone(),
        inputs: &inputs,
        names: names_all.clone(),
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
                    c.err(
                        &["options", id],
                        "`eligible_if` needs a `not_eligible` reason that citizens can read",
                        Some("add `not_eligible = { nl = \"...\", en = \"...\" }`".into()),
                    );
                } else {
                    c.text(&p("not_eligible"), &d.not_eligible, true);
                }
                match expr::compile_str(src, &scope, Some(Type::Bool)) {
                    Ok(e) => Some(e),
                    Err(e) => {
                        c.expr_error(&p("eligible_if"), &e);
                        None
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
                c.err(
                    &["options", id, "values", key],
                    format!("unknown factor `{key}`"),
                    suggest(key, &factor_list),
                );
            }
        }
        let mut values = Vec::new();
        for fid in def.factors.keys() {
            match d.values.get(fid) {
                None => c.err(
                    &["options", id, "values"],
                    format!("no value for factor `{fid}`"),
                    Some(format!("add `{fid} = \"...\"`")),
                ),
                Some(src) => match expr::compile_str(&src.0, &scope, Some(Type::Number)) {
                    Ok(e) => values.push(e),
                    Err(e) => c.expr_error(&["options", id, "values", fid], &e),
                },
            }
        }
        options.push(AdvOption {
            id: id.clone(),
            eligible_if,
            values,
        });
    }

    if !c.errors.is_empty() {
        // Report in document order.
        c.errors.sort_by_key(|d| (d.span.0, d.line, d.column));
        c.errors.dedup();
        return Err(Diagnostics(c.errors));
    }
    let derived = derived
        .into_iter()
        .map(|d| d.expect("all derived compiled when no errors"))
        .collect();
    Ok(Advisor {
        def,
        inputs,
        params,
        derived,
        derived_order: order,
        factors,
        options,
    })
}

/// Topological order of nodes given each node's dependencies; also the first cycle found.
fn topo_order(deps: &[Vec<usize>]) -> (Vec<usize>, Option<Vec<usize>>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = deps.len();
    let mut mark = vec![Mark::New; n];
    let mut order = Vec::with_capacity(n);
    let mut cycle = None;
    let mut stack: Vec<usize> = Vec::new();
    fn visit(
        v: usize,
        deps: &[Vec<usize>],
        mark: &mut [Mark],
        order: &mut Vec<usize>,
        stack: &mut Vec<usize>,
        cycle: &mut Option<Vec<usize>>,
    ) {
        match mark[v] {
            Mark::Done => return,
            Mark::Active => {
                if cycle.is_none() {
                    let from = stack.iter().position(|&x| x == v).unwrap_or(0);
                    *cycle = Some(stack[from..].to_vec());
                }
                return;
            }
            Mark::New => {}
        }
        mark[v] = Mark::Active;
        stack.push(v);
        for &d in &deps[v] {
            visit(d, deps, mark, order, stack, cycle);
        }
        stack.pop();
        mark[v] = Mark::Done;
        order.push(v);
    }
    for v in 0..n {
        visit(v, deps, &mut mark, &mut order, &mut stack, &mut cycle);
    }
    (order, cycle)
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
        let (order, cycle) = topo_order(&[vec![1], vec![], vec![0]]);
        assert_eq!(order, vec![1, 0, 2]);
        assert!(cycle.is_none());
        let (_, cycle) = topo_order(&[vec![1], vec![2], vec![0]]);
        assert_eq!(cycle, Some(vec![0, 1, 2]));
    }
}
