//! The advice explained in plain words (B1 level), built from the evaluation and the
//! analysis: why this option, how solid it is, and the nearest tipping points ("Bij 11 ritten
//! per week of meer past het RET maandabonnement beter."), plus the chart's summary and the
//! answers written out. The texts are the `[advice]` section of the catalogue
//! (`engine/catalogue/<lang>/advice.toml`); this module only chooses which one, by the data.

use crate::advisor::Advisor;
use crate::analysis::{Analysis, Nearest};
use crate::catalogue::{self, Key};
use crate::eval::Evaluation;
use crate::format;
use crate::model::{InputKind, ValueFormat};
use crate::text::Lang;

/// At most this many tipping-point sentences.
pub const MAX_TIPPING_SENTENCES: usize = 3;

/// The explanation of one advice.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// Why this option: the decisive factors.
    pub why: String,
    /// How solid the advice is.
    pub solidity: String,
    /// True when the advice is a borderline case.
    pub borderline: bool,
    /// The nearest tipping points, nearest first.
    pub tipping: Vec<String>,
}

/// Writes the value of input `i` with its unit: "11 ritten per week".
pub fn input_value(advisor: &Advisor, i: usize, v: f64, lang: Lang) -> String {
    let inp = &advisor.inputs[i];
    let decimals = match inp.kind {
        InputKind::Integer => 0,
        _ => decimals_of(inp.step),
    };
    let unit = advisor
        .def
        .inputs
        .get_index(i)
        .map(|(_, d)| {
            if (v - 1.0).abs() < 1e-9 && !d.unit_one.is_empty() {
                d.unit_one.get(lang)
            } else {
                d.unit.get(lang)
            }
        })
        .unwrap_or("");
    let n = format::number(v, decimals, lang);
    if unit.is_empty() {
        n
    } else {
        catalogue::advice_value_with_unit(lang, &n, unit)
    }
}

/// True when another number question of the advisor has the same unit as input `i` in
/// `lang` (two questions without a unit count as the same): then "11 ritten per week" alone
/// does not say which question a sentence is about.
pub fn shares_unit(advisor: &Advisor, i: usize, lang: Lang) -> bool {
    let numeric = |k: InputKind| matches!(k, InputKind::Integer | InputKind::Number);
    let unit = |d: &crate::model::InputDef| d.unit.get(lang).trim().to_lowercase();
    let Some((_, me)) = advisor.def.inputs.get_index(i) else {
        return false;
    };
    numeric(me.kind)
        && advisor
            .def
            .inputs
            .values()
            .enumerate()
            .any(|(k, d)| k != i && numeric(d.kind) && unit(d) == unit(me))
}

/// The name that sentences about input `i` start with ("Deel in de spits"), or None when the
/// unit already says which question it is. Only when another number question shares its
/// unit (see [`shares_unit`]) and the author gave a `short` label: sentences about a question
/// with a unit of its own stay short ("Bij 11 ritten per week of meer ..."), as B1 asks.
pub fn input_name(advisor: &Advisor, i: usize, lang: Lang) -> Option<String> {
    let (_, d) = advisor.def.inputs.get_index(i)?;
    let short = d.short.get(lang).trim();
    (!short.is_empty() && shares_unit(advisor, i, lang)).then(|| capitalise(short))
}

/// A sentence about input `i`, with the input's name in front when it needs one
/// ([`input_name`]): "Deel in de spits: bij 35% of meer past ... beter."
fn about(advisor: &Advisor, i: usize, sentence: String, lang: Lang) -> String {
    match input_name(advisor, i, lang) {
        Some(name) => catalogue::advice_about_input(lang, &name, &decapitalise(&sentence)),
        None => sentence,
    }
}

/// The horizontal axis of a chart of input `i`: its unit, with its name in front when the
/// unit is shared ("Deel in de spits (%)" against "%").
pub fn input_axis_label(advisor: &Advisor, i: usize, lang: Lang) -> String {
    let unit = advisor
        .def
        .inputs
        .get_index(i)
        .map(|(_, d)| d.unit.get(lang).trim().to_string())
        .unwrap_or_default();
    match input_name(advisor, i, lang) {
        Some(name) if unit.is_empty() => name,
        Some(name) => catalogue::advice_axis_name_unit(lang, &name, &unit),
        None => unit,
    }
}

/// Upper-case first letter.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Lower-case first letter ("Bij" -> "bij"), unless the first word is an abbreviation
/// ("RET", "OV").
pub(crate) fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.clone().next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

