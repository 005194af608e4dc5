//! The designer playground (feature `playground`): a definition in an editor beside a live
//! preview. Errors with line and column as you type (click one: the cursor goes there); while
//! the text has errors, the last good preview stays. Test cases run on request. Start from the
//! template or a copy of a built-in advisor; download; a prototype link carries the whole
//! definition in the URL fragment (compressed), and opens as the advisor alone, for a test
//! participant, under a banner that says it is a prototype.
//!
//! No business rules here either: parsing, validation and the cases are the engine's.

use std::sync::Arc;

use advies_engine::cases::run_cases;
use advies_engine::model::ReflectionKind;
use advies_engine::{Advisor, Diagnostics, Lang, reflection};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

use crate::i18n::{self, Key, t};
use crate::page::AdvisorView;
use crate::state::AdvisorState;
use crate::storage;

/// The template a new advisor starts from (the same as `cargo xtask advisor new`).
pub const TEMPLATE: &str = include_str!("../../engine/templates/definition.toml");
/// The template's test cases.
pub const TEMPLATE_CASES: &str = include_str!("../../engine/templates/cases.toml");

/// File name used in messages, so they read like `definition.toml:12:3: …`.
const FILE: &str = "definition.toml";
const CASES_FILE: &str = "cases.toml";
/// Start of a prototype link's fragment: `#proto=<lz-string, URI-safe>`.
const PROTO: &str = "proto=";
/// Start of the fragment that opens the same definition in the editor: `#edit=…`.
const EDIT: &str = "edit=";
/// A definition longer than this is not put in a link (browsers and chat apps cut long links).
pub const MAX_LINK_CHARS: usize = 60_000;

/// A built-in advisor as written: id, definition TOML, cases TOML.
pub type Source = (&'static str, &'static str, &'static str);

/// The prototype link text (the part after `#`) for `definition`, or `None` when it is too long.
pub fn proto_fragment(definition: &str) -> Option<String> {
    let packed = lz_str::compress_to_encoded_uri_component(definition);
    (packed.len() + PROTO.len() <= MAX_LINK_CHARS).then(|| format!("{PROTO}{packed}"))
}

/// What a prototype link's fragment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// `#proto=…`: the advisor alone, for a test participant.
    Participant,
    /// `#edit=…`: the editor with this definition, for the designer.
    Editor,
}

/// The definition in a prototype link's fragment (with or without `#`): `None` when the
/// fragment is not a prototype link, an `Err(())` when it is one that cannot be unpacked.
pub fn definition_from_fragment(fragment: &str) -> Option<(Opened, Result<String, ()>)> {
    let fragment = fragment.trim_start_matches('#');
    let (opened, packed) = if let Some(p) = fragment.strip_prefix(PROTO) {
        (Opened::Participant, p)
    } else {
        (Opened::Editor, fragment.strip_prefix(EDIT)?)
    };
    let text = lz_str::decompress_from_encoded_uri_component(packed)
        .and_then(|units| String::from_utf16(&units).ok())
        .filter(|text| !text.is_empty())
        .ok_or(());
    Some((opened, text))
}

/// The UTF-16 offset (what a textarea's selection counts) of byte offset `byte` in `text`.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    let byte = byte.min(text.len());
    let byte = (0..=byte)
        .rev()
        .find(|b| text.is_char_boundary(*b))
        .unwrap_or(0);
    text[..byte].encode_utf16().count() as u32
}

/// Parses `text` as a definition: the advisor, or the diagnostics.
fn parse(text: &str) -> Result<Arc<Advisor>, Diagnostics> {
    Advisor::parse(text, FILE).map(Arc::new)
}

