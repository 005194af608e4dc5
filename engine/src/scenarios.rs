//! Scenarios side by side and over time, as data: what differs between two scenarios, what
//! that does to the advice and which differences decide it ([`compare`]), and the advice and
//! costs in each period of a sequence of scenarios ([`plan`]). The sentences about them are
//! in `wording::scenario_sentences`, re-exported here under their old paths.

use std::fmt;

use crate::advisor::Advisor;
use crate::eval::{EvalFailure, Evaluation, Scenario};

// The sentences moved to wording/; these are their old paths.
pub use crate::wording::scenario_sentences::{
    MAX_NAMED_CHANGES, change_label, comparison_sentence, per_text, plan_sentence,
};

/// One period of a sequence: scenario `scenario` (an index into the state's scenarios) lasts
/// `months` months (1 to [`MAX_PERIOD_MONTHS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// Index of the scenario in this period.
    pub scenario: usize,
    /// Length of the period in months.
    pub months: u32,
}

/// Most periods in one sequence.
pub const MAX_PERIODS: usize = 12;

/// Longest period, in months (ten years).
pub const MAX_PERIOD_MONTHS: u32 = 120;

/// Two answers or two weight shares closer than this count as equal.
pub const TOLERANCE: f64 = 1e-9;

// ------------------------------------------------------------------ comparing two scenarios

/// What differs between two scenarios.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// The answer to input `i`.
    Input(usize),
    /// The weight (share) of factor `f`.
    Weight(usize),
}

/// One difference between the base scenario and another one.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// What differs.
    pub change: Change,
    /// The value in the base scenario: the answer as the evaluation reads it (clamped into
    /// range), or the factor's share of the weights actually used (0..=1).
    pub base: f64,
    /// The value in the other scenario, in the same terms.
    pub other: f64,
}

/// The answer to input `i` as the evaluation reads it: a missing answer is the default, an
/// answer out of range or not finite is clamped (as [`Advisor::evaluate_into`] does).
fn answer(advisor: &Advisor, sc: &Scenario, i: usize) -> f64 {
    let Some(inp) = advisor.inputs.get(i) else {
        return 0.0;
    };
    let v = sc.inputs.get(i).copied().unwrap_or(inp.default);
    if v.is_finite() && v >= inp.min && v <= inp.max {
        v
    } else {
        advisor.clamp_input(i, v)
    }
}

/// Factor `f`'s share of the weights in `ev` (0 when there is no such factor or no weight).
fn share(ev: &Evaluation, f: usize) -> f64 {
    let clean = |w: f64| if w.is_finite() { w.max(0.0) } else { 0.0 };
    let total: f64 = ev.weights.iter().map(|w| clean(*w)).sum();
    if total > 0.0 {
        ev.weights.get(f).map_or(0.0, |w| clean(*w) / total)
    } else {
        0.0
    }
}

fn differ(a: f64, b: f64) -> bool {
    (a - b).abs() > TOLERANCE * 1f64.max(a.abs()).max(b.abs())
}

/// What differs between `base` and `other`, in definition order: inputs first, then weights.
///
/// - An input counts when its answers differ (as the evaluation reads them: clamped into
///   range) and it is asked in at least one of the two evaluations. An answer to a question
///   that is hidden in both does not count: it has no effect.
/// - A weight counts when the factor's *share* of the weights actually used differs (so
///   weights 2, 2, 2 equal 1, 1, 1; when all weights are 0 the default weights are used).
///   [`Difference::base`] and [`Difference::other`] hold the shares (0..=1).
///
/// Two values closer than [`TOLERANCE`] (relative to the larger when that is above 1) are
/// equal.
pub fn differences(
    advisor: &Advisor,
    base: &Scenario,
    base_ev: &Evaluation,
    other: &Scenario,
    other_ev: &Evaluation,
) -> Vec<Difference> {
    let mut out = Vec::new();
    for i in 0..advisor.inputs.len() {
        let asked = base_ev.visible.get(i).copied().unwrap_or(true)
            || other_ev.visible.get(i).copied().unwrap_or(true);
        if !asked {
            continue;
        }
        let (b, o) = (answer(advisor, base, i), answer(advisor, other, i));
        if differ(b, o) {
            out.push(Difference {
                change: Change::Input(i),
                base: b,
                other: o,
            });
        }
    }
    for f in 0..advisor.factors.len() {
        let (b, o) = (share(base_ev, f), share(other_ev, f));
        if differ(b, o) {
            out.push(Difference {
                change: Change::Weight(f),
                base: b,
                other: o,
            });
        }
    }
    out
}

