//! All options, best first, then the ones that are not possible; and how we compare them.

use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use advies_engine::weights::{round_to_total, shares_percent};

use crate::display::{factor_value_parts, score_points};
use crate::i18n::{Key, score, t, weight_share};
use crate::state::AdvisorState;
use crate::ui::{figure, illustrative_badge};

/// Colours for factors in the score bars (`adv-key--0` .. `adv-key--5` in the style sheet).
pub const FACTOR_COLOURS: usize = 6;

/// Eligible options in ranking order (rank, label, every factor value, score split by
/// factor), then the ineligible ones with the reason.
///
/// Rows are keyed by option and update in place: a change of an answer or a weight moves rows
/// and rewrites the texts and bar widths that changed, instead of rebuilding the list (that
/// keeps an update within one frame).
#[component]
pub fn OptionList(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let has_illustrative =
        (0..a.options.len()).any(|o| (0..a.factors.len()).any(|f| a.value_is_illustrative(o, f)));
    let ranking = Memo::new(move |_| {
        state
            .evaluation
            .with(|r| r.as_ref().map(|ev| ev.ranking.clone()).unwrap_or_default())
    });
    let excluded_set = Memo::new(move |_| {
        state.evaluation.with(|r| match r {
            Ok(ev) => (0..ev.options.len())
                .filter(|&o| !ev.options[o].eligible)
                .collect::<Vec<usize>>(),
            Err(_) => Vec::new(),
        })
    });
    let any_ranked = move || ranking.with(|r| !r.is_empty());
    let excluded = move || {
        let lang = state.lang.get();
        let rows = excluded_set.get();
        if rows.is_empty() {
            return ().into_any();
        }
        let a = state.advisor();
        let rows = rows
            .into_iter()
            .map(|o| ineligible_row(&a, o, lang))
            .collect_view();
        view! {
            <h3 class="adv-heading-3">{t(Key::NotEligibleHeading, lang)}</h3>
            <ul class="adv-options adv-options--ineligible">{rows}</ul>
        }
        .into_any()
    };
    let footnote = has_illustrative.then(|| {
        view! {
            <p class="adv-footnote">{move || state.t(Key::IllustrativePriceNote)}</p>
        }
    });
    view! {
        <div class="adv-option-list">
            <Show when=any_ranked>
                <h3 class="adv-heading-3">{move || state.t(Key::AllOptions)}</h3>
                <p class="adv-lead">{move || state.t(Key::AllOptionsIntro)}</p>
                <ol class="adv-options">
                    <For each=move || ranking.get() key=|o| *o let:o>
                        <OptionRow state o ranking />
                    </For>
                </ol>
            </Show>
            {excluded}
            {footnote}
        </div>
    }
}