/// An answer written for the citizen: a number (with its unit unless `bare`), the label of a
/// choice, or yes/no.
pub fn answer_text(advisor: &Advisor, i: usize, v: f64, bare: bool, lang: Lang) -> String {
    let (Some(inp), Some((_, d))) = (advisor.inputs.get(i), advisor.def.inputs.get_index(i)) else {
        return format::number(v, 2, lang);
    };
    match inp.kind {
        InputKind::Choice => {
            let k = v.round();
            if k >= 0.0
                && let Some(c) = d.choices.get(k as usize)
            {
                c.label.get(lang).to_string()
            } else {
                format::number(v, 0, lang)
            }
        }
        InputKind::YesNo if v != 0.0 => Key::AdviceYes.get(lang).to_string(),
        InputKind::YesNo => Key::AdviceNo.get(lang).to_string(),
        InputKind::Integer | InputKind::Number => {
            if bare {
                let decimals = match inp.kind {
                    InputKind::Integer => 0,
                    _ => decimals_of(inp.step),
                };
                format::number(v, decimals, lang)
            } else {
                input_value(advisor, i, v, lang)
            }
        }
    }
}

/// Number of decimals needed to write multiples of `step`.
pub fn decimals_of(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() < 1e-9
        })
        .unwrap_or(6)
}

fn label(advisor: &Advisor, o: usize, lang: Lang) -> String {
    advisor.def.options[o].label.get(lang).to_string()
}

fn factor_label(advisor: &Advisor, f: usize, lang: Lang) -> String {
    advisor.def.factors[f].label.get(lang).to_lowercase()
}

/// True when only the first (headline) factor counts and it is an amount in euro: then
/// "cheaper" is the right word instead of "fits better".
fn cost_only(advisor: &Advisor, ev: &Evaluation) -> bool {
    advisor
        .def
        .factors
        .get_index(0)
        .is_some_and(|(_, f)| f.format == ValueFormat::Euro)
        && ev.weights.iter().skip(1).all(|w| *w == 0.0)
}

/// Builds the explanation.
pub fn explain(advisor: &Advisor, ev: &Evaluation, an: &Analysis, lang: Lang) -> Explanation {
    let Some(best) = an.best else {
        return Explanation {
            why: Key::AdviceNoneFits.get(lang).to_string(),
            solidity: String::new(),
            borderline: false,
            tipping: Vec::new(),
        };
    };
    Explanation {
        why: why_sentence(advisor, ev, an, best, lang),
        solidity: solidity_sentence(an, lang),
        borderline: an.margin.borderline,
        tipping: tipping_sentences(advisor, ev, an, lang),
    }
}

/// Why `best`: the factors that carry most of its lead over the runner-up, or that it is the
/// only option that fits, or that the two score (almost) the same.
fn why_sentence(
    advisor: &Advisor,
    ev: &Evaluation,
    an: &Analysis,
    best: usize,
    lang: Lang,
) -> String {
    let best_label = label(advisor, best, lang);
    let Some(r) = an.runner_up else {
        return catalogue::advice_only_option(lang, &best_label);
    };
    let runner = label(advisor, r, lang);
    if crate::analysis::tied(ev, Some(best), Some(r)).is_some() {
        return catalogue::advice_tie(lang, &best_label, &runner);
    }
    match decisive_factors(advisor, an, lang).as_slice() {
        [] => catalogue::advice_almost_tie(lang, &best_label, &runner),
        [factor] => catalogue::advice_best_one_factor(lang, &best_label, factor, &runner),
        [first, second, ..] => {
            catalogue::advice_best_two_factors(lang, &best_label, first, second, &runner)
        }
    }
}

/// The (at most two) factors that carry most of the best option's lead, largest first.
fn decisive_factors(advisor: &Advisor, an: &Analysis, lang: Lang) -> Vec<String> {
    let mut carried: Vec<(usize, f64)> = an
        .contributions
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| *c > 0.05)
        .collect();
    carried.sort_by(|a, b| b.1.total_cmp(&a.1));
    carried
        .iter()
        .take(2)
        .map(|(f, _)| factor_label(advisor, *f, lang))
        .collect()
}

/// How solid the advice is: whether a small change can change it.
fn solidity_sentence(an: &Analysis, lang: Lang) -> String {
    let key = match (an.margin.value, an.margin.borderline) {
        (None, _) => Key::AdviceSolidWithinAnswers,
        (Some(_), true) => Key::AdviceBorderline,
        (Some(_), false) => Key::AdviceSolidSmallChange,
    };
    key.get(lang).to_string()
}

/// The nearest tipping points (at most [`MAX_TIPPING_SENTENCES`]), nearest first: per
/// numeric input the nearest one above and below the current value, and the nearest weight
/// change.
fn tipping_sentences(advisor: &Advisor, ev: &Evaluation, an: &Analysis, lang: Lang) -> Vec<String> {
    let cheaper = cost_only(advisor, ev);
    let mut items: Vec<(f64, String)> = Vec::new();
    for i in (0..advisor.inputs.len()).filter(|&i| ev.visible[i]) {
        items.extend(input_tipping(advisor, ev, an, i, cheaper, lang));
    }
    items.extend(weight_tipping(advisor, an, lang));
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    items
        .into_iter()
        .take(MAX_TIPPING_SENTENCES)
        .map(|(_, s)| s)
        .collect()
}

