//! What the fuzz targets do, in one place: the libFuzzer binaries (`fuzz/fuzz_targets/*.rs`)
//! call these functions, and `engine/tests/fuzz_regressions.rs` includes this file (with
//! `#[path]`) to run every saved finding and every seed through exactly the same code,
//! natively and without libFuzzer. Std and the engine only.
//!
//! Each target takes arbitrary bytes, drives the engine through its public API the way the
//! site, the widget and `cargo xtask advisor` do, and panics when something that must hold
//! does not. A panic, an arithmetic overflow (the fuzz build has debug assertions), a hang
//! or running out of memory is a finding. Each returns one line saying what happened (for the
//! regression test).
//!
//! - [`definition`]: a definition (TOML, or JSON as a host page may give the widget) is
//!   parsed and validated; if valid it is converted to JSON and read back (as the build does),
//!   evaluated at the corners of its answers (none may fail: `check` refuses formulas that
//!   can), evaluated, analysed, explained, charted and its state link written and read.
//! - [`expression`]: an expression is parsed, printed and parsed again, compiled against the
//!   names of every built-in advisor, evaluated, and (when it compiles) put into that advisor
//!   as a derived value, which must then give the same value.
//! - [`state`]: a share-link fragment (and a widget's prefill) is read against every built-in
//!   advisor; whatever is read must be valid and must survive being written and read again.
//!
//! [`seeds`] makes the seed corpora from the repository's files; [`dictionary`] the libFuzzer
//! dictionaries.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use advies_engine::advisor::deserialize;
use advies_engine::chart::{chart_data, default_input};
use advies_engine::cli::{JsonError, JsonStyle, TEMPLATE_DEFINITION, definition_json};
use advies_engine::diag::{Diagnostics, Format};
use advies_engine::eval::Answer;
use advies_engine::explain::{chart_summary, explain};
use advies_engine::expr::{self, Ast, ExprError, MAX_NESTING, Scope, Symbol, Type};
use advies_engine::model::{Definition, DerivedDef, InputKind};
use advies_engine::scenarios::{self, MAX_PERIOD_MONTHS, Period};
use advies_engine::state::{
    self, DecodeError, MAX_PROBLEMS, NamedScenario, Problem, SharedState, Source,
};
use advies_engine::weights::{self, WEIGHT_MAX};
use advies_engine::{Advisor, Evaluation, Lang, Scenario, tradeoff};

/// The fuzz targets, by name (each a `[[bin]]` in fuzz/Cargo.toml).
pub const TARGETS: [&str; 3] = ["definition", "expression", "state"];

/// Runs target `name` on `data`; `None` for an unknown name.
pub fn run(name: &str, data: &[u8]) -> Option<String> {
    match name {
        "definition" => Some(definition(data)),
        "expression" => Some(expression(data)),
        "state" => Some(state(data)),
        _ => None,
    }
}

/// Analysis (tipping points for every input) only up to this many inputs x options x
/// factors: the size of the generated advisor the benchmarks measure (20 x 100 x 20). Larger
/// definitions are valid, but their analysis time is not what fuzzing is for.
const ANALYSIS_BUDGET: usize = 20 * 100 * 20;

// ------------------------------------------------------------------------------ built-ins

/// A built-in advisor: every `advisors/<id>/definition.toml` (as build.rs finds them) and the
/// template of `cargo xtask advisor new`.
pub struct BuiltIn {
    /// The file as the repository names it.
    pub file: String,
    /// The definition as written.
    pub text: String,
    /// The advisor.
    pub advisor: Advisor,
    /// The slots of its default scenario.
    pub slots: Vec<f64>,
}

/// The repository root: the parent of this package's folder (fuzz/ or engine/).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The built-in advisors, read once (from the files, so a new advisor is fuzzed too).
pub fn built_ins() -> &'static [BuiltIn] {
    static ALL: OnceLock<Vec<BuiltIn>> = OnceLock::new();
    ALL.get_or_init(|| {
        let root = repo_root();
        let mut files: Vec<(String, String)> = Vec::new();
        let folders = fs::read_dir(root.join("advisors")).expect("advisors/ can be listed");
        for entry in folders.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let path = entry.path().join("definition.toml");
            if !name.starts_with(['_', '.']) && path.is_file() {
                let text = fs::read_to_string(&path).expect("a definition is text");
                files.push((format!("advisors/{name}/definition.toml"), text));
            }
        }
        files.sort();
        files.push((
            "engine/templates/definition.toml".into(),
            TEMPLATE_DEFINITION.into(),
        ));
        files
            .into_iter()
            .map(|(file, text)| {
                let advisor =
                    Advisor::parse(&text, &file).unwrap_or_else(|d| panic!("{file}: {d}"));
                let slots = advisor
                    .evaluate(&advisor.default_scenario())
                    .unwrap_or_else(|f| panic!("{file}: {f}"))
                    .slots;
                BuiltIn {
                    file,
                    text,
                    advisor,
                    slots,
                }
            })
            .collect()
    })
}

