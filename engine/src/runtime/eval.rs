//! Evaluation and ranking of one scenario.
//!
//! Score of an option = weighted sum of its scaled factor values divided by the sum of the
//! weights (weights are relative: multiplying them all by a constant changes nothing).
//! Only eligible options are ranked; ties keep the order of the definition.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::advisor::Advisor;
use crate::expr::EvalError;
use crate::model::{Direction, InputKind, Scaling};

/// Two scores closer than this count as equal (the definition order decides).
pub const SCORE_TIE: f64 = 1e-9;

/// One set of answers and weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// One value per input, in input order (number; choice index; 0/1 for yes/no).
    pub inputs: Vec<f64>,
    /// One weight per factor, in factor order (relative, 0 or more).
    pub weights: Vec<f64>,
}

/// A typed answer, as it appears in test cases and at the API boundary.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// integer or number questions.
    Number(f64),
    /// yes/no questions.
    YesNo(bool),
    /// choice questions: the choice id.
    Choice(String),
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    /// No question with that name.
    UnknownInput(String),
    /// Wrong kind of value for the question.
    WrongKind {
        input: String,
        expected: &'static str,
    },
    /// Outside min..max.
    OutOfRange {
        input: String,
        value: f64,
        min: f64,
        max: f64,
    },
    /// Not on the step grid.
    OffStep {
        input: String,
        value: f64,
        step: f64,
    },
    /// Not one of the choices.
    UnknownChoice {
        input: String,
        value: String,
        choices: Vec<String>,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownInput(i) => write!(f, "there is no question `{i}`"),
            AnswerError::WrongKind { input, expected } => write!(f, "`{input}` needs {expected}"),
            AnswerError::OutOfRange {
                input,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "{value} is outside the range of `{input}` ({min} to {max})"
                )
            }
            AnswerError::OffStep { input, value, step } => {
                write!(
                    f,
                    "{value} is not a multiple of the step {step} of `{input}`"
                )
            }
            AnswerError::UnknownChoice {
                input,
                value,
                choices,
            } => {
                write!(
                    f,
                    "'{value}' is not a choice of `{input}` (choices: {})",
                    choices.join(", ")
                )
            }
        }
    }
}

/// An expression failed while evaluating: names the expression, never a silent NaN.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalFailure {
    /// Where the expression is in the definition, e.g. `options.day_ticket.values.cost`.
    pub expr: String,
    /// What went wrong.
    pub error: EvalError,
}

impl fmt::Display for EvalFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.expr, self.error)
    }
}

impl std::error::Error for EvalFailure {}

/// The result for one option.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionResult {
    /// Whether the option is possible for this citizen.
    pub eligible: bool,
    /// Raw factor values, in factor order (computed for eligible options only; 0 otherwise).
    pub values: Vec<f64>,
    /// Factor values scaled to 0 (worst) ..= 1 (best).
    pub scaled: Vec<f64>,
    /// Weighted score, 0 ..= 1 (0 for ineligible options).
    pub score: f64,
}

/// The evaluation of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Every slot: inputs (hidden ones at their default), parameters, derived values.
    pub slots: Vec<f64>,
    /// Whether each input is currently asked (its `visible_if` holds).
    pub visible: Vec<bool>,
    /// Per option, in definition order.
    pub options: Vec<OptionResult>,
    /// Eligible options, best first.
    pub ranking: Vec<usize>,
    /// Weights actually used, normalised to sum 1.
    pub weights: Vec<f64>,
    /// True when all given weights were 0 and the default weights were used instead.
    pub weights_fallback: bool,
}

impl Evaluation {
    /// The best option, if any option is eligible.
    pub fn best(&self) -> Option<usize> {
        self.ranking.first().copied()
    }
    /// Copies `src` into `self`, reusing `self`'s buffers (no allocation when both come from the
    /// same advisor).
    pub fn copy_from(&mut self, src: &Evaluation) {
        self.slots.clone_from(&src.slots);
        self.visible.clone_from(&src.visible);
        self.options
            .resize_with(src.options.len(), || src.options[0].clone());
        for (d, s) in self.options.iter_mut().zip(&src.options) {
            d.eligible = s.eligible;
            d.values.clone_from(&s.values);
            d.scaled.clone_from(&s.scaled);
            d.score = s.score;
        }
        self.ranking.clone_from(&src.ranking);
        self.weights.clone_from(&src.weights);
        self.weights_fallback = src.weights_fallback;
    }

    /// The runner-up, if there is one.
    pub fn runner_up(&self) -> Option<usize> {
        self.ranking.get(1).copied()
    }
}

impl Advisor {
    /// A copy of `sc` with the answers of life event `e` applied. An `e` out of range gives an
    /// unchanged copy; weights are always kept.
    pub fn apply_event(&self, e: usize, sc: &Scenario) -> Scenario {
        let mut out = sc.clone();
        if let Some(event) = self.events.get(e) {
            for &(i, v) in &event.changes {
                if let Some(slot) = out.inputs.get_mut(i) {
                    *slot = v;
                }
            }
        }
        out
    }
    /// The scenario with every default answer and the default weights.
    pub fn default_scenario(&self) -> Scenario {
        Scenario {
            inputs: self.inputs.iter().map(|i| i.default).collect(),
            weights: self.factors.iter().map(|f| f.weight).collect(),
        }
    }

