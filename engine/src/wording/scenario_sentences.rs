//! The scenario sentences: a change as a label ("Ritten per week: 8 → 14"), what a scenario
//! does to the advice compared with "Nu" ([`comparison_sentence`]) and what switching over
//! time costs ([`plan_sentence`]). Reads the data of [`crate::scenarios`]; computes nothing
//! of its own. The words come from the catalogue (`engine/catalogue/<lang>/scenarios.toml`);
//! this module only chooses which sentence fits the data.

use crate::advisor::Advisor;
use crate::catalogue::{self as cat, Key};
use crate::explain::{answer_text, capitalise, decapitalise};
use crate::format;
use crate::model::{CostPeriod, InputKind};
use crate::scenarios::{Change, Comparison, Difference, Plan, cents};
use crate::text::Lang;

/// At most this many changes are named in one sentence.
pub const MAX_NAMED_CHANGES: usize = 3;

fn factor_label(advisor: &Advisor, f: usize, lang: Lang) -> String {
    advisor
        .def
        .factors
        .get_index(f)
        .map_or_else(String::new, |(_, d)| d.label.get(lang).to_string())
}

/// How an input is named in a change, and whether its values go without their unit.
///
/// A unit of several words ("ritten per week") names the question well on its own: then the
/// name is the unit and the values are bare numbers ("Ritten per week: 8 → 14"). But when
/// another number question has the same unit, the unit does not say which one: then the
/// question's `short` label is the name ("Deel in de spits: 20% → 80%"), or without one the
/// question itself. Otherwise too the question itself is the name, without its question mark,
/// and values keep their unit ("Hoe lang is een rit meestal: 7 km → 10 km").
fn input_name(advisor: &Advisor, i: usize, lang: Lang) -> (String, bool) {
    let Some((_, d)) = advisor.def.inputs.get_index(i) else {
        return (String::new(), false);
    };
    let numeric = matches!(d.kind, InputKind::Integer | InputKind::Number);
    let unit = d.unit.get(lang).trim();
    let shared = crate::explain::shares_unit(advisor, i, lang);
    if shared && let Some(name) = crate::explain::input_name(advisor, i, lang) {
        return (name, false);
    }
    if numeric && !shared && unit.split_whitespace().count() >= 2 {
        (capitalise(unit), true)
    } else {
        let q = d.label.get(lang).trim().trim_end_matches('?').trim_end();
        (q.to_string(), false)
    }
}

/// Two shares as percentages, with just enough decimals to tell them apart (up to 3).
fn percentages(a: f64, b: f64, lang: Lang) -> (String, String) {
    let percent =
        |v: f64, decimals| cat::scen_percent(lang, &format::number(v * 100.0, decimals, lang));
    let mut out = (String::new(), String::new());
    for decimals in 0..=3 {
        out = (percent(a, decimals), percent(b, decimals));
        if out.0 != out.1 {
            break;
        }
    }
    out
}

/// The name of a change and its two values, for a label or a sentence.
fn change_parts(advisor: &Advisor, d: &Difference, lang: Lang) -> (String, String, String) {
    match d.change {
        Change::Input(i) => {
            let (name, bare) = input_name(advisor, i, lang);
            (
                name,
                answer_text(advisor, i, d.base, bare, lang),
                answer_text(advisor, i, d.other, bare, lang),
            )
        }
        Change::Weight(f) => {
            let name = cat::scen_weight_name(lang, &factor_label(advisor, f, lang));
            let (b, o) = percentages(d.base, d.other, lang);
            (name, b, o)
        }
    }
}

/// One change as a label: "Ritten per week: 8 → 14", "Hoe zwaar Kosten per maand telt:
/// 60% → 83%" (a weight as its share of all weights).
pub fn change_label(advisor: &Advisor, d: &Difference, lang: Lang) -> String {
    let (name, b, o) = change_parts(advisor, d, lang);
    cat::scen_change_label(lang, &capitalise(&name), &b, &o)
}