/// The tipping points of input `i` nearest above and below its current value, each with its
/// distance as a share of the input's range.
fn input_tipping(
    advisor: &Advisor,
    ev: &Evaluation,
    an: &Analysis,
    i: usize,
    cheaper: bool,
    lang: Lang,
) -> Vec<(f64, String)> {
    let inp = &advisor.inputs[i];
    let x = ev.slots[i];
    let range = inp.max - inp.min;
    let tps: Vec<_> = an.tipping_points.iter().filter(|t| t.input == i).collect();
    let mut items = Vec::new();
    if let Some(up) = tps
        .iter()
        .filter(|t| t.at > x)
        .min_by(|a, b| a.at.total_cmp(&b.at))
        && let Some(to) = up.to
    {
        let v = input_value(advisor, i, up.at, lang);
        let name = label(advisor, to, lang);
        let s = if cheaper {
            catalogue::advice_tipping_more_cheaper(lang, &v, &name)
        } else {
            catalogue::advice_tipping_more(lang, &v, &name)
        };
        items.push(((up.at - x) / range, about(advisor, i, s, lang)));
    }
    if let Some(down) = tps
        .iter()
        .filter(|t| t.at <= x)
        .max_by(|a, b| a.at.total_cmp(&b.at))
        && let Some(from) = down.from
    {
        let edge = down.at - inp.step;
        let v = input_value(advisor, i, edge, lang);
        let name = label(advisor, from, lang);
        let s = if cheaper {
            catalogue::advice_tipping_less_cheaper(lang, &v, &name)
        } else {
            catalogue::advice_tipping_less(lang, &v, &name)
        };
        items.push(((x - edge) / range, about(advisor, i, s, lang)));
    }
    items
}

/// The nearest weight change with its distance, if it is nearer than every input.
fn weight_tipping(advisor: &Advisor, an: &Analysis, lang: Lang) -> Option<(f64, String)> {
    if let Some(Nearest::Weight { factor, share }) = &an.margin.nearest
        && let Some(wi) = an.weight_intervals.iter().find(|w| w.factor == *factor)
    {
        let pct = format::number((share * 100.0).round(), 0, lang);
        let fname = factor_label(advisor, *factor, lang);
        let s = if *share > wi.share {
            wi.above.map(|o| {
                catalogue::advice_weight_more(lang, &fname, &pct, &label(advisor, o, lang))
            })
        } else {
            wi.below.map(|o| {
                catalogue::advice_weight_less(lang, &fname, &pct, &label(advisor, o, lang))
            })
        };
        return s.map(|s| (an.margin.value.unwrap_or(1.0), s));
    }
    None
}

