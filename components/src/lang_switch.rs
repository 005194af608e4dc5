//! The language switch: one button naming the other language, in that language.

use leptos::prelude::*;

use advies_engine::Lang;

use crate::i18n::Key;

/// `<button id="lang-switch">`: "English" when the page is Dutch, "Nederlands" when English.
/// Switches `lang` (an advisor's [`crate::AdvisorState::lang`], or the gallery's).
#[component]
pub fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
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
