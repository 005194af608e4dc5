//! All options, best first, then the ones that are not possible; and how we compare them.

use advies_engine::{Advisor, Evaluation, Lang};
use leptos::prelude::*;

use advies_engine::weights::round_to_total;

use crate::display::{factor_value_parts, percent, score_points};
use crate::i18n::{Key, score, t, weight_share};
use crate::inline::{figure, illustrative_badge};
use crate::state::AdvisorState;

/// Colours for factors in the score bars (`adv-key--0` .. `adv-key--5` in the style sheet).
pub const FACTOR_COLOURS: usize = 6;

/// Eligible options in ranking order (rank, label, every factor value, score), then the
/// ineligible ones with the reason.
#[component]
pub fn OptionList(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let has_illustrative =
        (0..a.options.len()).any(|o| (0..a.factors.len()).any(|f| a.value_is_illustrative(o, f)));
    let a_ranked = a.clone();
    let ranked = move || {
        let lang = state.lang.get();
        state.evaluation.with(|r| {
            let Ok(ev) = r else { return ().into_any() };
            if ev.ranking.is_empty() {
                return ().into_any();
            }
            let rows = ev
                .ranking
                .iter()
                .enumerate()
                .map(|(k, &o)| eligible_row(&a_ranked, ev, o, k + 1, lang))
                .collect_view();
            view! {
                <h3 class="adv-heading-3">{t(Key::AllOptions, lang)}</h3>
                <p class="adv-lead">{t(Key::AllOptionsIntro, lang)}</p>
                <ol class="adv-options">{rows}</ol>
            }
            .into_any()
        })
    };
    let excluded = move || {
        let lang = state.lang.get();
        state.evaluation.with(|r| {
            let Ok(ev) = r else { return ().into_any() };
            let rows: Vec<usize> = (0..a.options.len())
                .filter(|&o| ev.options.get(o).is_some_and(|r| !r.eligible))
                .collect();
            if rows.is_empty() {
                return ().into_any();
            }
            let rows = rows
                .into_iter()
                .map(|o| ineligible_row(&a, o, lang))
                .collect_view();
            view! {
                <h3 class="adv-heading-3">{t(Key::NotEligibleHeading, lang)}</h3>
                <ul class="adv-options adv-options--ineligible">{rows}</ul>
            }
            .into_any()
        })
    };
    let footnote = has_illustrative.then(|| {
        view! {
            <p class="adv-footnote">{move || state.t(Key::IllustrativePriceNote)}</p>
        }
    });
    view! {
        <div class="adv-option-list">{ranked} {excluded} {footnote}</div>
    }
}

