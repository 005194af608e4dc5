//! The handover to a person: "Liever met iemand praten?" leads to a summary for a phone call or
//! a visit (every scenario with its answers, advice and reasons; the sequence over time; the
//! sources with their dates; the date of the advice and the link), printable on A4, and to the
//! contact options the definition declares. Also "Bewaren en delen": the link, and saving on
//! this device only when the citizen asks, with a visible way to delete it again.

use advies_engine::analysis::Analyzer;
use advies_engine::explain::answer_text;
use advies_engine::explain::explain;
use advies_engine::model::ContactKind;
use advies_engine::scenarios::{plan, plan_sentence};
use advies_engine::state as link;
use advies_engine::weights::shares_percent;
use advies_engine::{Advisor, Lang, Scenario, format};
use leptos::html::H2;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::display::{factor_label, factor_value_parts, input_label, join, money};
use crate::i18n::{self, Key, t};
use crate::state::{AdvisorState, Mode};
use crate::storage;

/// The address of this page with the whole state in the fragment (reactive). `None` in a
/// widget: the host page does not open a state from its address, so such a link would lead
/// nowhere.
pub fn share_link(state: AdvisorState) -> Option<String> {
    if state.embedded {
        return None;
    }
    let a = state.advisor();
    let text = state.current.with(|d| link::encode(&a, d));
    Some(this_page_with(&text))
}

