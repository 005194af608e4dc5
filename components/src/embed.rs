//! The advisor as a widget on someone else's page: [`AdvisorWidget`], mounted by the
//! `<advies-module>` element into its shadow root (several on one page, each with its own
//! state).
//!
//! The widget stays inside its own element. It never sets the document's title or
//! `<html lang>`, never reads or writes the address (no URL fragment, no history), never
//! scrolls the window, and does not open what was saved on the device when it starts (the
//! citizen can still save there with "Bewaar op dit apparaat", under the same key per advisor
//! as the standalone page). It tells the host page what happens through [`WidgetEvent`]s.

use std::sync::Arc;

use advies_engine::eval::EvalFailure;
use advies_engine::state::{self as link, SharedState};
use advies_engine::{Advisor, Evaluation, Lang, Scenario};
use leptos::prelude::*;

use crate::page::AdvisorView;
use crate::state::{AdvisorState, LinkReport};
use crate::storage;

/// What the widget tells its host page (the loader turns these into DOM CustomEvents).
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The advice changed (also sent once after mounting): advisor id, advised option id
    /// (`None`: no option fits, or the advice cannot be calculated), and the answers as
    /// `id=value` pairs ([`answer_pairs`]) only when [`WidgetOptions::share_answers`] is true,
    /// else `None`.
    AdviceChanged {
        /// Advisor id (`id` in the definition).
        advisor: String,
        /// Id of the advised option.
        option: Option<String>,
        /// The shown scenario's answers, when the host may have them.
        answers: Option<Vec<(String, String)>>,
    },
    /// The citizen pressed "Liever met iemand praten?" (opened the summary), in the header or
    /// in the share section. Same fields as [`WidgetEvent::AdviceChanged`], as they are then.
    ContactRequested {
        /// Advisor id (`id` in the definition).
        advisor: String,
        /// Id of the advised option.
        option: Option<String>,
        /// The shown scenario's answers, when the host may have them.
        answers: Option<Vec<(String, String)>>,
    },
}

/// How the host page wants the widget.
#[derive(Clone, Debug)]
pub struct WidgetOptions {
    /// The language the widget starts in (the citizen can switch; the page's `<html lang>` is
    /// not touched).
    pub lang: Lang,
    /// Answers given before the citizen starts, as the answers of a link:
    /// `trips_per_week=8,age_group=65+,lives_in_rotterdam=1` (keys may be the short keys of a
    /// link). Empty: the defaults. What cannot be used is left at its default and named in a
    /// notice inside the widget ([`advies_engine::state::decode_answers`]).
    pub prefill: String,
    /// Only the questions and the advice ([`AdvisorView`]'s `compact`).
    pub compact: bool,
    /// Whether events carry the citizen's answers ([`WidgetEvent`]).
    pub share_answers: bool,
    /// The definition came from the host page (a URL), not from the built-in advisors: it is
    /// marked as a prototype ([`AdvisorState::prototype`]).
    pub prototype: bool,
}

/// One advisor as a widget: [`AdvisorView`] with a state of its own that touches nothing
/// outside the widget ([`AdvisorState::embedded`]), started from `options`, reporting to
/// `on_event`.
#[component]
pub fn AdvisorWidget(
    advisor: Arc<Advisor>,
    options: WidgetOptions,
    on_event: Callback<WidgetEvent>,
) -> impl IntoView {
    let WidgetOptions {
        lang,
        prefill,
        compact,
        share_answers,
        prototype,
    } = options;
    let state = AdvisorState {
        prototype,
        ..AdvisorState::new_embedded(advisor, lang)
    };
    apply_prefill(state, &prefill);
    if !compact {
        // The share section shows whether something is saved (and offers to delete it); what
        // was saved is not opened. Once mounted: the build renders this view too, without a
        // device.
        Effect::new(move |_| untrack(|| note_saved_on_device(state)));
    }
    report_events(state, share_answers, on_event);
    view! { <AdvisorView state compact /> }
}

/// Starts from the prefilled answers; what had to be repaired is shown in the widget's notice
/// (and written to the console for the host page's makers).
fn apply_prefill(state: AdvisorState, prefill: &str) {
    if prefill.trim().is_empty() {
        return;
    }
    let a = state.advisor();
    let (scenario, problems) = link::decode_answers(&a, prefill);
    state.replace(SharedState::single(
        &a,
        scenario,
        state.lang.get_untracked(),
    ));
    if !problems.is_empty() {
        for p in &problems {
            leptos::logging::warn!(
                "advies-module {}: prefill: {}",
                a.def.id,
                p.message_from(&a, Lang::En, link::Source::Website)
            );
        }
        state.link_report.set(Some(LinkReport::Prefill(problems)));
    }
}

/// Notes whether something of this advisor is saved on this device (without opening it).
fn note_saved_on_device(state: AdvisorState) {
    let id = state.advisor.with_value(|a| a.def.id.clone());
    if let Ok(Some(saved)) = storage::load(&id) {
        state.saved_at.set(Some(saved.at));
    }
}

