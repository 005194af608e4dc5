//! "Wat vind je belangrijk?": one slider per factor with its share in percent and the range in
//! which the advice stays (from the engine's weight-stability analysis), presets from the
//! definition, a reset; and two other ways to set the weights: an order of importance
//! (rank-order-centroid) and trade-off questions between two concrete options.

use advies_engine::analysis::WeightInterval;
use advies_engine::weights::{
    WEIGHT_MAX, interval_percent, shares_percent, shares_rounded, to_slider_scale,
    weights_from_order,
};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use crate::display::{factor_id, factor_label, input_text, parse_number};
use crate::i18n::{self, Key};
use crate::state::AdvisorState;

/// Same direction in weight space (only ratios matter).
fn same_ratios(x: &[f64], y: &[f64]) -> bool {
    let (sx, sy): (f64, f64) = (x.iter().sum(), y.iter().sum());
    x.len() == y.len()
        && sx > 0.0
        && sy > 0.0
        && x.iter().zip(y).all(|(a, b)| (a / sx - b / sy).abs() < 1e-6)
}

/// `<section id="weights">`: the weight panel with its three ways in.
#[component]
pub fn WeightPanel(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let n = a.factors.len();
    // Shares in whole percent (summing to 100) of the weights in use.
    let shares = Memo::new(move |_| {
        state.evaluation.with(|r| match r {
            Ok(ev) => shares_percent(&ev.weights),
            Err(_) => state.scenario.with(|s| shares_percent(&s.weights)),
        })
    });
    let rounded = move || state.scenario.with(|s| shares_rounded(&s.weights));
    let fallback = move || {
        state
            .evaluation
            .with(|r| r.as_ref().is_ok_and(|ev| ev.weights_fallback))
    };
    let sliders = (0..n)
        .map(|f| view! { <WeightSlider state factor=f shares /> })
        .collect_view();
    view! {
        <section id="weights" class="adv-section adv-weights" aria-labelledby="weights-title">
            <h2 id="weights-title" class="adv-heading-2">
                {move || state.t(Key::WeightsHeading)}
            </h2>
            <p class="adv-lead">{move || state.t(Key::WeightsIntro)}</p>
            <Presets state />
            <p class="adv-weight-legend">
                <span class="adv-weight-legend__band" aria-hidden="true"></span>
                {move || state.t(Key::BandLegend)}
            </p>
            <div class="adv-weight-list">{sliders}</div>
            <p class="adv-footnote" data-testid="weights-rounded" hidden=move || !rounded()>
                {move || state.t(Key::WeightsRounded)}
            </p>
            <p class="adv-alert adv-alert--info" data-testid="weights-fallback" hidden=move || !fallback()>
                {move || state.t(Key::WeightsAllZero)}
            </p>
            <RankRoute state />
            <TradeOffRoute state />
        </section>
    }
}

/// Preset buttons from the definition and "back to the default".
#[component]
fn Presets(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let defaults = state.default_weights();
    let current = move || state.scenario.with(|s| s.weights.clone());
    let buttons = a
        .presets
        .iter()
        .map(|p| {
            let weights = p.weights.clone();
            let check = weights.clone();
            let label = p.label.clone();
            let description = p.description.clone();
            let id = p.id.clone();
            view! {
                <button
                    type="button"
                    class="adv-button adv-button--secondary adv-preset"
                    data-testid="preset"
                    data-preset-id=id
                    aria-pressed=move || same_ratios(&current(), &check).to_string()
                    title=move || description.get(state.lang.get()).to_string()
                    on:click=move |_| state.set_weights(&to_slider_scale(&weights))
                >
                    {move || label.get(state.lang.get()).to_string()}
                </button>
            }
        })
        .collect_view();
    let check = defaults.clone();
    view! {
        <div class="adv-presets" role="group" aria-labelledby="presets-label">
            <p id="presets-label" class="adv-presets__label">{move || state.t(Key::PresetsLabel)}</p>
            <div class="adv-presets__buttons">
                {buttons}
                <button
                    type="button"
                    class="adv-button adv-button--secondary adv-preset"
                    data-testid="weights-reset"
                    aria-pressed=move || same_ratios(&current(), &check).to_string()
                    on:click=move |_| state.set_weights(&defaults)
                >
                    {move || state.t(Key::WeightsReset)}
                </button>
            </div>
        </div>
    }
}

/// Where the band of a weight interval lies on the slider (0..=1 of the track), and the
/// interval itself; None when there is nothing to show.
fn band(iv: &WeightInterval, raw: &[f64], f: usize) -> Option<(f64, f64)> {
    let others: f64 = raw
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != f)
        .map(|(_, w)| w)
        .sum();
    if others <= 0.0 {
        return None;
    }
    let at = |share: f64| (WeightInterval::raw_weight(share, others) / WEIGHT_MAX).clamp(0.0, 1.0);
    Some((at(iv.low), at(iv.high)))
}