/// The warnings of a valid definition (the engine's words, `warning: ` in front), each a
/// button that puts the cursor at its place; they do not stop the preview.
fn warning_items(
    advisor: &Advisor,
    go_to: impl Fn(Tab, (usize, usize)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let items = advisor.warnings.iter().map(|d| {
        let span = d.span;
        let label = format!("warning: {d}");
        view! {
            <li>
                <button
                    type="button"
                    class="adv-playground__message"
                    data-testid="playground-warning"
                    on:click=move |_| go_to(Tab::Definition, span)
                >
                    {label}
                </button>
            </li>
        }
    });
    items.collect_view()
}

/// The playground page. `sources`: the built-in advisors to copy from. `fragment`: the URL
/// fragment the page was opened with (a prototype link opens the participant view).
#[component]
pub fn Playground(sources: Vec<Source>, fragment: String, lang: Lang) -> impl IntoView {
    let opened = definition_from_fragment(&fragment);
    match opened {
        Some((Opened::Participant, Ok(text))) => match parse(&text) {
            Ok(advisor) => view! { <Participant advisor fragment lang /> }.into_any(),
            // The link's text has errors: the editor shows it with its messages.
            Err(_) => view! {
                <Editor sources initial=text cases=String::new() lang problem=Some(t(Key::ProtoLinkErrors, lang).to_string()) />
            }
            .into_any(),
        },
        Some((Opened::Editor, Ok(text))) => {
            view! { <Editor sources initial=text cases=String::new() lang problem=None /> }.into_any()
        }
        Some((_, Err(()))) => view! {
            <Editor
                sources
                initial=TEMPLATE.to_string()
                cases=TEMPLATE_CASES.to_string()
                lang
                problem=Some(t(Key::ProtoLinkBroken, lang).to_string())
            />
        }
        .into_any(),
        None => view! {
            <Editor sources initial=TEMPLATE.to_string() cases=TEMPLATE_CASES.to_string() lang problem=None />
        }
        .into_any(),
    }
}

/// A test participant's view of a prototype link: the banner and the advisor, nothing else
/// (and a way into the editor with the same definition, for the designer).
#[component]
fn Participant(advisor: Arc<Advisor>, fragment: String, lang: Lang) -> impl IntoView {
    let state = AdvisorState {
        prototype: true,
        ..AdvisorState::new_embedded(advisor, lang)
    };
    let to_editor = format!(
        "#{EDIT}{}",
        fragment.trim_start_matches('#').trim_start_matches(PROTO)
    );
    view! {
        <div class="adv-root adv-playground adv-playground--participant" lang=lang.code()>
            <main class="adv-main">
                <AdvisorView state />
                <Reflection state lang />
                <p class="adv-playground__to-editor">
                    <a class="adv-link" href=to_editor id="open-editor">{t(Key::ProtoOpenEditor, lang)}</a>
                </p>
            </main>
        </div>
    }
}

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
fn Reflection(state: AdvisorState, lang: Lang) -> impl IntoView {
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Definition,
    Cases,
}

/// The editor, the messages, the cases and the preview.
#[component]
fn Editor(
    sources: Vec<Source>,
    initial: String,
    cases: String,
    lang: Lang,
    problem: Option<String>,
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let cases_text = RwSignal::new(cases);
    let tab = RwSignal::new(Tab::Definition);
    let parsed = Memo::new_with_compare(move |_| text.with(|t| parse(t)), |_, _| true);
    // The last definition without errors: the preview keeps showing it while the text has
    // errors. `generation` counts new previews, so the preview is rebuilt only then.
    let last_good: RwSignal<Option<Arc<Advisor>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Ok(a) = parsed.get() {
            last_good.set(Some(a));
        }
    });
    let editor: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let cases_editor: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let escape_pressed = StoredValue::new(false);
    let case_results: RwSignal<Option<Result<Vec<advies_engine::cases::CaseResult>, Diagnostics>>> =
        RwSignal::new(None);
    let link: RwSignal<Option<Result<String, ()>>> = RwSignal::new(None);
    let notice = RwSignal::new(problem);

    // Tab inserts two spaces; Escape first, then Tab, leaves the editor (no keyboard trap).
    let on_keydown = move |ev: web_sys::KeyboardEvent,
                           target: NodeRef<leptos::html::Textarea>,
                           signal: RwSignal<String>| {
        if ev.key() == "Escape" {
            escape_pressed.set_value(true);
            return;
        }
        let after_escape = escape_pressed.get_value();
        escape_pressed.set_value(false);
        if ev.key() != "Tab"
            || ev.shift_key()
            || ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || after_escape
        {
            return;
        }
        let Some(area) = target.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let value = area.value();
        let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
        let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
        let units: Vec<u16> = value.encode_utf16().collect();
        let (start, end) = (start.min(units.len()), end.min(units.len()));
        let mut next: Vec<u16> = units[..start].to_vec();
        next.extend("  ".encode_utf16());
        next.extend_from_slice(&units[end..]);
        let next = String::from_utf16_lossy(&next);
        area.set_value(&next);
        let caret = (start + 2) as u32;
        let _ = area.set_selection_range(caret, caret);
        signal.set(next);
    };

    // A message's place: focus the editor with the cursor there.
    let go_to = move |which: Tab, span: (usize, usize)| {
        tab.set(which);
        let (target, signal) = match which {
            Tab::Definition => (editor, text),
            Tab::Cases => (cases_editor, cases_text),
        };
        request_animation_frame(move || {
            if let Some(area) = target.get_untracked() {
                let value = signal.get_untracked();
                let (from, to) = (
                    utf16_offset(&value, span.0),
                    utf16_offset(&value, span.1.max(span.0)),
                );
                let _ = area.focus();
                let _ = area.set_selection_range(from, to);
            }
        });
    };

    let messages = move || {
        match parsed.get() {
        Ok(advisor) => view! {
            <p class="adv-playground__ok" data-testid="playground-ok">{t(Key::PlaygroundValid, lang)}</p>
            <ul class="adv-playground__messages">{warning_items(&advisor, go_to)}</ul>
        }
        .into_any(),
        Err(diagnostics) => {
            let count = diagnostics.0.len();
            let items = diagnostics
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
                                on:click=move |_| go_to(Tab::Definition, span)
                            >
                                {label}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="adv-playground__errors-title">{i18n::playground_errors(count, lang)}</p>
                <ul class="adv-playground__messages">{items}</ul>
            }
            .into_any()
        }
    }
    };

    let run = move |_| {
        let Some(advisor) = last_good.get_untracked() else {
            return;
        };
        let result = cases_text.with_untracked(|c| run_cases(&advisor, c, CASES_FILE));
        case_results.set(Some(result));
    };
    let case_view = move || {
        let result = case_results.get()?;
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
                                <button type="button" class="adv-playground__message" data-testid="cases-error" on:click=move |_| go_to(Tab::Cases, span)>
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
    };

    // Start from the template or a copy of a built-in advisor.
    let choices: Vec<(String, String, String, String)> = std::iter::once((
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
    .collect();
    let choices = StoredValue::new(choices);
    let chosen = RwSignal::new("template".to_string());
    // Loading replaces the texts; what was there can be put back (nothing is lost).
    let replaced: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let put_texts = move |def: &str, cases: &str| {
        text.set(def.to_string());
        cases_text.set(cases.to_string());
        case_results.set(None);
        link.set(None);
        if let Some(area) = editor.get_untracked() {
            area.set_value(def);
        }
        if let Some(area) = cases_editor.get_untracked() {
            area.set_value(cases);
        }
    };
    let start_from = move |_| {
        let id = chosen.get_untracked();
        let previous = (text.get_untracked(), cases_text.get_untracked());
        choices.with_value(|all| {
            if let Some((_, _, def, cases)) = all.iter().find(|c| c.0 == id) {
                if (def, cases) != (&previous.0, &previous.1) {
                    replaced.set(Some(previous));
                }
                put_texts(def, cases);
            }
        });
    };
    let put_back = move |_| {
        if let Some((def, cases)) = replaced.get_untracked() {
            put_texts(&def, &cases);
            replaced.set(None);
        }
    };

    let download = move |which: Tab| {
        let (content, name) = match which {
            Tab::Definition => (text.get_untracked(), FILE),
            Tab::Cases => (cases_text.get_untracked(), CASES_FILE),
        };
        let name = match last_good.get_untracked() {
            Some(a) => format!("{}-{name}", a.def.id),
            None => name.to_string(),
        };
        save_file(&name, &content);
    };

    // The user-test answers kept in this browser for the advisor in the editor, as CSV.
    let answers_status: RwSignal<Option<String>> = RwSignal::new(None);
    let download_answers = move |_| {
        let Some(a) = last_good.get_untracked() else {
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

    let make_link = move |_| {
        let result = text.with_untracked(|d| proto_fragment(d)).map(|fragment| {
            let location = window().location();
            let base = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            format!("{base}#{fragment}")
        });
        link.set(Some(result.ok_or(())));
    };
    let link_view = move || {
        link.get().map(|l| match l {
            Ok(url) => view! {
                <label class="adv-field__label" for="proto-link">{t(Key::ProtoLinkLabel, lang)}</label>
                <input id="proto-link" class="adv-input adv-playground__link" readonly value=url />
                <p class="adv-hint">{t(Key::ProtoLinkNote, lang)}</p>
            }
            .into_any(),
            Err(()) => view! { <p role="alert">{i18n::proto_too_long(MAX_LINK_CHARS, lang)}</p> }.into_any(),
        })
    };

    let preview = move || {
        let Some(advisor) = last_good.get() else {
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
    let line_numbers = move |signal: RwSignal<String>| {
        move || {
            let n = signal.with(|t| t.lines().count().max(1) + usize::from(t.ends_with('\n')));
            (1..=n)
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    let gutter: NodeRef<leptos::html::Pre> = NodeRef::new();
    let cases_gutter: NodeRef<leptos::html::Pre> = NodeRef::new();
    let sync_scroll = move |area: NodeRef<leptos::html::Textarea>,
                            gutter: NodeRef<leptos::html::Pre>| {
        if let (Some(a), Some(g)) = (area.get_untracked(), gutter.get_untracked()) {
            g.set_scroll_top(a.scroll_top());
        }
    };
    let initial_text = text.get_untracked();
    let initial_cases = cases_text.get_untracked();
    // One file's editor: line numbers beside a textarea, shown when its tab is chosen.
    let code_area = move |which: Tab,
                          id: &'static str,
                          label: Key,
                          signal: RwSignal<String>,
                          area: NodeRef<leptos::html::Textarea>,
                          numbers: NodeRef<leptos::html::Pre>,
                          initial: String| {
        view! {
            <div class="adv-playground__code" hidden=move || tab.get() != which>
                <pre class="adv-playground__gutter" aria-hidden="true" node_ref=numbers>{line_numbers(signal)}</pre>
                <textarea
                    id=id
                    class="adv-playground__textarea"
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-label=t(label, lang)
                    aria-describedby="editor-help"
                    node_ref=area
                    on:input=move |ev| signal.set(event_target_value(&ev))
                    on:keydown=move |ev| on_keydown(ev, area, signal)
                    on:scroll=move |_| sync_scroll(area, numbers)
                    prop:value=initial
                ></textarea>
            </div>
        }
    };

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
                        {move || replaced.get().is_some().then(|| view! {
                            <p class="adv-playground__replaced" role="status">
                                {t(Key::PlaygroundReplaced, lang)} " "
                                <button type="button" class="adv-button adv-button--secondary" id="put-back" on:click=put_back>
                                    {t(Key::PlaygroundPutBack, lang)}
                                </button>
                            </p>
                        })}
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
                        <p class="adv-hint" id="editor-help">{t(Key::PlaygroundKeys, lang)}</p>
                        {code_area(Tab::Definition, "definition-editor", Key::PlaygroundDefinitionLabel, text, editor, gutter, initial_text)}
                        {code_area(Tab::Cases, "cases-editor", Key::PlaygroundCasesLabel, cases_text, cases_editor, cases_gutter, initial_cases)}
                        <div class="adv-playground__status" aria-live="polite" data-testid="playground-messages">{messages}</div>
                        <div class="adv-playground__actions">
                            <button type="button" class="adv-button" id="run-cases" on:click=run>
                                {t(Key::RunCases, lang)}
                            </button>
                            <button type="button" class="adv-button adv-button--secondary" id="download-definition" on:click=move |_| download(Tab::Definition)>
                                {t(Key::DownloadDefinition, lang)}
                            </button>
                            <button type="button" class="adv-button adv-button--secondary" id="download-cases" on:click=move |_| download(Tab::Cases)>
                                {t(Key::DownloadCases, lang)}
                            </button>
                            <button type="button" class="adv-button adv-button--secondary" id="make-link" on:click=make_link>
                                {t(Key::MakeProtoLink, lang)}
                            </button>
                            <button type="button" class="adv-button adv-button--secondary" id="download-answers" on:click=download_answers>
                                {t(Key::DownloadAnswers, lang)}
                            </button>
                        </div>
                        <p class="adv-hint" role="status" data-testid="answers-status">{move || answers_status.get()}</p>
                        <div class="adv-playground__link-box">{link_view}</div>
                        <div class="adv-playground__case-results" data-testid="case-results">{case_view}</div>
                    </section>
                    <section class="adv-playground__preview" aria-labelledby="preview-title" data-testid="preview">
                        <h2 id="preview-title" class="adv-heading-2">{t(Key::PlaygroundPreview, lang)}</h2>
                        {move || parsed.with(|p| p.is_err()).then(|| view! {
                            <p class="adv-hint" data-testid="preview-stale">{t(Key::PreviewStale, lang)}</p>
                        })}
                        {preview}
                    </section>
                </div>
            </main>
        </div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prototype_link_carries_the_definition_exactly() {
        let fragment = proto_fragment(TEMPLATE).unwrap();
        assert!(
            fragment.len() < TEMPLATE.len(),
            "compressed: {} < {}",
            fragment.len(),
            TEMPLATE.len()
        );
        assert!(
            fragment.bytes().all(|b| b.is_ascii_graphic()),
            "safe in a URL"
        );
        assert_eq!(
            definition_from_fragment(&format!("#{fragment}")),
            Some((Opened::Participant, Ok(TEMPLATE.to_string())))
        );
        let edit = fragment.replacen(PROTO, EDIT, 1);
        assert_eq!(
            definition_from_fragment(&edit),
            Some((Opened::Editor, Ok(TEMPLATE.to_string())))
        );
        let with_accents = "title = { nl = \"Café €\" }\n";
        let f = proto_fragment(with_accents).unwrap();
        assert_eq!(
            definition_from_fragment(&f).map(|d| d.1),
            Some(Ok(with_accents.to_string()))
        );
    }

    #[test]
    fn other_fragments_and_broken_links() {
        assert_eq!(definition_from_fragment(""), None);
        assert_eq!(definition_from_fragment("#v2;ret;1"), None);
        assert_eq!(
            definition_from_fragment("#proto=").map(|d| d.1),
            Some(Err(()))
        );
        assert_eq!(
            definition_from_fragment("#edit=%%%not-lz").map(|d| d.1),
            Some(Err(()))
        );
        let long = "x".repeat(400_000);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let random: String = (0..200_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from(b'!' + (seed % 90) as u8)
            })
            .collect();
        assert!(
            proto_fragment(&long).is_some(),
            "repetitive text packs well"
        );
        assert_eq!(proto_fragment(&random), None, "too long for a link");
    }

    #[test]
    fn textarea_offsets_count_utf16_units() {
        let text = "a€b\n😀c";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 1), 1);
        assert_eq!(utf16_offset(text, 4), 2); // after the euro sign (3 bytes, 1 unit)
        assert_eq!(utf16_offset(text, 2), 1); // inside the euro sign: its start
        assert_eq!(utf16_offset(text, 10), 6); // after the emoji (4 bytes, 2 units)
        assert_eq!(utf16_offset(text, 999), 7);
    }

    #[test]
    fn the_template_is_a_valid_advisor_with_passing_cases() {
        let a = parse(TEMPLATE).expect("template parses");
        let results = run_cases(&a, TEMPLATE_CASES, CASES_FILE).expect("cases parse");
        assert!(results.len() >= 12);
        assert!(results.iter().all(|r| r.passed()));
    }
}