    /// Sets one answer after checking it against the question.
    pub fn set_answer(
        &self,
        sc: &mut Scenario,
        input: &str,
        answer: &Answer,
    ) -> Result<(), AnswerError> {
        let i = self
            .input_index(input)
            .ok_or_else(|| AnswerError::UnknownInput(input.to_string()))?;
        sc.inputs[i] = self.answer_value(i, answer)?;
        Ok(())
    }

    /// The slot value of an answer to input `i`, after checking it.
    pub fn answer_value(&self, i: usize, answer: &Answer) -> Result<f64, AnswerError> {
        let inp = &self.inputs[i];
        let id = inp.id.clone();
        match (inp.kind, answer) {
            (InputKind::Integer | InputKind::Number, Answer::Number(v)) => {
                if !v.is_finite() || *v < inp.min - 1e-9 || *v > inp.max + 1e-9 {
                    return Err(AnswerError::OutOfRange {
                        input: id,
                        value: *v,
                        min: inp.min,
                        max: inp.max,
                    });
                }
                let k = (v - inp.min) / inp.step;
                if (k - k.round()).abs() > 1e-6 {
                    return Err(AnswerError::OffStep {
                        input: id,
                        value: *v,
                        step: inp.step,
                    });
                }
                Ok(*v)
            }
            (InputKind::YesNo, Answer::YesNo(b)) => Ok(if *b { 1.0 } else { 0.0 }),
            (InputKind::Choice, Answer::Choice(c)) => match inp.choices.iter().position(|x| x == c)
            {
                Some(k) => Ok(k as f64),
                None => Err(AnswerError::UnknownChoice {
                    input: id,
                    value: c.clone(),
                    choices: inp.choices.clone(),
                }),
            },
            (InputKind::Integer | InputKind::Number, _) => Err(AnswerError::WrongKind {
                input: id,
                expected: "a number",
            }),
            (InputKind::YesNo, _) => Err(AnswerError::WrongKind {
                input: id,
                expected: "yes or no (true/false)",
            }),
            (InputKind::Choice, _) => Err(AnswerError::WrongKind {
                input: id,
                expected: "one of the choices",
            }),
        }
    }

    /// Puts a raw slot value for input `i` back in range and on its step (for values from
    /// outside, e.g. a slider or a shared link).
    pub fn clamp_input(&self, i: usize, v: f64) -> f64 {
        let inp = &self.inputs[i];
        if !v.is_finite() {
            return inp.default;
        }
        let k = ((v.clamp(inp.min, inp.max) - inp.min) / inp.step).round();
        let snapped = inp.min + k * inp.step;
        // Avoid float dust such as 0.30000000000000004 on decimal steps.
        let snapped = (snapped * 1e9).round() / 1e9;
        snapped.clamp(inp.min, inp.max)
    }

    /// Evaluates one scenario. Parameters take their definition values.
    pub fn evaluate(&self, sc: &Scenario) -> Result<Evaluation, EvalFailure> {
        let mut ev = self.empty_evaluation();
        self.evaluate_into(sc, None, &mut ev)?;
        Ok(ev)
    }

    /// An evaluation with buffers of the right size, for [`Advisor::evaluate_into`].
    pub fn empty_evaluation(&self) -> Evaluation {
        let nf = self.factors.len();
        Evaluation {
            slots: vec![0.0; self.slot_count()],
            visible: vec![true; self.inputs.len()],
            options: (0..self.options.len())
                .map(|_| OptionResult {
                    eligible: false,
                    values: vec![0.0; nf],
                    scaled: vec![0.0; nf],
                    score: 0.0,
                })
                .collect(),
            ranking: Vec::with_capacity(self.options.len()),
            weights: vec![0.0; nf],
            weights_fallback: false,
        }
    }

