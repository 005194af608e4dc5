//! The scenario sentences: a change as a label ("Ritten per week: 8 → 14"), what a scenario
//! does to the advice compared with "Nu" ([`comparison_sentence`]) and what switching over
//! time costs ([`plan_sentence`]). Reads the data of [`crate::scenarios`]; computes nothing
//! of its own.

use crate::advisor::Advisor;
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
    let mut out = (String::new(), String::new());
    for decimals in 0..=3 {
        out = (
            format!("{}%", format::number(a * 100.0, decimals, lang)),
            format!("{}%", format::number(b * 100.0, decimals, lang)),
        );
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
            let factor = factor_label(advisor, f, lang);
            let name = match lang {
                Lang::Nl => format!("hoe zwaar {factor} telt"),
                Lang::En => format!("how much {factor} counts"),
            };
            let (b, o) = percentages(d.base, d.other, lang);
            (name, b, o)
        }
    }
}

/// One change as a label: "Ritten per week: 8 → 14", "Hoe zwaar Kosten per maand telt:
/// 60% → 83%" (a weight as its share of all weights).
pub fn change_label(advisor: &Advisor, d: &Difference, lang: Lang) -> String {
    let (name, b, o) = change_parts(advisor, d, lang);
    format!("{}: {b} → {o}", capitalise(&name))
}

/// One change inside a sentence: "ritten per week (8 → 14)".
fn change_phrase(advisor: &Advisor, d: &Difference, lang: Lang) -> String {
    let (name, b, o) = change_parts(advisor, d, lang);
    format!("{} ({b} → {o})", decapitalise(&name))
}

/// "a", "a en b", "a, b en c" (en: "a, b and c").
fn join_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => " en ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
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
    if rest > 0 {
        items.push(match (lang, rest) {
            (Lang::Nl, 1) => "nog 1 andere verandering".into(),
            (Lang::Nl, n) => format!("nog {n} andere veranderingen"),
            (Lang::En, 1) => "1 other change".into(),
            (Lang::En, n) => format!("{n} other changes"),
        });
    }
    join_list(&items, lang)
}

/// "per week", "per maand", "per jaar" (en: "per week", ...).
pub fn per_text(per: CostPeriod, lang: Lang) -> &'static str {
    match (per, lang) {
        (CostPeriod::Week, _) => "per week",
        (CostPeriod::Month, Lang::Nl) => "per maand",
        (CostPeriod::Month, Lang::En) => "per month",
        (CostPeriod::Year, Lang::Nl) => "per jaar",
        (CostPeriod::Year, Lang::En) => "per year",
    }
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
    Some(match (lang, delta > 0.0) {
        (Lang::Nl, true) => format!("Je betaalt {amount} {per} meer."),
        (Lang::Nl, false) => format!("Je betaalt {amount} {per} minder."),
        (Lang::En, true) => format!("You pay {amount} more {per}."),
        (Lang::En, false) => format!("You pay {amount} less {per}."),
    })
}

/// A short text that says what a scenario does to the advice compared with the base scenario
/// (named `base_name`, e.g. "Nu"): nothing differs; the advice stays (and what that costs more
/// or less per week, month or year, as `[analysis] per` says); the advice changes and which changes alone already do that (at most
/// [`MAX_NAMED_CHANGES`] named), or that it is the combination; or that no option fits.
/// Dutch at B1 level, or English.
pub fn comparison_sentence(
    advisor: &Advisor,
    c: &Comparison,
    base_name: &str,
    lang: Lang,
) -> String {
    let nl = lang == Lang::Nl;
    if c.differences.is_empty() {
        return if nl {
            format!("Dit is hetzelfde als {base_name}.")
        } else {
            format!("This is the same as {base_name}.")
        };
    }
    let mut parts: Vec<String> = Vec::new();
    match (c.base_best, c.other_best) {
        (None, None) => parts.push(if nl {
            format!("Net als bij {base_name} past geen enkele keuze bij deze antwoorden.")
        } else {
            format!("As with {base_name}, none of the options fits these answers.")
        }),
        (Some(b), Some(o)) if b == o => {
            let name = advisor.option_label(o, lang);
            parts.push(if nl {
                format!("Het advies blijft {name}.")
            } else {
                format!("The advice stays {name}.")
            });
        }
        (b, o) => {
            parts.push(match (o, b, nl) {
                (Some(o), Some(b), true) => format!(
                    "Het advies wordt {} in plaats van {}.",
                    advisor.option_label(o, lang),
                    advisor.option_label(b, lang)
                ),
                (Some(o), Some(b), false) => format!(
                    "The advice becomes {} instead of {}.",
                    advisor.option_label(o, lang),
                    advisor.option_label(b, lang)
                ),
                (Some(o), None, true) => format!(
                    "Het advies wordt {}. Bij {base_name} past geen enkele keuze.",
                    advisor.option_label(o, lang)
                ),
                (Some(o), None, false) => format!(
                    "The advice becomes {}. With {base_name}, none of the options fits.",
                    advisor.option_label(o, lang)
                ),
                (None, Some(b), true) => format!(
                    "Hier past geen enkele keuze. Bij {base_name} is het advies {}.",
                    advisor.option_label(b, lang)
                ),
                (None, Some(b), false) => format!(
                    "Here none of the options fits. With {base_name}, the advice is {}.",
                    advisor.option_label(b, lang)
                ),
                (None, None, _) => String::new(),
            });
            if c.decisive.is_empty() {
                let all: Vec<usize> = (0..c.differences.len()).collect();
                let list = named_changes(advisor, c, &all, lang);
                parts.push(if nl {
                    format!("Dat komt door de combinatie van: {list}.")
                } else {
                    format!("This is due to the combination of: {list}.")
                });
            } else {
                let list = named_changes(advisor, c, &c.decisive, lang);
                parts.push(if nl {
                    format!("Dat komt vooral door: {list}.")
                } else {
                    format!("This is mainly due to: {list}.")
                });
            }
        }
    }
    if let Some(s) = cost_sentence(c, advisor.def.analysis.per, lang) {
        parts.push(s);
    }
    parts.join(" ")
}

