//! "Situaties naast elkaar": up to four scenarios side by side (one at a time, with a switcher,
//! in a narrow column): per scenario the advice, its cost (per week, month or year, as the
//! definition says), how solid it is, a sentence on what changes compared with the first
//! scenario and why, and every answer and weight, with the ones that differ from the first
//! scenario marked (in words, not only in colour).

use std::sync::Arc;

use advies_engine::analysis::Analyzer;
use advies_engine::explain::answer_text;
use advies_engine::scenarios::{compare, comparison_sentence};
use advies_engine::weights::shares_percent;
use advies_engine::{Advisor, Lang, Scenario};
use leptos::prelude::*;

use crate::display::{factor_value_parts, join};
use crate::i18n::{self, Key, t};
use crate::state::AdvisorState;

/// Most scenarios side by side.
pub const MAX_COLUMNS: usize = 4;

/// One scenario's column.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    /// Index in the state's scenarios.
    index: usize,
    name: String,
    /// Label of the best option, or why there is none.
    advice: String,
    /// The advised option's id (for tests and styling).
    advice_id: Option<String>,
    /// Cost of the advised option, per the definition's period (`[analysis] per`).
    cost: Option<String>,
    cost_illustrative: bool,
    /// None when there is no advice.
    borderline: Option<bool>,
    sentence: String,
    /// Per row of `Table::inputs`: the answer (None: not asked in this scenario) and whether it
    /// differs from the first scenario.
    answers: Vec<(Option<String>, bool)>,
    /// Per factor: share in percent and whether it differs from the first scenario.
    weights: Vec<(u32, bool)>,
}

#[derive(Clone, Debug, PartialEq)]
struct Table {
    base_name: String,
    /// Inputs shown as rows: asked in at least one of the columns.
    inputs: Vec<usize>,
    columns: Vec<Column>,
}

fn build(
    a: &Arc<Advisor>,
    scenarios: &[(String, Scenario)],
    chosen: &[usize],
    lang: Lang,
) -> Option<Table> {
    let (base_name, base) = scenarios.first()?;
    let base_ev = a.evaluate(base).ok();
    let evs: Vec<_> = chosen
        .iter()
        .map(|&i| scenarios.get(i).map(|(_, sc)| a.evaluate(sc).ok()))
        .collect();
    let n_inputs = a.inputs.len();
    let inputs: Vec<usize> = (0..n_inputs)
        .filter(|&i| {
            evs.iter()
                .flatten()
                .flatten()
                .any(|ev| ev.visible.get(i).copied().unwrap_or(false))
        })
        .collect();
    let base_shares = shares_percent(&base.weights);
    let mut columns = Vec::new();
    for (k, &i) in chosen.iter().enumerate() {
        let Some((name, sc)) = scenarios.get(i) else {
            continue;
        };
        let ev = evs.get(k).cloned().flatten().flatten();
        let (advice, advice_id, cost, cost_illustrative, borderline) = match &ev {
            None => (
                t(Key::EvalFailed, lang).to_string(),
                None,
                None,
                false,
                None,
            ),
            Some(ev) => match ev.best() {
                None => (
                    t(Key::NoneEligible, lang).to_string(),
                    None,
                    None,
                    false,
                    None,
                ),
                Some(o) => {
                    let cost = a.cost_factor.and_then(|f| {
                        let v = *ev.options.get(o)?.values.get(f)?;
                        Some((
                            join(factor_value_parts(a, f, v, lang)),
                            a.value_is_illustrative(o, f),
                        ))
                    });
                    let an = Analyzer::new(a).analyse(sc, ev, a.def.analysis.borderline_below);
                    (
                        a.option_label(o, lang),
                        Some(a.options[o].id.clone()),
                        cost.as_ref().map(|c| c.0.clone()),
                        cost.is_some_and(|c| c.1),
                        Some(an.margin.borderline),
                    )
                }
            },
        };
        let sentence = if i == 0 {
            t(Key::CompareIsBase, lang).to_string()
        } else {
            match compare(a, base, sc, a.cost_factor) {
                Ok(c) => comparison_sentence(a, &c, base_name, lang),
                Err(_) => t(Key::EvalFailed, lang).to_string(),
            }
        };
        let answers = inputs
            .iter()
            .map(|&q| {
                let asked = ev
                    .as_ref()
                    .is_none_or(|ev| ev.visible.get(q).copied().unwrap_or(false));
                let v = sc.inputs.get(q).copied().unwrap_or(f64::NAN);
                let base_v = base.inputs.get(q).copied().unwrap_or(f64::NAN);
                let base_asked = base_ev
                    .as_ref()
                    .is_none_or(|ev| ev.visible.get(q).copied().unwrap_or(false));
                let differs = i != 0 && (asked != base_asked || (asked && v != base_v));
                (asked.then(|| answer_text(a, q, v, false, lang)), differs)
            })
            .collect();
        let shares = shares_percent(&sc.weights);
        let weights = shares
            .iter()
            .enumerate()
            .map(|(f, &p)| (p, i != 0 && base_shares.get(f) != Some(&p)))
            .collect();
        columns.push(Column {
            index: i,
            name: name.clone(),
            advice,
            advice_id,
            cost,
            cost_illustrative,
            borderline,
            sentence,
            answers,
            weights,
        });
    }
    Some(Table {
        base_name: base_name.clone(),
        inputs,
        columns,
    })
}

