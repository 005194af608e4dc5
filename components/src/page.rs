//! The whole advisor on one page, and the page shown when a definition cannot be loaded.

use std::sync::Arc;

use advies_engine::{Advisor, Diagnostics, Lang};
use leptos::prelude::*;

use crate::advice::{AdviceAnnouncer, AdviceSection};
use crate::gallery::lang_folder;
use crate::i18n::{self, Key, t};
use crate::lang_switch::LangSwitch;
use crate::questions::QuestionList;
use crate::sources::SourceList;
use advies_engine::state as link;

use crate::handover::TalkButton;
use crate::lazy::{Lazy, load_explore_when_idle};
use crate::scenarios::ScenarioBar;
use crate::state::{AdvisorState, LinkReport, Mode};
use crate::storage;
use crate::weights::WeightPanel;

/// The element of an advisor page that holds the advisor (rendered at build time, hydrated).
pub const APP_ELEMENT_ID: &str = "adv-app";
/// The `<script type="application/json">` of an advisor page that holds its definition; its
/// `data-file` names the file for messages.
pub const DEFINITION_ELEMENT_ID: &str = "adv-definition";

/// The standalone page: builds the state, keeps `<html lang>` and the document title in step
/// with the language, and shows [`AdvisorView`].
///
/// The same component renders the page to HTML at build time (with the default answers) and
/// hydrates it in the browser. So the view starts from the defaults in both; only once it is
/// on screen does the page open what a link or this device holds (and say what it repaired),
/// and from then on keep the link in the address bar current.
#[component]
pub fn AdvisorPage(
    advisor: Arc<Advisor>,
    /// The language of the page (`/ret/` or `/ret/en/`); a link's own language wins.
    #[prop(optional)]
    lang: Option<Lang>,
) -> impl IntoView {
    let title = advisor.def.title.clone();
    let state = AdvisorState::new(advisor, lang.unwrap_or_default());
    Effect::new(move |_| {
        untrack(|| {
            if !restore_from_link(state) {
                restore_from_device(state);
            } else {
                note_saved_on_device(state);
            }
            keep_link_current(state);
        })
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(title.get(lang));
    });
    // The page is at `/<id>/` (the default language) or `/<id>/en/` (another language): the
    // gallery is one or two levels up.
    let gallery_root = if lang.unwrap_or_default() == Lang::default() {
        "../"
    } else {
        "../../"
    };
    view! { <AdvisorView state gallery_root /> }
}

/// Opens the state in the URL fragment, if there is one: the valid parts are used, the rest
/// keeps its default, and what was repaired is reported at the top of the page. True when the
/// fragment was meant as a state (used, repaired or refused).
fn restore_from_link(state: AdvisorState) -> bool {
    let hash = window().location().hash().unwrap_or_default();
    let text = hash.strip_prefix('#').unwrap_or(&hash);
    if text.is_empty() {
        return false;
    }
    let a = state.advisor();
    match link::decode(&a, text) {
        Ok(decoded) => {
            state.replace(decoded.state);
            if !decoded.problems.is_empty() {
                state
                    .link_report
                    .set(Some(LinkReport::Repaired(decoded.problems)));
            }
            true
        }
        // An in-page anchor is not a link to a state: nothing to say.
        Err(link::DecodeError::NotOurs | link::DecodeError::Empty) => false,
        Err(e) => {
            state.link_report.set(Some(LinkReport::Failed(e)));
            true
        }
    }
}

/// Without a link: opens what the citizen saved on this device, if anything, and says so.
fn restore_from_device(state: AdvisorState) {
    let id = state.advisor.with_value(|a| a.def.id.clone());
    let Ok(Some(saved)) = storage::load(&id) else {
        return;
    };
    state.saved_at.set(Some(saved.at.clone()));
    let a = state.advisor();
    match link::decode(&a, &saved.text) {
        Ok(decoded) => {
            state.replace(decoded.state);
            state.link_report.set(Some(LinkReport::FromDevice {
                at: saved.at,
                problems: decoded.problems,
            }));
        }
        Err(e) => state.link_report.set(Some(LinkReport::DeviceFailed(e))),
    }
}

/// With a link: only notes whether something is saved on this device (the link wins).
fn note_saved_on_device(state: AdvisorState) {
    let id = state.advisor.with_value(|a| a.def.id.clone());
    if let Ok(Some(saved)) = storage::load(&id) {
        state.saved_at.set(Some(saved.at));
    }
}

/// Keeps the URL fragment equal to the current answers, weights and language, so the address
/// bar always holds a link that restores this page. `replaceState`: no history entry per
/// slider step. The fragment never leaves the browser (it is not sent to any server).
///
/// Written once the citizen pauses ([`LINK_DELAY_MS`]), not on every slider step: changing
/// the document's URL makes Chromium restyle the page (about 5 ms here), which would not fit in
/// the frame of the change itself.
fn keep_link_current(state: AdvisorState) {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |first: Option<()>| {
        // What the link holds; it is written only once the citizen pauses, so a change costs
        // no link of its own.
        state.scenario.track();
        state.doc.track();
        state.lang.track();
        // The first run is the page as opened: leave a link that was opened as it is.
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let a = state.advisor();
                let Some(text) = state.current.try_with_untracked(|d| link::encode(&a, d)) else {
                    return;
                };
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &leptos::wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("#{text}")),
                    );
                }
            },
            std::time::Duration::from_millis(LINK_DELAY_MS),
        )
        .ok();
        pending.set_value(handle);
    });
}

