//! The reactive state of one advisor on screen: answers and weights, language, and the
//! evaluation the engine derives from them.

use std::sync::Arc;

use advies_engine::analysis::{Analysis, Analyzer};
use advies_engine::eval::EvalFailure;
use advies_engine::weights::WEIGHT_MAX;
use advies_engine::{Advisor, Evaluation, Lang, Scenario};
use leptos::html::H2;
use leptos::prelude::*;

use crate::i18n::Key;

/// Shared by all components of one advisor instance. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AdvisorState {
    /// The compiled advisor (parsed once).
    pub advisor: StoredValue<Arc<Advisor>>,
    /// The citizen's answers and weights.
    pub scenario: RwSignal<Scenario>,
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// `advisor.evaluate(&scenario)`, recomputed on every change.
    pub evaluation: Memo<Result<Evaluation, EvalFailure>>,
    /// Tipping points, weight stability, margin and decisive factors of the evaluation.
    pub analysis: Memo<Option<Analysis>>,
    /// Which questions are asked; keeps the last known answer while evaluation fails.
    pub visible: Memo<Vec<bool>>,
    /// The heading of the advice section (the "see the full advice" button moves focus there).
    pub advice_heading: NodeRef<H2>,
    /// What happened when the page was opened from a link (shown once at the top).
    pub link_report: RwSignal<Option<LinkReport>>,
}

/// The outcome of opening a shared link: what was repaired, or why nothing could be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkReport {
    /// The link was used; these parts were repaired (never empty).
    Repaired(Vec<advies_engine::state::Problem>),
    /// Nothing in the link could be used; the page starts from the defaults.
    Failed(advies_engine::state::DecodeError),
}

impl AdvisorState {
    /// State with the default answers and weights of `advisor`.
    pub fn new(advisor: Arc<Advisor>, lang: Lang) -> AdvisorState {
        let scenario = RwSignal::new(advisor.default_scenario());
        let advisor = StoredValue::new(advisor);
        let evaluation = Memo::new(move |_| {
            let a = advisor.get_value();
            scenario.with(|sc| a.evaluate(sc))
        });
        let analysis = Memo::new(move |_| {
            let a = advisor.get_value();
            let sc = scenario.get();
            evaluation.with(|r| {
                r.as_ref()
                    .ok()
                    .map(|ev| Analyzer::new(&a).analyse(&sc, ev, a.def.analysis.borderline_below))
            })
        });
        let visible = Memo::new(move |prev: Option<&Vec<bool>>| {
            evaluation.with(|r| match r {
                Ok(ev) => ev.visible.clone(),
                Err(_) => prev
                    .cloned()
                    .unwrap_or_else(|| vec![true; advisor.with_value(|a| a.inputs.len())]),
            })
        });
        AdvisorState {
            advisor,
            scenario,
            lang: RwSignal::new(lang),
            evaluation,
            analysis,
            visible,
            advice_heading: NodeRef::new(),
            link_report: RwSignal::new(None),
        }
    }

    /// The compiled advisor (a cheap `Arc` clone).
    pub fn advisor(&self) -> Arc<Advisor> {
        self.advisor.get_value()
    }

    /// An interface string in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        key.get(self.lang.get())
    }

    /// The current answer to input `i` (reactive).
    pub fn input_value(&self, i: usize) -> f64 {
        let fallback = self
            .advisor
            .with_value(|a| a.inputs.get(i).map_or(0.0, |x| x.default));
        self.scenario
            .with(|s| s.inputs.get(i).copied().unwrap_or(fallback))
    }

    /// Sets the answer to input `i`; does nothing when the value is unchanged.
    pub fn set_input(&self, i: usize, v: f64) {
        let same = self
            .scenario
            .with_untracked(|s| s.inputs.get(i).is_none_or(|&old| old == v));
        if !same {
            self.scenario.update(|s| s.inputs[i] = v);
        }
    }

    /// The current raw weight of factor `f` (reactive).
    pub fn weight_value(&self, f: usize) -> f64 {
        self.scenario
            .with(|s| s.weights.get(f).copied().unwrap_or(0.0))
    }

    /// Sets the raw weight of factor `f` (0..=[`WEIGHT_MAX`]); does nothing when unchanged.
    pub fn set_weight(&self, f: usize, v: f64) {
        let v = if v.is_finite() {
            v.clamp(0.0, WEIGHT_MAX)
        } else {
            return;
        };
        let same = self
            .scenario
            .with_untracked(|s| s.weights.get(f).is_none_or(|&old| old == v));
        if !same {
            self.scenario.update(|s| s.weights[f] = v);
        }
    }

    /// Replaces all weights (one per factor, clamped to 0..=[`WEIGHT_MAX`]); ignored when the
    /// count is wrong or nothing changes.
    pub fn set_weights(&self, weights: &[f64]) {
        let clean: Vec<f64> = weights
            .iter()
            .map(|w| {
                if w.is_finite() {
                    w.clamp(0.0, WEIGHT_MAX)
                } else {
                    0.0
                }
            })
            .collect();
        let ok = self
            .scenario
            .with_untracked(|s| s.weights.len() == clean.len() && s.weights != clean);
        if ok {
            self.scenario.update(|s| s.weights = clean);
        }
    }

    /// The advisor's default weights.
    pub fn default_weights(&self) -> Vec<f64> {
        self.advisor
            .with_value(|a| a.factors.iter().map(|f| f.weight).collect())
    }
}
