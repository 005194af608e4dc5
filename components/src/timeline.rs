//! "Over tijd": the citizen puts scenarios in a sequence with durations ("Nu" for 4 months,
//! then "Na de verhuizing" for 8). The page shows the best option per period, the total over
//! the whole time, and whether switching at each change pays off compared with keeping one
//! product throughout. All figures come from `advies_engine::scenarios::plan`.

use advies_engine::Scenario;
use advies_engine::scenarios::{
    MAX_PERIOD_MONTHS, MAX_PERIODS, Period, PlanError, plan, plan_sentence,
};
use leptos::prelude::*;

use crate::display::{money, parse_number};
use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;

/// Months given to a new period.
const NEW_PERIOD_MONTHS: u32 = 6;

/// `<section id="timeline">`; only for advisors that declare a cost factor.
#[component]
pub fn TimelineSection(state: AdvisorState) -> impl IntoView {
    let Some(cost_factor) = state.advisor.with_value(|a| a.cost_factor) else {
        return ().into_any();
    };
    let sequence = Memo::new(move |_| state.doc.with(|d| d.sequence.clone()));
    let names = Memo::new(move |_| {
        state.doc.with(|d| {
            d.scenarios
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let status = RwSignal::new(String::new());
    let start = move |_| {
        let n = names.with_untracked(Vec::len);
        state.doc.update(|d| {
            for i in 0..n.min(4) {
                let months = if n == 1 { 12 } else { NEW_PERIOD_MONTHS };
                d.add_period(Period {
                    scenario: i,
                    months,
                });
            }
        });
        status.set(t(Key::TimelineStarted, state.lang.get_untracked()).to_string());
    };
    let add = move |_| {
        let lang = state.lang.get_untracked();
        let last = sequence.with_untracked(|s| s.last().map_or(0, |p| p.scenario));
        let mut ok = false;
        state.doc.update(|d| {
            ok = d.add_period(Period {
                scenario: last,
                months: NEW_PERIOD_MONTHS,
            })
        });
        status.set(if ok {
            i18n::period_added(sequence.with_untracked(Vec::len), lang)
        } else {
            t(Key::TimelineFull, lang).to_string()
        });
    };
    let count = Memo::new(move |_| sequence.with(Vec::len));
    let empty = Memo::new(move |_| count.get() == 0);
    let editor = move || {
        if empty.get() {
            return view! {
                <button type="button" id="timeline-start" class="adv-button" on:click=start>
                    {move || state.t(Key::TimelineStart)}
                </button>
            }
            .into_any();
        }
        // Rows keyed by place: a change of one period updates its row in place (focus stays).
        view! {
            <ol class="adv-periods" data-testid="periods">
                <For each=move || 0..count.get() key=|k| *k let:k>
                    <PeriodRow state k sequence count names status />
                </For>
            </ol>
            <button
                type="button"
                id="timeline-add"
                class="adv-button adv-button--secondary"
                aria-disabled=move || (count.get() >= MAX_PERIODS).to_string()
                on:click=add
            >
                {move || state.t(Key::TimelineAdd)}
            </button>
        }
        .into_any()
    };
    let result = Memo::new(move |_| {
        let seq = sequence.get();
        if seq.is_empty() {
            return None;
        }
        let a = state.advisor();
        let scenarios: Vec<Scenario> = state
            .current
            .with(|d| d.scenarios.iter().map(|n| n.scenario.clone()).collect());
        Some(plan(&a, &scenarios, &seq, cost_factor))
    });
    let results = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let names = names.get();
        let r = result.get()?;
        let p = match r {
            Ok(p) => p,
            Err(PlanError::Eval(_)) => {
                return Some(
                    view! { <p class="adv-alert">{t(Key::EvalFailed, lang)}</p> }.into_any(),
                );
            }
            Err(_) => return None,
        };
        let option = |o: Option<usize>| {
            o.and_then(|o| a.def.options.get_index(o))
                .map(|(_, d)| d.label.get(lang).to_string())
                .unwrap_or_else(|| t(Key::NoAdvice, lang).to_string())
        };
        let cost = |v: Option<f64>| v.map(|v| money(v, lang)).unwrap_or_else(|| "—".into());
        // The amounts per period are in the definition's cost period (per week, month, year).
        let per = i18n::per_period(a.def.analysis.per);
        let rows = p
            .periods
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let name = names.get(r.scenario).cloned().unwrap_or_default();
                view! {
                    <tr data-testid="plan-period">
                        <th scope="row">{i18n::period_span(k + 1, r.first_month, r.months, lang)}</th>
                        <td data-label=t(Key::Scenario, lang)>{name}</td>
                        <td data-testid="plan-best" data-label=t(Key::CompareAdvice, lang)>{option(r.best)}</td>
                        <td class="adv-num" data-label=t(per, lang)>{cost(r.cost)}</td>
                        <td class="adv-num" data-label=t(Key::Subtotal, lang)>{cost(r.subtotal)}</td>
                    </tr>
                }
            })
            .collect_view();
        let keep_rows = p
            .keep
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
                        <th scope="row">{option(Some(k.option))}</th>
                        <td class=class>{total}</td>
                    </tr>
                }
            })
            .collect_view();
        let sentence = plan_sentence(&a, &p, lang);
        Some(
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
                                <td class="adv-num" data-testid="plan-total">{cost(p.follow_total)}</td>
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
            .into_any(),
        )
    };
    view! {
        <section id="timeline" class="adv-section adv-timeline" aria-labelledby="timeline-title" data-testid="timeline">
            <h2 id="timeline-title" class="adv-heading-2">{move || state.t(Key::TimelineHeading)}</h2>
            <p class="adv-lead">{move || state.t(Key::TimelineIntro)}</p>
            {editor}
            <p class="adv-sr-only" role="status" aria-live="polite">{move || status.get()}</p>
            {results}
        </section>
    }
    .into_any()
}