// ------------------------------------------------------------------------------ definition

/// A definition as `cargo xtask advisor check` and the widget read it: TOML, or JSON when it
/// starts with `{` (as a host page gives the widget). If valid: the JSON conversion of the
/// build must read back to the same definition, then [`exercise`].
pub fn definition(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    // The command line picks the format by extension, the widget by the first character.
    let file = match Format::detect("definition", &text) {
        Format::Json => "fuzz/definition.json",
        Format::Toml => "fuzz/definition.toml",
    };
    let advisor = match Advisor::parse(&text, file) {
        Ok(advisor) => advisor,
        Err(diagnostics) => {
            check_diagnostics(&text, &diagnostics);
            return format!("invalid: {}", diagnostics.0[0]);
        }
    };
    match definition_json(&text, file, JsonStyle::Compact) {
        Ok(json) => {
            // What the widget does with that JSON.
            if let Err(d) = Advisor::parse(&json, "definition.json") {
                panic!("the JSON of a valid definition does not read:\n{d}");
            }
        }
        Err(JsonError::Invalid(d)) => panic!("valid, then invalid for the conversion:\n{d}"),
        Err(JsonError::ReadBack(message)) => panic!("{message}"),
    }
    every_corner_evaluates(&advisor);
    format!("valid: {}", exercise(&advisor))
}

/// Most corners of the answers evaluated for one definition (2^10). Every combination of the
/// ends of each number question (min, max), of every yes/no and of every choice is tried when
/// there are at most this many; else each question at each of those values with the others at
/// their defaults (all combinations of a large definition would take too long per input).
const MAX_CORNERS: usize = 1 << 10;

/// A definition that `check` accepts evaluates without failure at the corners of its answers:
/// `check` refuses formulas that can fail for some answer (division by zero, too large).
fn every_corner_evaluates(a: &Advisor) {
    let ends: Vec<Vec<f64>> = a
        .inputs
        .iter()
        .map(|i| match i.kind {
            InputKind::Integer | InputKind::Number => vec![i.min, i.max],
            InputKind::YesNo | InputKind::Choice => {
                (0..=i.max as usize).map(|v| v as f64).collect()
            }
        })
        .collect();
    let base = a.default_scenario();
    let count = ends.iter().try_fold(1usize, |n, e| {
        n.checked_mul(e.len()).filter(|&n| n <= MAX_CORNERS)
    });
    let mut scenarios = Vec::new();
    match count {
        Some(n) => {
            for k in 0..n {
                let mut sc = base.clone();
                let mut rest = k;
                for (i, e) in ends.iter().enumerate() {
                    sc.inputs[i] = e[rest % e.len()];
                    rest /= e.len();
                }
                scenarios.push(sc);
            }
        }
        None => {
            for (i, e) in ends.iter().enumerate() {
                for &v in e {
                    let mut sc = base.clone();
                    sc.inputs[i] = v;
                    scenarios.push(sc);
                }
            }
        }
    }
    for sc in &scenarios {
        if let Err(failure) = a.evaluate(sc) {
            panic!(
                "check accepted it, but at the answers {:?} it fails: {failure}",
                sc.inputs
            );
        }
    }
}

/// Diagnostics as every caller shows them: at least one, each with a place and a message.
fn check_diagnostics(text: &str, diagnostics: &Diagnostics) {
    assert!(!diagnostics.0.is_empty(), "rejected without a diagnostic");
    let lines = text.split('\n').count();
    for d in &diagnostics.0 {
        assert!(!d.message.trim().is_empty(), "empty message: {d:?}");
        assert!(d.line >= 1 && d.column >= 1, "no place: {d:?}");
        assert!(d.line <= lines, "line {} of {lines}: {d}", d.line);
        assert!(!d.to_string().is_empty());
    }
}