/// This page's address (without its fragment) with `fragment` after `#`.
pub fn this_page_with(fragment: &str) -> String {
    let loc = window().location();
    let base = format!(
        "{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    format!("{base}#{fragment}")
}

/// Opens the summary (the citizen asked for a person: counted in
/// [`AdvisorState::contact_requests`]) and puts the focus on its heading. The page scrolls to
/// the top; a widget only scrolls its own summary heading into view.
pub fn open_summary(state: AdvisorState) {
    // A box with typed text and focus commits it now, while its view is still there (a click
    // does this by itself; a keyboard shortcut or assistive technology may not).
    if let Some(focused) = state
        .root
        .get_untracked()
        .and_then(|root| root.query_selector(":focus").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = focused.blur();
    }
    state.commit();
    state.mode.set(Mode::Summary);
    state.contact_requests.update(|n| *n += 1);
    if state.embedded {
        state.reveal_later("summary-title");
    } else {
        state.focus_later("summary-title");
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The always visible way to a person (in the header).
#[component]
pub fn TalkButton(state: AdvisorState) -> impl IntoView {
    view! {
        <button
            type="button"
            id="talk-to-someone"
            class="adv-button adv-button--secondary adv-talk adv-noprint"
            data-testid="talk-to-someone"
            hidden=move || state.mode.get() == Mode::Summary
            on:click=move |_| open_summary(state)
        >
            {move || state.t(Key::TalkToSomeone)}
        </button>
    }
}

/// `<section id="share">`: the link, save on this device, delete from this device, and the
/// way to the summary.
#[component]
pub fn ShareSection(state: AdvisorState) -> impl IntoView {
    let advisor_id = state.advisor.with_value(|a| a.def.id.clone());
    // The link shown follows every change while the section is (nearly) on screen; far below
    // a slider the citizen moves, it catches up when it comes into view. Copying always takes
    // the link of this moment.
    let section = NodeRef::<leptos::html::Section>::new();
    let in_view = crate::visible::visible(section);
    let link_text = Memo::new(move |prev: Option<&String>| match in_view.get() {
        true => share_link(state).unwrap_or_default(),
        false => prev.cloned().unwrap_or_default(),
    });
    let copy_status = RwSignal::new(String::new());
    let device_status = RwSignal::new(String::new());
    let copy = move |_| {
        let lang = state.lang.get_untracked();
        let text = untrack(|| share_link(state)).unwrap_or_default();
        copy_to_clipboard(text, lang, copy_status);
    };
    let id_save = advisor_id.clone();
    let save = move |_| {
        let lang = state.lang.get_untracked();
        state.commit();
        let a = state.advisor();
        let text = state.current.with_untracked(|d| link::encode(&a, d));
        match storage::save(&id_save, &text) {
            Ok(saved) => {
                device_status.set(i18n::saved_on_device(
                    &storage::local_moment(&saved.at, true, lang),
                    lang,
                ));
                state.saved_at.set(Some(saved.at));
            }
            Err(e) => device_status.set(e.message(lang).to_string()),
        }
    };
    let id_delete = advisor_id.clone();
    let delete = move |_| {
        let lang = state.lang.get_untracked();
        match storage::delete(&id_delete) {
            Ok(()) => {
                state.saved_at.set(None);
                device_status.set(t(Key::DeletedFromDevice, lang).to_string());
                state.focus_later("save-on-device");
            }
            Err(e) => device_status.set(e.message(lang).to_string()),
        }
    };
    let saved_line = move || {
        let lang = state.lang.get();
        state
            .saved_at
            .get()
            .map(|at| i18n::saved_since(&storage::local_moment(&at, true, lang), lang))
    };
    // In a widget there is no link to share (see `share_link`): only saving on the device.
    let (heading, intro) = if state.embedded {
        (Key::SaveHeading, Key::SaveIntro)
    } else {
        (Key::ShareHeading, Key::ShareIntro)
    };
    let link_block = (!state.embedded).then(|| {
        view! {
            <div class="adv-share__link">
                <label class="adv-field__label" for="share-link">{move || state.t(Key::ShareLinkLabel)}</label>
                <div class="adv-share__row">
                    <input
                        id="share-link"
                        class="adv-text adv-share__input"
                        type="text"
                        readonly
                        data-testid="share-link"
                        prop:value=move || link_text.get()
                        on:focus=move |ev| {
                            use leptos::wasm_bindgen::JsCast;
                            if let Some(el) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
                            {
                                el.select();
                            }
                        }
                    />
                    <button type="button" id="share-copy" class="adv-button adv-button--secondary" on:click=copy>
                        {move || state.t(Key::CopyLink)}
                    </button>
                </div>
                <p class="adv-share__status" role="status" aria-live="polite" data-testid="copy-status">
                    {move || copy_status.get()}
                </p>
                <p class="adv-footnote">{move || state.t(Key::LinkPrivacy)}</p>
            </div>
        }
    });
    view! {
        <section id="share" class="adv-section adv-share adv-noprint" aria-labelledby="share-title" node_ref=section>
            <h2 id="share-title" class="adv-heading-2">{move || state.t(heading)}</h2>
            <p class="adv-lead">{move || state.t(intro)}</p>
            {link_block}
            <div class="adv-share__device">
                <h3 class="adv-heading-3">{move || state.t(Key::DeviceHeading)}</h3>
                <p>{move || state.t(Key::DeviceIntro)}</p>
                <p data-testid="saved-line">{saved_line}</p>
                <div class="adv-share__buttons">
                    <button type="button" id="save-on-device" class="adv-button adv-button--secondary" on:click=save>
                        {move || {
                            if state.saved_at.with(Option::is_some) {
                                state.t(Key::SaveAgain)
                            } else {
                                state.t(Key::SaveOnDevice)
                            }
                        }}
                    </button>
                    <button
                        type="button"
                        id="delete-from-device"
                        class="adv-button adv-button--secondary adv-button--danger"
                        hidden=move || state.saved_at.with(Option::is_none)
                        on:click=delete
                    >
                        {move || state.t(Key::DeleteFromDevice)}
                    </button>
                </div>
                <p class="adv-share__status" role="status" aria-live="polite" data-testid="device-status">
                    {move || device_status.get()}
                </p>
            </div>
            <div class="adv-share__person">
                <h3 class="adv-heading-3">{move || state.t(Key::TalkToSomeone)}</h3>
                <p>{move || state.t(Key::TalkIntro)}</p>
                <button
                    type="button"
                    id="open-summary"
                    class="adv-button"
                    data-testid="open-summary"
                    on:click=move |_| open_summary(state)
                >
                    {move || state.t(Key::OpenSummary)}
                </button>
            </div>
        </section>
    }
}

fn copy_to_clipboard(text: String, lang: Lang, status: RwSignal<String>) {
    let failed = move || status.set(t(Key::CopyFailed, lang).to_string());
    let Some(clipboard) = Some(window().navigator().clipboard()) else {
        failed();
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(t(Key::Copied, lang).to_string()),
            Err(_) => failed(),
        }
    });
}

/// One scenario in the summary: answers, weights, advice, reasons.
fn scenario_block(a: &Advisor, name: &str, sc: &Scenario, lang: Lang) -> impl IntoView + use<> {
    let ev = a.evaluate(sc);
    let answers = match &ev {
        Ok(ev) => (0..a.inputs.len())
            .filter(|&i| ev.visible.get(i).copied().unwrap_or(false))
            .map(|i| {
                let q = input_label(a, i, lang);
                let v = answer_text(
                    a,
                    i,
                    sc.inputs.get(i).copied().unwrap_or(f64::NAN),
                    false,
                    lang,
                );
                view! {
                    <div class="adv-summary__fact">
                        <dt>{q}</dt>
                        <dd>{v}</dd>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        Err(_) => ().into_any(),
    };
    let shares = shares_percent(&sc.weights);
    let weights = shares
        .iter()
        .enumerate()
        .map(|(f, p)| format!("{} {p}%", factor_label(a, f, lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    let advice = match &ev {
        Err(e) => view! {
            <p>{t(Key::EvalFailed, lang)}</p>
            <p><code>{e.to_string()}</code></p>
        }
        .into_any(),
        Ok(ev) => match ev.best() {
            None => view! { <p>{t(Key::NoneEligible, lang)}</p> }.into_any(),
            Some(o) => {
                let cost = a.cost_factor.and_then(|f| {
                    let v = *ev.options.get(o)?.values.get(f)?;
                    let illustrative = a.value_is_illustrative(o, f);
                    Some((join(factor_value_parts(a, f, v, lang)), illustrative))
                });
                let an = Analyzer::new(a).analyse(sc, ev, a.def.analysis.borderline_below);
                let ex = explain(a, ev, &an, lang);
                let tag = if ex.borderline {
                    t(Key::BorderlineTag, lang)
                } else {
                    t(Key::SolidTag, lang)
                };
                view! {
                    <p class="adv-summary__advice">
                        <strong data-testid="summary-advice">{a.option_label(o, lang)}</strong>
                        {cost.map(|(c, illustrative)| {
                            view! {
                                " · " {c}
                                {illustrative.then(|| format!(" ({})", t(Key::IllustrativePrice, lang)))}
                            }
                        })}
                    </p>
                    <p>{ex.why.clone()}</p>
                    <p>
                        <strong>{tag}</strong>
                        ". "
                        {ex.solidity.clone()}
                    </p>
                    {(!ex.tipping.is_empty()).then(|| {
                        view! {
                            <ul class="adv-summary__tipping">
                                {ex.tipping.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                }
                .into_any()
            }
        },
    };
    view! {
        <section class="adv-summary__scenario" data-testid="summary-scenario">
            <h3 class="adv-heading-3">{name.to_string()}</h3>
            <h4 class="adv-heading-4">{t(Key::CompareAdvice, lang)}</h4>
            {advice}
            <h4 class="adv-heading-4">{t(Key::CompareAnswers, lang)}</h4>
            <dl class="adv-summary__facts">{answers}</dl>
            <p class="adv-summary__weights">
                <strong>{t(Key::CompareWeights, lang)} ": "</strong>
                {weights}
            </p>
        </section>
    }
}

/// The summary for a phone call or a service desk (replaces the explore page until "back").
#[component]
pub fn SummaryView(state: AdvisorState) -> impl IntoView {
    let heading: NodeRef<H2> = NodeRef::new();
    let body = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let doc = state.current.get();
        let today = storage::now_text(false, lang);
        let link_line = share_link(state).map(|url| {
            view! {
                <p class="adv-summary__meta">
                    {t(Key::ShareLinkLabel, lang)} ": "
                    <a class="adv-link adv-summary__url" href=url.clone() data-testid="summary-link">{url.clone()}</a>
                </p>
            }
        });
        let meta = i18n::summary_meta(
            a.def.title.get(lang),
            &a.def.version,
            &format::date(&a.def.valid_from, lang),
            lang,
        );
        let scenarios = doc
            .scenarios
            .iter()
            .map(|n| scenario_block(&a, &n.name, &n.scenario, lang))
            .collect_view();
        let timeline = a.cost_factor.and_then(|cf| {
            if doc.sequence.is_empty() {
                return None;
            }
            let scs: Vec<Scenario> = doc.scenarios.iter().map(|n| n.scenario.clone()).collect();
            let p = plan(&a, &scs, &doc.sequence, cf).ok()?;
            let rows = p
                .periods
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    let name = doc
                        .scenarios
                        .get(r.scenario)
                        .map(|n| n.name.clone())
                        .unwrap_or_default();
                    let best = r
                        .best
                        .map(|o| a.option_label(o, lang))
                        .unwrap_or_else(|| t(Key::NoAdvice, lang).into());
                    let sub = r.subtotal.map(|v| money(v, lang)).unwrap_or_else(|| "—".into());
                    view! {
                        <li>
                            {i18n::period_span(k + 1, r.first_month, r.months, lang)} ": " {name} " · "
                            {best} " · " {sub}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="adv-summary__block">
                    <h3 class="adv-heading-3">{t(Key::TimelineHeading, lang)}</h3>
                    <ul>{rows}</ul>
                    <p>{plan_sentence(&a, &p, lang)}</p>
                </section>
            })
        });
        let sources = a
            .def
            .sources
            .iter()
            .map(|s| {
                let publisher =
                    (!s.publisher.trim().is_empty()).then(|| format!("{}, ", s.publisher));
                view! {
                    <li data-testid="summary-source">
                        {s.title.clone()} " (" {publisher} {format::date(&s.date, lang)} "). "
                        <a class="adv-link adv-summary__url" href=s.url.clone()>{s.url.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        let illustrative = a
            .has_illustrative()
            .then(|| view! { <p>{t(Key::IllustrativePriceNote, lang)}</p> });
        view! {
            <p class="adv-summary__meta" data-testid="summary-date">
                {i18n::advice_date(&today, lang)}
            </p>
            <p class="adv-summary__meta">{meta}</p>
            {link_line}
            <Contacts state />
            {scenarios}
            {timeline}
            <section class="adv-summary__block">
                <h3 class="adv-heading-3">{t(Key::SourcesHeading, lang)}</h3>
                <ul class="adv-summary__sources">{sources}</ul>
                {illustrative}
            </section>
        }
    };
    view! {
        <section id="summary" class="adv-section adv-summary" aria-labelledby="summary-title" data-testid="summary">
            <div class="adv-summary__bar adv-noprint">
                <button
                    type="button"
                    id="summary-back"
                    class="adv-button adv-button--secondary"
                    on:click=move |_| {
                        state.mode.set(Mode::Explore);
                        state.focus_later("talk-to-someone");
                    }
                >
                    {move || state.t(Key::BackToAdvisor)}
                </button>
                <button
                    type="button"
                    id="summary-print"
                    class="adv-button"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {move || state.t(Key::Print)}
                </button>
            </div>
            <h2 id="summary-title" class="adv-heading-2" tabindex="-1" node_ref=heading>
                {move || state.t(Key::SummaryHeading)}
            </h2>
            <p class="adv-lead">
                {move || {
                    // No link to hand over in a widget (see `share_link`).
                    if state.embedded {
                        state.t(Key::SummaryIntroNoLink)
                    } else {
                        state.t(Key::SummaryIntro)
                    }
                }}
            </p>
            {body}
        </section>
    }
}

/// The contact options of the definition.
#[component]
fn Contacts(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    if a.contacts.is_empty() {
        return ().into_any();
    }
    let lang = state.lang.get_untracked();
    let owner = a.def.owner.clone();
    let items = a
        .contacts
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ContactKind::Web => t(Key::ContactWeb, lang),
                ContactKind::Phone => t(Key::ContactPhone, lang),
                ContactKind::Email => t(Key::ContactEmail, lang),
                ContactKind::Visit => t(Key::ContactVisit, lang),
            };
            let value = match &c.href {
                Some(href) => {
                    view! { <a class="adv-link" href=href.clone()>{c.value.clone()}</a> }.into_any()
                }
                None => c.value.clone().into_any(),
            };
            let hours = c
                .hours
                .as_ref()
                .map(|h| view! { <p>{h.get(lang).to_string()}</p> });
            let note = c
                .note
                .as_ref()
                .map(|n| view! { <p>{n.get(lang).to_string()}</p> });
            view! {
                <li class="adv-contact" data-testid="contact">
                    <p>
                        <strong>{c.label.get(lang).to_string()}</strong>
                        " (" {kind} "): " {value}
                    </p>
                    {hours}
                    {note}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="adv-summary__block adv-contacts" data-testid="contacts">
            <h3 class="adv-heading-3">{i18n::contact_heading(&owner, lang)}</h3>
            <ul class="adv-contacts__list">{items}</ul>
        </section>
    }
    .into_any()
}
