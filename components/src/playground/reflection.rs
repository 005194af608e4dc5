//! The reflection questions under a prototype's advice, for a user test, and where their
//! answers are kept: on this device only, when the participant presses the button.

use advies_engine::model::ReflectionKind;
use advies_engine::{Lang, reflection};
use leptos::prelude::*;
use leptos::web_sys;

use crate::i18n::{Key, t};
use crate::state::AdvisorState;
use crate::storage;

/// Where a prototype's reflection answers are kept on this device.
fn reflection_key(advisor_id: &str) -> String {
    format!("adviesmodule:reflection:{advisor_id}")
}

/// The reflection answers kept on this device for `advisor_id` (none when storage is not
/// allowed or holds something unreadable).
pub fn stored_rows(advisor_id: &str) -> Vec<reflection::Row> {
    storage::read_item(&reflection_key(advisor_id))
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn store_rows(advisor_id: &str, rows: &[reflection::Row]) -> Result<(), storage::StorageError> {
    let json = serde_json::to_string(rows).map_err(|_| storage::StorageError::WriteFailed)?;
    storage::write_item(&reflection_key(advisor_id), &json)
}

/// The reflection questions of a user test, under the advice on a prototype link. The
/// participant's answers are kept on this device only, when they press the button.
#[component]
pub(super) fn Reflection(state: AdvisorState, lang: Lang) -> impl IntoView {
    let advisor = state.advisor();
    if advisor.def.reflection.is_empty() {
        return ().into_any();
    }
    let answers: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let set = move |id: String, value: String| {
        answers.update(|all| {
            all.retain(|(q, _)| *q != id);
            all.push((id, value));
        })
    };
    let status: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let questions = advisor
        .def
        .reflection
        .iter()
        .map(|(id, q)| {
            let question = q.question.get(lang).to_string();
            let qid = id.clone();
            match q.kind {
                ReflectionKind::Scale => {
                    let low = q.low.get(lang).to_string();
                    let high = q.high.get(lang).to_string();
                    let choices = (1..=5)
                        .map(|k| {
                            let qid = qid.clone();
                            let input_id = format!("reflection-{qid}-{k}");
                            let for_id = input_id.clone();
                            view! {
                                <label class="adv-reflection__point" for=for_id>
                                    <input
                                        type="radio"
                                        id=input_id
                                        name=format!("reflection-{qid}")
                                        value=k.to_string()
                                        on:change=move |_| set(qid.clone(), k.to_string())
                                    />
                                    {k.to_string()}
                                </label>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="adv-reflection__question" data-testid="reflection-question">
                            <legend class="adv-field__label">{question}</legend>
                            <div class="adv-reflection__scale">
                                <span class="adv-hint">{low}</span>
                                {choices}
                                <span class="adv-hint">{high}</span>
                            </div>
                        </fieldset>
                    }
                    .into_any()
                }
                ReflectionKind::Text => {
                    let input_id = format!("reflection-{qid}");
                    let for_id = input_id.clone();
                    view! {
                        <div class="adv-reflection__question" data-testid="reflection-question">
                            <label class="adv-field__label" for=for_id>{question}</label>
                            <textarea
                                id=input_id
                                class="adv-input adv-reflection__text"
                                rows="3"
                                maxlength=reflection::MAX_ANSWER_CHARS.to_string()
                                on:input=move |ev| set(qid.clone(), event_target_value(&ev))
                            ></textarea>
                        </div>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let save = move |_| {
        let a = state.advisor();
        let advice = state
            .evaluation
            .with(|r| crate::embed::best_option_id(&a, r));
        let at: String = web_sys::js_sys::Date::new_0().to_iso_string().into();
        let row = reflection::Row::new(at, a.def.version.clone(), advice, answers.get_untracked());
        let rows = reflection::append(stored_rows(&a.def.id), row);
        status.set(Some(match store_rows(&a.def.id, &rows) {
            Ok(()) => t(Key::ReflectionSaved, lang),
            Err(e) => e.message(lang),
        }));
    };
    view! {
        <section class="adv-section adv-reflection" aria-labelledby="reflection-title" data-testid="reflection">
            <h2 id="reflection-title" class="adv-heading-2">{t(Key::ReflectionHeading, lang)}</h2>
            <p>{t(Key::ReflectionIntro, lang)}</p>
            {questions}
            <button type="button" class="adv-button" id="reflection-save" on:click=save>
                {t(Key::ReflectionSave, lang)}
            </button>
            <p role="status" data-testid="reflection-status">{move || status.get()}</p>
        </section>
    }
    .into_any()
}
