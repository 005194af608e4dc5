//! Analysis of one scenario: tipping points, what-ifs, weight stability, margin and decisive
//! factors. Semantics: `../shared/DESIGN.md`, "Analysis semantics", and
//! `docs/definition-format.md`.
//!
//! - **Tipping points** of a numeric input: every value in its range where the best option
//!   changes, as the first step value with the new advice (see [`Method`]). Inputs with at
//!   most [`EXACT_GRID_LIMIT`] values on their step grid are evaluated at every value (exact).
//!   On a finer grid, where every score is piecewise linear in the input, the values where the
//!   best option can change are computed in closed form (`analysis/exact.rs`) and the step
//!   values next to them evaluated (exact); otherwise the grid is sampled and every bracket
//!   where the best option differs is bisected to one step (each point exact, but a stretch
//!   narrower than two samples can be missed). A value where the evaluation fails is never a
//!   tipping point.
//! - **Weight stability**: with the score linear in each normalised weight share `t` (the other
//!   weights rescaled proportionally), the interval of `t` in which the best option stays best is
//!   found in closed form (Triantaphyllou & Sanchez 1997).
//! - **Margin**: the smallest relative change that flips the advice: of one answer, relative to
//!   the answer (as a fraction of the range when the answer is 0); or of one weight, relative to
//!   that weight (the others kept).
//! - **Decisive factors**: each factor's share of the winner's lead over the runner-up.

use crate::advisor::Advisor;
use crate::eval::{Evaluation, Scenario};
use crate::model::InputKind;

mod exact;
mod sweep;

use sweep::Grid;

/// Inputs with at most this many values on their step grid are analysed at every value.
pub const EXACT_GRID_LIMIT: usize = 4001;
/// Samples for inputs with a finer grid, before bisection.
pub const SAMPLES: usize = 400;
pub use crate::definition::model::DEFAULT_BORDERLINE;

/// A value of a numeric input where the best option changes.
#[derive(Clone, Debug, PartialEq)]
pub struct TippingPoint {
    /// The input.
    pub input: usize,
    /// The first value (going up) at which `to` is best. For step grids this is exact: at
    /// `at - step` the best option is `from`.
    pub at: f64,
    /// Best option just below `at` (None: no eligible option there).
    pub from: Option<usize>,
    /// Best option at `at` (None: no eligible option there).
    pub to: Option<usize>,
}

/// How the tipping points of a numeric input are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// At most [`EXACT_GRID_LIMIT`] steps: the advice at every step value (exact).
    EveryStep,
    /// A finer grid on which every score is piecewise linear in the input: the values where
    /// the best option may change are computed, and the step values next to them evaluated
    /// (exact).
    ClosedForm,
    /// A finer grid with a score that is not piecewise linear (or a hidden question, or one
    /// that decides whether another is asked): [`SAMPLES`] samples, then bisection to one
    /// step. Each tipping point found is exact, but a stretch of advice narrower than the
    /// distance between two samples can be missed.
    Sampled,
}

/// The best option for another value of a choice or yes/no input.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// The input.
    pub input: usize,
    /// The other value (choice index, or 0/1).
    pub value: f64,
    /// Best option with that value.
    pub best: Option<usize>,
}

/// How far one factor's weight can move before the advice changes.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightInterval {
    /// The factor.
    pub factor: usize,
    /// Its current share of the total weight, 0..=1.
    pub share: f64,
    /// Lowest share at which the best option stays best.
    pub low: f64,
    /// Highest share at which the best option stays best.
    pub high: f64,
    /// Who takes over below `low` (None: the advice holds down to 0).
    pub below: Option<usize>,
    /// Who takes over above `high` (None: the advice holds up to 1).
    pub above: Option<usize>,
}

impl WeightInterval {
    /// A share converted to a raw weight, keeping the other factors' raw weights as they are.
    /// `others` is the sum of the other factors' raw weights.
    pub fn raw_weight(share: f64, others: f64) -> f64 {
        if share >= 1.0 {
            f64::INFINITY
        } else {
            share * others / (1.0 - share)
        }
    }
}

