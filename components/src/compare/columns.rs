//! What the comparison table shows, worked out from the scenarios: per column the advice, its
//! cost, how solid it is, the sentence on what changes, and the answers and weights that differ
//! from the first scenario.

use std::sync::Arc;

use advies_engine::analysis::Analyzer;
use advies_engine::explain::answer_text;
use advies_engine::scenarios::{compare, comparison_sentence};
use advies_engine::weights::shares_percent;
use advies_engine::{Advisor, Lang, Scenario};

use crate::display::{factor_value_parts, join};
use crate::i18n::{Key, t};

/// One scenario's column.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Column {
    /// Index in the state's scenarios.
    pub(super) index: usize,
    pub(super) name: String,
    /// Label of the best option, or why there is none.
    pub(super) advice: String,
    /// The advised option's id (for tests and styling).
    pub(super) advice_id: Option<String>,
    /// Cost of the advised option, per the definition's period (`[analysis] per`).
    pub(super) cost: Option<String>,
    pub(super) cost_illustrative: bool,
    /// None when there is no advice.
    pub(super) borderline: Option<bool>,
    pub(super) sentence: String,
    /// Per row of `Table::inputs`: the answer (None: not asked in this scenario) and whether it
    /// differs from the first scenario.
    pub(super) answers: Vec<(Option<String>, bool)>,
    /// Per factor: share in percent and whether it differs from the first scenario.
    pub(super) weights: Vec<(u32, bool)>,
}

/// What the table shows: the first scenario's name, the answer rows and the columns.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table {
    pub(super) base_name: String,
    /// Inputs shown as rows: asked in at least one of the columns.
    pub(super) inputs: Vec<usize>,
    pub(super) columns: Vec<Column>,
}

/// The table for the scenarios `chosen` (indexes in `scenarios`), each against the first one;
/// None without scenarios.
pub(super) fn build(
    a: &Arc<Advisor>,
    scenarios: &[(String, Scenario)],
    chosen: &[usize],
    lang: Lang,
) -> Option<Table> {
    let (base_name, base) = scenarios.first()?;
    let base_ev = a.evaluate(base).ok();
    let evs: Vec<_> = chosen
        .iter()
        .map(|&i| scenarios.get(i).map(|(_, sc)| a.evaluate(sc).ok()))
        .collect();
    let n_inputs = a.inputs.len();
    let inputs: Vec<usize> = (0..n_inputs)
        .filter(|&i| {
            evs.iter()
                .flatten()
                .flatten()
                .any(|ev| ev.visible.get(i).copied().unwrap_or(false))
        })
        .collect();
    let base_shares = shares_percent(&base.weights);
    let mut columns = Vec::new();
    for (k, &i) in chosen.iter().enumerate() {
        let Some((name, sc)) = scenarios.get(i) else {
            continue;
        };
        let ev = evs.get(k).cloned().flatten().flatten();
        let (advice, advice_id, cost, cost_illustrative, borderline) = match &ev {
            None => (
                t(Key::EvalFailed, lang).to_string(),
                None,
                None,
                false,
                None,
            ),
            Some(ev) => match ev.best() {
                None => (
                    t(Key::NoneEligible, lang).to_string(),
                    None,
                    None,
                    false,
                    None,
                ),
                Some(o) => {
                    let cost = a.cost_factor.and_then(|f| {
                        let v = *ev.options.get(o)?.values.get(f)?;
                        Some((
                            join(factor_value_parts(a, f, v, lang)),
                            a.value_is_illustrative(o, f),
                        ))
                    });
                    let an = Analyzer::new(a).analyse(sc, ev, a.def.analysis.borderline_below);
                    (
                        a.option_label(o, lang),
                        Some(a.options[o].id.clone()),
                        cost.as_ref().map(|c| c.0.clone()),
                        cost.is_some_and(|c| c.1),
                        Some(an.margin.borderline),
                    )
                }
            },
        };
        let sentence = if i == 0 {
            t(Key::CompareIsBase, lang).to_string()
        } else {
            match compare(a, base, sc, a.cost_factor) {
                Ok(c) => comparison_sentence(a, &c, base_name, lang),
                Err(_) => t(Key::EvalFailed, lang).to_string(),
            }
        };
        let answers = inputs
            .iter()
            .map(|&q| {
                let asked = ev
                    .as_ref()
                    .is_none_or(|ev| ev.visible.get(q).copied().unwrap_or(false));
                let v = sc.inputs.get(q).copied().unwrap_or(f64::NAN);
                let base_v = base.inputs.get(q).copied().unwrap_or(f64::NAN);
                let base_asked = base_ev
                    .as_ref()
                    .is_none_or(|ev| ev.visible.get(q).copied().unwrap_or(false));
                let differs = i != 0 && (asked != base_asked || (asked && v != base_v));
                (asked.then(|| answer_text(a, q, v, false, lang)), differs)
            })
            .collect();
        let shares = shares_percent(&sc.weights);
        let weights = shares
            .iter()
            .enumerate()
            .map(|(f, &p)| (p, i != 0 && base_shares.get(f) != Some(&p)))
            .collect();
        columns.push(Column {
            index: i,
            name: name.clone(),
            advice,
            advice_id,
            cost,
            cost_illustrative,
            borderline,
            sentence,
            answers,
            weights,
        });
    }
    Some(Table {
        base_name: base_name.clone(),
        inputs,
        columns,
    })
}
