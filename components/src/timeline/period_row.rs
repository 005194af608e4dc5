//! One period of the timeline: which scenario and for how many months, and the buttons that
//! move it earlier or later or remove it.

use advies_engine::scenarios::{MAX_PERIOD_MONTHS, Period};
use leptos::prelude::*;

use crate::display::parse_number;
use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;

/// Sets period `k`; false when the sequence refuses it.
fn set_period(state: AdvisorState, k: usize, p: Period) -> bool {
    let mut ok = false;
    state.doc.update(|d| ok = d.set_period(k, p));
    ok
}

/// One period: which scenario, how many months, move and remove.
#[component]
pub(super) fn PeriodRow(
    state: AdvisorState,
    k: usize,
    sequence: Memo<Vec<Period>>,
    count: Memo<usize>,
    names: Memo<Vec<String>>,
    status: RwSignal<String>,
) -> impl IntoView {
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
    view! {
        <li class="adv-period" data-testid="period">
            <p class="adv-period__title">{move || i18n::period_title(k + 1, state.lang.get())}</p>
            <PeriodFields state k period names error error_id=error_id.clone() />
            <p id=error_id class="adv-field__error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <PeriodButtons state k count status />
        </li>
    }
}

/// The period's scenario (a select) and months (a number box, checked on change).
#[component]
fn PeriodFields(
    state: AdvisorState,
    k: usize,
    period: Memo<Period>,
    names: Memo<Vec<String>>,
    error: RwSignal<Option<String>>,
    error_id: String,
) -> impl IntoView {
    let select_id = format!("period-{k}-scenario");
    let months_id = format!("period-{k}-months");
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
            set_period(
                state,
                k,
                Period {
                    scenario: i,
                    months: period.get_untracked().months,
                },
            );
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
                set_period(
                    state,
                    k,
                    Period {
                        scenario: current.scenario,
                        months: v as u32,
                    },
                );
            }
            _ => {
                let _ = error.try_set(Some(i18n::months_range(&text, MAX_PERIOD_MONTHS, lang)));
            }
        }
    };
    view! {
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
                    aria-describedby=error_id
                    on:change=on_months
                />
            </div>
        </div>
    }
}

/// "Eerder", "Later" and "Verwijder" for period `k`; the focus follows the period.
#[component]
fn PeriodButtons(
    state: AdvisorState,
    k: usize,
    count: Memo<usize>,
    status: RwSignal<String>,
) -> impl IntoView {
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
    }
}
