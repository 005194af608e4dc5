//! "Over tijd": the citizen puts scenarios in a sequence with durations ("Nu" for 4 months,
//! then "Na de verhuizing" for 8). The page shows the best option per period, the total over
//! the whole time, and whether switching at each change pays off compared with keeping one
//! product throughout. All figures come from `advies_engine::scenarios::plan`.

mod period_row;
mod plan_table;

use advies_engine::Scenario;
use advies_engine::scenarios::{MAX_PERIODS, Period, PlanError, plan};
use leptos::prelude::*;

use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;
use period_row::PeriodRow;

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
        Some(plan_table::plan_view(&a, &names, &p, lang))
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