/// "Het advies blijft … zolang …": the range of a factor's share in which `best` stays the
/// advice, and which option takes over below and above it.
fn stability_sentence(a: &Advisor, best: usize, iv: &WeightInterval, lang: Lang) -> String {
    let (lo, hi, d) = interval_percent(iv.low, iv.high);
    let name = |o: Option<usize>| o.map(|o| a.option_label(o, lang));
    i18n::weight_stability(
        &a.option_label(best, lang),
        (iv.below.is_some()).then_some(lo),
        (iv.above.is_some()).then_some(hi),
        d,
        name(iv.below).as_deref(),
        name(iv.above).as_deref(),
        lang,
    )
}

/// Where a key moves the slider from `v`: whole steps from wherever it is (weights from other
/// routes need not be whole); None for other keys.
fn key_step(key: &str, v: f64) -> Option<f64> {
    Some(match key {
        "ArrowRight" | "ArrowUp" => (v + 1e-9).floor() + 1.0,
        "ArrowLeft" | "ArrowDown" => (v - 1e-9).ceil() - 1.0,
        "PageUp" => (v + 1e-9).floor() + 2.0,
        "PageDown" => (v - 1e-9).ceil() - 2.0,
        "Home" => 0.0,
        "End" => WEIGHT_MAX,
        _ => return None,
    })
}

/// One factor: label, share, slider with the stable band, and the stability sentence.
#[component]
fn WeightSlider(state: AdvisorState, factor: usize, shares: Memo<Vec<u32>>) -> impl IntoView {
    let f = factor;
    let (id, help) = state.advisor.with_value(|a| {
        (
            factor_id(a, f),
            a.def
                .factors
                .get_index(f)
                .map(|(_, d)| d.help.clone())
                .unwrap_or_default(),
        )
    });
    let input_id = format!("weight-{id}");
    let stability_id = format!("weight-{id}-stability");
    let value = Memo::new(move |_| state.weight_value(f));
    let share = move || shares.with(|s| s.get(f).copied().unwrap_or(0));
    // The interval of this factor, when the advice has a best option and real weights.
    let interval = Memo::new(move |_| {
        let usable = state
            .evaluation
            .with(|r| r.as_ref().is_ok_and(|ev| !ev.weights_fallback));
        if !usable {
            return None;
        }
        state.analysis.with(|an| {
            let an = an.as_ref()?;
            let best = an.best?;
            let iv = an.weight_intervals.iter().find(|w| w.factor == f)?.clone();
            Some((best, iv))
        })
    });
    let band_pos = Memo::new(move |_| {
        let (_, iv) = interval.get()?;
        state.scenario.with(|s| band(&iv, &s.weights, f))
    });
    let sentence = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let Some((best, iv)) = interval.get() else {
            return String::new();
        };
        stability_sentence(&a, best, &iv, lang)
    };
    let label = move || {
        state
            .advisor
            .with_value(|a| factor_label(a, f, state.lang.get()))
    };
    let set = move |v: f64| {
        let v = (v * 10.0).round() / 10.0;
        state.set_weight(f, v.clamp(0.0, WEIGHT_MAX));
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(v) = parse_number(&event_target_value(&ev)) {
            set(v);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = key_step(&ev.key(), value.get_untracked()) {
            ev.prevent_default();
            set(next);
        }
    };
    let valuetext = move || i18n::weight_share(share(), state.lang.get());
    let (low_attr, high_attr) = (
        move || interval.get().map(|(_, iv)| format!("{:.6}", iv.low)),
        move || interval.get().map(|(_, iv)| format!("{:.6}", iv.high)),
    );
    let option_id = move |o: Option<usize>| {
        state
            .advisor
            .with_value(|a| o.map(|o| a.options[o].id.clone()))
    };
    let below_attr = move || option_id(interval.get()?.1.below);
    let above_attr = move || option_id(interval.get()?.1.above);
    // Set through the CSSOM (not a style attribute), which a strict CSP allows.
    let band_node = NodeRef::<leptos::html::Span>::new();
    let band_left = move || {
        band_pos.get().map(|(lo, _)| {
            format!("calc(var(--adv-thumb-half) + (100% - 2 * var(--adv-thumb-half)) * {lo:.4})")
        })
    };
    let band_width = move || {
        band_pos
            .get()
            .map(|(lo, hi)| format!("calc((100% - 2 * var(--adv-thumb-half)) * {:.4})", hi - lo))
    };
    crate::cssom::keep_style(band_node, "left", band_left);
    crate::cssom::keep_style(band_node, "width", band_width);
    let band_hidden = move || band_pos.get().is_none();
    let help_text = move || help.get(state.lang.get()).to_string();
    view! {
        <div
            class="adv-weight"
            data-testid="weight"
            data-factor-id=id.clone()
            data-low=low_attr
            data-high=high_attr
            data-below=below_attr
            data-above=above_attr
        >
            <div class="adv-weight__head">
                <label class="adv-field__label" for=input_id.clone()>{label}</label>
                <span class="adv-weight__share" data-testid="weight-share" aria-hidden="true">
                    {move || format!("{}%", share())}
                </span>
            </div>
            <div class="adv-weight__slider">
                <span
                    class="adv-weight__band"
                    hidden=band_hidden
                    aria-hidden="true"
                    node_ref=band_node
                ></span>
                <input
                    type="range"
                    class="adv-weight__range"
                    id=input_id
                    min="0"
                    max=input_text(WEIGHT_MAX)
                    step="any"
                    value=input_text(value.get_untracked())
                    prop:value=move || input_text(value.get())
                    aria-valuetext=valuetext
                    aria-describedby=stability_id.clone()
                    title=help_text
                    on:input=on_input
                    on:keydown=on_keydown
                />
            </div>
            <div class="adv-weight__scale" aria-hidden="true">
                <span>{move || state.t(Key::WeightNone)}</span>
                <span>{move || state.t(Key::WeightMuch)}</span>
            </div>
            <p class="adv-weight__stability" id=stability_id data-testid="weight-stability">
                {sentence}
            </p>
        </div>
    }
}

