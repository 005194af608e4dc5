//! Test cases next to a definition (`cases.toml`): answers (+ weights, + parameter overrides)
//! and what the advice must be. `cargo xtask test` runs every advisor's cases.
//!
//! ```toml
//! [[case]]
//! name = "Published fare 2018: 20 km costs EUR 3.68"
//! inputs = { distance_km = 20 }
//! parameters = { base_fare = 0.90, km_fare = 0.139 }
//! expect.values = { fare = 3.68 }          # derived values, parameters, inputs, or "option.factor"
//!
//! [[case]]
//! name = "Commuter"
//! inputs = { trips_per_week = 10 }
//! weights = { cost = 1 }                   # factors not named get weight 0
//! expect.advice = "month_pass"
//! expect.not_eligible = ["free_child"]
//! ```

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::advisor::{Advisor, deserialize};
use crate::diag::{Diagnostic, Diagnostics, Format, Locator, Seg, suggest};
use crate::eval::{Answer, Scenario};
use crate::model::Scalar;

/// Default tolerance for expected values.
pub const DEFAULT_TOLERANCE: f64 = 0.005;

/// A file of test cases.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CasesFile {
    /// The cases.
    #[serde(default, rename = "case")]
    pub cases: Vec<Case>,
}

/// One test case.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case shows, in one line.
    pub name: String,
    /// How the expected figures were worked out (by hand, with sources).
    #[serde(default)]
    pub derivation: String,
    /// Answers; questions not named keep their default.
    #[serde(default)]
    pub inputs: IndexMap<String, Scalar>,
    /// Weights; when given, factors not named get weight 0.
    pub weights: Option<IndexMap<String, f64>>,
    /// Parameter values that replace the definition's (e.g. older tariffs).
    #[serde(default)]
    pub parameters: IndexMap<String, f64>,
    /// What must hold.
    pub expect: Expect,
}

/// Expectations of a case.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The id of the best option.
    pub advice: Option<String>,
    /// The first options of the ranking, in order.
    #[serde(default)]
    pub ranking: Vec<String>,
    /// Options that must be possible.
    #[serde(default)]
    pub eligible: Vec<String>,
    /// Options that must not be possible.
    #[serde(default)]
    pub not_eligible: Vec<String>,
    /// Expected values: an input, parameter or derived name, or `option.factor`.
    #[serde(default)]
    pub values: IndexMap<String, f64>,
    /// Allowed difference for `values` (default 0.005).
    pub tolerance: Option<f64>,
    /// All tipping points of a numeric input, in order: `trips_per_week = [{ at = 11, from = "a", to = "b" }]`.
    #[serde(default)]
    pub tipping_points: IndexMap<String, Vec<TippingExpect>>,
    /// The interval of a factor's weight share (0..1) in which the advice stays.
    #[serde(default)]
    pub weight_intervals: IndexMap<String, IntervalExpect>,
    /// Whether the advice is a borderline case: its margin is below
    /// `[analysis] borderline_below`, or two options score exactly the same.
    pub borderline: Option<bool>,
    /// The margin: the smallest relative change of one answer or one weight that changes the
    /// advice (0.375 for 8 -> 11 trips; 0 for an exact tie). Within `tolerance`.
    pub margin: Option<f64>,
}

/// An expected tipping point.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TippingExpect {
    /// The first value (going up) at which `to` is best.
    pub at: f64,
    /// Best option just below (omit: no eligible option there).
    pub from: Option<String>,
    /// Best option at `at` (omit: no eligible option there).
    pub to: Option<String>,
    /// Allowed difference for `at` (default: exact within 1e-9).
    pub tolerance: Option<f64>,
}

/// An expected weight interval, as shares of the total weight (0..1).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntervalExpect {
    /// Lowest share at which the advice stays.
    pub from: f64,
    /// Highest share at which the advice stays.
    pub to: f64,
    /// Who takes over below `from` (omit: nobody, the advice holds down to 0).
    pub below: Option<String>,
    /// Who takes over above `to` (omit: nobody, the advice holds up to 1).
    pub above: Option<String>,
    /// Allowed difference for `from` and `to` (default 0.001).
    pub tolerance: Option<f64>,
}

