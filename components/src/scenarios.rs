//! "Jouw situaties": the scenarios ("Nu" and any number of named ones), which one is shown,
//! and how to make more: a copy of the shown one, or a life event from the definition ("Ik
//! word 65"). Rename, reorder and delete (with undo) for the shown one.
//!
//! The list logic (unique names, what happens to the sequence when a scenario goes) is in
//! `advies_engine::state`; this file only calls it through [`AdvisorState`].

use leptos::prelude::*;

use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;

/// `<section id="scenarios">`: the scenario switcher and the actions.
#[component]
pub fn ScenarioBar(state: AdvisorState) -> impl IntoView {
    let names = Memo::new(move |_| {
        state.doc.with(|d| {
            d.scenarios
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let active = Memo::new(move |_| state.active());
    let tabs = move || {
        let lang = state.lang.get();
        let list = names.get();
        let count = list.len();
        list.into_iter()
            .enumerate()
            .map(|(i, name)| {
                let label = name.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="adv-scenario-tab"
                            data-testid="scenario-tab"
                            aria-pressed=move || (active.get() == i).to_string()
                            aria-label=i18n::scenario_tab(&name, i + 1, count, lang)
                            on:click=move |_| {
                                state.switch_to(i);
                                state
                                    .scenario_status
                                    .set(i18n::scenario_shown(&label, state.lang.get_untracked()));
                            }
                        >
                            {name.clone()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let undo = move || {
        let (name, _) = state.undo.get()?;
        let lang = state.lang.get();
        Some(view! {
            <p class="adv-scenario-undo" data-testid="scenario-undo">
                {i18n::scenario_removed(&name, lang)} " "
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    on:click=move |_| {
                        state.undo_remove();
                        state
                            .scenario_status
                            .set(t(Key::ScenarioRestored, state.lang.get_untracked()).to_string());
                    }
                >
                    {t(Key::Undo, lang)}
                </button>
            </p>
        })
    };
    let duplicate = move |_| {
        let lang = state.lang.get_untracked();
        let base = names
            .get_untracked()
            .get(active.get_untracked())
            .cloned()
            .unwrap_or_default();
        let msg = match state.duplicate_active(&i18n::copy_name(&base, lang)) {
            Some(name) => i18n::scenario_added(&name, lang),
            None => t(Key::ScenarioLimit, lang).to_string(),
        };
        state.scenario_status.set(msg);
    };
    view! {
        <section id="scenarios" class="adv-section adv-scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title" class="adv-heading-2">
                {move || state.t(Key::ScenariosHeading)}
            </h2>
            <p class="adv-lead">{move || state.t(Key::ScenariosIntro)}</p>
            <ul
                class="adv-scenario-tabs"
                aria-label=move || state.t(Key::ScenariosHeading)
                hidden=move || names.with(|n| n.len() < 2)
            >
                {tabs}
            </ul>
            <p class="adv-scenario-status" role="status" aria-live="polite" data-testid="scenario-status">
                {move || state.scenario_status.get()}
            </p>
            {undo}
            <div class="adv-scenario-actions">
                <button
                    type="button"
                    id="scenario-duplicate"
                    class="adv-button adv-button--secondary"
                    on:click=duplicate
                >
                    {move || state.t(Key::ScenarioDuplicate)}
                </button>
                <LifeEvents state />
            </div>
            <Show when=move || names.with(|n| n.len() > 1)>
                <ManageScenario state names active />
            </Show>
        </section>
    }
}

/// The life events of the definition, each a button that makes a new scenario.
#[component]
fn LifeEvents(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    if a.events.is_empty() {
        return ().into_any();
    }
    let items = a
        .events
        .iter()
        .enumerate()
        .map(|(e, ev)| {
            let label = ev.label.clone();
            let name = ev.name.clone();
            let description = ev.description.clone();
            let id = ev.id.clone();
            let desc_id = format!("event-{id}-description");
            let has_description = !description.is_empty();
            view! {
                <li class="adv-event">
                    <button
                        type="button"
                        class="adv-button adv-button--secondary adv-event__button"
                        data-testid="life-event"
                        data-event-id=id
                        aria-describedby=has_description.then(|| desc_id.clone())
                        on:click=move |_| {
                            let lang = state.lang.get_untracked();
                            let msg = match state.add_from_event(e, name.get(lang)) {
                                Some(n) => i18n::scenario_added(&n, lang),
                                None => t(Key::ScenarioLimit, lang).to_string(),
                            };
                            state.scenario_status.set(msg);
                        }
                    >
                        {move || label.get(state.lang.get()).to_string()}
                    </button>
                    {has_description.then(|| {
                        view! {
                            <p class="adv-event__description" id=desc_id.clone()>
                                {move || description.get(state.lang.get()).to_string()}
                            </p>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="adv-details adv-events" data-testid="life-events">
            <summary class="adv-details__summary">{move || state.t(Key::LifeEventsSummary)}</summary>
            <div class="adv-details__body">
                <p>{move || state.t(Key::LifeEventsIntro)}</p>
                <ul class="adv-events__list">{items}</ul>
            </div>
        </details>
    }
    .into_any()
}

/// Name, place and deletion of the shown scenario.
#[component]
fn ManageScenario(
    state: AdvisorState,
    names: Memo<Vec<String>>,
    active: Memo<usize>,
) -> impl IntoView {
    let name_error = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    // The field shows the shown scenario's name whenever that changes.
    Effect::new(move |_| {
        let name = names.with(|n| n.get(active.get()).cloned().unwrap_or_default());
        draft.set(name);
        name_error.set(None);
    });
    let count = move || names.with(Vec::len);
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let i = active.get_untracked();
        match state.rename(i, &draft.get_untracked()) {
            Ok(()) => {
                name_error.set(None);
                let name = names.with_untracked(|n| n.get(i).cloned().unwrap_or_default());
                state
                    .scenario_status
                    .set(i18n::scenario_renamed(&name, lang));
            }
            Err(e) => name_error.set(Some(e.message(lang))),
        }
    };
    let move_by = move |delta: isize| {
        let i = active.get_untracked();
        let Some(to) = i.checked_add_signed(delta) else {
            return;
        };
        if to < count() && state.move_scenario(i, to) {
            let lang = state.lang.get_untracked();
            let name = names.with_untracked(|n| n.get(to).cloned().unwrap_or_default());
            state
                .scenario_status
                .set(i18n::scenario_moved(&name, to + 1, count(), lang));
        }
    };
    let delete = move |_| {
        let i = active.get_untracked();
        let lang = state.lang.get_untracked();
        if state.remove(i) {
            let name = state
                .undo
                .with_untracked(|u| u.as_ref().map(|(n, _)| n.clone()));
            state
                .scenario_status
                .set(i18n::scenario_removed(&name.unwrap_or_default(), lang));
            // With one scenario left this panel goes away: keep the focus in the section.
            if state.doc.with_untracked(|d| d.scenarios.len() < 2) {
                state.focus_later("scenario-duplicate");
            }
        } else {
            state
                .scenario_status
                .set(t(Key::ScenarioKeepOne, lang).to_string());
        }
    };
    view! {
        <details class="adv-details adv-scenario-manage" data-testid="scenario-manage">
            <summary class="adv-details__summary">
                {move || state.t(Key::ScenarioManage)}
            </summary>
            <div class="adv-details__body">
                <form class="adv-scenario-rename" on:submit=save_name>
                    <label class="adv-field__label" for="scenario-name">
                        {move || state.t(Key::ScenarioName)}
                    </label>
                    <div class="adv-scenario-rename__row">
                        <input
                            id="scenario-name"
                            class="adv-text"
                            type="text"
                            autocomplete="off"
                            maxlength="60"
                            aria-invalid=move || name_error.with(Option::is_some).to_string()
                            aria-describedby="scenario-name-error"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                        />
                        <button type="submit" class="adv-button adv-button--secondary">
                            {move || state.t(Key::ScenarioNameSave)}
                        </button>
                    </div>
                    <p id="scenario-name-error" class="adv-field__error" role="alert">
                        {move || name_error.get().unwrap_or_default()}
                    </p>
                </form>
                <div class="adv-scenario-manage__buttons">
                    <button
                        type="button"
                        id="scenario-earlier"
                        class="adv-button adv-button--secondary"
                        aria-disabled=move || (active.get() == 0).to_string()
                        on:click=move |_| move_by(-1)
                    >
                        {move || state.t(Key::ScenarioEarlier)}
                    </button>
                    <button
                        type="button"
                        id="scenario-later"
                        class="adv-button adv-button--secondary"
                        aria-disabled=move || (active.get() + 1 >= count()).to_string()
                        on:click=move |_| move_by(1)
                    >
                        {move || state.t(Key::ScenarioLater)}
                    </button>
                    <button
                        type="button"
                        id="scenario-delete"
                        class="adv-button adv-button--secondary adv-button--danger"
                        aria-disabled=move || (count() < 2).to_string()
                        on:click=delete
                    >
                        {move || state.t(Key::ScenarioDelete)}
                    </button>
                </div>
            </div>
        </details>
    }
}