/// One sentence that states the chart's tipping points, for the figure's summary:
/// "Tot en met 10 ritten per week past A het best. Vanaf 11 ritten per week past B het best.
/// Jij zit nu op 8 ritten per week.", with the input's name in front when its unit is shared
/// ("Deel in de spits: tot en met 30% ...").
pub fn chart_summary(advisor: &Advisor, data: &crate::chart::ChartData, lang: Lang) -> String {
    let name = |o: Option<usize>| match o {
        Some(o) => label(advisor, o, lang),
        None => Key::AdviceChartNoOption.get(lang).to_string(),
    };
    let v = |x: f64| input_value(advisor, data.input, x, lang);
    let n = data.regions.len();
    let mut parts: Vec<String> = data
        .regions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let best = name(r.best);
            match k {
                _ if n == 1 => catalogue::advice_chart_whole_range(lang, &best),
                0 => catalogue::advice_chart_up_to(lang, &v(r.to), &best),
                k if k + 1 == n => catalogue::advice_chart_from(lang, &v(r.from), &best),
                _ => catalogue::advice_chart_between(lang, &v(r.from), &v(r.to), &best),
            }
        })
        .collect();
    parts.push(catalogue::advice_chart_now(lang, &v(data.current)));
    about(advisor, data.input, parts.join(" "), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RET: &str = include_str!("../../../advisors/ret/definition.toml");

    #[test]
    fn ret_default_explanation() {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let (ev, an) = a.analyse(&a.default_scenario()).unwrap();
        let nl = explain(&a, &ev, &an, Lang::Nl);
        assert!(
            nl.why
                .starts_with("Reizen op saldo (OV-chipkaart of OVpay) past het best."),
            "{}",
            nl.why
        );
        assert!(nl.why.contains("kosten per maand"), "{}", nl.why);
        assert!(
            nl.tipping
                .iter()
                .any(|s| s == "Bij 11 ritten per week of meer past RET maandabonnement beter."),
            "{:?}",
            nl.tipping
        );
        let en = explain(&a, &ev, &an, Lang::En);
        assert!(
            en.tipping
                .iter()
                .any(|s| s == "At 11 trips per week or more, RET monthly pass fits better."),
            "{:?}",
            en.tipping
        );
    }

    #[test]
    fn cost_only_says_cheaper() {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let mut sc = a.default_scenario();
        sc.weights = vec![1.0, 0.0, 0.0];
        let (ev, an) = a.analyse(&sc).unwrap();
        let nl = explain(&a, &ev, &an, Lang::Nl);
        // 8 trips: pay per trip 77.65 < year 82.50; at 9 trips 87.36 > 82.50 (cases.toml).
        assert!(
            nl.tipping
                .iter()
                .any(|s| s == "Bij 9 ritten per week of meer is RET jaarabonnement goedkoper."),
            "{:?}",
            nl.tipping
        );
    }

    #[test]
    fn chart_summary_states_the_tipping_point() {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let sc = a.default_scenario();
        let (ev, an) = a.analyse(&sc).unwrap();
        let d =
            crate::chart::chart_data(&a, &sc, &ev, &an, a.input_index("trips_per_week").unwrap());
        assert_eq!(
            chart_summary(&a, &d, Lang::Nl),
            "Tot en met 10 ritten per week past Reizen op saldo (OV-chipkaart of OVpay) het best. \
             Vanaf 11 ritten per week past RET maandabonnement het best. Jij zit nu op 8 ritten per week."
        );
    }

    const NS: &str = include_str!("../../../advisors/ns/definition.toml");

    #[test]
    fn sentences_name_a_question_whose_unit_is_shared() {
        // NS: peak_share and weekend_share are both in %; spend has a unit of its own.
        let a = Advisor::parse(NS, "ns.toml").unwrap();
        let sc = a.default_scenario();
        let (ev, an) = a.analyse(&sc).unwrap();
        let nl = explain(&a, &ev, &an, Lang::Nl);
        assert!(
            nl.tipping
                .contains(&"Deel in het weekend: bij 60 % of meer past Weekend Vrij beter.".into()),
            "{:?}",
            nl.tipping
        );
        assert!(
            nl.tipping
                .contains(&"Bij 193,29 euro per maand of meer past Weekend Vrij beter.".into()),
            "{:?}",
            nl.tipping
        );
        let en = explain(&a, &ev, &an, Lang::En);
        assert!(
            en.tipping.contains(
                &"Share at the weekend: at 60 % or more, Weekend Vrij fits better.".into()
            ),
            "{:?}",
            en.tipping
        );
        let peak = a.input_index("peak_share").unwrap();
        let d = crate::chart::chart_data(&a, &sc, &ev, &an, peak);
        assert_eq!(
            chart_summary(&a, &d, Lang::Nl),
            "Deel in de spits: tot en met 85 % past Dal Voordeel het best. \
             Vanaf 90 % past Geen abonnement het best. Jij zit nu op 20 %."
        );
        assert_eq!(
            chart_summary(&a, &d, Lang::En),
            "Share in peak hours: up to 85 %, Dal Voordeel fits best. \
             From 90 %, No subscription fits best. You are now at 20 %."
        );
        assert_eq!(input_axis_label(&a, peak, Lang::Nl), "Deel in de spits (%)");
        assert_eq!(input_axis_label(&a, 0, Lang::Nl), "euro per maand");
    }

    #[test]
    fn a_shared_unit_without_short_labels_keeps_the_unit() {
        // Without `short`, sentences use the unit alone (check warns about it).
        let text = NS.replace(
            "short = { nl = \"deel in de spits\", en = \"share in peak hours\" }",
            "",
        );
        let a = Advisor::parse(&text, "ns.toml").unwrap();
        let peak = a.input_index("peak_share").unwrap();
        assert!(shares_unit(&a, peak, Lang::Nl));
        assert_eq!(input_name(&a, peak, Lang::Nl), None);
        assert_eq!(input_axis_label(&a, peak, Lang::Nl), "%");
        assert_eq!(
            input_name(&a, a.input_index("weekend_share").unwrap(), Lang::Nl).as_deref(),
            Some("Deel in het weekend")
        );
        // RET's units are all different: no names.
        let ret = Advisor::parse(RET, "ret.toml").unwrap();
        assert!((0..ret.inputs.len()).all(|i| !shares_unit(&ret, i, Lang::Nl)));
    }

    #[test]
    fn decimals() {
        assert_eq!(decimals_of(1.0), 0);
        assert_eq!(decimals_of(0.5), 1);
        assert_eq!(decimals_of(0.001), 3);
    }
}
