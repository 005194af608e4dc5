//! The timeline's result: the sentence, a table with the best option and the cost per period
//! and the total, and (folded away) the total of keeping each product throughout.

use advies_engine::scenarios::{Plan, plan_sentence};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use crate::display::money;
use crate::i18n::{self, Key, t};

/// An option's label, or "geen advies".
fn option_name(a: &Advisor, o: Option<usize>, lang: Lang) -> String {
    o.and_then(|o| a.def.options.get_index(o))
        .map(|(_, d)| d.label.get(lang).to_string())
        .unwrap_or_else(|| t(Key::NoAdvice, lang).to_string())
}

/// An amount, or a dash.
fn cost(v: Option<f64>, lang: Lang) -> String {
    v.map(|v| money(v, lang)).unwrap_or_else(|| "—".into())
}

/// A row per period: its months, scenario, best option, cost and subtotal.
fn period_rows(a: &Advisor, names: &[String], p: &Plan, per: Key, lang: Lang) -> impl IntoView {
    p.periods
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let name = names.get(r.scenario).cloned().unwrap_or_default();
            view! {
                <tr data-testid="plan-period">
                    <th scope="row">{i18n::period_span(k + 1, r.first_month, r.months, lang)}</th>
                    <td data-label=t(Key::Scenario, lang)>{name}</td>
                    <td data-testid="plan-best" data-label=t(Key::CompareAdvice, lang)>{option_name(a, r.best, lang)}</td>
                    <td class="adv-num" data-label=t(per, lang)>{cost(r.cost, lang)}</td>
                    <td class="adv-num" data-label=t(Key::Subtotal, lang)>{cost(r.subtotal, lang)}</td>
                </tr>
            }
        })
        .collect_view()
}

/// A row per option: its total when kept throughout.
fn keep_rows(a: &Advisor, p: &Plan, lang: Lang) -> impl IntoView {
    p.keep
        .iter()
        .map(|k| {
            let total = match (k.total, k.not_eligible_in) {
                (Some(v), _) => money(v, lang),
                (None, Some(at)) => i18n::not_possible_in_period(at + 1, lang),
                (None, None) => "—".into(),
            };
            let best = p.best_keep == Some(k.option);
            let class = if k.total.is_some() {
                "adv-num"
            } else {
                "adv-num adv-num--text"
            };
            view! {
                <tr data-testid="plan-keep" data-best=best.to_string()>
                    <th scope="row">{option_name(a, Some(k.option), lang)}</th>
                    <td class=class>{total}</td>
                </tr>
            }
        })
        .collect_view()
}

/// The result of the plan `p`; `names` are the scenarios' names.
pub(super) fn plan_view(a: &Advisor, names: &[String], p: &Plan, lang: Lang) -> AnyView {
    // The amounts per period are in the definition's cost period (per week, month, year).
    let per = i18n::per_period(a.def.analysis.per);
    let rows = period_rows(a, names, p, per, lang);
    let keep_rows = keep_rows(a, p, lang);
    let sentence = plan_sentence(a, p, lang);
    view! {
        <h3 class="adv-heading-3">{t(Key::TimelineResult, lang)}</h3>
        <p class="adv-timeline__sentence" data-testid="plan-sentence">{sentence}</p>
        <div
            class="adv-compare__scroll"
            tabindex="0"
            role="region"
            aria-label=t(Key::TimelineResult, lang)
        >
            <table class="adv-table adv-plan" data-testid="plan-table">
                <caption class="adv-sr-only">{t(Key::TimelineResult, lang)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::Period, lang)}</th>
                        <th scope="col">{t(Key::Scenario, lang)}</th>
                        <th scope="col">{t(Key::CompareAdvice, lang)}</th>
                        <th scope="col" class="adv-num">{t(per, lang)}</th>
                        <th scope="col" class="adv-num">{t(Key::Subtotal, lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">{i18n::total_over(p.total_months, lang)}</th>
                        <td class="adv-num" data-testid="plan-total">{cost(p.follow_total, lang)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <details class="adv-details" data-testid="plan-keep-details">
            <summary class="adv-details__summary">{t(Key::TimelineKeep, lang)}</summary>
            <div class="adv-details__body">
                <table class="adv-table">
                    <caption class="adv-sr-only">{t(Key::TimelineKeep, lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::Product, lang)}</th>
                            <th scope="col" class="adv-num adv-num--text">{i18n::total_over(p.total_months, lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{keep_rows}</tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}
