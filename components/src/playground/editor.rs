//! The playground's editor page: the two files in tabs, the messages, the actions and the live
//! preview. What its parts share is in `editing.rs`.

use advies_engine::Lang;
use leptos::prelude::*;

use super::actions::{CaseResults, LinkView, actions};
use super::code_area::CodeArea;
use super::editing::{Editing, Tab};
use super::messages::Messages;
use super::start_from::start_from;
use super::{Source, parse};
use crate::i18n::{Key, t};
use crate::page::AdvisorView;
use crate::state::AdvisorState;

/// The editor, the messages, the cases and the preview.
#[component]
pub(super) fn Editor(
    sources: Vec<Source>,
    initial: String,
    cases: String,
    lang: Lang,
    problem: Option<String>,
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let parsed = Memo::new_with_compare(move |_| text.with(|t| parse(t)), |_, _| true);
    let ed = Editing {
        text,
        cases_text: RwSignal::new(cases),
        tab: RwSignal::new(Tab::Definition),
        parsed,
        last_good: RwSignal::new(None),
        editor: NodeRef::new(),
        cases_editor: NodeRef::new(),
        escape_pressed: StoredValue::new(false),
        case_results: RwSignal::new(None),
        link: RwSignal::new(None),
    };
    // `last_good` changes only with a new preview, so the preview is rebuilt only then.
    Effect::new(move |_| {
        if let Ok(a) = parsed.get() {
            ed.last_good.set(Some(a));
        }
    });
    let notice = RwSignal::new(problem);
    let initial_text = ed.text.get_untracked();
    let initial_cases = ed.cases_text.get_untracked();
    let (toolbar, put_back) = start_from(ed, &sources, lang);
    let (buttons, answers_status) = actions(ed, lang);
    view! {
        <div class="adv-root adv-playground" lang=lang.code()>
            <header class="adv-header">
                <p class="adv-header__kicker">
                    <a class="adv-link" href="../">{t(Key::ToGallery, lang)}</a>
                </p>
                <h1 class="adv-title">{t(Key::PlaygroundTitle, lang)}</h1>
                <p class="adv-intro">{t(Key::PlaygroundIntro, lang)}</p>
            </header>
            <main class="adv-main adv-playground__main">
                {move || notice.get().map(|n| view! {
                    <div class="adv-alert" role="alert" data-testid="playground-notice">
                        <p>{n}</p>
                        <button type="button" class="adv-button adv-button--secondary" on:click=move |_| notice.set(None)>
                            {t(Key::Close, lang)}
                        </button>
                    </div>
                })}
                <div class="adv-playground__columns">
                    <section class="adv-playground__editor" aria-labelledby="editor-title">
                        <h2 id="editor-title" class="adv-heading-2">{t(Key::PlaygroundEditor, lang)}</h2>
                        {toolbar}
                        {put_back}
                        <FileTabs tab=ed.tab lang />
                        <p class="adv-hint" id="editor-help">{t(Key::PlaygroundKeys, lang)}</p>
                        <CodeArea ed which=Tab::Definition id="definition-editor" label=Key::PlaygroundDefinitionLabel lang initial=initial_text />
                        <CodeArea ed which=Tab::Cases id="cases-editor" label=Key::PlaygroundCasesLabel lang initial=initial_cases />
                        <div class="adv-playground__status" aria-live="polite" data-testid="playground-messages"><Messages ed lang /></div>
                        {buttons}
                        {answers_status}
                        <div class="adv-playground__link-box"><LinkView link=ed.link lang /></div>
                        <div class="adv-playground__case-results" data-testid="case-results"><CaseResults ed lang /></div>
                    </section>
                    <Preview ed lang />
                </div>
            </main>
        </div>
    }
}

/// "definition.toml" and "cases.toml": which file the editor shows.
#[component]
fn FileTabs(tab: RwSignal<Tab>, lang: Lang) -> impl IntoView {
    view! {
        <div class="adv-playground__tabs" role="group" aria-label=t(Key::PlaygroundFiles, lang)>
            <button type="button" class="adv-button adv-button--secondary" id="tab-definition"
                aria-pressed=move || (tab.get() == Tab::Definition).to_string()
                on:click=move |_| tab.set(Tab::Definition)>
                "definition.toml"
            </button>
            <button type="button" class="adv-button adv-button--secondary" id="tab-cases"
                aria-pressed=move || (tab.get() == Tab::Cases).to_string()
                on:click=move |_| tab.set(Tab::Cases)>
                "cases.toml"
            </button>
        </div>
    }
}

/// The preview: the last definition without errors as a prototype, with a note while the text
/// has errors.
#[component]
fn Preview(ed: Editing, lang: Lang) -> impl IntoView {
    let preview = move || {
        let Some(advisor) = ed.last_good.get() else {
            return view! {
                <p class="adv-hint" data-testid="preview-none">{t(Key::PreviewNone, lang)}</p>
            }
            .into_any();
        };
        let state = AdvisorState {
            prototype: true,
            ..AdvisorState::new_embedded(advisor, lang)
        };
        view! { <AdvisorView state /> }.into_any()
    };
    view! {
        <section class="adv-playground__preview" aria-labelledby="preview-title" data-testid="preview">
            <h2 id="preview-title" class="adv-heading-2">{t(Key::PlaygroundPreview, lang)}</h2>
            {move || ed.parsed.with(|p| p.is_err()).then(|| view! {
                <p class="adv-hint" data-testid="preview-stale">{t(Key::PreviewStale, lang)}</p>
            })}
            {preview}
        </section>
    }
}
