//! The questions: one field per visible input. Number questions get a slider and a linked
//! number box; choice and yes/no questions a group of radio buttons.

use advies_engine::model::InputKind;
use advies_engine::text::Text;
use advies_engine::{Answer, Lang};
use leptos::prelude::*;
use leptos::web_sys::HtmlInputElement;

use crate::display::{input_text, parse_number, plain_number};
use crate::i18n::{Key, choose_number, filled_in, t};
use crate::state::AdvisorState;
use crate::ui::RadioForm;

/// `<section id="questions">`: every question whose `visible_if` holds, in definition order.
#[component]
pub fn QuestionList(state: AdvisorState) -> impl IntoView {
    let a = state.advisor();
    let fields = a
        .inputs
        .iter()
        .enumerate()
        .map(|(index, input)| {
            let kind = input.kind;
            let shown = move || {
                state
                    .visible
                    .with(|v| v.get(index).copied().unwrap_or(true))
            };
            view! {
                <Show when=shown>
                    {match kind {
                        InputKind::Integer | InputKind::Number => {
                            view! { <NumberQuestion state index /> }.into_any()
                        }
                        InputKind::Choice => view! { <ChoiceQuestion state index /> }.into_any(),
                        InputKind::YesNo => view! { <YesNoQuestion state index /> }.into_any(),
                    }}
                </Show>
            }
        })
        .collect_view();
    view! {
        <section id="questions" class="adv-section adv-questions" aria-labelledby="questions-title">
            <h2 id="questions-title" class="adv-heading-2">
                {move || state.heading_for_shown(Key::QuestionsHeading)}
            </h2>
            <div class="adv-question-list">{fields}</div>
        </section>
    }
}

/// What the number box holds relative to the allowed values.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Typed {
    /// An allowed value (or nothing typed yet).
    Valid,
    /// Not a number, out of range or off the step: the scenario keeps the last valid value.
    Invalid,
    /// On commit the box was put back to this allowed value.
    Corrected(f64),
}

/// Ids and texts of one question, shared by the field kinds.
struct Question {
    id: String,
    label: Text,
    help: Text,
    unit: Text,
}

impl Question {
    fn new(state: AdvisorState, index: usize) -> Question {
        state
            .advisor
            .with_value(|a| match a.def.inputs.get_index(index) {
                Some((id, d)) => Question {
                    id: id.clone(),
                    label: d.label.clone(),
                    help: d.help.clone(),
                    unit: d.unit.clone(),
                },
                None => Question {
                    id: format!("q{index}"),
                    label: Text::default(),
                    help: Text::default(),
                    unit: Text::default(),
                },
            })
    }

    fn help_id(&self) -> Option<String> {
        (!self.help.is_empty()).then(|| format!("help-{}", self.id))
    }

    /// The help paragraph, if the question has help text.
    fn help_view(&self, state: AdvisorState) -> impl IntoView + use<> {
        let help = self.help.clone();
        self.help_id().map(|id| {
            view! {
                <p class="adv-field__help" id=id>
                    {move || help.get(state.lang.get()).to_string()}
                </p>
            }
        })
    }
}