/// What is closest to flipping the advice.
#[derive(Clone, Debug, PartialEq)]
pub enum Nearest {
    /// A tipping point of a numeric input.
    Input { input: usize, at: f64 },
    /// An end of a weight interval.
    Weight { factor: usize, share: f64 },
    /// An exact tie: `option` (the runner-up) scores the same as the advice, which is first
    /// only by the order of the definition.
    Tie { option: usize },
}

/// The margin of the advice.
#[derive(Clone, Debug, PartialEq)]
pub struct Margin {
    /// Smallest relative change (0..=1) that flips the advice; None if nothing flips it.
    /// 0 for an exact tie.
    pub value: Option<f64>,
    /// What flips it at that distance.
    pub nearest: Option<Nearest>,
    /// True when `value` is below the borderline threshold, and always for an exact tie.
    pub borderline: bool,
}

/// The full analysis of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Best option.
    pub best: Option<usize>,
    /// Runner-up.
    pub runner_up: Option<usize>,
    /// Tipping points of every visible numeric input, sorted by input then value.
    pub tipping_points: Vec<TippingPoint>,
    /// For every visible choice and yes/no input, the best option under each other value.
    pub what_ifs: Vec<WhatIf>,
    /// Per factor with a finite interval computation, in factor order.
    pub weight_intervals: Vec<WeightInterval>,
    /// Margin and classification.
    pub margin: Margin,
    /// Per factor: its share of the winner's lead over the runner-up (sums to 1 when there is a
    /// lead; negative when the factor favours the runner-up).
    pub contributions: Vec<f64>,
}

/// An evaluation that failed (e.g. a division by zero). It is never a tipping point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Failed;

/// The best option at one value (None: no option is possible there), or a failure.
type Outcome = Result<Option<usize>, Failed>;

/// What must be re-evaluated when one input changes (everything else keeps its value).
#[derive(Clone, Debug, Default)]
struct InputPlan {
    /// Another question's `visible_if` reads this input: evaluate everything.
    full: bool,
    /// Derived values that depend on the input, in evaluation order.
    derived: Vec<usize>,
    /// Options whose eligibility depends on the input (all their values are recomputed too).
    eligibility: Vec<usize>,
    /// (option, factor) values that depend on the input.
    cells: Vec<(usize, usize)>,
    /// Relative-scaled factors whose scaling may change with the input.
    relative: Vec<usize>,
    /// The cells of fixed-range factors, of options whose eligibility does not change: their
    /// score changes by `weight * (new scaled - base scaled)`.
    fixed_cells: Vec<(usize, usize)>,
}

/// The inputs each expression depends on, directly or through derived values, as bitsets;
/// computed once per analyzer (each expression's slots are read once).
struct Dependencies {
    words: usize,
    /// Per slot (inputs, parameters, derived).
    slot: Vec<Vec<u64>>,
    /// Per option: its `eligible_if`.
    eligibility: Vec<Vec<u64>>,
    /// Per option and factor: its value.
    cells: Vec<Vec<Vec<u64>>>,
    /// Per input: its `visible_if`.
    visible: Vec<Vec<u64>>,
}