/// Pause after the last change before the link in the address bar is brought up to date.
pub const LINK_DELAY_MS: u64 = 300;

/// The prototype banner ([`AdvisorState::prototype`]): always shown, not closable.
#[component]
fn PrototypeBanner(state: AdvisorState) -> impl IntoView {
    view! {
        <div class="adv-alert adv-alert--warning adv-prototype" role="note" data-testid="prototype-banner">
            <p class="adv-alert__title">{move || state.t(Key::PrototypeTitle)}</p>
            <p>{move || state.t(Key::PrototypeBody)}</p>
        </div>
    }
}

/// The report on an opened link: a notice the citizen can close.
#[component]
fn LinkNotice(state: AdvisorState) -> impl IntoView {
    move || {
        let report = state.link_report.get()?;
        let lang = state.lang.get();
        let a = state.advisor();
        let (title, lines): (String, Vec<String>) = match &report {
            LinkReport::Repaired(problems) => (
                t(Key::LinkRepaired, lang).to_string(),
                problems.iter().map(|p| p.message(&a, lang)).collect(),
            ),
            LinkReport::Failed(e) => (t(Key::LinkFailed, lang).to_string(), vec![e.message(lang)]),
            LinkReport::FromDevice { at, problems } => (
                i18n::opened_from_device(&storage::local_moment(at, true, lang), lang),
                problems
                    .iter()
                    .map(|p| p.message_from(&a, lang, link::Source::Device))
                    .collect(),
            ),
            LinkReport::DeviceFailed(e) => (
                t(Key::DeviceFailed, lang).to_string(),
                vec![e.message(lang)],
            ),
            LinkReport::Prefill(problems) => (
                t(Key::PrefillRepaired, lang).to_string(),
                problems
                    .iter()
                    .map(|p| p.message_from(&a, lang, link::Source::Website))
                    .collect(),
            ),
        };
        // An in-page link to the share section; a widget never opens the device state (and an
        // `href="#…"` there would change the host page's address).
        let from_device = !state.embedded
            && matches!(
                report,
                LinkReport::FromDevice { .. } | LinkReport::DeviceFailed(_)
            );
        Some(view! {
            <div class="adv-alert adv-alert--info adv-link-notice" role="status" data-testid="link-notice">
                <p class="adv-alert__title">{title}</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                {from_device.then(|| view! {
                    <p>
                        <a class="adv-link" href="#share">{t(Key::DeviceManage, lang)}</a>
                    </p>
                })}
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    on:click=move |_| state.link_report.set(None)
                >
                    {t(Key::Close, lang)}
                </button>
            </div>
        })
    }
}

