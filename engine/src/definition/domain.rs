//! Formulas that can fail for an answer a citizen can give. Before a definition is accepted,
//! every formula (derived values, `visible_if`, `eligible_if`, option values) is checked over
//! all answers at once with interval arithmetic ([`crate::expr::ranges`]): each question over
//! its range (hidden ones too), each parameter at its value, each derived value over what its
//! formula gives, an option's values only where its `eligible_if` holds. A divisor that can be
//! 0, or a result that can be too large to compute, is an error: at that answer every
//! evaluation would fail, and the citizen would see an error instead of advice.
//!
//! The message names answers at which it happens, found by evaluating at a few answers (the
//! ends of the ranges, 0, the defaults, every choice; for one question, up to 200 values of its
//! grid): "can divide by zero when `early` is 0 (it ranges from 0 to 20)". When no such answer
//! turns up (the zero lies between the steps, or the check over-estimates), the message says
//! the divisor can be 0 within the ranges; a guard such as `if d != 0 then x / d else 0` is
//! always understood.

use std::collections::HashMap;

use super::advisor::Advisor;
use super::diag::{Diagnostic, Locator, Seg, derived_path, path_of};
use super::limits::MAX_ERRORS;
use crate::expr::ranges::{Domain, Hazard, Interval, Risk, hazards};
use crate::expr::{self, Ast, Scope, Symbol, Type};
use crate::model::InputKind;

/// Answers tried per problem, to name one at which it happens.
const MAX_TRIES: usize = 1000;
/// Values tried of the step grid of a single number question.
const GRID: usize = 200;
/// Work (bytes of formulas evaluated) spent on naming answers, over the whole definition.
const WITNESS_WORK: usize = 30_000_000;

/// One formula: where it is, its syntax, and the condition under which it is evaluated.
struct Formula {
    /// Its place; for a derived value found only when it has something to report (finding
    /// the place of a derived value's formula walks the text).
    path: Vec<Seg>,
    src: String,
    ast: Ast,
    /// Index into `Check::conditions`: the option's `eligible_if`, for its values.
    given: Option<usize>,
    /// Set for derived value `k` (it is evaluated in `derived_order`).
    derived: Option<usize>,
}

/// Every formula of a definition and what it needs to be checked.
struct Check<'a> {
    advisor: &'a Advisor,
    scope: NameScope<'a>,
    /// Derived values (by index), then `visible_if`, then each option's `eligible_if` and values.
    formulas: Vec<Formula>,
    conditions: Vec<Ast>,
    /// Per question: the index of its `visible_if` in `formulas`.
    visible: Vec<Option<usize>>,
    /// Bytes of all derived formulas: the cost of one evaluation, for the witness budget.
    derived_bytes: usize,
}

/// The diagnostics for every formula of `a` that can fail, in the order of the definition.
pub(crate) fn check(a: &Advisor, loc: &Locator) -> Vec<Diagnostic> {
    let Some(check) = Check::new(a) else {
        return Vec::new();
    };
    let domain = check.domain_over_ranges();
    let mut work = WITNESS_WORK;
    let mut out = Vec::new();
    for (f, formula) in check.formulas.iter().enumerate() {
        let given = formula.given.map(|g| &check.conditions[g]);
        let (_, found) = hazards(&formula.ast, &check.scope, &domain.0, given);
        let path = match formula.derived {
            Some(k) if !found.is_empty() => derived_path(loc, &a.derived[k].id),
            _ => formula.path.clone(),
        };
        for h in found.iter().take(MAX_ERRORS) {
            let witness = check.witness(f, h, &mut work);
            let (message, hint) = check.message(formula, h, witness.as_deref());
            let start = loc.offset_in_string(&path, h.start);
            let end = loc.offset_in_string(&path, h.end);
            out.push(loc.at_span(&path, (start, end), message, Some(hint)));
        }
        if out.len() >= MAX_ERRORS {
            break;
        }
    }
    out
}

/// Names as the compiled advisor knows them.
struct NameScope<'a> {
    advisor: &'a Advisor,
    symbols: HashMap<&'a str, Symbol>,
}