/// A case ready to run: names resolved.
#[derive(Clone, Debug)]
pub struct PreparedCase {
    /// The case as written.
    pub case: Case,
    /// Its scenario.
    pub scenario: Scenario,
    /// Parameter values (all parameters).
    pub params: Vec<f64>,
}

/// The outcome of one case.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseResult {
    /// The case name.
    pub name: String,
    /// Each failed expectation: what was expected and what came out.
    pub failures: Vec<String>,
}

impl CaseResult {
    /// True if every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Parses a cases file and checks every name in it against the advisor.
pub fn load_cases(
    advisor: &Advisor,
    text: &str,
    file: &str,
) -> Result<Vec<PreparedCase>, Diagnostics> {
    let format = Format::detect(file, text);
    let parsed: CasesFile = deserialize(text, file, format)?;
    let loc = Locator::new(file, text, format);
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut out = Vec::new();
    for (n, case) in parsed.cases.into_iter().enumerate() {
        let check = CaseCheck::new(advisor, &loc, n);
        let scenario = check.scenario(&case, &mut errors);
        let params = check.parameters(&case, &mut errors);
        check.expect_names(&case.expect, &mut errors);
        check.expect_values(&case.expect, &mut errors);
        out.push(PreparedCase {
            case,
            scenario,
            params,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Checks one case (number `n` in the file) against the advisor's names.
struct CaseCheck<'a> {
    advisor: &'a Advisor,
    loc: &'a Locator<'a>,
    n: usize,
    inputs: Vec<&'a str>,
    params: Vec<&'a str>,
    factors: Vec<&'a str>,
    options: Vec<&'a str>,
}

impl<'a> CaseCheck<'a> {
    fn new(advisor: &'a Advisor, loc: &'a Locator<'a>, n: usize) -> CaseCheck<'a> {
        CaseCheck {
            advisor,
            loc,
            n,
            inputs: advisor.inputs.iter().map(|i| i.id.as_str()).collect(),
            params: advisor.params.iter().map(|p| p.id.as_str()).collect(),
            factors: advisor.factors.iter().map(|f| f.id.as_str()).collect(),
            options: advisor.options.iter().map(|o| o.id.as_str()).collect(),
        }
    }

    /// The path of `keys` in this case.
    fn at(&self, keys: &[&str]) -> Vec<Seg> {
        let mut p = vec![Seg::Key("case".into()), Seg::Index(self.n)];
        p.extend(keys.iter().map(|k| Seg::Key((*k).to_string())));
        p
    }

    /// The case's answers and weights, on top of the defaults.
    fn scenario(&self, case: &Case, errors: &mut Vec<Diagnostic>) -> Scenario {
        let mut scenario = self.advisor.default_scenario();
        for (name, value) in &case.inputs {
            let answer = match value {
                Scalar::Number(v) => Answer::Number(*v),
                Scalar::Bool(b) => Answer::YesNo(*b),
                Scalar::Text(s) => Answer::Choice(s.clone()),
            };
            match self.advisor.input_index(name) {
                None => errors.push(self.loc.at(
                    &self.at(&["inputs", name]),
                    format!("unknown question `{name}`"),
                    suggest(name, &self.inputs),
                )),
                Some(i) => match self.advisor.answer_value(i, &answer) {
                    Ok(v) => scenario.inputs[i] = v,
                    Err(e) => errors.push(self.loc.at(
                        &self.at(&["inputs", name]),
                        e.to_string(),
                        None,
                    )),
                },
            }
        }
        if let Some(ws) = &case.weights {
            scenario.weights = vec![0.0; self.advisor.factors.len()];
            for (name, w) in ws {
                match self.advisor.factor_index(name) {
                    None => errors.push(self.loc.at(
                        &self.at(&["weights", name]),
                        format!("unknown factor `{name}`"),
                        suggest(name, &self.factors),
                    )),
                    Some(_) if !w.is_finite() || *w < 0.0 => errors.push(self.loc.at(
                        &self.at(&["weights", name]),
                        "a weight must be 0 or more",
                        None,
                    )),
                    Some(f) => scenario.weights[f] = *w,
                }
            }
        }
        scenario
    }

    /// Every parameter's value, the case's replacing the definition's.
    fn parameters(&self, case: &Case, errors: &mut Vec<Diagnostic>) -> Vec<f64> {
        let mut pvals: Vec<f64> = self.advisor.params.iter().map(|p| p.value).collect();
        for (name, v) in &case.parameters {
            match self.advisor.param_index(name) {
                None => errors.push(self.loc.at(
                    &self.at(&["parameters", name]),
                    format!("unknown parameter `{name}`"),
                    suggest(name, &self.params),
                )),
                Some(j) => pvals[j] = *v,
            }
        }
        pvals
    }

    /// Every option, value, question and factor the expectations name.
    fn expect_names(&self, e: &Expect, errors: &mut Vec<Diagnostic>) {
        let check_option = |id: &str, keys: &[&str], errors: &mut Vec<Diagnostic>| {
            if self.advisor.option_index(id).is_none() {
                errors.push(self.loc.at(
                    &self.at(keys),
                    format!("unknown option `{id}`"),
                    suggest(id, &self.options),
                ));
            }
        };
        if let Some(a) = &e.advice {
            check_option(a, &["expect", "advice"], errors);
        }
        for id in e.ranking.iter().chain(&e.eligible).chain(&e.not_eligible) {
            check_option(id, &["expect"], errors);
        }
        for key in e.values.keys() {
            if !value_exists(self.advisor, key) {
                let mut known: Vec<&str> = self.inputs.clone();
                known.extend(self.params.iter());
                known.extend(self.advisor.derived.iter().map(|d| d.id.as_str()));
                errors.push(self.loc.at(
                    &self.at(&["expect", "values", key]),
                    format!("unknown value `{key}`"),
                    suggest(key, &known).or(Some(
                        "use a question, parameter or derived name, or `option.factor`".into(),
                    )),
                ));
            }
        }
        for (name, tps) in &e.tipping_points {
            match self.advisor.input_index(name) {
                Some(i)
                    if matches!(
                        self.advisor.inputs[i].kind,
                        crate::model::InputKind::Integer | crate::model::InputKind::Number
                    ) => {}
                Some(_) => errors.push(self.loc.at(
                    &self.at(&["expect", "tipping_points", name]),
                    format!("`{name}` is not a number question; tipping points are for numbers"),
                    Some("use expect.advice with other inputs for choices".into()),
                )),
                None => errors.push(self.loc.at(
                    &self.at(&["expect", "tipping_points", name]),
                    format!("unknown question `{name}`"),
                    suggest(name, &self.inputs),
                )),
            }
            for tp in tps {
                for id in tp.from.iter().chain(&tp.to) {
                    check_option(id, &["expect", "tipping_points", name], errors);
                }
            }
        }
        for (name, wi) in &e.weight_intervals {
            if self.advisor.factor_index(name).is_none() {
                errors.push(self.loc.at(
                    &self.at(&["expect", "weight_intervals", name]),
                    format!("unknown factor `{name}`"),
                    suggest(name, &self.factors),
                ));
            }
            if !(0.0..=1.0).contains(&wi.from) || !(0.0..=1.0).contains(&wi.to) || wi.from > wi.to {
                errors.push(self.loc.at(
                    &self.at(&["expect", "weight_intervals", name]),
                    "from and to are shares of the total weight: 0 <= from <= to <= 1",
                    None,
                ));
            }
            for id in wi.below.iter().chain(&wi.above) {
                check_option(id, &["expect", "weight_intervals", name], errors);
            }
        }
    }

    /// The margin is a proper number, and the case expects something.
    fn expect_values(&self, e: &Expect, errors: &mut Vec<Diagnostic>) {
        if let Some(m) = e.margin
            && !(m.is_finite() && m >= 0.0)
        {
            errors.push(self.loc.at(
                &self.at(&["expect", "margin"]),
                "the margin is a relative change: a number of 0 or more",
                Some("0.375 means 37.5 %".into()),
            ));
        }
        if e.advice.is_none()
            && e.margin.is_none()
            && e.borderline.is_none()
            && e.tipping_points.is_empty()
            && e.weight_intervals.is_empty()
            && e.ranking.is_empty()
            && e.eligible.is_empty()
            && e.not_eligible.is_empty()
            && e.values.is_empty()
        {
            errors.push(self.loc.at(
                &self.at(&["expect"]),
                "the case expects nothing",
                Some("add expect.advice, expect.values, ...".into()),
            ));
        }
    }
}

fn value_exists(advisor: &Advisor, key: &str) -> bool {
    match key.split_once('.') {
        Some((o, f)) => advisor.option_index(o).is_some() && advisor.factor_index(f).is_some(),
        None => advisor.slot_of(key).is_some(),
    }
}

/// Runs one prepared case.
pub fn run_case(advisor: &Advisor, pc: &PreparedCase) -> CaseResult {
    let mut failures = Vec::new();
    let mut ev = advisor.empty_evaluation();
    if let Err(e) = advisor.evaluate_into(&pc.scenario, Some(&pc.params), &mut ev) {
        return CaseResult {
            name: pc.case.name.clone(),
            failures: vec![format!("evaluation failed: {e}")],
        };
    }
    let name_of = |o: usize| advisor.options[o].id.clone();
    let e = &pc.case.expect;
    if let Some(a) = &e.advice {
        let got = ev
            .best()
            .map(name_of)
            .unwrap_or_else(|| "(no eligible option)".into());
        if &got != a {
            failures.push(format!("advice: expected `{a}`, got `{got}`"));
        }
    }
    if !e.ranking.is_empty() {
        let got: Vec<String> = ev
            .ranking
            .iter()
            .take(e.ranking.len())
            .map(|&o| name_of(o))
            .collect();
        if got != e.ranking {
            failures.push(format!("ranking: expected {:?}, got {:?}", e.ranking, got));
        }
    }
    for id in &e.eligible {
        if let Some(o) = advisor.option_index(id)
            && !ev.options[o].eligible
        {
            failures.push(format!("`{id}` should be possible, but is not"));
        }
    }
    for id in &e.not_eligible {
        if let Some(o) = advisor.option_index(id)
            && ev.options[o].eligible
        {
            failures.push(format!("`{id}` should not be possible, but is"));
        }
    }
    let tol = e.tolerance.unwrap_or(DEFAULT_TOLERANCE);
    for (key, want) in &e.values {
        let got = match key.split_once('.') {
            Some((o, f)) => match (advisor.option_index(o), advisor.factor_index(f)) {
                (Some(o), Some(f)) if ev.options[o].eligible => Some(ev.options[o].values[f]),
                (Some(_), Some(_)) => {
                    failures.push(format!(
                        "{key}: expected {want}, but option is not possible"
                    ));
                    continue;
                }
                _ => None,
            },
            None => advisor.slot_of(key).map(|s| ev.slots[s]),
        };
        match got {
            Some(g) if (g - want).abs() <= tol => {}
            Some(g) => failures.push(format!("{key}: expected {want} (±{tol}), got {g}")),
            None => failures.push(format!("{key}: unknown value")),
        }
    }
    let analysed = !e.tipping_points.is_empty()
        || !e.weight_intervals.is_empty()
        || e.margin.is_some()
        || e.borderline.is_some();
    if analysed {
        // The analysis uses the case's own figures, as the evaluation above does.
        let mut analyzer = crate::analysis::Analyzer::with_parameters(advisor, &pc.params);
        let an = analyzer.analyse(&pc.scenario, &ev, advisor.def.analysis.borderline_below);
        check_tipping_points(advisor, pc, &mut analyzer, &mut failures);
        check_weight_intervals(advisor, e, &ev, &mut failures);
        check_margin(e, &an.margin, tol, &mut failures);
    }
    CaseResult {
        name: pc.case.name.clone(),
        failures,
    }
}

fn option_name(advisor: &Advisor, o: Option<usize>) -> String {
    o.map(|o| advisor.options[o].id.clone())
        .unwrap_or_else(|| "(none)".into())
}

fn wanted_name(o: &Option<String>) -> String {
    o.clone().unwrap_or_else(|| "(none)".into())
}

/// `expect.tipping_points`: all of them, in order (`[]`: none).
fn check_tipping_points(
    advisor: &Advisor,
    pc: &PreparedCase,
    analyzer: &mut crate::analysis::Analyzer,
    failures: &mut Vec<String>,
) {
    let opt = |o| option_name(advisor, o);
    for (name, want) in &pc.case.expect.tipping_points {
        let Some(i) = advisor.input_index(name) else {
            continue;
        };
        let got = analyzer.tipping_points(&pc.scenario, i);
        let matches = got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                (g.at - w.at).abs() <= w.tolerance.unwrap_or(1e-9)
                    && opt(g.from) == wanted_name(&w.from)
                    && opt(g.to) == wanted_name(&w.to)
            });
        if !matches {
            let wanted: Vec<String> = want
                .iter()
                .map(|w| {
                    format!(
                        "{} ({} -> {})",
                        w.at,
                        wanted_name(&w.from),
                        wanted_name(&w.to)
                    )
                })
                .collect();
            let got: Vec<String> = got
                .iter()
                .map(|t| format!("{} ({} -> {})", t.at, opt(t.from), opt(t.to)))
                .collect();
            failures.push(format!(
                "tipping points of {name}: expected [{}], got [{}]",
                wanted.join(", "),
                got.join(", ")
            ));
        }
    }
}

/// `expect.weight_intervals`, from the case's evaluation.
fn check_weight_intervals(
    advisor: &Advisor,
    e: &Expect,
    ev: &crate::eval::Evaluation,
    failures: &mut Vec<String>,
) {
    let opt = |o| option_name(advisor, o);
    for (name, want) in &e.weight_intervals {
        let (Some(f), Some(b)) = (advisor.factor_index(name), ev.best()) else {
            continue;
        };
        let got = crate::analysis::weight_interval(ev, b, f);
        let tol = want.tolerance.unwrap_or(0.001);
        if (got.low - want.from).abs() > tol
            || (got.high - want.to).abs() > tol
            || opt(got.below) != wanted_name(&want.below)
            || opt(got.above) != wanted_name(&want.above)
        {
            failures.push(format!(
                "weight interval of {name}: expected {}..{} (below: {}, above: {}), got {:.6}..{:.6} (below: {}, above: {})",
                want.from, want.to, wanted_name(&want.below), wanted_name(&want.above), got.low, got.high, opt(got.below), opt(got.above)
            ));
        }
    }
}

/// `expect.margin` (within `tol`) and `expect.borderline`.
fn check_margin(e: &Expect, got: &crate::analysis::Margin, tol: f64, failures: &mut Vec<String>) {
    if let Some(want) = e.margin {
        match got.value {
            Some(m) if (m - want).abs() <= tol => {}
            Some(m) => failures.push(format!("margin: expected {want} (±{tol}), got {m}")),
            None => failures.push(format!(
                "margin: expected {want}, but no single change within the ranges changes the advice"
            )),
        }
    }
    if let Some(want) = e.borderline
        && want != got.borderline
    {
        let m = got
            .value
            .map_or_else(|| "none".to_string(), |m| m.to_string());
        failures.push(format!(
            "borderline: expected {want}, got {} (margin {m})",
            got.borderline
        ));
    }
}

/// Loads and runs every case in a cases file.
pub fn run_cases(
    advisor: &Advisor,
    text: &str,
    file: &str,
) -> Result<Vec<CaseResult>, Diagnostics> {
    Ok(load_cases(advisor, text, file)?
        .iter()
        .map(|pc| run_case(advisor, pc))
        .collect())
}