/// What the page does with a valid advisor: evaluate the default answers, analyse (when not
/// too large), explain in both languages, chart, and write and read its state link.
pub fn exercise(a: &Advisor) -> String {
    let sc = a.default_scenario();
    let evaluated = if a.inputs.len() * a.options.len() * a.factors.len() <= ANALYSIS_BUDGET {
        a.analyse(&sc).map(|(ev, an)| (ev, Some(an)))
    } else {
        a.evaluate(&sc).map(|ev| (ev, None))
    };
    let (ev, an) = match evaluated {
        Ok(done) => done,
        // Reported to the citizen as such; a definition may do this.
        Err(failure) => {
            assert!(!failure.to_string().is_empty());
            return format!("does not evaluate: {failure}");
        }
    };
    for (o, r) in ev.options.iter().enumerate() {
        assert!(
            r.score.is_finite() && (-1e-9..=1.0 + 1e-9).contains(&r.score),
            "option {o}: score {}",
            r.score
        );
        assert!(r.values.iter().chain(&r.scaled).all(|v| v.is_finite()));
    }
    for &o in &ev.ranking {
        assert!(ev.options[o].eligible, "ranked but not eligible: {o}");
    }
    assert!(ev.weights.iter().all(|w| w.is_finite()));
    if let Some(an) = &an {
        assert!(an.contributions.iter().all(|c| c.is_finite()));
        assert!(an.tipping_points.iter().all(|t| t.at.is_finite()));
        for lang in Lang::ALL {
            let e = explain(a, &ev, an, lang);
            assert!(!e.why.trim().is_empty(), "an empty explanation ({lang:?})");
            if let Some(i) = default_input(a, &ev, an) {
                let chart = chart_data(a, &sc, &ev, an, i);
                assert!(!chart_summary(a, &chart, lang).trim().is_empty());
            }
        }
    }
    if an.is_some() {
        what_the_citizen_does_next(a, &sc, &ev);
    }
    for lang in Lang::ALL {
        round_trip(a, &SharedState::single(a, sc.clone(), lang));
    }
    match ev.best() {
        Some(best) => format!("advice `{}`", a.options[best].id),
        None => "no option possible".into(),
    }
}

/// The weight panel's shares, trade-off questions, each life event as a new scenario
/// compared with the first, and the plan over all of them (when there is a cost factor).
fn what_the_citizen_does_next(a: &Advisor, sc: &Scenario, ev: &Evaluation) {
    let shares = weights::shares_percent(&ev.weights);
    if ev.weights.iter().any(|&w| w > 0.0) {
        assert_eq!(shares.iter().sum::<u32>(), 100, "shares {shares:?}");
    }
    for question in tradeoff::questions(ev, 3) {
        assert!(question.first != question.second, "{question:?}");
    }
    let mut all = vec![sc.clone()];
    all.extend((0..a.events.len()).map(|e| a.apply_event(e, sc)));
    for other in &all[1..] {
        if let Ok(c) = scenarios::compare(a, sc, other, a.cost_factor) {
            for lang in Lang::ALL {
                let sentence = scenarios::comparison_sentence(a, &c, state::DEFAULT_NAME, lang);
                assert!(!sentence.trim().is_empty());
            }
        }
    }
    if let Some(cost) = a.cost_factor {
        let periods: Vec<Period> = (0..all.len())
            .map(|scenario| Period {
                scenario,
                months: 6,
            })
            .collect();
        if let Ok(plan) = scenarios::plan(a, &all, &periods, cost) {
            for lang in Lang::ALL {
                assert!(!scenarios::plan_sentence(a, &plan, lang).trim().is_empty());
            }
        }
    }
}

// ------------------------------------------------------------------------------ expression

