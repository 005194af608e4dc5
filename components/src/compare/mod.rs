//! "Situaties naast elkaar": up to four scenarios side by side (one at a time, with a switcher,
//! in a narrow column): per scenario the advice, its cost (per week, month or year, as the
//! definition says), how solid it is, a sentence on what changes compared with the first
//! scenario and why, and every answer and weight, with the ones that differ from the first
//! scenario marked (in words, not only in colour).

mod columns;
mod picker;
mod switcher;
mod table;

use advies_engine::Scenario;
use leptos::prelude::*;

use crate::i18n::{Key, t};
use crate::state::AdvisorState;
use columns::build;
use switcher::CompareSwitcher;

/// Most scenarios side by side.
pub const MAX_COLUMNS: usize = 4;

/// `<section id="compare">`, shown when there are two or more scenarios.
#[component]
pub fn CompareSection(state: AdvisorState) -> impl IntoView {
    // Which scenarios are side by side (indexes); None: the first MAX_COLUMNS.
    let picked = RwSignal::new(None::<Vec<usize>>);
    // Which column a narrow screen shows.
    let shown = RwSignal::new(0usize);
    let count = Memo::new(move |_| state.doc.with(|d| d.scenarios.len()));
    let chosen = Memo::new(move |_| {
        let n = count.get();
        let mut list: Vec<usize> = picked
            .get()
            .map(|p| p.into_iter().filter(|&i| i < n).collect())
            .unwrap_or_default();
        if list.is_empty() {
            list = (0..n.min(MAX_COLUMNS)).collect();
        }
        list.truncate(MAX_COLUMNS);
        list
    });
    let table = Memo::new(move |_| {
        if count.get() < 2 {
            return None;
        }
        let lang = state.lang.get();
        let a = state.advisor();
        let scenarios: Vec<(String, Scenario)> = state.current.with(|d| {
            d.scenarios
                .iter()
                .map(|n| (n.name.clone(), n.scenario.clone()))
                .collect()
        });
        build(&a, &scenarios, &chosen.get(), lang)
    });
    let shown_col = Memo::new(move |_| {
        let n = chosen.with(Vec::len).max(1);
        shown.get().min(n - 1)
    });
    let body = move || {
        let lang = state.lang.get();
        let Some(tb) = table.get() else {
            return view! {
                <p class="adv-lead" data-testid="compare-empty">{t(Key::CompareEmpty, lang)}</p>
            }
            .into_any();
        };
        let a = state.advisor();
        table::table_view(&a, &tb, shown_col.get(), lang)
    };
    let ncols = Memo::new(move |_| table.with(|t| t.as_ref().map_or(0, |t| t.columns.len())));
    let picker = move || {
        let n = count.get();
        if n <= MAX_COLUMNS {
            return ().into_any();
        }
        let lang = state.lang.get();
        let names = state.doc.with(|d| {
            d.scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        });
        let boxes = picker::pick_boxes(names, chosen, picked);
        view! {
            <fieldset class="adv-compare__picker">
                <legend>{t(Key::ComparePick, lang)}</legend>
                {boxes}
            </fieldset>
        }
        .into_any()
    };
    view! {
        <section id="compare" class="adv-section adv-compare" aria-labelledby="compare-title" data-testid="compare">
            <h2 id="compare-title" class="adv-heading-2">{move || state.t(Key::CompareHeading)}</h2>
            {picker}
            <CompareSwitcher state table shown shown_col ncols />
            {body}
        </section>
    }
}