/// One eligible option; every figure in it follows the evaluation.
#[component]
fn OptionRow(state: AdvisorState, o: usize, ranking: Memo<Vec<usize>>) -> impl IntoView {
    let a = state.advisor();
    let nf = a.factors.len();
    let id = a.options.get(o).map(|x| x.id.clone()).unwrap_or_default();
    let label_text = a
        .def
        .options
        .get_index(o)
        .map(|(_, d)| d.label.clone())
        .unwrap_or_default();
    let rank =
        Memo::new(move |_| ranking.with(|r| r.iter().position(|&x| x == o).map_or(0, |p| p + 1)));
    let best = move || rank.get() == 1;
    // The score split into what each factor adds: weight share times scaled value. The bar
    // shows the exact parts; the text whole points that add up to the shown score.
    let parts = Memo::new(move |_| {
        state.evaluation.with(|r| {
            r.as_ref()
                .ok()
                .and_then(|ev| {
                    let res = ev.options.get(o)?;
                    Some(
                        res.scaled
                            .iter()
                            .zip(&ev.weights)
                            .map(|(s, w)| s * w)
                            .collect::<Vec<f64>>(),
                    )
                })
                .unwrap_or_else(|| vec![0.0; nf])
        })
    });
    let points = Memo::new(move |_| {
        state.evaluation.with(|r| {
            score_points(
                r.as_ref()
                    .ok()
                    .and_then(|ev| ev.options.get(o))
                    .map_or(0.0, |x| x.score),
            )
        })
    });
    let shown = Memo::new(move |_| parts.with(|p| round_to_total(p, points.get())));
    let values = a
        .def
        .factors
        .values()
        .enumerate()
        .map(|(f, fd)| {
            let label = fd.label.clone();
            let illustrative = a.value_is_illustrative(o, f);
            let value = Memo::new(move |_| {
                state.evaluation.with(|r| {
                    r.as_ref()
                        .ok()
                        .and_then(|ev| ev.options.get(o)?.values.get(f).copied())
                        .unwrap_or(0.0)
                })
            });
            let text = move || {
                let lang = state.lang.get();
                figure(factor_value_parts(&state.advisor(), f, value.get(), lang))
            };
            view! {
                <div class="adv-option__value">
                    <dt>{move || label.get(state.lang.get()).to_string()}</dt>
                    <dd>
                        {text}
                        {illustrative.then(|| view! { {move || illustrative_badge(state.t(Key::IllustrativePrice))} })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    // One element, painted with a gradient: a change repaints the bar without a new layout.
    let bar_node = NodeRef::<leptos::html::Span>::new();
    crate::cssom::keep_style(bar_node, "background-image", move || {
        Some(parts.with(|p| bar_gradient(p)))
    });
    let parts_text = a
        .def
        .factors
        .values()
        .enumerate()
        .map(|(f, fd)| {
            let label = fd.label.clone();
            view! {
                <span class="adv-score__part">
                    <span class=format!("adv-swatch adv-key--{}", f % FACTOR_COLOURS) aria-hidden="true"></span>
                    {move || label.get(state.lang.get()).to_string()}
                    " "
                    {move || shown.with(|s| s.get(f).copied().unwrap_or(0))}
                </span>
            }
        })
        .collect_view();
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
                    <span class="adv-sr-only">{move || state.t(Key::Place)} " "</span>
                    {move || rank.get()}
                </span>
                <span class="adv-option__label">
                    {move || label_text.get(state.lang.get()).to_string()}
                </span>
                <Show when=best>
                    <span class="adv-tag adv-tag--best">{move || state.t(Key::BestTag)}</span>
                </Show>
            </div>
            <dl class="adv-option__values">{values}</dl>
            <div class="adv-score">
                <span class="adv-score__bar" aria-hidden="true" node_ref=bar_node></span>
                <span class="adv-score__text">{move || score(points.get(), state.lang.get())}</span>
                <span class="adv-score__parts" data-testid="score-parts">{parts_text}</span>
            </div>
        </li>
    }
}

/// The score bar as a CSS gradient: per factor its part of the score (0..=1 each) in its
/// colour, a 2 px gap between parts, the rest transparent (the track shows).
pub fn bar_gradient(parts: &[f64]) -> String {
    let mut stops = Vec::new();
    let mut at = 0.0;
    for (f, &p) in parts.iter().enumerate() {
        if !(p.is_finite() && p > 0.0) {
            continue;
        }
        let end = (at + p * 100.0).min(100.0);
        let colour = format!("var(--adv-color-factor-{})", f % FACTOR_COLOURS);
        stops.push(format!("{colour} {at:.3}% calc({end:.3}% - 2px)"));
        stops.push(format!("transparent calc({end:.3}% - 2px) {end:.3}%"));
        at = end;
    }
    if stops.is_empty() {
        return "none".into();
    }
    stops.push(format!("transparent {at:.3}%"));
    format!("linear-gradient(to right, {})", stops.join(", "))
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
        // Whole percent that add up to 100, as at the sliders.
        let shares: Option<Vec<u32>> = state
            .evaluation
            .with(|r| r.as_ref().ok().map(|ev| shares_percent(&ev.weights)));
        a.def
            .factors
            .values()
            .enumerate()
            .map(|(f, fd)| {
                let share = shares
                    .as_ref()
                    .and_then(|s| s.get(f))
                    .map(|&s| format!(" ({})", weight_share(s, lang)));
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
