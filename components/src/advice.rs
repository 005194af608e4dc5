//! The advice: section, best option, and the live-region sentence for screen readers.

use advies_engine::{Advisor, Evaluation, Lang};
use advies_engine::{catalogue, format};
use leptos::prelude::*;

use crate::display::factor_value_parts;
use crate::i18n::{Key, announce_around, announce_none, more_info, t};
use crate::options::{HowWeCompare, OptionList};
use crate::state::AdvisorState;
use crate::ui::{figure, illustrative_badge};

/// `<section id="advice">`: the best option, all options, how we compare, version and date.
#[component]
pub fn AdviceSection(state: AdvisorState) -> impl IntoView {
    let (version, valid_from) = state
        .advisor
        .with_value(|a| (a.def.version.clone(), a.def.valid_from.clone()));
    let meta = move || {
        let lang = state.lang.get();
        catalogue::version_meta(lang, &version, &format::date(&valid_from, lang))
    };
    view! {
        <section id="advice" class="adv-section adv-advice" aria-labelledby="advice-title">
            <h2
                id="advice-title"
                class="adv-heading-2"
                tabindex="-1"
                node_ref=state.advice_heading
            >
                {move || state.heading_for_shown(Key::AdviceHeading)}
            </h2>
            <AdviceSummary state />
            <crate::why::WhyPanel state />
            <OptionList state />
            <HowWeCompare state />
            <p class="adv-meta">{meta}</p>
        </section>
    }
}

/// The headline figure of option `o`: its first factor, formatted; and whether it rests on an
/// illustrative figure.
fn headline(
    a: &Advisor,
    ev: &Evaluation,
    o: usize,
    lang: Lang,
) -> Option<((String, String), bool)> {
    let v = *ev.options.get(o)?.values.first()?;
    Some((
        factor_value_parts(a, 0, v, lang),
        a.value_is_illustrative(o, 0),
    ))
}

/// The best option: label, headline figure, description, link. Or why there is none.
#[component]
pub fn AdviceSummary(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    move || {
        let lang = state.lang.get();
        state.evaluation.with(|r| match r {
            Err(e) => view! {
                <div class="adv-alert" role="alert">
                    <p class="adv-alert__title">{t(Key::EvalFailed, lang)}</p>
                    <p class="adv-alert__detail">
                        {t(Key::TechnicalMessage, lang)} " " <code>{e.to_string()}</code>
                    </p>
                </div>
            }
            .into_any(),
            Ok(ev) => match ev.best() {
                None => view! {
                    <div class="adv-best adv-best--none">
                        <p class="adv-best__none">{t(Key::NoneEligible, lang)}</p>
                        <p>{t(Key::NoneEligibleHint, lang)}</p>
                    </div>
                }
                .into_any(),
                Some(o) => best_card(&a, ev, o, lang).into_any(),
            },
        })
    }
}

fn best_card(a: &Advisor, ev: &Evaluation, o: usize, lang: Lang) -> impl IntoView + use<> {
    let label = a.option_label(o, lang);
    let (description, link) = a
        .def
        .options
        .get_index(o)
        .map(|(_, d)| (d.description.get(lang).to_string(), d.link.clone()))
        .unwrap_or_default();
    let figure_line = headline(a, ev, o, lang).map(|(parts, illustrative)| {
        view! {
            <p class="adv-best__figure">
                <span data-testid="best-cost">{figure(parts)}</span>
                {illustrative.then(|| illustrative_badge(t(Key::IllustrativePrice, lang)))}
            </p>
        }
    });
    let link = link.map(|href| {
        view! {
            <p class="adv-best__link">
                <a class="adv-link" href=href>
                    {more_info(&label, lang)}
                </a>
            </p>
        }
    });
    let description = (!description.is_empty())
        .then(|| view! { <p class="adv-best__description">{description}</p> });
    view! {
        <div class="adv-best">
            <p class="adv-best__kicker">{t(Key::BestFits, lang)}</p>
            <h3 class="adv-best__label" data-testid="best-option">{label}</h3>
            {figure_line}
            {description}
            {link}
        </div>
    }
}

/// `<p id="advice-announcer" role="status">`: one sentence naming the best option and its
/// headline figure; screen readers read it out when it changes.
#[component]
pub fn AdviceAnnouncer(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    // (text before the figure, the figure as amount and unit, text after it)
    let sentence = Memo::new(move |_| {
        let lang = state.lang.get();
        let none = (String::new(), (String::new(), String::new()), String::new());
        state.evaluation.with(|r| match r {
            Err(_) => (t(Key::EvalFailed, lang).to_string(), none.1, none.2),
            Ok(ev) => match ev.best() {
                None => (announce_none(lang), none.1, none.2),
                Some(o) => {
                    let label = a.option_label(o, lang);
                    let (parts, illustrative) = headline(&a, ev, o, lang).unwrap_or_default();
                    let (before, after) = announce_around(&label, illustrative, lang);
                    (before, parts, after)
                }
            },
        })
    });
    view! {
        <p
            id="advice-announcer"
            class="adv-now__text"
            role="status"
            aria-live="polite"
            aria-atomic="true"
        >
            {move || sentence.with(|s| s.0.clone())}
            {move || {
                let parts = sentence.with(|s| s.1.clone());
                (!parts.0.is_empty()).then(|| figure(parts))
            }}
            {move || sentence.with(|s| s.2.clone())}
        </p>
    }
}
