//! The editor's actions (run the cases, download, make a prototype link, download the user-test
//! answers) and what they bring back.

use advies_engine::cases::run_cases;
use advies_engine::{Lang, reflection};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

use super::editing::{Editing, Tab};
use super::{CASES_FILE, FILE, MAX_LINK_CHARS, proto_fragment, stored_rows};
use crate::handover::this_page_with;
use crate::i18n::{self, Key, t};

/// The prototype link for the definition in the editor: this page's address with the
/// definition in its fragment; `Err` when it is too long for a link.
fn prototype_link(ed: Editing) -> Result<String, ()> {
    let fragment = ed.text.with_untracked(|d| proto_fragment(d));
    fragment.map(|f| this_page_with(&f)).ok_or(())
}

/// Downloads one of the files, named after the advisor when the definition is good.
fn download(ed: Editing, which: Tab) {
    let (content, name) = match which {
        Tab::Definition => (ed.text.get_untracked(), FILE),
        Tab::Cases => (ed.cases_text.get_untracked(), CASES_FILE),
    };
    let name = match ed.last_good.get_untracked() {
        Some(a) => format!("{}-{name}", a.def.id),
        None => name.to_string(),
    };
    save_file(&name, &content);
}

/// The buttons under the editor, and what downloading the answers did: two siblings in the
/// editor's section (one view of both would add a hydration marker after them).
pub(super) fn actions(ed: Editing, lang: Lang) -> (impl IntoView, impl IntoView) {
    let run = move |_| {
        let Some(advisor) = ed.last_good.get_untracked() else {
            return;
        };
        let result = ed
            .cases_text
            .with_untracked(|c| run_cases(&advisor, c, CASES_FILE));
        ed.case_results.set(Some(result));
    };
    // The user-test answers kept in this browser for the advisor in the editor, as CSV.
    let answers_status: RwSignal<Option<String>> = RwSignal::new(None);
    let download_answers = move |_| {
        let Some(a) = ed.last_good.get_untracked() else {
            return;
        };
        let rows = stored_rows(&a.def.id);
        if rows.is_empty() {
            answers_status.set(Some(t(Key::NoAnswersYet, lang).to_string()));
            return;
        }
        save_file(
            &format!("{}-antwoorden.csv", a.def.id),
            &reflection::csv(&a.def, &rows),
        );
        answers_status.set(Some(i18n::answers_downloaded(rows.len(), lang)));
    };
    let make_link = move |_| ed.link.set(Some(prototype_link(ed)));
    let buttons = view! {
        <div class="adv-playground__actions">
            <button type="button" class="adv-button" id="run-cases" on:click=run>
                {t(Key::RunCases, lang)}
            </button>
            <button type="button" class="adv-button adv-button--secondary" id="download-definition" on:click=move |_| download(ed, Tab::Definition)>
                {t(Key::DownloadDefinition, lang)}
            </button>
            <button type="button" class="adv-button adv-button--secondary" id="download-cases" on:click=move |_| download(ed, Tab::Cases)>
                {t(Key::DownloadCases, lang)}
            </button>
            <button type="button" class="adv-button adv-button--secondary" id="make-link" on:click=make_link>
                {t(Key::MakeProtoLink, lang)}
            </button>
            <button type="button" class="adv-button adv-button--secondary" id="download-answers" on:click=download_answers>
                {t(Key::DownloadAnswers, lang)}
            </button>
        </div>
    };
    let status = view! {
        <p class="adv-hint" role="status" data-testid="answers-status">{move || answers_status.get()}</p>
    };
    (buttons, status)
}

/// The prototype link made last, to copy; or that the definition is too long for one.
#[component]
pub(super) fn LinkView(link: RwSignal<Option<Result<String, ()>>>, lang: Lang) -> impl IntoView {
    move || {
        link.get().map(|l| match l {
            Ok(url) => view! {
                <label class="adv-field__label" for="proto-link">{t(Key::ProtoLinkLabel, lang)}</label>
                <input id="proto-link" class="adv-input adv-playground__link" readonly value=url />
                <p class="adv-hint">{t(Key::ProtoLinkNote, lang)}</p>
            }
            .into_any(),
            Err(()) => view! { <p role="alert">{i18n::proto_too_long(MAX_LINK_CHARS, lang)}</p> }.into_any(),
        })
    }
}

/// The cases' results: how many passed, and per case what failed; or the cases file's errors.
#[component]
pub(super) fn CaseResults(ed: Editing, lang: Lang) -> impl IntoView {
    move || {
        let result = ed.case_results.get()?;
        Some(match result {
            Ok(results) => {
                let passed = results.iter().filter(|r| r.passed()).count();
                let total = results.len();
                let rows = results
                    .into_iter()
                    .map(|r| {
                        let ok = r.passed();
                        let failures = r
                            .failures
                            .into_iter()
                            .map(|f| view! { <li><code>{f}</code></li> })
                            .collect_view();
                        view! {
                            <li class="adv-playground__case" data-testid="case-result" data-passed=ok.to_string()>
                                <span class="adv-tag" class:adv-tag--solid=ok class:adv-tag--borderline=!ok>
                                    {if ok { t(Key::CasePassed, lang) } else { t(Key::CaseFailed, lang) }}
                                </span>
                                " " {r.name}
                                <ul>{failures}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p data-testid="cases-summary" role="status">{i18n::cases_summary(passed, total, lang)}</p>
                    <ul class="adv-playground__cases">{rows}</ul>
                }
                .into_any()
            }
            Err(diagnostics) => {
                let items = diagnostics
                    .0
                    .into_iter()
                    .map(|d| {
                        let span = d.span;
                        view! {
                            <li>
                                <button type="button" class="adv-playground__message" data-testid="cases-error" on:click=move |_| ed.go_to(Tab::Cases, span)>
                                    {d.to_string()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p data-testid="cases-summary" role="status">{t(Key::CasesFileErrors, lang)}</p>
                    <ul class="adv-playground__messages">{items}</ul>
                }
                .into_any()
            }
        })
    }
}

/// Offers `content` as a download named `name` (a Blob URL on a temporary link).
fn save_file(name: &str, content: &str) {
    let parts = web_sys::js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a")
        && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