impl<'a> NameScope<'a> {
    fn new(a: &'a Advisor) -> NameScope<'a> {
        let mut symbols = HashMap::new();
        for (i, input) in a.inputs.iter().enumerate() {
            let ty = match input.kind {
                InputKind::Integer | InputKind::Number => Type::Number,
                InputKind::YesNo => Type::Bool,
                InputKind::Choice => Type::Choice(i as u32),
            };
            symbols.insert(input.id.as_str(), symbol(a.input_slot(i), ty));
        }
        for (j, p) in a.params.iter().enumerate() {
            symbols.insert(p.id.as_str(), symbol(a.param_slot(j), Type::Number));
        }
        for (k, d) in a.derived.iter().enumerate() {
            symbols.insert(d.id.as_str(), symbol(a.derived_slot(k), d.expr.ty()));
        }
        NameScope {
            advisor: a,
            symbols,
        }
    }
}

fn symbol(slot: usize, ty: Type) -> Symbol {
    Symbol {
        slot: slot as u32,
        ty,
    }
}

impl Scope for NameScope<'_> {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        self.symbols.get(name).copied()
    }
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        let choices = &self.advisor.inputs.get(input as usize)?.choices;
        choices.iter().position(|c| c == literal).map(|i| i as u32)
    }
    fn choices(&self, input: u32) -> Vec<String> {
        let input = self.advisor.inputs.get(input as usize);
        input.map(|i| i.choices.clone()).unwrap_or_default()
    }
    fn choice_input_name(&self, input: u32) -> String {
        let input = self.advisor.inputs.get(input as usize);
        input.map(|i| i.id.clone()).unwrap_or_default()
    }
}

/// A domain and whether building it hit a failing derived value (at a single answer: then that
/// answer fails before the formula looked at).
struct Built<'a>(Domain<'a>, bool);

impl<'a> Check<'a> {
    /// Parses every formula again (they compiled, so they parse).
    fn new(a: &'a Advisor) -> Option<Check<'a>> {
        let def = &a.def;
        let mut formulas = Vec::new();
        let mut conditions = Vec::new();
        let mut visible = Vec::new();
        for (k, (id, d)) in def.derived.iter().enumerate() {
            push(
                &mut formulas,
                path_of(&["derived", id]),
                &d.expr,
                None,
                Some(k),
            )?;
        }
        for (id, d) in &def.inputs {
            visible.push(d.visible_if.as_ref().map(|_| formulas.len()));
            if let Some(src) = &d.visible_if {
                push(
                    &mut formulas,
                    path_of(&["inputs", id, "visible_if"]),
                    src,
                    None,
                    None,
                )?;
            }
        }
        for (id, d) in &def.options {
            let given = match &d.eligible_if {
                Some(src) => {
                    let path = path_of(&["options", id, "eligible_if"]);
                    push(&mut formulas, path, src, None, None)?;
                    conditions.push(expr::parse(src).ok()?);
                    Some(conditions.len() - 1)
                }
                None => None,
            };
            for (factor, src) in &d.values {
                let path = path_of(&["options", id, "values", factor]);
                push(&mut formulas, path, &src.0, given, None)?;
            }
        }
        let derived_bytes = def.derived.values().map(|d| d.expr.len()).sum();
        Some(Check {
            advisor: a,
            scope: NameScope::new(a),
            formulas,
            conditions,
            visible,
            derived_bytes,
        })
    }

    /// Every question over its range, every parameter at its value, and every derived value
    /// over what its formula gives.
    fn domain_over_ranges(&self) -> Built<'_> {
        let a = self.advisor;
        let inputs = a.inputs.iter().map(|i| Interval::new(i.min, i.max));
        self.build(inputs.collect(), false)
    }

