//! What the engine says about the definition as it is typed: "geldig" and its warnings, or its
//! errors with line and column; each message puts the cursor at its place.

use advies_engine::{Advisor, Diagnostics, Lang};
use leptos::prelude::*;

use super::editing::{Editing, Tab};
use crate::i18n::{self, Key, t};

/// The warnings of a valid definition (the engine's words, `warning: ` in front), each a
/// button that puts the cursor at its place; they do not stop the preview.
fn warning_items(advisor: &Advisor, ed: Editing) -> impl IntoView {
    let items = advisor.warnings.iter().map(|d| {
        let span = d.span;
        let label = format!("warning: {d}");
        view! {
            <li>
                <button
                    type="button"
                    class="adv-playground__message"
                    data-testid="playground-warning"
                    on:click=move |_| ed.go_to(Tab::Definition, span)
                >
                    {label}
                </button>
            </li>
        }
    });
    items.collect_view()
}

/// The definition's errors, each a button that puts the cursor at its place.
fn error_items(diagnostics: Diagnostics, ed: Editing) -> impl IntoView {
    diagnostics
        .0
        .into_iter()
        .map(|d| {
            let span = d.span;
            let label = d.to_string();
            view! {
                <li>
                    <button
                        type="button"
                        class="adv-playground__message"
                        data-testid="playground-error"
                        data-line=d.line
                        data-column=d.column
                        on:click=move |_| ed.go_to(Tab::Definition, span)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view()
}

/// "Geldig" with the warnings, or how many errors and which.
#[component]
pub(super) fn Messages(ed: Editing, lang: Lang) -> impl IntoView {
    move || {
        match ed.parsed.get() {
        Ok(advisor) => view! {
            <p class="adv-playground__ok" data-testid="playground-ok">{t(Key::PlaygroundValid, lang)}</p>
            <ul class="adv-playground__messages">{warning_items(&advisor, ed)}</ul>
        }
        .into_any(),
        Err(diagnostics) => {
            let count = diagnostics.0.len();
            view! {
                <p class="adv-playground__errors-title">{i18n::playground_errors(count, lang)}</p>
                <ul class="adv-playground__messages">{error_items(diagnostics, ed)}</ul>
            }
            .into_any()
        }
    }
    }
}