fn months_text(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 maand".into(),
        (Lang::Nl, n) => format!("{n} maanden"),
        (Lang::En, 1) => "1 month".into(),
        (Lang::En, n) => format!("{n} months"),
    }
}

/// What the totals count: only the cost per period, not notice periods; and for a cost per
/// week or per year, how it becomes months.
fn counted_sentence(per: CostPeriod, lang: Lang) -> &'static str {
    match (per, lang) {
        (CostPeriod::Month, Lang::Nl) => {
            "We tellen alleen de kosten per maand, geen opzegtermijnen."
        }
        (CostPeriod::Month, Lang::En) => "We only count the cost per month, not notice periods.",
        (CostPeriod::Week, Lang::Nl) => {
            "We tellen alleen de kosten per week, geen opzegtermijnen. Een jaar heeft bij ons 52 weken."
        }
        (CostPeriod::Week, Lang::En) => {
            "We only count the cost per week, not notice periods. We count a year as 52 weeks."
        }
        (CostPeriod::Year, Lang::Nl) => {
            "We tellen alleen de kosten per jaar, geen opzegtermijnen. Voor een maand tellen we een twaalfde deel."
        }
        (CostPeriod::Year, Lang::En) => {
            "We only count the cost per year, not notice periods. For a month we count one twelfth."
        }
    }
}

/// A short text that says whether switching at every change of advice pays off compared
/// with keeping one option all the time, and that only the cost per period counts (not notice
/// periods). Dutch at B1 level, or English.
pub fn plan_sentence(advisor: &Advisor, plan: &Plan, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let months = months_text(plan.total_months, lang);
    let mut parts: Vec<String> = Vec::new();
    if !plan.switches {
        match plan.periods.first().and_then(|p| p.best) {
            Some(o) => {
                let name = advisor.option_label(o, lang);
                parts.push(if nl {
                    format!("Het advies is in elke periode hetzelfde: {name}.")
                } else {
                    format!("The advice is the same in every period: {name}.")
                });
                if let Some(t) = plan.follow_total {
                    let t = format::euro(t, lang);
                    parts.push(if nl {
                        format!("Daarmee betaal je in {months} {t}.")
                    } else {
                        format!("With it, you pay {t} in {months}.")
                    });
                }
            }
            None => parts.push(if nl {
                "In geen enkele periode past een keuze bij je antwoorden.".into()
            } else {
                "In no period does any option fit your answers.".into()
            }),
        }
    } else {
        let kept = plan
            .best_keep
            .and_then(|k| plan.keep.get(k).and_then(|r| r.total).map(|t| (k, t)));
        match (plan.follow_total, kept) {
            (Some(f), Some((k, kt))) => {
                let name = advisor.option_label(k, lang);
                let (fe, ke) = (format::euro(f, lang), format::euro(kt, lang));
                parts.push(if nl {
                    format!("Als je overstapt bij elke verandering, betaal je in {months} {fe}.")
                } else {
                    format!("If you switch at every change, you pay {fe} in {months}.")
                });
                if cents(kt - f) > 0.0 {
                    let saved = format::euro(cents(kt - f), lang);
                    parts.push(if nl {
                        format!(
                            "Houd je de hele tijd {name}, dan betaal je {ke}. Overstappen scheelt {saved}."
                        )
                    } else {
                        format!(
                            "If you keep {name} all the time, you pay {ke}. Switching saves {saved}."
                        )
                    });
                } else {
                    parts.push(if nl {
                        format!(
                            "Eén product houden is even duur of goedkoper: met {name} betaal je {ke}."
                        )
                    } else {
                        format!(
                            "Keeping one product costs the same or less: with {name} you pay {ke}."
                        )
                    });
                }
            }
            (Some(f), _) => {
                let fe = format::euro(f, lang);
                parts.push(if nl {
                    format!("Als je overstapt bij elke verandering, betaal je in {months} {fe}.")
                } else {
                    format!("If you switch at every change, you pay {fe} in {months}.")
                });
                parts.push(if nl {
                    "Geen enkel product past in elke periode.".into()
                } else {
                    "No single product fits in every period.".into()
                });
            }
            (None, _) => {
                let without = plan.periods.iter().any(|p| p.best.is_none());
                parts.push(match (nl, without) {
                    (true, true) => {
                        "Niet in elke periode past een keuze. Daarom tellen we de kosten niet op."
                            .into()
                    }
                    (false, true) => {
                        "Not every period has an option that fits. So we do not add up the costs."
                            .into()
                    }
                    (true, false) => {
                        "Het advies verandert per periode. De kosten zijn niet bekend.".into()
                    }
                    (false, false) => {
                        "The advice changes between periods. The costs are not known.".into()
                    }
                });
            }
        }
    }
    parts.push(counted_sentence(advisor.def.analysis.per, lang).into());
    parts.join(" ")
}