fn eligible_row(
    a: &Advisor,
    ev: &Evaluation,
    o: usize,
    rank: usize,
    lang: Lang,
) -> impl IntoView + use<> {
    let (id, label) = a
        .def
        .options
        .get_index(o)
        .map(|(id, d)| (id.clone(), d.label.get(lang).to_string()))
        .unwrap_or_default();
    let result = ev.options.get(o);
    let points = score_points(result.map_or(0.0, |r| r.score));
    let values = a
        .def
        .factors
        .values()
        .enumerate()
        .map(|(f, fd)| {
            let v = result.and_then(|r| r.values.get(f)).copied().unwrap_or(0.0);
            let illustrative = a.value_is_illustrative(o, f);
            view! {
                <div class="adv-option__value">
                    <dt>{fd.label.get(lang).to_string()}</dt>
                    <dd>
                        {figure(factor_value_parts(a, f, v, lang))}
                        {illustrative.then(|| illustrative_badge(t(Key::IllustrativePrice, lang)))}
                    </dd>
                </div>
            }
        })
        .collect_view();
    // The score split into what each factor adds: weight share times scaled value. The bar
    // shows the exact parts; the text whole points that add up to the shown score.
    let parts: Vec<f64> = result.map_or_else(Vec::new, |r| {
        r.scaled
            .iter()
            .zip(&ev.weights)
            .map(|(s, w)| s * w)
            .collect()
    });
    let shown = round_to_total(&parts, points);
    let segments = parts
        .iter()
        .enumerate()
        .filter(|&(_, &p)| p > 0.0)
        .map(|(f, &p)| {
            view! {
                <span
                    class=format!("adv-score__seg adv-key--{}", f % FACTOR_COLOURS)
                    style:width=format!("{:.3}%", p * 100.0)
                ></span>
            }
        })
        .collect_view();
    let parts_text = a
        .def
        .factors
        .values()
        .enumerate()
        .map(|(f, fd)| {
            let pts = shown.get(f).copied().unwrap_or(0);
            view! {
                <span class="adv-score__part">
                    <span class=format!("adv-swatch adv-key--{}", f % FACTOR_COLOURS) aria-hidden="true"></span>
                    {fd.label.get(lang).to_string()} " " {pts}
                </span>
            }
        })
        .collect_view();
    let best = rank == 1;
    view! {
        <li
            class="adv-option"
            class:adv-option--best=best
            data-testid="option-row"
            data-option-id=id
            data-eligible="true"
        >
            <div class="adv-option__head">
                <span class="adv-option__rank">
                    <span class="adv-sr-only">{t(Key::Place, lang)} " "</span>
                    {rank}
                </span>
                <span class="adv-option__label">{label}</span>
                {best.then(|| view! { <span class="adv-tag adv-tag--best">{t(Key::BestTag, lang)}</span> })}
            </div>
            <dl class="adv-option__values">{values}</dl>
            <div class="adv-score">
                <span class="adv-score__bar" aria-hidden="true">{segments}</span>
                <span class="adv-score__text">{score(points, lang)}</span>
                <span class="adv-score__parts" data-testid="score-parts">{parts_text}</span>
            </div>
        </li>
    }
}

fn ineligible_row(a: &Advisor, o: usize, lang: Lang) -> impl IntoView + use<> {
    let (id, label, reason) = a
        .def
        .options
        .get_index(o)
        .map(|(id, d)| {
            (
                id.clone(),
                d.label.get(lang).to_string(),
                d.not_eligible.get(lang).to_string(),
            )
        })
        .unwrap_or_default();
    view! {
        <li
            class="adv-option adv-option--ineligible"
            data-testid="option-row"
            data-option-id=id
            data-eligible="false"
        >
            <div class="adv-option__head">
                <span class="adv-option__label">{label}</span>
                <span class="adv-tag adv-tag--muted">{t(Key::NotEligibleTag, lang)}</span>
            </div>
            <p class="adv-option__reason" data-testid="not-eligible-reason">{reason}</p>
        </li>
    }
}

/// "Hoe we vergelijken": each factor with its help text and its share of the score.
#[component]
pub fn HowWeCompare(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let items = move || {
        let lang = state.lang.get();
        let shares: Option<Vec<f64>> = state
            .evaluation
            .with(|r| r.as_ref().ok().map(|ev| ev.weights.clone()));
        a.def
            .factors
            .values()
            .enumerate()
            .map(|(f, fd)| {
                let share = shares
                    .as_ref()
                    .and_then(|s| s.get(f))
                    .map(|&s| format!(" ({})", weight_share(percent(s), lang)));
                let help = fd.help.get(lang).to_string();
                view! {
                    <li class="adv-factor">
                        <strong class="adv-factor__label">{fd.label.get(lang).to_string()}</strong>
                        {share}
                        {(!help.is_empty()).then(|| view! { <p class="adv-factor__help">{help}</p> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="adv-details">
            <summary class="adv-details__summary">{move || state.t(Key::HowWeCompare)}</summary>
            <div class="adv-details__body">
                <p>{move || state.t(Key::HowWeCompareIntro)}</p>
                <ul class="adv-factors">{items}</ul>
            </div>
        </details>
    }
}