impl Dependencies {
    fn new(a: &Advisor) -> Dependencies {
        let ni = a.inputs.len();
        let words = ni.div_ceil(64).max(1);
        let mut slot = vec![vec![0u64; words]; a.slot_count()];
        for (i, bits) in slot.iter_mut().enumerate().take(ni) {
            bits[i / 64] |= 1 << (i % 64);
        }
        let union = |slot: &[Vec<u64>], e: &crate::expr::Expr| {
            let mut bits = vec![0u64; words];
            for s in e.slots() {
                for (w, x) in bits.iter_mut().zip(&slot[s as usize]) {
                    *w |= x;
                }
            }
            bits
        };
        for &k in &a.derived_order {
            let bits = union(&slot, &a.derived[k].expr);
            slot[a.derived_slot(k)] = bits;
        }
        let none = vec![0u64; words];
        let eligibility = a
            .options
            .iter()
            .map(|o| {
                o.eligible_if
                    .as_ref()
                    .map_or_else(|| none.clone(), |e| union(&slot, e))
            })
            .collect();
        let cells = a
            .options
            .iter()
            .map(|o| o.values.iter().map(|e| union(&slot, e)).collect())
            .collect();
        let visible = a
            .inputs
            .iter()
            .map(|inp| {
                inp.visible_if
                    .as_ref()
                    .map_or_else(|| none.clone(), |e| union(&slot, e))
            })
            .collect();
        Dependencies {
            words,
            slot,
            eligibility,
            cells,
            visible,
        }
    }
}

fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

fn plan_for_input(a: &Advisor, deps: &Dependencies, i: usize) -> InputPlan {
    debug_assert!(i / 64 < deps.words);
    let full = deps.visible.iter().any(|bits| has(bits, i));
    let mut plan = InputPlan {
        full,
        ..InputPlan::default()
    };
    plan.derived = a
        .derived_order
        .iter()
        .copied()
        .filter(|&k| has(&deps.slot[a.derived_slot(k)], i))
        .collect();
    for o in 0..a.options.len() {
        let elig = has(&deps.eligibility[o], i);
        if elig {
            plan.eligibility.push(o);
        }
        for (f, bits) in deps.cells[o].iter().enumerate() {
            if elig || has(bits, i) {
                plan.cells.push((o, f));
            }
        }
    }
    let is_relative = |f: usize| matches!(a.factors[f].scaling, crate::model::Scaling::Relative(_));
    plan.fixed_cells = plan
        .cells
        .iter()
        .copied()
        .filter(|&(o, f)| !is_relative(f) && !plan.eligibility.contains(&o))
        .collect();
    plan.relative = (0..a.factors.len())
        .filter(|&f| {
            is_relative(f) && (!plan.eligibility.is_empty() || plan.cells.iter().any(|c| c.1 == f))
        })
        .collect();
    plan
}

/// Reusable analysis state (buffers), so repeated analyses do not allocate per evaluation.
pub struct Analyzer<'a> {
    advisor: &'a Advisor,
    /// Parameter values that replace the definition's (one per parameter), e.g. a test case's
    /// `parameters`; None: the definition's values.
    params: Option<Vec<f64>>,
    ev: Evaluation,
    sc: Scenario,
    plans: Vec<InputPlan>,
    /// The scenario the inputs vary from, and its evaluation.
    base: Option<(Scenario, Evaluation)>,
    /// Scores and scaled values (option-major) of the scenario the current input varies from.
    base_score: Vec<f64>,
    base_scaled: Vec<f64>,
}