/// An expression, optionally followed by a line starting with `#` and values, separated by
/// white space or commas, for the names the expression uses (in order of appearance; by
/// default each has its value in the advisor's default scenario):
///
/// ```text
/// max(trips_per_week, 3) / distance_km
/// # 8 0
/// ```
pub fn expression(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    let (src, values) = match text.split_once("\n#") {
        Some((src, values)) => (src, values),
        None => (&*text, ""),
    };
    let values: Vec<f64> = values
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|v| v.parse().ok())
        .collect();
    let ast = match expr::parse(src) {
        Ok(ast) => ast,
        Err(e) => {
            check_expr_error(src, &e);
            return format!("does not parse: {e}");
        }
    };
    check_ast(src, &ast);
    let mut compiled_in = Vec::new();
    for b in built_ins() {
        let scope = AdvisorScope(&b.advisor);
        let compiled = match expr::compile(&ast, src, &scope, None) {
            Ok(compiled) => compiled,
            Err(e) => {
                check_expr_error(src, &e);
                continue;
            }
        };
        let slot_count = b.slots.len() as u32;
        assert!(compiled.slots().iter().all(|&s| s < slot_count));
        let mut slots = b.slots.clone();
        let mut given = values.iter();
        let mut seen = BTreeSet::new();
        for (name, _, _) in ast.names() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if let (Some(symbol), Some(&v)) = (scope.lookup(&name), given.next()) {
                slots[symbol.slot as usize] = scope.encode(symbol.ty, v);
            }
        }
        let result = compiled.eval(&slots);
        check_value(&scope, compiled.ty(), result);
        if let Some(c) = compiled.constant() {
            assert_eq!(result, Ok(c), "constant {c}, evaluates to {result:?}");
        }
        // As a derived value of the first advisor it compiles in, with its default answers.
        if compiled_in.is_empty() {
            in_definition(b, src, compiled.eval(&b.slots));
        }
        compiled_in.push(b.advisor.def.id.as_str());
    }
    format!("parses; compiles in [{}]", compiled_in.join(", "))
}

/// An expression error points into the expression and says something.
fn check_expr_error(src: &str, e: &ExprError) {
    assert!(
        e.start <= e.end && e.end <= src.len(),
        "span {}..{} of {} bytes: {e}",
        e.start,
        e.end,
        src.len()
    );
    assert!(!e.message.trim().is_empty(), "an empty message");
}

/// Names point at themselves, and the printed form parses back to the same tree (when the
/// brackets it adds stay within the nesting limit).
fn check_ast(src: &str, ast: &Ast) {
    let (start, end) = ast.span();
    assert!(start <= end && end <= src.len(), "span {start}..{end}");
    for (name, start, end) in ast.names() {
        assert_eq!(src.get(start..end), Some(name.as_str()), "span of `{name}`");
    }
    let shown = ast.to_string();
    let nesting = ["(", "if", "not", "-"]
        .iter()
        .map(|s| shown.matches(s).count())
        .sum::<usize>();
    if nesting < MAX_NESTING as usize {
        let again = expr::parse(&shown)
            .unwrap_or_else(|e| panic!("`{src}` prints as `{shown}`, which does not parse: {e}"));
        assert_eq!(again.to_string(), shown, "`{src}` does not print stably");
    }
}

/// A value of type `ty`: finite, yes/no 0 or 1, a choice one of its input's.
fn check_value(scope: &AdvisorScope, ty: Type, result: Result<f64, expr::EvalError>) {
    let v = match result {
        Ok(v) => v,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    assert!(v.is_finite(), "evaluates to {v}");
    match ty {
        Type::Number => {}
        Type::Bool => assert!(v == 0.0 || v == 1.0, "yes/no {v}"),
        Type::Choice(k) => {
            let n = scope.choices(k).len() as f64;
            assert!(
                v.fract() == 0.0 && (0.0..n).contains(&v),
                "choice {v} of {n}"
            );
        }
    }
}

/// The expression as a derived value `fuzz_expression` of `b` (as JSON, as a host page gives
/// the widget). It compiled against `b`'s names, so the only possible errors are about it,
/// and with the default answers it must give `direct`, its value evaluated on its own.
fn in_definition(b: &BuiltIn, src: &str, direct: Result<f64, expr::EvalError>) {
    const NAME: &str = "fuzz_expression";
    let mut def: Definition = b.advisor.def.clone();
    def.derived.insert(
        NAME.into(),
        DerivedDef {
            expr: src.into(),
            label: Default::default(),
            unit: Default::default(),
        },
    );
    let json = serde_json::to_string(&def).expect("a definition writes as JSON");
    let a = match Advisor::parse(&json, "fuzz/definition.json") {
        Ok(a) => a,
        Err(diagnostics) => {
            check_diagnostics(&json, &diagnostics);
            let field = format!("derived.{NAME}");
            assert!(
                diagnostics.0.iter().all(|d| d.field.starts_with(&field)),
                "{}: one derived value more gives other errors:\n{diagnostics}",
                b.file
            );
            return;
        }
    };
    let k = a.derived_index(NAME).expect("the derived value is there");
    match (a.evaluate(&a.default_scenario()), direct) {
        (Ok(ev), Ok(v)) => {
            let got = ev.slots[a.derived_slot(k)];
            assert!(got == v, "{}: {got} in the advisor, {v} alone", b.file);
        }
        (Err(failure), Err(_)) => {
            assert!(failure.expr.contains(NAME), "{}: {failure}", b.file)
        }
        (ev, direct) => panic!(
            "{}: in the advisor {:?}, alone {direct:?}",
            b.file,
            ev.map(|ev| ev.slots[a.derived_slot(k)])
        ),
    }
}

/// The names of an advisor, typed as its own validation types them.
struct AdvisorScope<'a>(&'a Advisor);

