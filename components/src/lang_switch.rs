//! The language switch: one button naming the next language of the catalogue, in that
//! language (with two languages, the other one).

use leptos::prelude::*;

use advies_engine::Lang;

/// `<button id="lang-switch">`: "English" when the page is Dutch, "Nederlands" when English
/// (the language's own name, [`Lang::name`]).
/// Switches `lang` (an advisor's [`crate::AdvisorState::lang`], or the gallery's).
#[component]
pub fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <button
            id="lang-switch"
            type="button"
            class="adv-button adv-button--secondary adv-lang-switch"
            on:click=move |_| lang.update(|l| *l = l.next())
        >
            <span lang=move || lang.get().next().code()>
                {move || lang.get().next().name()}
            </span>
        </button>
    }
}
