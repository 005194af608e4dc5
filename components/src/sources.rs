//! "Bronnen en cijfers": the published sources and every figure the advice rests on.

use advies_engine::model::{ParameterDef, Source, Status};
use advies_engine::{Advisor, Lang, format};
use leptos::prelude::*;

use crate::display::parameter_value_parts;
use crate::i18n::{Key, t};
use crate::state::AdvisorState;
use crate::ui::{figure, illustrative_badge};

/// `<section id="sources">`: each source (title as link, publisher, date) and each parameter
/// (label, value, status, source, note).
#[component]
pub fn SourceList(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let a_params = a.clone();
    let sources = move || {
        let lang = state.lang.get();
        a.def
            .sources
            .iter()
            .map(|s| source_item(s, lang))
            .collect_view()
    };
    let params = move || {
        let lang = state.lang.get();
        a_params
            .def
            .parameters
            .values()
            .map(|p| parameter_item(&a_params, p, lang))
            .collect_view()
    };
    view! {
        <section id="sources" class="adv-section adv-sources" aria-labelledby="sources-title">
            <h2 id="sources-title" class="adv-heading-2">
                {move || state.t(Key::SourcesHeading)}
            </h2>
            <p class="adv-lead">{move || state.t(Key::SourcesIntro)}</p>
            <div class="adv-sources__grid">
                <div class="adv-sources__list">
                    <h3 class="adv-heading-3">{move || state.t(Key::SourcesListHeading)}</h3>
                    <ul class="adv-source-list">{sources}</ul>
                </div>
                <div class="adv-sources__figures">
                    <h3 class="adv-heading-3">{move || state.t(Key::FiguresHeading)}</h3>
                    <ul class="adv-params">{params}</ul>
                </div>
            </div>
        </section>
    }
}

fn date_view(iso: &str, lang: Lang) -> impl IntoView + use<> {
    view! { <time datetime=iso.to_string()>{format::date(iso, lang)}</time> }
}

fn source_item(s: &Source, lang: Lang) -> impl IntoView + use<> {
    let publisher = (!s.publisher.trim().is_empty()).then(|| format!("{} · ", s.publisher));
    view! {
        <li class="adv-source" data-testid="source">
            <a class="adv-link adv-source__title" href=s.url.clone()>
                {s.title.clone()}
            </a>
            <span class="adv-source__meta">{publisher} {date_view(&s.date, lang)}</span>
        </li>
    }
}

fn parameter_item(a: &Advisor, p: &ParameterDef, lang: Lang) -> impl IntoView + use<> {
    let status = match p.status {
        Status::Illustrative => illustrative_badge(t(Key::IllustrativeAmount, lang)).into_any(),
        Status::Verified => view! {
            <span class="adv-status adv-status--verified">{t(Key::Verified, lang)}</span>
        }
        .into_any(),
    };
    let source = p
        .source
        .as_ref()
        .and_then(|id| a.def.sources.iter().find(|s| &s.id == id));
    let source = match source {
        Some(s) => view! { {s.title.clone()} ", " {date_view(&s.date, lang)} }.into_any(),
        None => t(Key::NoSource, lang).into_any(),
    };
    let note = p.note.get(lang).to_string();
    let note = (!note.is_empty()).then(|| {
        view! {
            <div class="adv-param__fact">
                <dt>{t(Key::Note, lang)}</dt>
                <dd>{note}</dd>
            </div>
        }
    });
    view! {
        <li class="adv-param">
            <h4 class="adv-param__label">{p.label.get(lang).to_string()}</h4>
            <dl class="adv-param__facts">
                <div class="adv-param__fact">
                    <dt>{t(Key::Value, lang)}</dt>
                    <dd class="adv-param__value">{figure(parameter_value_parts(p.value, &p.unit, lang))}</dd>
                </div>
                <div class="adv-param__fact">
                    <dt>{t(Key::Status, lang)}</dt>
                    <dd>{status}</dd>
                </div>
                <div class="adv-param__fact">
                    <dt>{t(Key::Source, lang)}</dt>
                    <dd>{source}</dd>
                </div>
                {note}
            </dl>
        </li>
    }
}
