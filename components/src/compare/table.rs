//! The comparison table itself: a column per scenario, rows for the advice, cost, solidity and
//! sentence, then the answers and the weights (what differs from the first scenario marked in
//! words). Built anew from a [`Table`] whenever it or the column shown on a phone changes.

use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use super::columns::{Column, Table};
use crate::display::input_label;
use crate::i18n::{self, Key, t};

/// The class of a cell in column `k`; `show` is the column a narrow screen shows.
fn cell_class(k: usize, show: usize, extra: &str) -> String {
    let mut c = format!("adv-compare__col {extra}");
    if k == show {
        c.push_str(" is-shown");
    }
    c
}

/// One cell per column, made by `cell` from the column and the cell's class (given `extra`).
fn per_column(
    tb: &Table,
    show: usize,
    cell: impl Fn(&Column, &dyn Fn(&str) -> String) -> AnyView,
) -> Vec<AnyView> {
    tb.columns
        .iter()
        .enumerate()
        .map(|(k, c)| cell(c, &|extra| cell_class(k, show, extra)))
        .collect()
}

/// A row: its heading and its cells.
fn row(label: String, cells: Vec<AnyView>, testid: &'static str) -> impl IntoView {
    view! {
        <tr data-testid=testid>
            <th scope="row">{label}</th>
            {cells}
        </tr>
    }
}

/// A value, and after it "anders dan …" when it differs from the first scenario.
fn mark(differs: bool, text: String, note: &str) -> impl IntoView {
    let note = note.to_string();
    view! {
        <span class="adv-compare__value">{text}</span>
        {differs.then(|| view! { <span class="adv-compare__differs">{note}</span> })}
    }
}

/// A cell per column for a value that may differ from the first scenario's.
fn marked_cells(
    tb: &Table,
    show: usize,
    note: &str,
    value: impl Fn(&Column) -> (String, bool),
) -> Vec<AnyView> {
    per_column(tb, show, |c, class| {
        let (text, differs) = value(c);
        let extra = if differs {
            "adv-compare__cell--differs"
        } else {
            ""
        };
        view! {
            <td class=class(extra) data-differs=differs.to_string()>
                {mark(differs, text, note)}
            </td>
        }
        .into_any()
    })
}

/// A group heading spans no columns: with one column shown on a phone, a spanning cell would
/// keep the hidden columns' width in the table.
fn group(label: &'static str, cols: usize, show: usize) -> impl IntoView {
    let blanks = (0..cols)
        .map(|k| view! { <td class=cell_class(k, show, "")></td> })
        .collect_view();
    view! {
        <tr class="adv-compare__group">
            <th scope="rowgroup">{label}</th>
            {blanks}
        </tr>
    }
}

/// The rows above the answers: advice, cost, solid or borderline, what changes.
fn summary_rows(a: &Advisor, tb: &Table, show: usize, lang: Lang) -> impl IntoView {
    let advice_cells = per_column(tb, show, |c, class| {
        view! {
            <td class=class("adv-compare__advice") data-option=c.advice_id.clone()>
                <strong>{c.advice.clone()}</strong>
            </td>
        }
        .into_any()
    });
    let cost_cells = per_column(tb, show, |c, class| {
        view! {
            <td class=class("")>
                {c.cost.clone().unwrap_or_else(|| "—".into())}
                {c.cost_illustrative.then(|| {
                    crate::ui::illustrative_badge(t(Key::IllustrativePrice, lang))
                })}
            </td>
        }
        .into_any()
    });
    let solid_cells = per_column(tb, show, |c, class| {
        let tag = c.borderline.map(|b| {
            if b {
                view! { <span class="adv-tag adv-tag--borderline">{t(Key::BorderlineTag, lang)}</span> }
            } else {
                view! { <span class="adv-tag adv-tag--solid">{t(Key::SolidTag, lang)}</span> }
            }
        });
        view! { <td class=class("")>{tag}</td> }.into_any()
    });
    let sentence_cells = per_column(tb, show, |c, class| {
        view! { <td class=class("adv-compare__sentence")>{c.sentence.clone()}</td> }.into_any()
    });
    view! {
        {row(t(Key::CompareAdvice, lang).into(), advice_cells, "compare-advice")}
        {row(t(i18n::cost_per_period(a.def.analysis.per), lang).into(), cost_cells, "compare-cost")}
        {row(t(Key::CompareSolid, lang).into(), solid_cells, "compare-solid")}
        {row(t(Key::CompareWhat, lang).into(), sentence_cells, "compare-sentence")}
    }
}

/// A row per answer that is asked in one of the columns.
fn answer_rows(a: &Advisor, tb: &Table, show: usize, note: &str, lang: Lang) -> impl IntoView {
    tb.inputs
        .iter()
        .enumerate()
        .map(|(r, &q)| {
            let label = input_label(a, q, lang);
            let cells = marked_cells(tb, show, note, |c| {
                let (text, differs) = c.answers.get(r).cloned().unwrap_or((None, false));
                let text = text.unwrap_or_else(|| t(Key::NotAsked, lang).to_string());
                (text, differs)
            });
            row(label, cells, "compare-answer")
        })
        .collect_view()
}

/// A row per factor: its share of the weights.
fn weight_rows(a: &Advisor, tb: &Table, show: usize, note: &str, lang: Lang) -> impl IntoView {
    (0..a.factors.len())
        .map(|f| {
            let label = a
                .def
                .factors
                .get_index(f)
                .map(|(_, d)| i18n::weight_row(d.label.get(lang), lang))
                .unwrap_or_default();
            let cells = marked_cells(tb, show, note, |c| {
                let (p, differs) = c.weights.get(f).copied().unwrap_or((0, false));
                (format!("{p}%"), differs)
            });
            row(label, cells, "compare-weight")
        })
        .collect_view()
}

/// `#compare-table` in its scrolling region; `show` is the column a narrow screen shows.
pub(super) fn table_view(a: &Advisor, tb: &Table, show: usize, lang: Lang) -> AnyView {
    let cols = tb.columns.len();
    let head = tb
        .columns
        .iter()
        .enumerate()
        .map(|(k, c)| {
            view! {
                <th scope="col" class=cell_class(k, show, "adv-compare__name") data-col=c.index>
                    {c.name.clone()}
                </th>
            }
        })
        .collect_view();
    let differs_note = i18n::differs_from(&tb.base_name, lang);
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
                <tbody>{summary_rows(a, tb, show, lang)}</tbody>
                <tbody>
                    {group(t(Key::CompareAnswers, lang), cols, show)}
                    {answer_rows(a, tb, show, &differs_note, lang)}
                </tbody>
                <tbody>
                    {group(t(Key::CompareWeights, lang), cols, show)}
                    {weight_rows(a, tb, show, &differs_note, lang)}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
