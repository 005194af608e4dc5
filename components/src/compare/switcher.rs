//! On a narrow screen the comparison shows one column at a time: "Vorige situatie", which one
//! of how many, "Volgende situatie".

use leptos::prelude::*;

use super::columns::Table;
use crate::i18n::{self, Key};
use crate::state::AdvisorState;

/// The buttons that step through the columns (hidden with fewer than two).
#[component]
pub(super) fn CompareSwitcher(
    state: AdvisorState,
    table: Memo<Option<Table>>,
    /// The column asked for.
    shown: RwSignal<usize>,
    /// The column shown: the one asked for, within the columns there are.
    shown_col: Memo<usize>,
    ncols: Memo<usize>,
) -> impl IntoView {
    let position = move || {
        let lang = state.lang.get();
        let show = shown_col.get();
        let name = table.with(|t| {
            t.as_ref()
                .and_then(|t| t.columns.get(show))
                .map(|c| c.name.clone())
                .unwrap_or_default()
        });
        i18n::compare_position(&name, show + 1, ncols.get(), lang)
    };
    view! {
        <div class="adv-compare__switcher" data-testid="compare-switcher" hidden=move || ncols.get() < 2>
            <button
                type="button"
                class="adv-button adv-button--secondary"
                aria-disabled=move || (shown_col.get() == 0).to_string()
                aria-controls="compare-table"
                on:click=move |_| shown.set(shown_col.get().saturating_sub(1))
            >
                {move || state.t(Key::ComparePrevious)}
            </button>
            <p aria-live="polite" data-testid="compare-position">{position}</p>
            <button
                type="button"
                class="adv-button adv-button--secondary"
                aria-disabled=move || (shown_col.get() + 1 >= ncols.get()).to_string()
                aria-controls="compare-table"
                on:click=move |_| shown.set((shown_col.get() + 1).min(ncols.get_untracked().saturating_sub(1)))
            >
                {move || state.t(Key::CompareNext)}
            </button>
        </div>
    }
}