/// Everything of one advisor inside one `<div class="adv-root">`: header (title, intro,
/// language switch, a one-line advice summary), questions beside the advice, sources, footer.
///
/// `compact`: only the questions and the advice (best option, explanation, all options), and
/// the way to a person with its summary: no weights, scenarios, comparison, timeline, chart,
/// share section or sources list.
///
/// On the standalone page the header, main part and footer are the page's landmarks
/// (`<header>`, `<main>`, `<footer>`). In a widget ([`AdvisorState::embedded`]) they are plain
/// `<div>`s with the same classes, and the root is a region named by the title: a host page
/// has its own landmarks, and a second `<main>` would be an error.
#[component]
pub fn AdvisorView(
    state: AdvisorState,
    /// Only questions and advice (for a widget in a narrow place).
    #[prop(optional)]
    compact: bool,
    /// On the site: the way from this page to the site's root, for the link back to the
    /// gallery (which follows the language shown). Without it there is no such link.
    #[prop(optional)]
    gallery_root: Option<&'static str>,
) -> impl IntoView {
    let (title, intro, owner) = state.advisor.with_value(|a| {
        (
            a.def.title.clone(),
            a.def.intro.clone(),
            a.def.owner.clone(),
        )
    });
    let has_intro = !intro.is_empty();
    let embedded = state.embedded;
    // Once the first advice is on screen and answers work (hydrated or built), say so on the
    // root (`data-adv-ready`: for tests and host pages; the HTML made at build time has not got
    // it) and fetch the parts for exploring it (see crate::lazy).
    Effect::new(move |_| {
        if let Some(root) = state.root.try_get_untracked().flatten() {
            let _ = root.set_attribute("data-adv-ready", "");
        }
        load_explore_when_idle();
    });
    let owner_for_footer = owner.clone();
    let jump_to_advice = move |_| {
        if let Some(heading) = state.advice_heading.get() {
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    };
    // On the site, the way back to the gallery of advisors (a widget has no such page).
    let to_gallery = gallery_root.filter(|_| !embedded).map(|root| {
        let href = move || format!("{root}{}", lang_folder(state.lang.get()));
        view! {
            <nav class="adv-site-nav" aria-label=move || state.t(Key::GalleryKicker)>
                <a class="adv-link" href=href id="to-gallery">
                    {move || state.t(Key::ToGallery)}
                </a>
            </nav>
        }
    });
    let header = view! {
        {to_gallery}
        <div class="adv-header__bar">
            <p class="adv-header__kicker">
                {move || state.t(Key::Kicker)} " · " {owner.clone()}
            </p>
            <div class="adv-header__tools">
                <TalkButton state />
                <LangSwitch lang=state.lang />
            </div>
        </div>
        <h1 id="advisor-title" class="adv-title">{move || title.get(state.lang.get()).to_string()}</h1>
        {has_intro
            .then(|| {
                view! {
                    <p class="adv-intro">
                        {move || intro.get(state.lang.get()).to_string()}
                    </p>
                }
            })}
        <div class="adv-now">
            <AdviceAnnouncer state />
            <button
                type="button"
                class="adv-button adv-button--secondary adv-now__jump"
                on:click=jump_to_advice
            >
                {move || state.t(Key::ToFullAdvice)}
            </button>
        </div>
    };
    let main = view! {
        <LinkNotice state />
        {move || match (state.mode.get(), compact) {
            (Mode::Summary, _) => view! {
                <Lazy state render=|p, state| (p.summary)(state) waiting=Key::SummaryLoading />
            }
            .into_any(),
            (Mode::Explore, true) => view! {
                <div class="adv-layout">
                    <div class="adv-layout__inputs">
                        <QuestionList state />
                    </div>
                    <AdviceSection state />
                </div>
            }
            .into_any(),
            (Mode::Explore, false) => view! {
                <ScenarioBar state />
                <div class="adv-layout">
                    <div class="adv-layout__inputs">
                        <QuestionList state />
                        <WeightPanel state />
                    </div>
                    <AdviceSection state />
                </div>
                <Lazy state render=|p, state| (p.compare)(state) stage=1 />
                <Lazy state render=|p, state| (p.timeline)(state) stage=2 quiet=true />
                <Lazy state render=|p, state| (p.chart)(state) stage=3 quiet=true />
                <Lazy state render=|p, state| (p.share)(state) stage=4 quiet=true />
                <SourceList state />
            }
            .into_any(),
        }}
    };
    let footer = view! {
        <p>{move || i18n::owner(&owner_for_footer, state.lang.get())}</p>
        <p>{move || state.t(Key::Privacy)}</p>
    };
    let parts = if embedded {
        view! {
            <div class="adv-header">{header}</div>
            <div class="adv-main">{main}</div>
            <div class="adv-footer">{footer}</div>
        }
        .into_any()
    } else {
        view! {
            <header class="adv-header">{header}</header>
            <main class="adv-main">{main}</main>
            <footer class="adv-footer">{footer}</footer>
        }
        .into_any()
    };
    view! {
        <div
            class="adv-root"
            class:adv-root--embedded=embedded
            class:adv-root--compact=compact
            role=embedded.then_some("region")
            aria-labelledby=embedded.then_some("advisor-title")
            lang=move || state.lang.get().code()
            node_ref=state.root
        >
            // First, before the organisation's name: a prototype is not their advice.
            {state.prototype.then(|| view! { <PrototypeBanner state /> })}
            {parts}
        </div>
    }
}

/// Shown instead of the advisor when its definition does not parse: a plain message for the
/// citizen (in the default language, then in each other language of the catalogue) and the
/// diagnostics for the makers. Never a blank page.
/// `embedded` (in a widget): the same, in a `<div>` instead of the page's `<main>`.
#[component]
pub fn DefinitionErrorPage(
    diagnostics: Diagnostics,
    /// Inside a widget on a host page (which has its own `<main>`).
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let lines = diagnostics
        .0
        .iter()
        .map(|d| view! { <li><code>{d.to_string()}</code></li> })
        .collect_view();
    let first = Lang::default();
    let others = Lang::ALL
        .into_iter()
        .filter(|&l| l != first)
        .map(|l| {
            view! {
                <p lang=l.code()>
                    <strong>{t(Key::StartFailedTitle, l)}</strong>
                    ". "
                    {t(Key::StartFailedBody, l)}
                </p>
            }
        })
        .collect_view();
    let content = view! {
        <div class="adv-alert" role="alert">
            <h1 class="adv-title">{t(Key::StartFailedTitle, first)}</h1>
            <p>{t(Key::StartFailedBody, first)}</p>
            {others}
        </div>
        <h2 class="adv-heading-2">{t(Key::StartFailedDetails, first)}</h2>
        <ul class="adv-diagnostics" lang="en">{lines}</ul>
    };
    let main = if embedded {
        view! { <div class="adv-main adv-main--error">{content}</div> }.into_any()
    } else {
        view! { <main class="adv-main adv-main--error">{content}</main> }.into_any()
    };
    view! {
        <div class="adv-root" class:adv-root--embedded=embedded lang=first.code()>
            {main}
        </div>
    }
}