impl AdvisorScope<'_> {
    /// A given number as a value of type `ty`: yes/no 0 or 1, a choice one of its input's.
    fn encode(&self, ty: Type, v: f64) -> f64 {
        match ty {
            Type::Number => v,
            Type::Bool => f64::from(u8::from(v != 0.0)),
            Type::Choice(k) => {
                let n = self.choices(k).len().max(1);
                (v.abs().min(1e9) as usize % n) as f64
            }
        }
    }
}

impl Scope for AdvisorScope<'_> {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        let a = self.0;
        if let Some(i) = a.input_index(name) {
            let ty = match a.inputs[i].kind {
                InputKind::Integer | InputKind::Number => Type::Number,
                InputKind::YesNo => Type::Bool,
                InputKind::Choice => Type::Choice(i as u32),
            };
            return Some(Symbol {
                slot: a.input_slot(i) as u32,
                ty,
            });
        }
        if let Some(j) = a.param_index(name) {
            return Some(Symbol {
                slot: a.param_slot(j) as u32,
                ty: Type::Number,
            });
        }
        let k = a.derived_index(name)?;
        Some(Symbol {
            slot: a.derived_slot(k) as u32,
            ty: a.derived[k].expr.ty(),
        })
    }

    fn names(&self) -> Vec<String> {
        let a = self.0;
        let inputs = a.inputs.iter().map(|i| &i.id);
        let params = a.params.iter().map(|p| &p.id);
        let derived = a.derived.iter().map(|d| &d.id);
        inputs.chain(params).chain(derived).cloned().collect()
    }

    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        let choices = &self.0.inputs.get(input as usize)?.choices;
        choices.iter().position(|c| c == literal).map(|i| i as u32)
    }

    fn choices(&self, input: u32) -> Vec<String> {
        let input = self.0.inputs.get(input as usize);
        input.map(|i| i.choices.clone()).unwrap_or_default()
    }

    fn choice_input_name(&self, input: u32) -> String {
        let input = self.0.inputs.get(input as usize);
        input.map(|i| i.id.clone()).unwrap_or_default()
    }
}

// ------------------------------------------------------------------------------ state

/// A link fragment (`location.hash`), and the same text as a widget's prefill, read against
/// every built-in advisor. A state read must be valid; written and read again it must come
/// back the same, with no problem.
pub fn state(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    let named = state::advisor_id(&text);
    if let Some(id) = &named {
        assert!(!id.trim().is_empty(), "an empty advisor id");
    }
    let mut read = Vec::new();
    for b in built_ins() {
        let a = &b.advisor;
        match state::decode(a, &text) {
            Ok(decoded) => {
                assert_eq!(
                    named.as_deref(),
                    Some(a.def.id.as_str()),
                    "read, but advisor_id names another advisor"
                );
                assert_eq!(decoded.state.advisor, a.def.id);
                assert!(
                    decoded.state.is_valid(a),
                    "{}: not valid: {decoded:?}",
                    b.file
                );
                check_problems(a, &decoded.problems);
                round_trip(a, &decoded.state);
                read.push(format!(
                    "{} ({} problems)",
                    a.def.id,
                    decoded.problems.len()
                ));
            }
            Err(e) => check_decode_error(&e),
        }
        prefill(a, &text);
    }
    match read.is_empty() {
        true => "no advisor reads it".into(),
        false => format!("read by {}", read.join(", ")),
    }
}

fn check_problems(a: &Advisor, problems: &[Problem]) {
    assert!(problems.len() <= MAX_PROBLEMS + 1, "{problems:?}");
    for p in problems {
        for lang in Lang::ALL {
            for source in [Source::Link, Source::Device, Source::Website] {
                let message = p.message_from(a, lang, source);
                assert!(!message.trim().is_empty(), "{p:?}");
            }
        }
    }
}

fn check_decode_error(e: &DecodeError) {
    for lang in Lang::ALL {
        assert!(!e.message(lang).trim().is_empty(), "{e:?}");
    }
}