    /// The domain from the questions' intervals: parameters at their values, derived values in
    /// dependency order. `visibility`: a hidden question takes its default (for single answers,
    /// where `visible_if` is known).
    fn build(&self, inputs: Vec<Interval>, visibility: bool) -> Built<'_> {
        let a = self.advisor;
        let mut slots = inputs;
        slots.extend(a.params.iter().map(|p| Interval::point(p.value)));
        slots.resize(a.slot_count(), Interval::ALL);
        let mut formulas: Vec<Option<&Ast>> = vec![None; a.slot_count()];
        let mut derived_ast = vec![None; a.derived.len()];
        for f in &self.formulas {
            if let Some(k) = f.derived {
                formulas[a.derived_slot(k)] = Some(&f.ast);
                derived_ast[k] = Some(&f.ast);
            }
        }
        let mut domain = Domain { slots, formulas };
        if visibility {
            for (i, input) in a.inputs.iter().enumerate() {
                let Some(f) = self.visible[i] else { continue };
                let (shown, _) = hazards(&self.formulas[f].ast, &self.scope, &domain, None);
                if shown == Interval::point(0.0) {
                    domain.slots[i] = Interval::point(input.default);
                }
            }
        }
        let mut failed = false;
        for &k in &a.derived_order {
            let Some(ast) = derived_ast[k] else { continue };
            let (range, found) = hazards(ast, &self.scope, &domain, None);
            failed |= !found.is_empty();
            domain.slots[a.derived_slot(k)] = if found.is_empty() {
                range
            } else {
                Interval::ALL
            };
        }
        Built(domain, failed)
    }

    /// Answers (one value per question) at which hazard `h` of formula `f` really happens.
    fn witness(&self, f: usize, h: &Hazard, work: &mut usize) -> Option<Vec<f64>> {
        let formula = &self.formulas[f];
        let cost = self.derived_bytes + formula.src.len() + 1;
        let defaults: Vec<f64> = self.advisor.inputs.iter().map(|i| i.default).collect();
        let near = self.inputs_of(&h.names);
        let mut all = self.inputs_of(
            &formula
                .ast
                .names()
                .into_iter()
                .map(|n| n.0)
                .collect::<Vec<_>>(),
        );
        if let Some(g) = formula.given {
            let names: Vec<String> = self.conditions[g]
                .names()
                .into_iter()
                .map(|n| n.0)
                .collect();
            all.extend(self.inputs_of(&names));
        }
        all.sort_unstable();
        all.dedup();
        // First the questions of the failing part (for one question, its grid), the others at
        // their defaults; then also the other questions of the formula (a guard may need them).
        let mut tries = candidates(self.advisor, &near, &[], &defaults);
        if all != near {
            let others: Vec<usize> = all.iter().copied().filter(|i| !near.contains(i)).collect();
            tries.extend(candidates(self.advisor, &near, &others, &defaults));
        }
        for point in tries.into_iter().take(MAX_TRIES) {
            if *work < cost {
                return None;
            }
            *work -= cost;
            if self.happens_at(f, h, &point) {
                return Some(point);
            }
        }
        None
    }

    /// Whether hazard `h` of formula `f` happens at these answers (evaluated exactly: every
    /// interval is a single value).
    fn happens_at(&self, f: usize, h: &Hazard, point: &[f64]) -> bool {
        let formula = &self.formulas[f];
        let inputs = point.iter().map(|&v| Interval::point(v)).collect();
        let Built(domain, failed) = self.build(inputs, true);
        if failed && formula.derived.is_none() {
            return false;
        }
        let given = formula.given.map(|g| &self.conditions[g]);
        let (_, found) = hazards(&formula.ast, &self.scope, &domain, given);
        found
            .iter()
            .any(|x| (x.start, x.end, x.risk) == (h.start, h.end, h.risk))
    }

    /// The questions that the names use, directly or through derived values (sorted).
    fn inputs_of(&self, names: &[String]) -> Vec<usize> {
        let ni = self.advisor.inputs.len();
        self.slots_reached(names)
            .into_iter()
            .filter(|&s| s < ni)
            .collect()
    }

    /// The parameters that the names use, directly or through derived values (sorted).
    fn params_of(&self, names: &[String]) -> Vec<usize> {
        let a = self.advisor;
        let (ni, np) = (a.inputs.len(), a.params.len());
        self.slots_reached(names)
            .into_iter()
            .filter(|s| (ni..ni + np).contains(s))
            .map(|s| s - ni)
            .collect()
    }

    /// Every slot (question, parameter or derived value) that the names reach, following
    /// derived values into their formulas (sorted).
    fn slots_reached(&self, names: &[String]) -> Vec<usize> {
        let a = self.advisor;
        let first_derived = a.inputs.len() + a.params.len();
        let mut seen = vec![false; a.slot_count()];
        let mut stack: Vec<usize> = names.iter().filter_map(|n| a.slot_of(n)).collect();
        while let Some(slot) = stack.pop() {
            if std::mem::replace(&mut seen[slot], true) {
                continue;
            }
            if slot >= first_derived {
                let formula = &a.derived[slot - first_derived].expr;
                stack.extend(formula.slots().iter().map(|&s| s as usize));
            }
        }
        (0..seen.len()).filter(|&s| seen[s]).collect()
    }

    /// The message and hint for hazard `h` of `formula`, with the answers where it happens.
    fn message(&self, formula: &Formula, h: &Hazard, witness: Option<&[f64]>) -> (String, String) {
        let a = self.advisor;
        let part = formula.src.get(h.start..h.end).unwrap_or("").trim();
        let near = self.inputs_of(&h.names);
        let shown: Vec<usize> = match witness {
            Some(w) => (0..a.inputs.len())
                .filter(|i| near.contains(i) || w[*i] != a.inputs[*i].default)
                .collect(),
            None => near.clone(),
        };
        let ranges = ranges_text(a, &shown, witness.is_none());
        let what = match h.risk {
            Risk::DivideByZero => "divide by zero",
            Risk::TooLarge => "be too large to compute",
        };
        let message = match (witness, shown.is_empty()) {
            (Some(_), true) => {
                let params = self.params_of(&h.names);
                let values: Vec<String> = params
                    .iter()
                    .map(|&j| format!("`{}` = {}", a.params[j].id, number(a.params[j].value)))
                    .collect();
                let with = if values.is_empty() {
                    String::new()
                } else {
                    format!(" (with {})", join(&values))
                };
                match h.risk {
                    Risk::DivideByZero => format!("always divides by zero: `{part}` is 0{with}"),
                    Risk::TooLarge => format!("is always too large to compute{with}"),
                }
            }
            (Some(w), false) => {
                let when: Vec<String> = shown
                    .iter()
                    .map(|&i| format!("`{}` is {}", a.inputs[i].id, answer(a, i, w[i])))
                    .collect();
                format!("can {what} when {}{ranges}", join(&when))
            }
            (None, _) => match h.risk {
                Risk::DivideByZero => {
                    format!(
                        "can divide by zero: `{part}` can be 0 within the ranges of the answers{ranges}"
                    )
                }
                Risk::TooLarge => {
                    format!("can be too large to compute within the ranges of the answers{ranges}")
                }
            },
        };
        let hint = match h.risk {
            Risk::DivideByZero if witness.is_some() && shown.is_empty() => {
                "check the values of the parameters it uses, or make sure the divisor cannot be 0".into()
            }
            Risk::DivideByZero if part.len() <= 40 => {
                let test = if h.range.lo >= 0.0 { ">" } else { "!=" };
                format!("make sure the divisor cannot be 0, e.g. `if {part} {test} 0 then ... else 0`")
            }
            Risk::DivideByZero => "make sure the divisor cannot be 0, e.g. `if ... != 0 then ... else 0`".into(),
            Risk::TooLarge => "numbers beyond about 1e308 cannot be computed: use a smaller range or smaller units".into(),
        };
        (message, hint)
    }
}