/// One change inside a sentence: "ritten per week (8 → 14)".
fn change_phrase(advisor: &Advisor, d: &Difference, lang: Lang) -> String {
    let (name, b, o) = change_parts(advisor, d, lang);
    cat::scen_change_phrase(lang, &decapitalise(&name), &b, &o)
}

/// "a", "a en b", "a, b en c" (en: "a, b and c").
fn join_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let init = init.join(Key::ScenListSeparator.get(lang));
            cat::scen_list_last(lang, &init, last)
        }
    }
}

/// The named changes (at most [`MAX_NAMED_CHANGES`]) and how many more there are.
fn named_changes(advisor: &Advisor, c: &Comparison, which: &[usize], lang: Lang) -> String {
    let mut items: Vec<String> = which
        .iter()
        .filter_map(|&k| c.differences.get(k))
        .take(MAX_NAMED_CHANGES)
        .map(|d| change_phrase(advisor, d, lang))
        .collect();
    let rest = which
        .iter()
        .filter(|&&k| k < c.differences.len())
        .count()
        .saturating_sub(items.len());
    match rest {
        0 => {}
        1 => items.push(Key::ScenOneOtherChange.get(lang).into()),
        n => items.push(cat::scen_other_changes(lang, &n.to_string())),
    }
    join_list(&items, lang)
}

/// "per week", "per maand", "per jaar" (en: "per week", ...).
pub fn per_text(per: CostPeriod, lang: Lang) -> &'static str {
    match per {
        CostPeriod::Week => Key::ScenPerWeek,
        CostPeriod::Month => Key::ScenPerMonth,
        CostPeriod::Year => Key::ScenPerYear,
    }
    .get(lang)
}

/// "Je betaalt € 12,30 per maand meer." (in the definition's cost period) when both costs are
/// known and differ by a cent or more.
fn cost_sentence(c: &Comparison, per: CostPeriod, lang: Lang) -> Option<String> {
    let (b, o) = (c.base_cost?, c.other_cost?);
    let delta = cents(o) - cents(b);
    if !delta.is_finite() || delta.abs() < 0.005 {
        return None;
    }
    let amount = format::euro(delta.abs(), lang);
    let per = per_text(per, lang);
    Some(if delta > 0.0 {
        cat::scen_pay_more(lang, &amount, per)
    } else {
        cat::scen_pay_less(lang, &amount, per)
    })
}

/// A short text that says what a scenario does to the advice compared with the base scenario
/// (named `base_name`, e.g. "Nu"): nothing differs; the advice stays (and what that costs more
/// or less per week, month or year, as `[analysis] per` says); the advice changes and which
/// changes alone already do that (at most [`MAX_NAMED_CHANGES`] named), or that it is the
/// combination; or that no option fits. Dutch at B1 level, or another catalogue language.
pub fn comparison_sentence(
    advisor: &Advisor,
    c: &Comparison,
    base_name: &str,
    lang: Lang,
) -> String {
    if c.differences.is_empty() {
        return cat::scen_same_as(lang, base_name);
    }
    let mut parts: Vec<String> = Vec::new();
    match (c.base_best, c.other_best) {
        (None, None) => parts.push(cat::scen_none_fits_either(lang, base_name)),
        (Some(b), Some(o)) if b == o => {
            parts.push(cat::scen_advice_stays(lang, &advisor.option_label(o, lang)));
        }
        (b, o) => {
            parts.push(advice_change(advisor, b, o, base_name, lang));
            parts.push(cause_sentence(advisor, c, lang));
        }
    }
    if let Some(s) = cost_sentence(c, advisor.def.analysis.per, lang) {
        parts.push(s);
    }
    parts.join(" ")
}

/// How the advice changes from `base` (the best option of the base scenario) to `other`, when
/// they differ.
fn advice_change(
    advisor: &Advisor,
    base: Option<usize>,
    other: Option<usize>,
    base_name: &str,
    lang: Lang,
) -> String {
    let label = |o: usize| advisor.option_label(o, lang);
    match (other, base) {
        (Some(o), Some(b)) => cat::scen_advice_becomes_instead(lang, &label(o), &label(b)),
        (Some(o), None) => cat::scen_advice_becomes_none_before(lang, &label(o), base_name),
        (None, Some(b)) => cat::scen_none_fits_here(lang, base_name, &label(b)),
        (None, None) => String::new(),
    }
}

