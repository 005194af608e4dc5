//! The language switch: one button naming the other language, in that language.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::AdvisorState;

/// `<button id="lang-switch">`: "English" when the page is Dutch, "Nederlands" when English.
#[component]
pub fn LangSwitch(state: AdvisorState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <button
            id="lang-switch"
            type="button"
            class="adv-button adv-button--secondary adv-lang-switch"
            on:click=move |_| lang.update(|l| *l = l.other())
        >
            <span lang=move || lang.get().other().code()>
                {move || Key::SwitchLanguage.get(lang.get())}
            </span>
        </button>
    }
}