/// Two scenarios compared: what differs, the advice on each side, and which differences
/// change the advice on their own.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// What differs (see [`differences`]).
    pub differences: Vec<Difference>,
    /// The advice in the base scenario (None: no option fits).
    pub base_best: Option<usize>,
    /// The advice in the other scenario (None: no option fits).
    pub other_best: Option<usize>,
    /// Cost (raw value of the cost factor, an amount per `[analysis] per`) of the base
    /// scenario's best option, when a cost factor is given and there is a best option.
    pub base_cost: Option<f64>,
    /// Cost of the other scenario's best option, likewise.
    pub other_cost: Option<f64>,
    /// Indexes into `differences` of the changes that, applied alone to the base scenario,
    /// already give `other_best` (see [`apply`]). Only filled when the advice changed.
    pub decisive: Vec<usize>,
}

/// The raw value of factor `cost_factor` for option `o` in `ev`, if `o` is eligible.
fn option_cost(ev: &Evaluation, o: usize, cost_factor: usize) -> Option<f64> {
    let r = ev.options.get(o)?;
    if !r.eligible {
        return None;
    }
    r.values.get(cost_factor).copied()
}

/// The base scenario with one difference applied to it, nothing else changed.
///
/// - An input: the base answers with this one answer replaced by the other's.
/// - A weight: the base weights (as used, so a fallback to the defaults counts) with this
///   factor set to the other scenario's *share*, the other factors keeping their ratios: raw
///   weight `t * others / (1 - t)` for share `t`, which is exactly what moving one slider does
///   (see [`crate::analysis::WeightInterval::raw_weight`]). A share of 1 sets the other
///   weights to 0. When the other factors all weigh 0 in the base, no single weight can change
///   any share: the weights stay as they are.
pub fn apply(base: &Scenario, base_ev: &Evaluation, d: &Difference) -> Scenario {
    let mut sc = base.clone();
    match d.change {
        Change::Input(i) => {
            if let Some(v) = sc.inputs.get_mut(i) {
                *v = d.other;
            }
        }
        Change::Weight(k) => {
            let clean = |w: f64| if w.is_finite() { w.max(0.0) } else { 0.0 };
            let mut w: Vec<f64> = base_ev.weights.iter().map(|w| clean(*w)).collect();
            if k >= w.len() {
                return sc;
            }
            let others: f64 = w
                .iter()
                .enumerate()
                .filter(|(f, _)| *f != k)
                .map(|(_, w)| w)
                .sum();
            let t = clean(d.other).min(1.0);
            if t >= 1.0 - TOLERANCE {
                w.iter_mut().for_each(|x| *x = 0.0);
                w[k] = 1.0;
            } else if others > 0.0 {
                w[k] = t * others / (1.0 - t);
            }
            sc.weights = w;
        }
    }
    sc
}