/// Joins the ids that describe a control.
fn describedby(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What the error line under a number box says: nothing, the allowed range, or the range and
/// the value the box was put back to.
fn range_message(typed: Typed, (min, max): (f64, f64), whole: bool, lang: Lang) -> String {
    let range = choose_number(
        &plain_number(min, lang),
        &plain_number(max, lang),
        whole,
        lang,
    );
    match typed {
        Typed::Valid => String::new(),
        Typed::Invalid => range,
        Typed::Corrected(v) => format!("{range} {}", filled_in(&plain_number(v, lang), lang)),
    }
}

/// An integer or number question: `<input type="range" id="input-{id}">` and a linked
/// `<input type="number" id="input-{id}-number">`.
#[component]
pub fn NumberQuestion(state: AdvisorState, index: usize) -> impl IntoView {
    let q = Question::new(state, index);
    let (min, max, step, whole) = state.advisor.with_value(|a| {
        a.inputs.get(index).map_or((0.0, 0.0, 1.0, true), |i| {
            let whole = i.kind == InputKind::Integer && i.step.fract() == 0.0;
            (i.min, i.max, i.step, whole)
        })
    });
    let value = Memo::new(move |_| state.input_value(index));
    let typed = RwSignal::new(Typed::Valid);
    let is_allowed = move |v: f64| {
        state
            .advisor
            .with_value(|a| a.answer_value(index, &Answer::Number(v)).is_ok())
    };

    let on_range = move |ev: leptos::ev::Event| {
        if let Some(v) = parse_number(&event_target_value(&ev)) {
            let v = state.advisor.with_value(|a| a.clamp_input(index, v));
            typed.set(Typed::Valid);
            state.set_input(index, v);
        }
    };
    let on_number_input = move |ev: leptos::ev::Event| match parse_number(&event_target_value(&ev))
        .filter(|&v| is_allowed(v))
    {
        Some(v) => {
            typed.set(Typed::Valid);
            state.set_input(index, v);
        }
        None => typed.set(Typed::Invalid),
    };
    // Commit (Enter, leaving the box): put a wrong value back in range.
    let on_number_change = move |ev: leptos::ev::Event| {
        // A box that is removed while it has focus and typed text (the summary opens, the
        // question hides, the widget goes) can fire `change` after its view is gone: then
        // there is nothing left to correct.
        let Some(current) = value.try_get_untracked() else {
            return;
        };
        let el: HtmlInputElement = event_target(&ev);
        let parsed = parse_number(&el.value());
        if parsed.is_some_and(is_allowed) {
            return;
        }
        let v = match parsed {
            Some(v) => state.advisor.with_value(|a| a.clamp_input(index, v)),
            None => current,
        };
        state.set_input(index, v);
        el.set_value(&input_text(v));
        let _ = typed.try_set(Typed::Corrected(v));
    };

    let message = move || range_message(typed.get(), (min, max), whole, state.lang.get());

    let range_id = format!("input-{}", q.id);
    let number_id = format!("input-{}-number", q.id);
    let error_id = format!("error-{}", q.id);
    let unit_id = (!q.unit.is_empty()).then(|| format!("unit-{}", q.id));
    let help_id = q.help_id();
    let range_describedby = describedby(&[help_id.as_deref()]);
    let number_describedby = describedby(&[
        help_id.as_deref(),
        unit_id.as_deref(),
        Some(error_id.as_str()),
    ]);
    let (label, unit) = (q.label.clone(), q.unit.clone());
    let label_text = move || label.get(state.lang.get()).to_string();
    let label_for_box = label_text.clone();
    let unit_for_range = unit.clone();
    let valuetext = move || {
        let lang = state.lang.get();
        let n = plain_number(value.get(), lang);
        let u = unit_for_range.get(lang).trim().to_string();
        if u.is_empty() { n } else { format!("{n} {u}") }
    };
    let unit_view = unit_id.map(|id| {
        view! {
            <span class="adv-number__unit" id=id>
                {move || unit.get(state.lang.get()).to_string()}
            </span>
        }
    });

    view! {
        <div
            class="adv-field adv-field--number"
            class:adv-field--invalid=move || typed.get() == Typed::Invalid
        >
            <label class="adv-field__label" for=range_id.clone()>
                {label_text}
            </label>
            {q.help_view(state)}
            <div class="adv-number">
                <div class="adv-number__slider">
                    <input
                        type="range"
                        class="adv-number__range"
                        id=range_id
                        min=input_text(min)
                        max=input_text(max)
                        step=input_text(step)
                        value=input_text(value.get_untracked())
                        prop:value=move || input_text(value.get())
                        aria-describedby=range_describedby
                        aria-valuetext=valuetext
                        on:input=on_range
                    />
                    <div class="adv-number__scale" aria-hidden="true">
                        <span>{move || plain_number(min, state.lang.get())}</span>
                        <span>{move || plain_number(max, state.lang.get())}</span>
                    </div>
                </div>
                <div class="adv-number__entry">
                    <input
                        type="number"
                        class="adv-number__box"
                        id=number_id
                        inputmode=if whole { "numeric" } else { "decimal" }
                        min=input_text(min)
                        max=input_text(max)
                        step=input_text(step)
                        value=input_text(value.get_untracked())
                        prop:value=move || input_text(value.get())
                        aria-label=move || {
                            format!("{} {}", label_for_box(), state.t(Key::NumberSuffix))
                        }
                        aria-describedby=number_describedby
                        aria-invalid=move || (typed.get() == Typed::Invalid).then_some("true")
                        on:input=on_number_input
                        on:change=on_number_change
                    />
                    {unit_view}
                </div>
            </div>
            <p class="adv-field__error" id=error_id aria-live="polite">
                {message}
            </p>
        </div>
    }
}

/// One radio button: the value it sets and its label.
enum RadioLabel {
    /// From the definition.
    Def(Text),
    /// From the interface strings.
    Ui(Key),
}

/// A fieldset with a legend and one radio button per value.
fn radio_group(
    state: AdvisorState,
    index: usize,
    items: Vec<(f64, RadioLabel)>,
    inline: bool,
) -> impl IntoView {
    let q = Question::new(state, index);
    let value = Memo::new(move |_| state.input_value(index));
    let name = format!("input-{}", q.id);
    let radios = items
        .into_iter()
        .enumerate()
        .map(|(k, (v, label))| {
            let id = format!("input-{}-{k}", q.id);
            let label_for = id.clone();
            let text = move || match &label {
                RadioLabel::Def(def_text) => def_text.get(state.lang.get()).to_string(),
                RadioLabel::Ui(key) => t(*key, state.lang.get()).to_string(),
            };
            view! {
                <label class="adv-radio" for=label_for>
                    <input
                        type="radio"
                        class="adv-radio__input"
                        id=id
                        name=name.clone()
                        value=input_text(v)
                        checked=value.get_untracked() == v
                        prop:checked=move || value.get() == v
                        on:change=move |_| state.set_input(index, v)
                    />
                    <span class="adv-radio__label">{text}</span>
                </label>
            }
        })
        .collect_view();
    let label = q.label.clone();
    view! {
        <RadioForm>
            <fieldset class="adv-field adv-choice" aria-describedby=q.help_id()>
                <legend class="adv-field__label">
                    {move || label.get(state.lang.get()).to_string()}
                </legend>
                {q.help_view(state)}
                <div class="adv-choice__options" class:adv-choice__options--inline=inline>
                    {radios}
                </div>
            </fieldset>
        </RadioForm>
    }
}

/// A choice question: radio buttons labelled with the definition's choices.
#[component]
pub fn ChoiceQuestion(state: AdvisorState, index: usize) -> impl IntoView {
    let items = state
        .advisor
        .with_value(|a| match a.def.inputs.get_index(index) {
            Some((_, d)) => d
                .choices
                .iter()
                .enumerate()
                .map(|(k, c)| (k as f64, RadioLabel::Def(c.label.clone())))
                .collect(),
            None => Vec::new(),
        });
    radio_group(state, index, items, false)
}

/// A yes/no question: two radio buttons, "Ja" and "Nee".
#[component]
pub fn YesNoQuestion(state: AdvisorState, index: usize) -> impl IntoView {
    let items = vec![
        (1.0, RadioLabel::Ui(Key::Yes)),
        (0.0, RadioLabel::Ui(Key::No)),
    ];
    radio_group(state, index, items, true)
}