/// Which changes cause the new advice: those that alone already do it, or else the
/// combination of all.
fn cause_sentence(advisor: &Advisor, c: &Comparison, lang: Lang) -> String {
    if c.decisive.is_empty() {
        let all: Vec<usize> = (0..c.differences.len()).collect();
        cat::scen_due_to_combination(lang, &named_changes(advisor, c, &all, lang))
    } else {
        cat::scen_due_mainly_to(lang, &named_changes(advisor, c, &c.decisive, lang))
    }
}

fn months_text(n: u32, lang: Lang) -> String {
    match n {
        1 => Key::ScenMonthsOne.get(lang).into(),
        n => cat::scen_months(lang, &n.to_string()),
    }
}

/// What the totals count: only the cost per period, not notice periods; and for a cost per
/// week or per year, how it becomes months.
fn counted_sentence(per: CostPeriod, lang: Lang) -> &'static str {
    match per {
        CostPeriod::Month => Key::ScenCountedMonth,
        CostPeriod::Week => Key::ScenCountedWeek,
        CostPeriod::Year => Key::ScenCountedYear,
    }
    .get(lang)
}

/// A short text that says whether switching at every change of advice pays off compared
/// with keeping one option all the time, and that only the cost per period counts (not notice
/// periods). Dutch at B1 level, or another catalogue language.
pub fn plan_sentence(advisor: &Advisor, plan: &Plan, lang: Lang) -> String {
    let months = months_text(plan.total_months, lang);
    let mut parts = if plan.switches {
        switching_sentences(advisor, plan, &months, lang)
    } else {
        same_advice_sentences(advisor, plan, &months, lang)
    };
    parts.push(counted_sentence(advisor.def.analysis.per, lang).into());
    parts.join(" ")
}

/// The plan when the advice is the same in every period: which option, and what it costs in
/// all `months`.
fn same_advice_sentences(advisor: &Advisor, plan: &Plan, months: &str, lang: Lang) -> Vec<String> {
    let Some(o) = plan.periods.first().and_then(|p| p.best) else {
        return vec![Key::ScenPlanNoneFits.get(lang).into()];
    };
    let mut parts = vec![cat::scen_plan_same_advice(
        lang,
        &advisor.option_label(o, lang),
    )];
    if let Some(t) = plan.follow_total {
        parts.push(cat::scen_plan_same_total(
            lang,
            months,
            &format::euro(t, lang),
        ));
    }
    parts
}

/// The plan when the advice changes between periods: what switching costs in all `months`,
/// and whether keeping the best single option is dearer.
fn switching_sentences(advisor: &Advisor, plan: &Plan, months: &str, lang: Lang) -> Vec<String> {
    let kept = plan
        .best_keep
        .and_then(|k| plan.keep.get(k).and_then(|r| r.total).map(|t| (k, t)));
    let Some(f) = plan.follow_total else {
        let without = plan.periods.iter().any(|p| p.best.is_none());
        let key = if without {
            Key::ScenPlanNotEveryPeriod
        } else {
            Key::ScenPlanCostsUnknown
        };
        return vec![key.get(lang).into()];
    };
    let switching = cat::scen_plan_switch_total(lang, months, &format::euro(f, lang));
    let Some((k, kt)) = kept else {
        return vec![switching, Key::ScenPlanNoSingleProduct.get(lang).into()];
    };
    let (name, ke) = (advisor.option_label(k, lang), format::euro(kt, lang));
    let keeping = if cents(kt - f) > 0.0 {
        let saved = format::euro(cents(kt - f), lang);
        cat::scen_plan_switch_saves(lang, &name, &ke, &saved)
    } else {
        cat::scen_plan_keep_cheaper(lang, &name, &ke)
    };
    vec![switching, keeping]
}