/// Compares `other` with `base` (the "Nu" scenario). `cost_factor` is the factor whose raw
/// value is the cost per period (e.g. RET's `cost`, per month); an index out of range counts
/// as none.
///
/// Evaluates both scenarios, and, when the advice differs, the base with each difference
/// applied alone (see [`apply`]); such a single change that fails to evaluate is simply not
/// decisive.
pub fn compare(
    advisor: &Advisor,
    base: &Scenario,
    other: &Scenario,
    cost_factor: Option<usize>,
) -> Result<Comparison, EvalFailure> {
    let base_ev = advisor.evaluate(base)?;
    let other_ev = advisor.evaluate(other)?;
    let diffs = differences(advisor, base, &base_ev, other, &other_ev);
    let base_best = base_ev.best();
    let other_best = other_ev.best();
    let cost = |ev: &Evaluation, best: Option<usize>| {
        cost_factor.and_then(|f| best.and_then(|o| option_cost(ev, o, f)))
    };
    let mut decisive = Vec::new();
    if base_best != other_best {
        let mut ev = advisor.empty_evaluation();
        for (k, d) in diffs.iter().enumerate() {
            let sc = apply(base, &base_ev, d);
            if advisor.evaluate_into(&sc, None, &mut ev).is_ok() && ev.best() == other_best {
                decisive.push(k);
            }
        }
    }
    Ok(Comparison {
        base_cost: cost(&base_ev, base_best),
        other_cost: cost(&other_ev, other_best),
        differences: diffs,
        base_best,
        other_best,
        decisive,
    })
}

// ------------------------------------------------------------------ scenarios over time

/// The advice in one period of a [`Plan`].
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodResult {
    /// Index of the scenario.
    pub scenario: usize,
    /// Length in months (clamped to 1..=[`MAX_PERIOD_MONTHS`]).
    pub months: u32,
    /// The period's first month, counting from 1.
    pub first_month: u32,
    /// The advice in this period (None: no option fits).
    pub best: Option<usize>,
    /// The advice's cost per `[analysis] per` (week, month or year), as the cost factor gives it.
    pub cost: Option<f64>,
    /// The advice's cost over the whole period, rounded to cents: `cost` over `months` months
    /// (see [`CostPeriod::over_months`]: a year is 12 months and 52 weeks).
    ///
    /// [`CostPeriod::over_months`]: crate::model::CostPeriod::over_months
    pub subtotal: Option<f64>,
}

/// The cost of keeping one option through every period.
#[derive(Clone, Debug, PartialEq)]
pub struct KeepResult {
    /// The option.
    pub option: usize,
    /// Total cost over all periods, rounded to cents. None when the option is not eligible in
    /// some period (or its cost is unknown).
    pub total: Option<f64>,
    /// The first period (index) where the option is not eligible.
    pub not_eligible_in: Option<usize>,
}