/// `st` (valid for `a`) written as a link and read back: the same state, no problem, the same
/// text when written again; also with `#`, and percent-encoded once more.
pub fn round_trip(a: &Advisor, st: &SharedState) {
    assert!(st.is_valid(a), "not a valid state: {st:?}");
    let link = state::encode(a, st);
    let read = |text: &str| {
        let decoded = state::decode(a, text)
            .unwrap_or_else(|e| panic!("`{text}`, written from {st:?}, does not read: {e:?}"));
        assert!(
            decoded.problems.is_empty(),
            "`{text}` reads with problems: {:?}",
            decoded.problems
        );
        assert_eq!(&decoded.state, st, "`{text}` reads as another state");
    };
    read(&link);
    read(&format!("#{link}"));
    let once_more: String = link
        .chars()
        .map(|c| match c {
            '%' => "%25".to_string(),
            ';' => "%3B".to_string(),
            '~' => "%7E".to_string(),
            ',' => "%2C".to_string(),
            '=' => "%3D".to_string(),
            c => c.to_string(),
        })
        .collect();
    read(&once_more);
    let decoded = state::decode(a, &link).expect("read above");
    assert_eq!(state::encode(a, &decoded.state), link, "not written stably");
    assert_eq!(state::advisor_id(&link).as_deref(), Some(a.def.id.as_str()));
}

/// `text` as a widget's prefill (`key=value,...`): a valid scenario with the default weights,
/// and (when ids and values need no escapes) its answers written out read back the same.
fn prefill(a: &Advisor, text: &str) {
    let (scenario, problems) = state::decode_answers(a, text);
    assert_eq!(scenario.weights, a.default_scenario().weights);
    check_answers(a, &scenario);
    check_problems(a, &problems);
    let entries: Vec<String> = a
        .inputs
        .iter()
        .zip(&scenario.inputs)
        .map(|(input, &v)| format!("{}={}", input.id, state::answer_code(input, v)))
        .collect();
    let plain = |s: &String| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._+=".contains(&b))
    };
    if entries.iter().all(plain) {
        let written = entries.join(",");
        let (again, problems) = state::decode_answers(a, &written);
        assert!(problems.is_empty(), "`{written}`: {problems:?}");
        assert_eq!(again, scenario, "`{written}` reads as other answers");
    }
}

/// Every answer one the question allows, as [`Advisor::answer_value`] checks it.
fn check_answers(a: &Advisor, sc: &Scenario) {
    assert_eq!(sc.inputs.len(), a.inputs.len());
    for (i, (input, &v)) in a.inputs.iter().zip(&sc.inputs).enumerate() {
        let answer = match input.kind {
            InputKind::Integer | InputKind::Number => Answer::Number(v),
            InputKind::YesNo => Answer::YesNo(v == 1.0),
            InputKind::Choice => match input.choices.get(v as usize) {
                Some(c) if v.fract() == 0.0 && v >= 0.0 => Answer::Choice(c.clone()),
                _ => panic!("{}: choice {v}", input.id),
            },
        };
        assert_eq!(a.answer_value(i, &answer), Ok(v), "{}: {v}", input.id);
    }
    for &w in &sc.weights {
        assert!(
            w.is_finite() && (0.0..=WEIGHT_MAX).contains(&w),
            "weight {w}"
        );
    }
}

// ------------------------------------------------------------------------------ seeds

/// One file of a seed corpus.
pub struct Seed {
    /// The target it is for (one of [`TARGETS`]).
    pub target: &'static str,
    /// A file name that says where it comes from.
    pub name: String,
    pub data: Vec<u8>,
}