/// Sends [`WidgetEvent::AdviceChanged`] once after mounting and whenever the advised option
/// changes, and [`WidgetEvent::ContactRequested`] whenever the citizen asks for a person.
fn report_events(state: AdvisorState, share_answers: bool, on_event: Callback<WidgetEvent>) {
    let advisor_id = state.advisor.with_value(|a| a.def.id.clone());
    let best = Memo::new(move |_| {
        let a = state.advisor();
        state.evaluation.with(|r| best_option_id(&a, r))
    });
    let answers = move || {
        share_answers.then(|| {
            let a = state.advisor();
            let visible = state.visible.get_untracked();
            state
                .scenario
                .with_untracked(|sc| answer_pairs(&a, sc, &visible))
        })
    };
    let id = advisor_id.clone();
    Effect::new(move |_| {
        let option = best.get();
        on_event.run(WidgetEvent::AdviceChanged {
            advisor: id.clone(),
            option,
            answers: answers(),
        });
    });
    Effect::new(move |_| {
        if state.contact_requests.get() == 0 {
            return;
        }
        on_event.run(WidgetEvent::ContactRequested {
            advisor: advisor_id.clone(),
            option: best.get_untracked(),
            answers: answers(),
        });
    });
}

/// The id of the advised option; `None` when no option fits or the advice cannot be
/// calculated.
pub fn best_option_id(
    advisor: &Advisor,
    evaluation: &Result<Evaluation, EvalFailure>,
) -> Option<String> {
    let o = evaluation.as_ref().ok()?.best()?;
    advisor.options.get(o).map(|x| x.id.clone())
}

/// The answers of `scenario` as `(question id, value)` pairs, in question order, for the
/// questions that are asked (`visible[i]`; a question missing from `visible` counts as asked):
/// a choice as its choice id, yes/no as `1`/`0`, a number as Rust writes it (`8`, `7.5`). The
/// same values a link and a prefill use, so a host can give them back as a prefill.
pub fn answer_pairs(
    advisor: &Advisor,
    scenario: &Scenario,
    visible: &[bool],
) -> Vec<(String, String)> {
    advisor
        .inputs
        .iter()
        .enumerate()
        .filter(|&(i, _)| visible.get(i).copied().unwrap_or(true))
        .filter_map(|(i, inp)| {
            let v = *scenario.inputs.get(i)?;
            Some((inp.id.clone(), advies_engine::state::answer_code(inp, v)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RET: &str = include_str!("../../advisors/ret/definition.toml");

    fn ret() -> Advisor {
        Advisor::parse(RET, "advisors/ret/definition.toml").unwrap()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn answers_as_pairs_read_back_as_a_prefill() {
        let a = ret();
        let (sc, problems) = link::decode_answers(
            &a,
            "trips_per_week=12,distance=30,age_group=65+,lives_in_rotterdam=0",
        );
        assert_eq!(problems, vec![]);
        let all = vec![true; a.inputs.len()];
        let got = answer_pairs(&a, &sc, &all);
        assert_eq!(
            got,
            pairs(&[
                ("trips_per_week", "12"),
                ("distance_km", "30"),
                ("travel_days_per_week", "4"),
                ("age_group", "65+"),
                ("lives_in_rotterdam", "0"),
                ("travels_with_adult", "1"),
            ])
        );
        let text: Vec<String> = got.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(link::decode_answers(&a, &text.join(",")), (sc, vec![]));
    }

    #[test]
    fn only_asked_questions_are_in_the_pairs() {
        let a = ret();
        let sc = a.default_scenario();
        let ev = a.evaluate(&sc).unwrap();
        // travels_with_adult is only asked for a child of 4 to 11.
        let got = answer_pairs(&a, &sc, &ev.visible);
        assert_eq!(got.len(), a.inputs.len() - 1);
        assert!(got.iter().all(|(k, _)| k != "travels_with_adult"));
        // A visibility list that is too short counts the rest as asked.
        assert_eq!(answer_pairs(&a, &sc, &[]).len(), a.inputs.len());
    }

    #[test]
    fn numbers_keep_their_decimals() {
        let a = ret();
        let mut sc = a.default_scenario();
        sc.inputs[0] = 7.5;
        let got = answer_pairs(&a, &sc, &[]);
        assert_eq!(got[0], ("trips_per_week".to_string(), "7.5".to_string()));
    }

    #[test]
    fn best_option_is_named_by_id() {
        let a = ret();
        let sc = a.default_scenario();
        let ev = a.evaluate(&sc);
        let best = ev.as_ref().unwrap().best().unwrap();
        assert_eq!(best_option_id(&a, &ev), Some(a.options[best].id.clone()));
        let (sc, _) = link::decode_answers(&a, "age_group=65+,lives_in_rotterdam=1");
        let id = best_option_id(&a, &a.evaluate(&sc));
        assert!(
            id.as_deref()
                .is_some_and(|id| a.def.options.contains_key(id)),
            "{id:?}"
        );
    }
}