impl<'a> Analyzer<'a> {
    /// An analyzer for `advisor`.
    pub fn new(advisor: &'a Advisor) -> Analyzer<'a> {
        let deps = Dependencies::new(advisor);
        let plans = (0..advisor.inputs.len())
            .map(|i| plan_for_input(advisor, &deps, i))
            .collect();
        Analyzer {
            advisor,
            params: None,
            ev: advisor.empty_evaluation(),
            sc: advisor.default_scenario(),
            plans,
            base: None,
            base_score: Vec::new(),
            base_scaled: Vec::new(),
        }
    }

    /// An analyzer for `advisor` that evaluates with `params` (one value per parameter, in
    /// definition order) instead of the definition's parameter values, as
    /// [`Advisor::evaluate_into`] does with `Some(params)`.
    pub fn with_parameters(advisor: &'a Advisor, params: &[f64]) -> Analyzer<'a> {
        let mut an = Analyzer::new(advisor);
        an.params = Some(params.to_vec());
        an
    }

    /// Evaluates `sc` into `ev` with this analyzer's parameter values.
    fn evaluate(&self, sc: &Scenario, ev: &mut Evaluation) -> bool {
        self.advisor
            .evaluate_into(sc, self.params.as_deref(), ev)
            .is_ok()
    }

    /// Prepares incremental evaluation of input `i` around scenario `base`: evaluates `base`
    /// once into the work buffers. False when incremental evaluation is not possible.
    fn begin_input(&mut self, base: &Scenario, i: usize) -> bool {
        if self.plans[i].full {
            return false;
        }
        // The base scenario is evaluated once and copied back for every input (copying the
        // buffers is much cheaper than evaluating again).
        let cached = self.base.as_ref().is_some_and(|(sc, _)| sc == base);
        if !cached {
            let mut ev = self.advisor.empty_evaluation();
            if !self.evaluate(base, &mut ev) {
                self.base = None;
                return false;
            }
            self.base = Some((base.clone(), ev));
        }
        let Some((_, base_ev)) = &self.base else {
            return false;
        };
        // A hidden question counts with its default: only full evaluation knows that.
        if !base_ev.visible[i] {
            return false;
        }
        self.ev.copy_from(base_ev);
        self.base_score.clear();
        self.base_scaled.clear();
        for r in &self.ev.options {
            self.base_score.push(r.score);
            self.base_scaled.extend_from_slice(&r.scaled);
        }
        true
    }

    /// Best option with input `i` at `v`, re-evaluating only what depends on `i`. The work
    /// buffers must come from [`Analyzer::begin_input`] for the same input.
    fn best_incremental(&mut self, i: usize, v: f64) -> Outcome {
        let a = self.advisor;
        let plan = &self.plans[i];
        let ev = &mut self.ev;
        ev.slots[i] = v;
        for &k in &plan.derived {
            ev.slots[a.derived_slot(k)] = a.derived[k].expr.eval(&ev.slots).map_err(|_| Failed)?;
        }
        for &o in &plan.eligibility {
            let Some(e) = a.options[o].eligible_if.as_ref() else {
                continue;
            };
            ev.options[o].eligible = e.eval(&ev.slots).map_err(|_| Failed)? != 0.0;
        }
        for &(o, f) in &plan.cells {
            let r = &mut ev.options[o];
            r.values[f] = if r.eligible {
                a.options[o].values[f].eval(&ev.slots).map_err(|_| Failed)?
            } else {
                0.0
            };
            let fac = &a.factors[f];
            if let crate::model::Scaling::Range { .. } = fac.scaling {
                r.scaled[f] = if r.eligible {
                    crate::eval::scale(r.values[f], fac.direction, fac.scaling, 0.0, 0.0)
                } else {
                    0.0
                };
            }
        }
        // Only factors the input touches need new scaled values, and a score changes only by
        // the touched factors' contributions. Then an argmax (no sort): the analysis needs the
        // best option only.
        for &f in &plan.relative {
            a.rescale_factor(ev, f);
        }
        let nf = a.factors.len();
        for (o, r) in ev.options.iter_mut().enumerate() {
            r.score = self.base_score[o];
        }
        for &f in &plan.relative {
            let w = ev.weights[f];
            for (o, r) in ev.options.iter_mut().enumerate() {
                r.score += w * (r.scaled[f] - self.base_scaled[o * nf + f]);
            }
        }
        for &(o, f) in &plan.fixed_cells {
            let r = &mut ev.options[o];
            r.score += ev.weights[f] * (r.scaled[f] - self.base_scaled[o * nf + f]);
        }
        for &o in &plan.eligibility {
            let r = &mut ev.options[o];
            r.score = r.scaled.iter().zip(&ev.weights).map(|(s, w)| s * w).sum();
        }
        let mut best: Option<(usize, i64)> = None;
        for (o, r) in ev.options.iter_mut().enumerate() {
            if !r.eligible {
                r.score = 0.0;
                continue;
            }
            let key = crate::eval::score_key(r.score);
            if best.is_none_or(|(_, k)| key > k) {
                best = Some((o, key));
            }
        }
        Ok(best.map(|b| b.0))
    }

    /// Best option when input `i` has value `v` (other answers from `base`), evaluated in full.
    fn best_with(&mut self, base: &Scenario, i: usize, v: f64) -> Outcome {
        self.sc.inputs.clone_from(&base.inputs);
        self.sc.weights.clone_from(&base.weights);
        self.sc.inputs[i] = v;
        match self
            .advisor
            .evaluate_into(&self.sc, self.params.as_deref(), &mut self.ev)
        {
            Ok(()) => Ok(self.ev.best()),
            Err(_) => Err(Failed),
        }
    }

    /// All tipping points of numeric input `i`, around scenario `base`.
    ///
    /// A value where the evaluation fails (e.g. a division by zero) is never a tipping point:
    /// it keeps the advice of the last value before it that evaluates, so a change across
    /// such values is reported at the first value after them that evaluates again.
    pub fn tipping_points(&mut self, base: &Scenario, i: usize) -> Vec<TippingPoint> {
        let grid = Grid::of(self.advisor, i);
        let incremental = self.begin_input(base, i);
        match self.plan_method(i, &grid, incremental) {
            (Method::EveryStep, _) => self.every_step(base, &grid, incremental),
            (Method::ClosedForm, Some(c)) => self.at_candidates(base, &grid, &c),
            _ => self.sampled(base, &grid, incremental),
        }
    }

    /// How the tipping points of numeric input `i` around scenario `base` are found: at every
    /// step, in closed form, or by sampling and bisection (see [`Method`]).
    pub fn method(&mut self, base: &Scenario, i: usize) -> Method {
        let grid = Grid::of(self.advisor, i);
        let incremental = self.begin_input(base, i);
        self.plan_method(i, &grid, incremental).0
    }

    /// The method, and for the closed form its candidate values.
    fn plan_method(&self, i: usize, g: &Grid, incremental: bool) -> (Method, Option<Vec<f64>>) {
        if g.steps < EXACT_GRID_LIMIT {
            return (Method::EveryStep, None);
        }
        let candidates = match &self.base {
            Some((_, ev)) if incremental => exact::candidates(self.advisor, &self.plans[i], ev, i),
            _ => None,
        };
        match candidates {
            Some(c) => (Method::ClosedForm, Some(c)),
            None => (Method::Sampled, None),
        }
    }

    /// The full analysis of scenario `sc`. `borderline` is the margin below which the advice is
    /// called borderline (see [`DEFAULT_BORDERLINE`]).
    pub fn analyse(&mut self, sc: &Scenario, ev: &Evaluation, borderline: f64) -> Analysis {
        let a = self.advisor;
        let best = ev.best();
        let runner_up = ev.runner_up();
        let mut tipping_points = Vec::new();
        let mut what_ifs = Vec::new();
        for (i, inp) in a.inputs.iter().enumerate() {
            if !ev.visible[i] {
                continue;
            }
            match inp.kind {
                InputKind::Integer | InputKind::Number => {
                    tipping_points.extend(self.tipping_points(sc, i))
                }
                InputKind::Choice | InputKind::YesNo => {
                    let n = (inp.max - inp.min).round() as usize;
                    for k in 0..=n {
                        let v = k as f64;
                        if v == ev.slots[i] {
                            continue;
                        }
                        // A value that fails to evaluate gives no what-if.
                        if let Ok(b) = self.best_with(sc, i, v) {
                            what_ifs.push(WhatIf {
                                input: i,
                                value: v,
                                best: b,
                            });
                        }
                    }
                }
            }
        }
        let weight_intervals = match best {
            Some(b) => (0..a.factors.len())
                .map(|k| weight_interval(ev, b, k))
                .collect(),
            None => Vec::new(),
        };
        let contributions = contributions(ev, best, runner_up);

        // Margin: nearest tipping point (fraction of range) or weight interval end (share).
        let mut nearest: Option<(f64, Nearest)> = None;
        let mut consider = |d: f64, n: Nearest| {
            if nearest.as_ref().is_none_or(|(bd, _)| d < *bd) {
                nearest = Some((d, n));
            }
        };
        for tp in &tipping_points {
            let inp = &a.inputs[tp.input];
            let x = ev.slots[tp.input];
            // Distance to the boundary: going up, the flip happens at `at`; going down, at
            // `at - step` (the last value of the other side).
            let d = if tp.at > x {
                tp.at - x
            } else {
                x - (tp.at - inp.step)
            };
            // Relative to the citizen's answer (8 -> 11 trips is +37.5%); an answer of 0 has no
            // relative change, so there the fraction of the range counts.
            let scale = if x.abs() > 1e-12 {
                x.abs()
            } else {
                inp.max - inp.min
            };
            consider(
                (d / scale).max(0.0),
                Nearest::Input {
                    input: tp.input,
                    at: tp.at,
                },
            );
        }
        for wi in &weight_intervals {
            let ends = [(wi.below, wi.low), (wi.above, wi.high)];
            for (_, end) in ends.into_iter().filter(|(who, _)| who.is_some()) {
                let nearest = Nearest::Weight {
                    factor: wi.factor,
                    share: end,
                };
                consider(weight_change(wi.share, end), nearest);
            }
        }
        let margin = match (tied(ev, best, runner_up), nearest) {
            // An exact tie: the smallest change in the runner-up's favour flips the advice.
            (Some(r), _) => Margin {
                value: Some(0.0),
                nearest: Some(Nearest::Tie { option: r }),
                borderline: true,
            },
            (None, Some((d, n))) => Margin {
                value: Some(d),
                nearest: Some(n),
                borderline: d < borderline,
            },
            (None, None) => Margin {
                value: None,
                nearest: None,
                borderline: false,
            },
        };
        Analysis {
            best,
            runner_up,
            tipping_points,
            what_ifs,
            weight_intervals,
            margin,
            contributions,
        }
    }
}

/// The runner-up when it scores exactly the same as the best option: the same bucket of
/// [`crate::eval::SCORE_TIE`], as the ranking compares them.
pub fn tied(ev: &Evaluation, best: Option<usize>, runner_up: Option<usize>) -> Option<usize> {
    let (b, r) = (best?, runner_up?);
    let key = |o: usize| crate::eval::score_key(ev.options[o].score);
    (key(b) == key(r)).then_some(r)
}

/// Relative change of a factor's (raw) weight, the other weights kept, that moves its share
/// from `t` to `t_end`: `w'/w - 1` with `w = t/(1-t)` times the others' sum. A weight of 0
/// cannot change relatively: then the share itself is the distance.
pub fn weight_change(t: f64, t_end: f64) -> f64 {
    if t <= 1e-12 {
        return t_end;
    }
    if t_end >= 1.0 - 1e-12 || t >= 1.0 - 1e-12 {
        return f64::INFINITY;
    }
    ((t_end * (1.0 - t)) / (t * (1.0 - t_end)) - 1.0).abs()
}

/// Closed-form weight interval for factor `k` around best option `b`.
///
/// With shares `w` (sum 1) and `t` the share of factor `k`, the others scaled by
/// `(1 - t) / (1 - w_k)`, the score of option `o` is `t * s_ok + (1 - t) * R_o` with
/// `R_o = sum_{f != k} w_f s_of / (1 - w_k)`: linear in `t`. `b` stays best while, for every
/// other eligible `o`, `t * d_o >= c_o` with `d_o = (s_bk - R_b) - (s_ok - R_o)` and
/// `c_o = R_o - R_b`. Each gives a bound `c_o / d_o` (lower if `d_o > 0`, upper if `d_o < 0`).
pub fn weight_interval(ev: &Evaluation, b: usize, k: usize) -> WeightInterval {
    let wk = ev.weights[k];
    let rest = |o: usize| -> f64 {
        let s = &ev.options[o].scaled;
        if wk < 1.0 - 1e-12 {
            ev.weights
                .iter()
                .enumerate()
                .filter(|&(f, _)| f != k)
                .map(|(f, w)| w * s[f])
                .sum::<f64>()
                / (1.0 - wk)
        } else {
            // All weight on k: the others share equally when k is turned down.
            let n = (ev.weights.len() - 1).max(1) as f64;
            s.iter()
                .enumerate()
                .filter(|&(f, _)| f != k)
                .map(|(_, v)| v)
                .sum::<f64>()
                / n
        }
    };
    let rb = rest(b);
    let sbk = ev.options[b].scaled[k];
    // (bound, option, slope of the option's score in t)
    let mut lower: Vec<(f64, usize, f64)> = Vec::new();
    let mut upper: Vec<(f64, usize, f64)> = Vec::new();
    for o in ev.ranking.iter().copied().filter(|&o| o != b) {
        let ro = rest(o);
        let slope = ev.options[o].scaled[k] - ro;
        let d = (sbk - rb) - slope;
        if d.abs() < 1e-9 {
            continue; // parallel: the order between b and o does not depend on this weight
        }
        let bound = (ro - rb) / d;
        if d > 0.0 {
            lower.push((bound, o, slope))
        } else {
            upper.push((bound, o, slope))
        }
    }
    // The binding bound is the nearest one. When several options share it, the one that wins
    // just beyond it has the steepest score in that direction (then: definition order).
    let pick = |cands: &[(f64, usize, f64)], bound: f64, up: bool| -> Option<usize> {
        cands
            .iter()
            .filter(|c| (c.0 - bound).abs() <= 1e-9)
            .max_by(|x, y| {
                let (sx, sy) = if up { (x.2, y.2) } else { (-x.2, -y.2) };
                sx.total_cmp(&sy).then(y.1.cmp(&x.1))
            })
            .map(|c| c.1)
    };
    let mut low = lower.iter().map(|c| c.0).fold(f64::NEG_INFINITY, f64::max);
    let mut below = if low.is_finite() {
        pick(&lower, low, false)
    } else {
        None
    };
    let mut high = upper.iter().map(|c| c.0).fold(f64::INFINITY, f64::min);
    let mut above = if high.is_finite() {
        pick(&upper, high, true)
    } else {
        None
    };
    // Bounds within float noise of the ends count as the ends (the advice holds all the way).
    if low <= 1e-9 {
        below = None;
        low = 0.0;
    }
    if high >= 1.0 - 1e-9 {
        above = None;
        high = 1.0;
    }
    low = low.min(wk);
    high = high.max(wk);
    WeightInterval {
        factor: k,
        share: wk,
        low,
        high,
        below,
        above,
    }
}

/// Each factor's share of the lead of `best` over `runner_up`.
pub fn contributions(ev: &Evaluation, best: Option<usize>, runner_up: Option<usize>) -> Vec<f64> {
    let nf = ev.weights.len();
    let (Some(b), Some(r)) = (best, runner_up) else {
        return vec![0.0; nf];
    };
    let parts: Vec<f64> = (0..nf)
        .map(|f| ev.weights[f] * (ev.options[b].scaled[f] - ev.options[r].scaled[f]))
        .collect();
    let lead: f64 = parts.iter().sum();
    if lead.abs() < 1e-12 {
        return vec![0.0; nf];
    }
    parts.iter().map(|p| p / lead).collect()
}

impl Advisor {
    /// Evaluates and analyses one scenario with the definition's borderline threshold.
    pub fn analyse(
        &self,
        sc: &Scenario,
    ) -> Result<(Evaluation, Analysis), crate::eval::EvalFailure> {
        let ev = self.evaluate(sc)?;
        let an = Analyzer::new(self).analyse(sc, &ev, self.def.analysis.borderline_below);
        Ok((ev, an))
    }
}
