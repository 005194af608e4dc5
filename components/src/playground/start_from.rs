//! "Begin met": the template or a copy of a built-in advisor replaces the texts; what was there
//! can be put back, so nothing is lost.

use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use super::editing::Editing;
use super::{FILE, Source, TEMPLATE, TEMPLATE_CASES};
use crate::i18n::{self, Key, t};

/// The choices to start from: (id, label, definition, cases).
fn choices(sources: &[Source], lang: Lang) -> Vec<(String, String, String, String)> {
    std::iter::once((
        "template".to_string(),
        t(Key::PlaygroundTemplate, lang).to_string(),
        TEMPLATE.to_string(),
        TEMPLATE_CASES.to_string(),
    ))
    .chain(sources.iter().filter_map(|(id, def, cases)| {
        let title = Advisor::parse(def, FILE)
            .ok()?
            .def
            .title
            .get(lang)
            .to_string();
        Some((
            id.to_string(),
            i18n::copy_of(&title, lang),
            def.to_string(),
            cases.to_string(),
        ))
    }))
    .collect()
}

/// The select with "Laden", and after loading "Zet terug": two siblings in the editor's
/// section (one view of both would add a hydration marker after them).
pub(super) fn start_from(
    ed: Editing,
    sources: &[Source],
    lang: Lang,
) -> (impl IntoView + use<>, impl IntoView + use<>) {
    let choices = StoredValue::new(choices(sources, lang));
    let chosen = RwSignal::new("template".to_string());
    // Loading replaces the texts; what was there can be put back (nothing is lost).
    let replaced: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let put_texts = move |def: &str, cases: &str| {
        ed.text.set(def.to_string());
        ed.cases_text.set(cases.to_string());
        ed.case_results.set(None);
        ed.link.set(None);
        if let Some(area) = ed.editor.get_untracked() {
            area.set_value(def);
        }
        if let Some(area) = ed.cases_editor.get_untracked() {
            area.set_value(cases);
        }
    };
    let start_from = move |_| {
        let id = chosen.get_untracked();
        let previous = (ed.text.get_untracked(), ed.cases_text.get_untracked());
        choices.with_value(|all| {
            if let Some((_, _, def, cases)) = all.iter().find(|c| c.0 == id) {
                if (def, cases) != (&previous.0, &previous.1) {
                    replaced.set(Some(previous));
                }
                put_texts(def, cases);
            }
        });
    };
    let on_put_back = move |_| {
        if let Some((def, cases)) = replaced.get_untracked() {
            put_texts(&def, &cases);
            replaced.set(None);
        }
    };

    let toolbar = view! {
        <div class="adv-playground__toolbar">
            <label class="adv-field__label" for="start-from">{t(Key::PlaygroundStartFrom, lang)}</label>
            <select
                id="start-from"
                class="adv-select"
                on:change=move |ev| chosen.set(event_target_value(&ev))
            >
                {choices.with_value(|all| all.iter().map(|(id, label, _, _)| {
                    view! { <option value=id.clone()>{label.clone()}</option> }
                }).collect_view())}
            </select>
            <button type="button" class="adv-button adv-button--secondary" id="start-load" on:click=start_from>
                {t(Key::PlaygroundLoad, lang)}
            </button>
        </div>
    };
    let put_back = move || {
        replaced.get().is_some().then(|| view! {
            <p class="adv-playground__replaced" role="status">
                {t(Key::PlaygroundReplaced, lang)} " "
                <button type="button" class="adv-button adv-button--secondary" id="put-back" on:click=on_put_back>
                    {t(Key::PlaygroundPutBack, lang)}
                </button>
            </p>
        })
    };
    (toolbar, put_back)
}
