//! The trade-off questions ("wat weegt zwaarder voor jou?"): made from two concrete options of
//! the citizen's own situation, their answers turned into weights. Part of the `explore` chunk
//! ([`crate::lazy`]); the route's `<details>` around them is in [`crate::weights`].

use advies_engine::tradeoff::{self, Preference, TradeOff};
use advies_engine::weights::to_slider_scale;
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use crate::display::{factor_label, factor_value_parts, join};
use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;
use crate::ui::RadioForm;

/// One side of a trade-off question: "Kosten per maand: € 20,20 lager" and the two values.
fn side(
    a: &Advisor,
    f: usize,
    better: (usize, f64),
    worse: (usize, f64),
    lang: Lang,
) -> (String, String) {
    let diff = (better.1 - worse.1).abs();
    let (amount, _) = factor_value_parts(a, f, diff, lang);
    let lower = a
        .factors
        .get(f)
        .is_some_and(|x| x.direction == advies_engine::model::Direction::LowerIsBetter);
    let head = i18n::trade_off_gain(&factor_label(a, f, lang), &amount, lower, lang);
    let detail = advies_engine::catalogue::trade_off_detail(
        lang,
        &a.option_label(better.0, lang),
        &join(factor_value_parts(a, f, better.1, lang)),
        &a.option_label(worse.0, lang),
        &join(factor_value_parts(a, f, worse.1, lang)),
    );
    (head, detail)
}

/// The trade-off questions and "start again". They are made when the citizen first opens the
/// route (`open`), from the situation then, so the examples do not change under their hands;
/// "start again" makes new ones.
#[component]
pub(crate) fn TradeOffQuestions(state: AdvisorState, open: Signal<bool>) -> impl IntoView {
    let n = state.advisor.with_value(|a| a.factors.len());
    let questions: RwSignal<Option<Vec<TradeOff>>> = RwSignal::new(None);
    let answers: RwSignal<Vec<Option<Preference>>> = RwSignal::new(Vec::new());
    let conflict: RwSignal<Option<usize>> = RwSignal::new(None);
    let make = move || {
        let qs = state.evaluation.with_untracked(|r| {
            r.as_ref()
                .map(|ev| tradeoff::questions(ev, MAX_QUESTIONS))
                .unwrap_or_default()
        });
        answers.set(vec![None; qs.len()]);
        conflict.set(None);
        questions.set(Some(qs));
    };
    Effect::new(move |_| {
        if open.get() && questions.get_untracked().is_none() {
            make();
        }
    });
    let answer = move |q: usize, p: Preference| {
        answers.update(|a| {
            if let Some(x) = a.get_mut(q) {
                *x = Some(p);
            }
        });
        let qs = questions.get_untracked().unwrap_or_default();
        let given: Vec<(usize, (TradeOff, Preference))> = answers
            .get_untracked()
            .iter()
            .enumerate()
            .filter_map(|(k, p)| Some((k, (qs.get(k)?.clone(), (*p)?))))
            .collect();
        let list: Vec<(TradeOff, Preference)> = given.iter().map(|(_, x)| x.clone()).collect();
        match tradeoff::weights_from_answers(n, &list) {
            Ok(w) => {
                conflict.set(None);
                state.set_weights(&to_slider_scale(&w));
            }
            Err(c) => {
                conflict.set(given.get(c.answer).map(|(k, _)| *k));
                // Keep the weights of the answers that do fit together.
                if let Ok(w) = tradeoff::weights_from_answers(n, &list[..c.answer.min(list.len())])
                {
                    state.set_weights(&to_slider_scale(&w));
                }
            }
        }
    };
    let body = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let Some(qs) = questions.get() else {
            return ().into_any();
        };
        if qs.is_empty() {
            return view! { <p data-testid="tradeoff-none">{t(Key::TradeOffNone, lang)}</p> }
                .into_any();
        }
        let total = qs.len();
        qs.into_iter()
            .enumerate()
            .map(|(k, q)| {
                let (first, first_detail) =
                    side(&a, q.first, (q.a, q.a_first), (q.b, q.b_first), lang);
                let (second, second_detail) =
                    side(&a, q.second, (q.b, q.b_second), (q.a, q.a_second), lang);
                let name = format!("tradeoff-{k}");
                let radio = move |p: Preference, head: String, detail: Option<String>, suffix: &str| {
                    let id = format!("tradeoff-{k}-{suffix}");
                    let label_for = id.clone();
                    view! {
                        <label class="adv-radio adv-radio--tall" for=label_for>
                            <input
                                type="radio"
                                class="adv-radio__input"
                                id=id
                                name=name.clone()
                                prop:checked=move || answers.with(|a| a.get(k).copied().flatten() == Some(p))
                                on:change=move |_| answer(k, p)
                            />
                            <span class="adv-radio__label">
                                <strong>{head}</strong>
                                {detail.map(|d| view! { <span class="adv-radio__detail">{d}</span> })}
                            </span>
                        </label>
                    }
                };
                view! {
                    <RadioForm>
                        <fieldset class="adv-field adv-choice adv-tradeoff" data-testid="tradeoff-question">
                            <legend class="adv-field__label">{i18n::trade_off_question(k + 1, total, lang)}</legend>
                            <div class="adv-choice__options">
                                {radio(Preference::First, first, Some(first_detail), "first")}
                                {radio(Preference::Equal, t(Key::TradeOffEqual, lang).to_string(), None, "equal")}
                                {radio(Preference::Second, second, Some(second_detail), "second")}
                            </div>
                            <p class="adv-field__error" aria-live="polite" data-testid="tradeoff-conflict">
                                {move || (conflict.get() == Some(k)).then(|| t(Key::TradeOffConflict, lang))}
                            </p>
                        </fieldset>
                    </RadioForm>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        {body}
        <button
            type="button"
            class="adv-button adv-button--secondary"
            data-testid="tradeoff-restart"
            on:click=move |_| make()
        >
            {move || state.t(Key::TradeOffRestart)}
        </button>
    }
}

/// At most this many trade-off questions.
const MAX_QUESTIONS: usize = 6;