/// `<section id="compare">`, shown when there are two or more scenarios.
#[component]
pub fn CompareSection(state: AdvisorState) -> impl IntoView {
    // Which scenarios are side by side (indexes); None: the first MAX_COLUMNS.
    let picked = RwSignal::new(None::<Vec<usize>>);
    // Which column a narrow screen shows.
    let shown = RwSignal::new(0usize);
    let count = Memo::new(move |_| state.doc.with(|d| d.scenarios.len()));
    let chosen = Memo::new(move |_| {
        let n = count.get();
        let mut list: Vec<usize> = picked
            .get()
            .map(|p| p.into_iter().filter(|&i| i < n).collect())
            .unwrap_or_default();
        if list.is_empty() {
            list = (0..n.min(MAX_COLUMNS)).collect();
        }
        list.truncate(MAX_COLUMNS);
        list
    });
    let table = Memo::new(move |_| {
        if count.get() < 2 {
            return None;
        }
        let lang = state.lang.get();
        let a = state.advisor();
        let scenarios: Vec<(String, Scenario)> = state.current.with(|d| {
            d.scenarios
                .iter()
                .map(|n| (n.name.clone(), n.scenario.clone()))
                .collect()
        });
        build(&a, &scenarios, &chosen.get(), lang)
    });
    let shown_col = Memo::new(move |_| {
        let n = chosen.with(Vec::len).max(1);
        shown.get().min(n - 1)
    });
    let body = move || {
        let lang = state.lang.get();
        let Some(tb) = table.get() else {
            return view! {
                <p class="adv-lead" data-testid="compare-empty">{t(Key::CompareEmpty, lang)}</p>
            }
            .into_any();
        };
        let a = state.advisor();
        let cols = tb.columns.len();
        let show = shown_col.get();
        let cell_class = move |k: usize, extra: &str| {
            let mut c = format!("adv-compare__col {extra}");
            if k == show {
                c.push_str(" is-shown");
            }
            c
        };
        let head = tb
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                view! {
                    <th scope="col" class=cell_class(k, "adv-compare__name") data-col=c.index>
                        {c.name.clone()}
                    </th>
                }
            })
            .collect_view();
        let row = |label: String, cells: Vec<AnyView>, testid: &'static str| {
            view! {
                <tr data-testid=testid>
                    <th scope="row">{label}</th>
                    {cells}
                </tr>
            }
        };
        let advice_cells = tb
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                view! {
                    <td class=cell_class(k, "adv-compare__advice") data-option=c.advice_id.clone()>
                        <strong>{c.advice.clone()}</strong>
                    </td>
                }
                .into_any()
            })
            .collect();
        let cost_cells = tb
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                view! {
                    <td class=cell_class(k, "")>
                        {c.cost.clone().unwrap_or_else(|| "—".into())}
                        {c.cost_illustrative.then(|| {
                            crate::ui::illustrative_badge(t(Key::IllustrativePrice, lang))
                        })}
                    </td>
                }
                .into_any()
            })
            .collect();
        let solid_cells = tb
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let tag = c.borderline.map(|b| {
                    if b {
                        view! { <span class="adv-tag adv-tag--borderline">{t(Key::BorderlineTag, lang)}</span> }
                    } else {
                        view! { <span class="adv-tag adv-tag--solid">{t(Key::SolidTag, lang)}</span> }
                    }
                });
                view! { <td class=cell_class(k, "")>{tag}</td> }.into_any()
            })
            .collect();
        let sentence_cells = tb
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                view! { <td class=cell_class(k, "adv-compare__sentence")>{c.sentence.clone()}</td> }
                    .into_any()
            })
            .collect();
        let differs_note = i18n::differs_from(&tb.base_name, lang);
        let mark = move |differs: bool, text: String| {
            let note = differs_note.clone();
            view! {
                <span class="adv-compare__value">{text}</span>
                {differs.then(|| view! { <span class="adv-compare__differs">{note}</span> })}
            }
        };
        let answer_rows = tb
            .inputs
            .iter()
            .enumerate()
            .map(|(r, &q)| {
                let label = a
                    .def
                    .inputs
                    .get_index(q)
                    .map(|(_, d)| d.label.get(lang).to_string())
                    .unwrap_or_default();
                let cells = tb
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(k, c)| {
                        let (text, differs) = c.answers.get(r).cloned().unwrap_or((None, false));
                        let text = text.unwrap_or_else(|| t(Key::NotAsked, lang).to_string());
                        let extra = if differs {
                            "adv-compare__cell--differs"
                        } else {
                            ""
                        };
                        view! {
                            <td class=cell_class(k, extra) data-differs=differs.to_string()>
                                {mark(differs, text)}
                            </td>
                        }
                        .into_any()
                    })
                    .collect::<Vec<_>>();
                row(label, cells, "compare-answer")
            })
            .collect_view();
        let weight_rows = (0..a.factors.len())
            .map(|f| {
                let label = a
                    .def
                    .factors
                    .get_index(f)
                    .map(|(_, d)| i18n::weight_row(d.label.get(lang), lang))
                    .unwrap_or_default();
                let cells = tb
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(k, c)| {
                        let (p, differs) = c.weights.get(f).copied().unwrap_or((0, false));
                        let extra = if differs {
                            "adv-compare__cell--differs"
                        } else {
                            ""
                        };
                        view! {
                            <td class=cell_class(k, extra) data-differs=differs.to_string()>
                                {mark(differs, format!("{p}%"))}
                            </td>
                        }
                        .into_any()
                    })
                    .collect::<Vec<_>>();
                row(label, cells, "compare-weight")
            })
            .collect_view();
        // A group heading spans no columns: with one column shown on a phone, a spanning
        // cell would keep the hidden columns' width in the table.
        let group = move |label: &'static str| {
            let blanks = (0..cols)
                .map(|k| view! { <td class=cell_class(k, "")></td> })
                .collect_view();
            view! {
                <tr class="adv-compare__group">
                    <th scope="rowgroup">{label}</th>
                    {blanks}
                </tr>
            }
        };
        view! {
            <div
                class="adv-compare__scroll"
                tabindex="0"
                role="region"
                aria-label=t(Key::CompareHeading, lang)
            >
                <table class="adv-compare__table" id="compare-table" data-testid="compare-table">
                    <caption class="adv-sr-only">{t(Key::CompareHeading, lang)}</caption>
                    <thead>
                        <tr>
                            <td class="adv-compare__corner"></td>
                            {head}
                        </tr>
                    </thead>
                    <tbody>
                        {row(t(Key::CompareAdvice, lang).into(), advice_cells, "compare-advice")}
                        {row(t(i18n::cost_per_period(a.def.analysis.per), lang).into(), cost_cells, "compare-cost")}
                        {row(t(Key::CompareSolid, lang).into(), solid_cells, "compare-solid")}
                        {row(t(Key::CompareWhat, lang).into(), sentence_cells, "compare-sentence")}
                    </tbody>
                    <tbody>
                        {group(t(Key::CompareAnswers, lang))}
                        {answer_rows}
                    </tbody>
                    <tbody>
                        {group(t(Key::CompareWeights, lang))}
                        {weight_rows}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let ncols = Memo::new(move |_| table.with(|t| t.as_ref().map_or(0, |t| t.columns.len())));
    let position = move || {
        let lang = state.lang.get();
        let show = shown_col.get();
        let name = table.with(|t| {
            t.as_ref()
                .and_then(|t| t.columns.get(show))
                .map(|c| c.name.clone())
                .unwrap_or_default()
        });
        i18n::compare_position(&name, show + 1, ncols.get(), lang)
    };
    let switcher = view! {
        <div class="adv-compare__switcher" data-testid="compare-switcher" hidden=move || ncols.get() < 2>
            <button
                type="button"
                class="adv-button adv-button--secondary"
                aria-disabled=move || (shown_col.get() == 0).to_string()
                aria-controls="compare-table"
                on:click=move |_| shown.set(shown_col.get().saturating_sub(1))
            >
                {move || state.t(Key::ComparePrevious)}
            </button>
            <p aria-live="polite" data-testid="compare-position">{position}</p>
            <button
                type="button"
                class="adv-button adv-button--secondary"
                aria-disabled=move || (shown_col.get() + 1 >= ncols.get()).to_string()
                aria-controls="compare-table"
                on:click=move |_| shown.set((shown_col.get() + 1).min(ncols.get_untracked().saturating_sub(1)))
            >
                {move || state.t(Key::CompareNext)}
            </button>
        </div>
    };
    let picker = move || {
        let n = count.get();
        if n <= MAX_COLUMNS {
            return ().into_any();
        }
        let lang = state.lang.get();
        let names = state.doc.with(|d| {
            d.scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        });
        let boxes = names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let id = format!("compare-pick-{i}");
                let checked = move || chosen.with(|c| c.contains(&i));
                let full = move || chosen.with(|c| c.len() >= MAX_COLUMNS && !c.contains(&i));
                view! {
                    <label class="adv-check" for=id.clone()>
                        <input
                            type="checkbox"
                            id=id.clone()
                            prop:checked=checked
                            aria-disabled=move || full().to_string()
                            on:click=move |ev| {
                                let mut c = chosen.get_untracked();
                                if let Some(pos) = c.iter().position(|&x| x == i) {
                                    if c.len() > 1 {
                                        c.remove(pos);
                                    } else {
                                        ev.prevent_default();
                                    }
                                } else if c.len() < MAX_COLUMNS {
                                    c.push(i);
                                    c.sort_unstable();
                                } else {
                                    ev.prevent_default();
                                }
                                picked.set(Some(c));
                            }
                        />
                        {name}
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="adv-compare__picker">
                <legend>{t(Key::ComparePick, lang)}</legend>
                {boxes}
            </fieldset>
        }
        .into_any()
    };
    view! {
        <section id="compare" class="adv-section adv-compare" aria-labelledby="compare-title" data-testid="compare">
            <h2 id="compare-title" class="adv-heading-2">{move || state.t(Key::CompareHeading)}</h2>
            {picker}
            {switcher}
            {body}
        </section>
    }
}