    /// Evaluates into existing buffers (no allocation once `ev` has the right shape).
    /// `params` overrides the parameter values (one per parameter) when given.
    pub fn evaluate_into(
        &self,
        sc: &Scenario,
        params: Option<&[f64]>,
        ev: &mut Evaluation,
    ) -> Result<(), EvalFailure> {
        let ni = self.inputs.len();
        let np = self.params.len();
        // Inputs: clamp what came in, then hide what is not asked (default value).
        for (i, inp) in self.inputs.iter().enumerate() {
            let v = sc.inputs.get(i).copied().unwrap_or(inp.default);
            ev.slots[i] = if v.is_finite() && v >= inp.min && v <= inp.max {
                v
            } else {
                self.clamp_input(i, v)
            };
        }
        for (i, inp) in self.inputs.iter().enumerate() {
            let visible = match &inp.visible_if {
                Some(e) => {
                    e.eval(&ev.slots).map_err(|error| {
                        self.fail(format!("inputs.{}.visible_if", inp.id), error)
                    })? != 0.0
                }
                None => true,
            };
            ev.visible[i] = visible;
            if !visible {
                ev.slots[i] = inp.default;
            }
        }
        for (j, p) in self.params.iter().enumerate() {
            ev.slots[ni + j] = params.and_then(|ps| ps.get(j).copied()).unwrap_or(p.value);
        }
        for &k in &self.derived_order {
            let d = &self.derived[k];
            ev.slots[ni + np + k] = d
                .expr
                .eval(&ev.slots)
                .map_err(|error| self.fail(format!("derived.{}", d.id), error))?;
        }

        // Options: eligibility and raw values.
        for (o, opt) in self.options.iter().enumerate() {
            let eligible = match &opt.eligible_if {
                Some(e) => {
                    e.eval(&ev.slots).map_err(|error| {
                        self.fail(format!("options.{}.eligible_if", opt.id), error)
                    })? != 0.0
                }
                None => true,
            };
            let r = &mut ev.options[o];
            r.eligible = eligible;
            for (f, e) in opt.values.iter().enumerate() {
                r.values[f] = if eligible {
                    e.eval(&ev.slots).map_err(|error| {
                        self.fail(
                            format!("options.{}.values.{}", opt.id, self.factors[f].id),
                            error,
                        )
                    })?
                } else {
                    0.0
                };
            }
        }

        // Weights: relative; all zero falls back to the defaults.
        let total: f64 = sc
            .weights
            .iter()
            .take(self.factors.len())
            .map(|w| if w.is_finite() { w.max(0.0) } else { 0.0 })
            .sum();
        ev.weights_fallback = total <= 0.0;
        let default_total: f64 = self.factors.iter().map(|f| f.weight).sum();
        for (f, fac) in self.factors.iter().enumerate() {
            ev.weights[f] = if ev.weights_fallback {
                fac.weight / default_total
            } else {
                let w = sc.weights.get(f).copied().unwrap_or(0.0);
                (if w.is_finite() { w.max(0.0) } else { 0.0 }) / total
            };
        }

        self.score_and_rank(ev);
        Ok(())
    }

    /// Scaling, scores and ranking from the eligibility, raw values and weights already in
    /// `ev`: the last stage of [`Advisor::evaluate_into`]. The analysis calls it after
    /// re-evaluating only what one changed input affects.
    pub fn score_and_rank(&self, ev: &mut Evaluation) {
        for f in 0..self.factors.len() {
            self.rescale_factor(ev, f);
        }
        for r in ev.options.iter_mut() {
            r.score = if r.eligible {
                r.scaled.iter().zip(&ev.weights).map(|(s, w)| s * w).sum()
            } else {
                0.0
            };
        }
        ev.ranking.clear();
        ev.ranking
            .extend((0..self.options.len()).filter(|&o| ev.options[o].eligible));
        let opts = &ev.options;
        ev.ranking
            .sort_by_key(|&o| (std::cmp::Reverse(score_key(opts[o].score)), o));
    }

    /// Scaled values of factor `f` for every option, from the raw values in `ev`.
    pub fn rescale_factor(&self, ev: &mut Evaluation, f: usize) {
        let fac = &self.factors[f];
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        if let Scaling::Relative(_) = fac.scaling {
            for r in ev.options.iter().filter(|r| r.eligible) {
                lo = lo.min(r.values[f]);
                hi = hi.max(r.values[f]);
            }
        }
        for r in ev.options.iter_mut() {
            r.scaled[f] = if r.eligible {
                scale(r.values[f], fac.direction, fac.scaling, lo, hi)
            } else {
                0.0
            };
        }
    }

    fn fail(&self, expr: String, error: EvalError) -> EvalFailure {
        EvalFailure { expr, error }
    }
}

/// Sort key of a score: scores in the same bucket of width [`SCORE_TIE`] tie, and ties keep
/// the definition order. (A bucket, unlike "closer than SCORE_TIE", is transitive, so the
/// ranking and the analysis's argmax always agree.)
pub fn score_key(score: f64) -> i64 {
    (score / SCORE_TIE).round() as i64
}

/// Scales one value to 0 (worst) ..= 1 (best). `lo` and `hi` (the range over the eligible
/// options) are only used for relative scaling.
pub fn scale(v: f64, direction: Direction, scaling: Scaling, lo: f64, hi: f64) -> f64 {
    match scaling {
        Scaling::Relative(_) => {
            if hi - lo <= 1e-12 * (1.0 + hi.abs().max(lo.abs())) {
                1.0
            } else {
                match direction {
                    Direction::LowerIsBetter => (hi - v) / (hi - lo),
                    Direction::HigherIsBetter => (v - lo) / (hi - lo),
                }
            }
        }
        Scaling::Range { worst, best } => ((v - worst) / (best - worst)).clamp(0.0, 1.0),
    }
}