/// Scenarios over time: the advice per period and what switching costs compared with keeping
/// one option throughout. Only the running cost counts (no notice periods or switching
/// costs).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// One result per period (at most [`MAX_PERIODS`]).
    pub periods: Vec<PeriodResult>,
    /// Sum of the periods' months.
    pub total_months: u32,
    /// Total cost when following the advice of each period (switching at each change), the sum
    /// of the subtotals rounded to cents; None if some period has no advice.
    pub follow_total: Option<f64>,
    /// One per option, in definition order.
    pub keep: Vec<KeepResult>,
    /// The option with the lowest total when kept throughout (ties: definition order).
    pub best_keep: Option<usize>,
    /// True when the advice differs between periods.
    pub switches: bool,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// There are no periods.
    NoPeriods,
    /// The period (index) refers to a scenario that does not exist.
    BadScenario(usize),
    /// A scenario failed to evaluate.
    Eval(EvalFailure),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoPeriods => write!(f, "there are no periods"),
            PlanError::BadScenario(p) => {
                write!(
                    f,
                    "period {} refers to a scenario that does not exist",
                    p + 1
                )
            }
            PlanError::Eval(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for PlanError {}

impl From<EvalFailure> for PlanError {
    fn from(e: EvalFailure) -> Self {
        PlanError::Eval(e)
    }
}

/// Rounded to cents.
pub(crate) fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The advice per period of a sequence of scenarios, and the totals of following it or of
/// keeping one option throughout. The cost of option `o` in a scenario is the raw value of
/// factor `cost_factor` for `o`, an amount per `[analysis] per` (week, month or year);
/// options that are not eligible have no cost. Periods last whole months. Each period's
/// amount is the cost over its months ([`CostPeriod::over_months`]: per month `cost *
/// months`, per year `cost * months / 12`, per week `cost * months * 52 / 12`) rounded to
/// cents; totals are sums of those, rounded to cents. A `cost_factor` out of range leaves
/// every cost unknown (None).
///
/// Periods beyond [`MAX_PERIODS`] are ignored; months are clamped to
/// 1..=[`MAX_PERIOD_MONTHS`]. Each scenario used is evaluated once.
///
/// [`CostPeriod::over_months`]: crate::model::CostPeriod::over_months
pub fn plan(
    advisor: &Advisor,
    scenarios: &[Scenario],
    periods: &[Period],
    cost_factor: usize,
) -> Result<Plan, PlanError> {
    let periods = &periods[..periods.len().min(MAX_PERIODS)];
    if periods.is_empty() {
        return Err(PlanError::NoPeriods);
    }
    if let Some(p) = periods.iter().position(|p| p.scenario >= scenarios.len()) {
        return Err(PlanError::BadScenario(p));
    }
    let mut evs: Vec<Option<Evaluation>> = vec![None; scenarios.len()];
    for p in periods {
        if evs[p.scenario].is_none() {
            evs[p.scenario] = Some(advisor.evaluate(&scenarios[p.scenario])?);
        }
    }
    let ev_of = |p: &Period| evs[p.scenario].as_ref();
    let per = advisor.def.analysis.per;

    let mut results = Vec::with_capacity(periods.len());
    let mut first_month = 1u32;
    let mut follow = Some(0.0);
    for p in periods {
        let months = p.months.clamp(1, MAX_PERIOD_MONTHS);
        let ev = ev_of(p);
        let best = ev.and_then(Evaluation::best);
        let cost = ev
            .zip(best)
            .and_then(|(ev, o)| option_cost(ev, o, cost_factor));
        let subtotal = cost.map(|c| cents(per.over_months(c, months)));
        follow = follow.zip(subtotal).map(|(a, b)| a + b);
        results.push(PeriodResult {
            scenario: p.scenario,
            months,
            first_month,
            best,
            cost,
            subtotal,
        });
        first_month += months;
    }

    let keep: Vec<KeepResult> = (0..advisor.options.len())
        .map(|o| {
            let mut total = Some(0.0);
            let mut not_eligible_in = None;
            for (k, (p, r)) in periods.iter().zip(&results).enumerate() {
                let cost = ev_of(p).and_then(|ev| option_cost(ev, o, cost_factor));
                if cost.is_none() && not_eligible_in.is_none() {
                    let eligible = ev_of(p)
                        .and_then(|ev| ev.options.get(o))
                        .is_some_and(|r| r.eligible);
                    if !eligible {
                        not_eligible_in = Some(k);
                    }
                }
                total = total
                    .zip(cost)
                    .map(|(t, c)| t + cents(per.over_months(c, r.months)));
            }
            KeepResult {
                option: o,
                total: total.map(cents),
                not_eligible_in,
            }
        })
        .collect();
    let mut best_keep: Option<(usize, f64)> = None;
    for k in &keep {
        if let Some(t) = k.total
            && best_keep.is_none_or(|(_, b)| t < b)
        {
            best_keep = Some((k.option, t));
        }
    }
    let switches = results.iter().any(|r| r.best != results[0].best);
    Ok(Plan {
        total_months: results.iter().map(|r| r.months).sum(),
        follow_total: follow.map(cents),
        periods: results,
        keep,
        best_keep: best_keep.map(|(o, _)| o),
        switches,
    })
}