/// The seed corpora, made from the repository: every built-in advisor and the template (TOML
/// and its JSON), the broken-definition corpus (`engine/tests/broken/`), every expression in
/// those, and links the engine writes for the built-ins (a few scenarios each), with the
/// examples in the state format's documentation.
pub fn seeds() -> Vec<Seed> {
    let mut out = Vec::new();
    let root = repo_root();
    let mut seed =
        |target: &'static str, name: String, data: Vec<u8>| out.push(Seed { target, name, data });
    let mut definitions: Vec<(String, String)> = Vec::new();
    for b in built_ins() {
        let stem = b.file.replace('/', "-").replace(".toml", "");
        definitions.push((format!("{stem}.toml"), b.text.clone()));
        let json = definition_json(&b.text, &b.file, JsonStyle::Compact)
            .unwrap_or_else(|e| panic!("{}: {e}", b.file));
        definitions.push((format!("{stem}.json"), json));
    }
    let broken = root.join("engine/tests/broken");
    let mut files: Vec<PathBuf> = fs::read_dir(&broken)
        .expect("engine/tests/broken/ can be listed")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // Lossy: one broken definition is not UTF-8 (as the fuzz target reads its bytes).
        let bytes = fs::read(&path).expect("a broken definition can be read");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        definitions.push((format!("broken-{name}"), text));
    }

    // Expressions: from every definition that has the shape of one (also broken ones).
    let mut expressions: BTreeMap<String, String> = BTreeMap::new();
    for (name, text) in &definitions {
        let format = Format::detect(name, text);
        if let Ok(def) = deserialize::<Definition>(text, name, format) {
            let stem = name.trim_end_matches(".toml").trim_end_matches(".json");
            for (place, src) in expressions_of(&def) {
                expressions.entry(src).or_insert(format!("{stem}-{place}"));
            }
        }
    }
    for (src, name) in &expressions {
        seed("expression", name.clone(), src.clone().into_bytes());
    }
    // Each built-in's expressions once more with its inputs at their maximum.
    for b in built_ins() {
        let a = &b.advisor;
        for (place, src) in expressions_of(&a.def) {
            let Ok(ast) = expr::parse(&src) else { continue };
            let mut seen = BTreeSet::new();
            let values: Vec<String> = ast
                .names()
                .into_iter()
                .filter(|(name, _, _)| seen.insert(name.clone()))
                .map(|(name, _, _)| match a.input_index(&name) {
                    Some(i) => a.inputs[i].max.to_string(),
                    None => b.slots[a.slot_of(&name).unwrap_or(0)].to_string(),
                })
                .collect();
            if !values.is_empty() {
                let stem = b.file.replace('/', "-").replace(".toml", "");
                let data = format!("{src}\n# {}", values.join(" "));
                seed(
                    "expression",
                    format!("{stem}-{place}-max"),
                    data.into_bytes(),
                );
            }
        }
    }
    for (name, text) in definitions {
        seed("definition", name, text.into_bytes());
    }

    // Links the engine writes for each built-in.
    for b in built_ins() {
        let stem = b.file.replace('/', "-").replace(".toml", "");
        for (what, link) in links(&b.advisor) {
            seed("state", format!("{stem}-{what}"), link.into_bytes());
        }
    }
    // The examples in the documentation of the format (lines `//! v1;...`, `//! v2;...`).
    let doc = fs::read_to_string(root.join("engine/src/state.rs")).unwrap_or_default();
    let examples = doc
        .lines()
        .filter_map(|l| l.strip_prefix("//! "))
        .filter(|l| l.starts_with("v1;") || l.starts_with("v2;"));
    for (n, example) in examples.enumerate() {
        seed("state", format!("state-doc-example-{n}"), example.into());
    }
    out
}

/// Every expression in a definition, with its place (`options.day.values.cost`).
fn expressions_of(def: &Definition) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (id, input) in &def.inputs {
        out.extend((input.visible_if.clone()).map(|e| (format!("inputs.{id}.visible_if"), e)));
    }
    for (id, derived) in &def.derived {
        out.push((format!("derived.{id}"), derived.expr.clone()));
    }
    for (id, option) in &def.options {
        out.extend((option.eligible_if.clone()).map(|e| (format!("options.{id}.eligible_if"), e)));
        for (factor, value) in &option.values {
            out.push((format!("options.{id}.values.{factor}"), value.0.clone()));
        }
    }
    out
}