fn push(
    formulas: &mut Vec<Formula>,
    path: Vec<Seg>,
    src: &str,
    given: Option<usize>,
    derived: Option<usize>,
) -> Option<()> {
    formulas.push(Formula {
        path,
        src: src.to_string(),
        ast: expr::parse(src).ok()?,
        given,
        derived,
    });
    Some(())
}

/// Answers to try: every combination of values for the questions in `near` (0, the ends of
/// the range, the default, every choice, yes and no; for a single number question up to
/// [`GRID`] values of its step grid too) and in `others` (the same without the grid), the rest
/// at their defaults; at most [`MAX_TRIES`], the first question varying fastest.
fn candidates(a: &Advisor, near: &[usize], others: &[usize], defaults: &[f64]) -> Vec<Vec<f64>> {
    let grid = near.len() == 1;
    let vary: Vec<usize> = near.iter().chain(others).copied().collect();
    let values: Vec<Vec<f64>> = vary
        .iter()
        .enumerate()
        .map(|(n, &i)| values_to_try(a, i, grid && n == 0))
        .collect();
    let mut out = Vec::new();
    let mut at = vec![0usize; vary.len()];
    loop {
        let mut point = defaults.to_vec();
        for (n, &i) in vary.iter().enumerate() {
            point[i] = values[n][at[n]];
        }
        out.push(point);
        if out.len() >= MAX_TRIES {
            return out;
        }
        // The next combination.
        let mut n = 0;
        loop {
            if n == vary.len() {
                return out;
            }
            at[n] += 1;
            if at[n] < values[n].len() {
                break;
            }
            at[n] = 0;
            n += 1;
        }
    }
}

