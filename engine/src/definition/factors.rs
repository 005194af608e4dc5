//! The factors (`[factors.<id>]`: direction, weight, scaling), the `[analysis]` settings
//! (borderline, cost factor) and the presets (`[presets.<id>]`: named sets of weights).

use super::advisor::{Factor, Preset};
use super::checker::Checker;
use super::limits::WEIGHT_MAX;
use crate::diag::suggest;
use crate::model::{Definition, Direction, Scaling, ValueFormat};

/// The factor ids, in order (for suggestions).
pub(super) fn factor_ids(def: &Definition) -> Vec<&str> {
    def.factors.keys().map(String::as_str).collect()
}

/// `[analysis] borderline_below`.
pub(super) fn check_borderline(c: &mut Checker, def: &Definition) {
    let b = def.analysis.borderline_below;
    if !(b.is_finite() && (0.0..1.0).contains(&b)) {
        c.err(&["analysis", "borderline_below"], format!("borderline_below must be from 0 to 1 (not including 1), not {b}"), Some("e.g. `borderline_below = 0.10`: a change of less than 10% that flips the advice makes it borderline".into()));
    }
}

/// Every factor, in order.
pub(super) fn compile_factors(c: &mut Checker, def: &Definition) -> Vec<Factor> {
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
    factors
}

/// `[analysis] cost_factor`: the index of a factor in euro, if one is named.
pub(super) fn cost_factor(c: &mut Checker, def: &Definition) -> Option<usize> {
    let factor_list = factor_ids(def);
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
    cost_factor
}

/// Every preset, in order, with one weight per factor.
pub(super) fn compile_presets(c: &mut Checker, def: &Definition) -> Vec<Preset> {
    let factor_list = factor_ids(def);
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
    presets
}

/// A weight the sliders can show: from 0 to [`WEIGHT_MAX`].
pub(super) fn weight_in_range(w: f64) -> bool {
    w.is_finite() && (0.0..=WEIGHT_MAX).contains(&w)
}

/// What is wrong with a weight outside the slider range.
pub(super) fn weight_message(w: f64) -> String {
    format!("the weight must be between 0 and {}, not {w}", WEIGHT_MAX)
}

/// The hint for a weight outside the slider range.
pub(super) const WEIGHT_HINT: &str =
    "weights are relative: only their ratios matter; the sliders go from 0 to 10";