/// Route (a): the factors in order of importance, moved with buttons; the order becomes
/// rank-order-centroid weights.
#[component]
fn RankRoute(state: AdvisorState) -> impl IntoView {
    let n = state.advisor.with_value(|a| a.factors.len());
    // Current order: by weight, heaviest first; ties keep the definition order.
    let order = Memo::new(move |_| {
        state.scenario.with(|s| {
            let mut o: Vec<usize> = (0..n).collect();
            o.sort_by(|&x, &y| s.weights[y].total_cmp(&s.weights[x]).then(x.cmp(&y)));
            o
        })
    });
    let status = RwSignal::new(String::new());
    let apply = move |new_order: Vec<usize>| {
        state.set_weights(&weights_from_order(&new_order, n));
    };
    let move_factor = move |f: usize, up: bool| {
        let mut o = order.get_untracked();
        let Some(p) = o.iter().position(|&x| x == f) else {
            return;
        };
        let q = if up {
            p.checked_sub(1)
        } else {
            Some(p + 1).filter(|&q| q < n)
        };
        let Some(q) = q else { return };
        o.swap(p, q);
        apply(o);
        let lang = state.lang.get_untracked();
        let (label, id) = state
            .advisor
            .with_value(|a| (factor_label(a, f, lang), factor_id(a, f)));
        status.set(i18n::rank_moved(&label, q + 1, n, lang));
        // Keep the focus on the moved factor: the same button, or the other one at an end.
        let same_ok = if up { q > 0 } else { q + 1 < n };
        let dir = if up == same_ok { "up" } else { "down" };
        state.focus_later(format!("rank-{dir}-{id}"));
    };
    let rows = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let o = order.get();
        o.iter()
            .enumerate()
            .map(|(place, &f)| {
                let id = factor_id(&a, f);
                let label = factor_label(&a, f, lang);
                let up_label = i18n::rank_up(&label, lang);
                let down_label = i18n::rank_down(&label, lang);
                view! {
                    <li class="adv-rank__item" data-testid="rank-item" data-factor-id=id.clone()>
                        <span class="adv-rank__place" aria-hidden="true">{place + 1}</span>
                        <span class="adv-rank__label">{label}</span>
                        <span class="adv-rank__buttons">
                            <button
                                type="button"
                                class="adv-button adv-button--secondary adv-rank__button"
                                id=format!("rank-up-{id}")
                                aria-label=up_label
                                disabled=place == 0
                                on:click=move |_| move_factor(f, true)
                            >
                                <span aria-hidden="true">"↑"</span>
                            </button>
                            <button
                                type="button"
                                class="adv-button adv-button--secondary adv-rank__button"
                                id=format!("rank-down-{id}")
                                aria-label=down_label
                                disabled=place + 1 == n
                                on:click=move |_| move_factor(f, false)
                            >
                                <span aria-hidden="true">"↓"</span>
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="adv-details adv-route" data-testid="rank-route">
            <summary class="adv-details__summary">{move || state.t(Key::RankSummary)}</summary>
            <div class="adv-details__body">
                <p>{move || state.t(Key::RankIntro)}</p>
                <ol class="adv-rank">{rows}</ol>
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    data-testid="rank-apply"
                    on:click=move |_| apply(order.get_untracked())
                >
                    {move || state.t(Key::RankApply)}
                </button>
                <p class="adv-sr-only" role="status">{move || status.get()}</p>
            </div>
        </details>
    }
}

/// Route (b): a few questions "what weighs more for you", from two concrete options of the
/// citizen's own situation; the answers become weights. The `<details>` is here; its questions
/// come with the exploration parts ([`crate::lazy`], [`crate::trade_off::TradeOffQuestions`]).
#[component]
fn TradeOffRoute(state: AdvisorState) -> impl IntoView {
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let now = event_target::<leptos::web_sys::HtmlDetailsElement>(&ev).open();
        if now != open.get_untracked() {
            open.set(now);
        }
    };
    view! {
        <details class="adv-details adv-route" data-testid="tradeoff-route" on:toggle=on_toggle>
            <summary class="adv-details__summary">{move || state.t(Key::TradeOffSummary)}</summary>
            <div class="adv-details__body">
                <p>{move || state.t(Key::TradeOffIntro)}</p>
                <crate::lazy::Lazy state render=move |p, state| (p.trade_off)(state, open.into()) quiet=true />
            </div>
        </details>
    }
}