/// One period: which scenario, how many months, move and remove.
#[component]
fn PeriodRow(
    state: AdvisorState,
    k: usize,
    sequence: Memo<Vec<Period>>,
    count: Memo<usize>,
    names: Memo<Vec<String>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let select_id = format!("period-{k}-scenario");
    let months_id = format!("period-{k}-months");
    let error_id = format!("period-{k}-error");
    let error = RwSignal::new(None::<String>);
    let period = Memo::new(move |_| {
        sequence.with(|s| {
            s.get(k).copied().unwrap_or(Period {
                scenario: 0,
                months: 1,
            })
        })
    });
    let set = move |p: Period| {
        let mut ok = false;
        state.doc.update(|d| ok = d.set_period(k, p));
        ok
    };
    let options = move || {
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                view! {
                    <option value=i.to_string() selected=move || period.get().scenario == i>{n}</option>
                }
            })
            .collect_view()
    };
    let on_scenario = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            set(Period {
                scenario: i,
                months: period.get_untracked().months,
            });
        }
    };
    let on_months = move |ev: leptos::ev::Event| {
        // The box can fire `change` while it is being removed (the summary opens with typed
        // text in it): its period is gone then, so there is nothing to set.
        let Some(current) = period.try_get_untracked() else {
            return;
        };
        let lang = state.lang.get_untracked();
        let text = event_target_value(&ev);
        match parse_number(&text) {
            Some(v) if v.fract() == 0.0 && (1.0..=MAX_PERIOD_MONTHS as f64).contains(&v) => {
                let _ = error.try_set(None);
                set(Period {
                    scenario: current.scenario,
                    months: v as u32,
                });
            }
            _ => {
                let _ = error.try_set(Some(i18n::months_range(&text, MAX_PERIOD_MONTHS, lang)));
            }
        }
    };
    let move_to = move |to: usize| {
        let mut ok = false;
        state.doc.update(|d| ok = d.move_period(k, to));
        if ok {
            status.set(i18n::period_moved(
                k + 1,
                to + 1,
                state.lang.get_untracked(),
            ));
            // Focus follows the period that moved.
            let which = if to < k { "earlier" } else { "later" };
            state.focus_later(format!("period-{to}-{which}"));
        }
    };
    let remove = move |_| {
        let mut ok = false;
        state.doc.update(|d| ok = d.remove_period(k));
        if ok {
            status.set(i18n::period_removed(k + 1, state.lang.get_untracked()));
            // The last row is gone: keep the focus in the section.
            let n = count.get_untracked();
            let next = if n == 0 {
                "timeline-start".to_string()
            } else if k >= n {
                "timeline-add".to_string()
            } else {
                format!("period-{k}-remove")
            };
            state.focus_later(next);
        }
    };
    view! {
        <li class="adv-period" data-testid="period">
            <p class="adv-period__title">{move || i18n::period_title(k + 1, state.lang.get())}</p>
            <div class="adv-period__fields">
                <div class="adv-period__field">
                    <label class="adv-field__label" for=select_id.clone()>
                        {move || state.t(Key::Scenario)}
                    </label>
                    <select
                        id=select_id
                        class="adv-select"
                        prop:value=move || period.get().scenario.to_string()
                        on:change=on_scenario
                    >
                        {options}
                    </select>
                </div>
                <div class="adv-period__field">
                    <label class="adv-field__label" for=months_id.clone()>
                        {move || state.t(Key::Months)}
                    </label>
                    <input
                        id=months_id
                        class="adv-number__box adv-period__months"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max=MAX_PERIOD_MONTHS.to_string()
                        step="1"
                        prop:value=move || period.get().months.to_string()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=error_id.clone()
                        on:change=on_months
                    />
                </div>
            </div>
            <p id=error_id class="adv-field__error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <div class="adv-period__buttons">
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    id=format!("period-{k}-earlier")
                    aria-disabled=(k == 0).to_string()
                    aria-label=move || i18n::period_action(t(Key::Earlier, state.lang.get()), k + 1, state.lang.get())
                    on:click=move |_| {
                        if k > 0 {
                            move_to(k - 1)
                        }
                    }
                >
                    {move || state.t(Key::Earlier)}
                </button>
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    id=format!("period-{k}-later")
                    aria-disabled=move || (k + 1 >= count.get()).to_string()
                    aria-label=move || i18n::period_action(t(Key::Later, state.lang.get()), k + 1, state.lang.get())
                    on:click=move |_| {
                        if k + 1 < count.get_untracked() {
                            move_to(k + 1)
                        }
                    }
                >
                    {move || state.t(Key::Later)}
                </button>
                <button
                    type="button"
                    id=format!("period-{k}-remove")
                    class="adv-button adv-button--secondary adv-button--danger"
                    aria-label=move || i18n::period_action(t(Key::Remove, state.lang.get()), k + 1, state.lang.get())
                    on:click=remove
                >
                    {move || state.t(Key::Remove)}
                </button>
            </div>
        </li>
    }
}