/// Values of question `i` to try: 0, the ends, the default (every choice; yes and no), and with
/// `grid` up to [`GRID`] values of its step grid.
fn values_to_try(a: &Advisor, i: usize, grid: bool) -> Vec<f64> {
    let input = &a.inputs[i];
    let mut v = vec![];
    if matches!(input.kind, InputKind::Integer | InputKind::Number) {
        if input.min <= 0.0 && 0.0 <= input.max {
            v.push(0.0);
        }
        v.extend([input.min, input.max, input.default]);
        if grid {
            let steps = ((input.max - input.min) / input.step).floor().max(0.0);
            let every = (steps / GRID as f64).ceil().max(1.0);
            let mut k = 0.0;
            while k <= steps && v.len() < GRID {
                v.push(input.min + k * input.step);
                k += every;
            }
        }
    } else {
        v.push(input.default);
        v.extend((0..=input.max as usize).map(|c| c as f64));
    }
    let mut unique: Vec<f64> = Vec::new();
    for x in v {
        if !unique.contains(&x) {
            unique.push(x);
        }
    }
    unique
}

/// ` (it ranges from 0 to 20)` (unless `named`) or ` (`a` ranges from 0 to 10, `b` from 0 to
/// 5)` for the number questions among `shown`; empty when there are none.
fn ranges_text(a: &Advisor, shown: &[usize], named: bool) -> String {
    let numeric: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| matches!(a.inputs[i].kind, InputKind::Integer | InputKind::Number))
        .collect();
    let range = |i: usize| {
        format!(
            "from {} to {}",
            number(a.inputs[i].min),
            number(a.inputs[i].max)
        )
    };
    match numeric.as_slice() {
        [] => String::new(),
        [i] if shown.len() == 1 && !named => format!(" (it ranges {})", range(*i)),
        _ => {
            let parts: Vec<String> = numeric
                .iter()
                .enumerate()
                .map(|(n, &i)| match n {
                    0 => format!("`{}` ranges {}", a.inputs[i].id, range(i)),
                    _ => format!("`{}` {}", a.inputs[i].id, range(i)),
                })
                .collect();
            format!(" ({})", parts.join(", "))
        }
    }
}

/// An answer as the author writes it: a number, a choice id in quotes, yes or no.
fn answer(a: &Advisor, i: usize, v: f64) -> String {
    let input = &a.inputs[i];
    match input.kind {
        InputKind::Integer | InputKind::Number => number(v),
        InputKind::YesNo if v != 0.0 => "yes".into(),
        InputKind::YesNo => "no".into(),
        InputKind::Choice => {
            let id = input.choices.get(v as usize).map_or("?", String::as_str);
            format!("'{id}'")
        }
    }
}

/// A number for a message: `0.3`, not `0.30000000000000004`; `1e300`, not 301 digits.
fn number(v: f64) -> String {
    if v != 0.0 && !(1e-6..1e15).contains(&v.abs()) {
        return format!("{v:e}");
    }
    let r = (v * 1e9).round() / 1e9;
    format!("{}", r + 0.0)
}

/// `a`, `a and b`, `a, b and c`.
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