/// Links for `a`: the default state in each language, every answer at its minimum and at its
/// maximum, three scenarios with a sequence, the same percent-encoded once more, and the
/// answers field alone (as a widget's prefill).
fn links(a: &Advisor) -> Vec<(String, String)> {
    let base = a.default_scenario();
    let at = |high: bool| Scenario {
        inputs: a
            .inputs
            .iter()
            .map(|i| if high { i.max } else { i.min })
            .collect(),
        weights: base
            .weights
            .iter()
            .map(|_| if high { WEIGHT_MAX } else { 0.0 })
            .collect(),
    };
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let single = SharedState::single(a, base.clone(), lang);
        out.push((
            format!("default-{}", lang.code()),
            state::encode(a, &single),
        ));
    }
    let mut low = SharedState::single(a, at(false), Lang::Nl);
    if let Some(w) = low.scenarios[0].scenario.weights.first_mut() {
        *w = 1.0;
    }
    out.push(("low".into(), state::encode(a, &low)));
    out.push((
        "high".into(),
        state::encode(a, &SharedState::single(a, at(true), Lang::En)),
    ));
    let mut three = SharedState::single(a, base.clone(), Lang::Nl);
    for (name, scenario) in [("Na de verhuizing", at(true)), ("Ik word 65; € ~=,%", base)] {
        three.add(NamedScenario {
            name: name.into(),
            scenario,
        });
    }
    three.active = 1;
    for (scenario, months) in [(0, 6), (1, 18), (2, MAX_PERIOD_MONTHS)] {
        three.add_period(Period { scenario, months });
    }
    let link = state::encode(a, &three);
    out.push(("three-with-sequence".into(), link.clone()));
    out.push((
        "three-encoded-twice".into(),
        link.replace('%', "%25").replace(';', "%3B"),
    ));
    // The answers field of the default link: `name~answers~weights`.
    let default = state::encode(a, &SharedState::single(a, a.default_scenario(), Lang::Nl));
    if let Some(answers) = default.rsplit(';').next().and_then(|s| s.split('~').nth(1)) {
        out.push(("prefill".into(), answers.to_string()));
    }
    out
}

/// The libFuzzer dictionary for `target`: the words its input is made of (keywords, field
/// names, the built-ins' names and ids). `None` for an unknown target.
pub fn dictionary(target: &str) -> Option<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    let names = |words: &mut BTreeSet<String>| {
        for b in built_ins() {
            words.extend(AdvisorScope(&b.advisor).names());
            for input in &b.advisor.inputs {
                words.extend(input.choices.iter().map(|c| format!("'{c}'")));
            }
        }
    };
    match target {
        "expression" => {
            words.extend(expr::KEYWORDS.iter().map(|k| k.to_string()));
            words.extend(expr::FUNCTIONS.iter().map(|f| format!("{f}(")));
            for op in [
                "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")",
            ] {
                words.insert(op.into());
            }
            for w in ["[", "]", ",", "'", "\"", "\n#", "1e308", "0.1", "-0"] {
                words.insert(w.into());
            }
            names(&mut words);
        }
        "definition" => {
            let schema = advies_engine::schema::definition_schema();
            let schema: serde_json::Value = serde_json::from_str(&schema).ok()?;
            schema_words(&schema, &mut words);
            for w in [
                "[", "]", "[[", "]]", " = ", "\"", "'''", "{", "}", "true", "false",
                // Numbers at the edges (TOML also has nan and inf).
                "nan", "inf", "-inf", "1e308", "-1e308", "5e-324", "1e-300", "0.1",
            ] {
                words.insert(w.into());
            }
            names(&mut words);
        }
        "state" => {
            for w in [
                "v1;", "v2;", ";", "~", ",", "=", "#", "%3B", "%25", ".", "nl", "en", "NaN", "inf",
                "1e308", "-0", "5e-324", "%00", "%FF", "%C3%A9", "ja", "nee",
            ] {
                words.insert(w.into());
            }
            for b in built_ins() {
                let a = &b.advisor;
                words.insert(a.def.id.clone());
                words.insert(a.def.version.clone());
                words.extend(a.inputs.iter().map(|i| i.id.clone()));
                words.extend(a.inputs.iter().flat_map(|i| i.choices.iter().cloned()));
                words.extend(a.factors.iter().map(|f| f.id.clone()));
            }
        }
        _ => return None,
    }
    let mut out = String::new();
    for word in words.iter().filter(|w| !w.is_empty() && w.len() <= 64) {
        out.push('"');
        for b in word.bytes() {
            match b {
                b'"' | b'\\' => out.push_str(&format!("\\{}", b as char)),
                b' '..=b'~' => out.push(b as char),
                _ => out.push_str(&format!("\\x{b:02X}")),
            }
        }
        out.push_str("\"\n");
    }
    Some(out)
}

/// Property names and enum values in a JSON Schema.
fn schema_words(v: &serde_json::Value, words: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                words.extend(props.keys().cloned());
            }
            if let Some(serde_json::Value::Array(values)) = map.get("enum") {
                words.extend(values.iter().filter_map(|v| v.as_str().map(String::from)));
            }
            if let Some(serde_json::Value::String(c)) = map.get("const") {
                words.insert(c.clone());
            }
            map.values().for_each(|v| schema_words(v, words));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| schema_words(v, words)),
        _ => {}
    }
}
