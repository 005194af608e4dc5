//! The reactive state of one advisor on screen: answers and weights, language, and the
//! evaluation the engine derives from them.

use std::sync::Arc;

use advies_engine::analysis::{Analysis, Analyzer};
use advies_engine::eval::EvalFailure;
use advies_engine::state::{NameError, NamedScenario, SharedState};
use advies_engine::weights::WEIGHT_MAX;
use advies_engine::{Advisor, Evaluation, Lang, Scenario};
use leptos::html::{Div, H2};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlElement};

use crate::i18n::Key;

/// Shared by all components of one advisor instance. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AdvisorState {
    /// The compiled advisor (parsed once).
    pub advisor: StoredValue<Arc<Advisor>>,
    /// The citizen's answers and weights.
    pub scenario: RwSignal<Scenario>,
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// `advisor.evaluate(&scenario)`, recomputed on every change.
    pub evaluation: Memo<Result<Evaluation, EvalFailure>>,
    /// Tipping points, weight stability, margin and decisive factors of the evaluation.
    pub analysis: Memo<Option<Analysis>>,
    /// Which questions are asked; keeps the last known answer while evaluation fails.
    pub visible: Memo<Vec<bool>>,
    /// The heading of the advice section (the "see the full advice" button moves focus there).
    pub advice_heading: NodeRef<H2>,
    /// What happened when the page was opened from a link, or with a widget's prefilled
    /// answers (shown once at the top).
    pub link_report: RwSignal<Option<LinkReport>>,
    /// All scenarios: names, order, which one is shown, the sequence over time. The answers
    /// of the shown scenario live in [`AdvisorState::scenario`] while the citizen edits them;
    /// the copy in `doc` is brought up to date by [`AdvisorState::commit`]. Read the whole,
    /// always current state from [`AdvisorState::current`].
    pub doc: RwSignal<SharedState>,
    /// `doc` with the shown scenario's current answers and the current language.
    pub current: Memo<SharedState>,
    /// The explore page, or the summary for an employee.
    pub mode: RwSignal<Mode>,
    /// The last scenario action, said in words (shown, and read out by screen readers).
    pub scenario_status: RwSignal<String>,
    /// The state before the last deletion of a scenario (for "ongedaan maken").
    pub undo: RwSignal<Option<(String, SharedState)>>,
    /// When the state was saved on this device (ISO 8601), if it is saved there.
    pub saved_at: RwSignal<Option<String>>,
    /// The `.adv-root` element of this advisor. Elements are looked up inside it
    /// ([`AdvisorState::element`]), never in the whole document: in a widget the advisor lives
    /// in a shadow root, where `document.getElementById` finds nothing.
    pub root: NodeRef<Div>,
    /// True inside a widget on someone else's page ([`crate::AdvisorWidget`]): then nothing
    /// outside `root` is touched (no title, `<html lang>`, address bar or window scrolling),
    /// the link to the state is not offered, and `<header>`, `<main>` and `<footer>` are plain
    /// elements (the host page has its own landmarks).
    pub embedded: bool,
    /// A definition that was not checked by the organisation (a playground prototype link, or
    /// a host page's own definition file): the page always says so at the top, and the
    /// definition cannot switch that off. Built-in advisors: false.
    pub prototype: bool,
    /// How often the citizen asked for a person ("Liever met iemand praten?"); 0 until then.
    pub contact_requests: RwSignal<u32>,
}

/// What the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Questions, weights, advice, scenarios.
    Explore,
    /// "Liever met iemand praten?": the summary for a phone call or a service desk.
    Summary,
}

/// The outcome of opening a shared link: what was repaired, or why nothing could be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkReport {
    /// The link was used; these parts were repaired (never empty).
    Repaired(Vec<advies_engine::state::Problem>),
    /// Nothing in the link could be used; the page starts from the defaults.
    Failed(advies_engine::state::DecodeError),
    /// No link: what was saved on this device (at this moment) was opened.
    FromDevice {
        /// When it was saved (ISO 8601).
        at: String,
        /// What was repaired (an older version of the advisor, ...).
        problems: Vec<advies_engine::state::Problem>,
    },
    /// What was saved on this device could not be used.
    DeviceFailed(advies_engine::state::DecodeError),
    /// A widget's prefilled answers were used; these were repaired or left out (never empty).
    Prefill(Vec<advies_engine::state::Problem>),
}

impl AdvisorState {
    /// State with the default answers and weights of `advisor`.
    pub fn new(advisor: Arc<Advisor>, lang: Lang) -> AdvisorState {
        let scenario = RwSignal::new(advisor.default_scenario());
        let advisor = StoredValue::new(advisor);
        let evaluation = Memo::new(move |_| {
            let a = advisor.get_value();
            scenario.with(|sc| a.evaluate(sc))
        });
        let analysis = Memo::new(move |_| {
            let a = advisor.get_value();
            let sc = scenario.get();
            evaluation.with(|r| {
                r.as_ref()
                    .ok()
                    .map(|ev| Analyzer::new(&a).analyse(&sc, ev, a.def.analysis.borderline_below))
            })
        });
        let visible = Memo::new(move |prev: Option<&Vec<bool>>| {
            evaluation.with(|r| match r {
                Ok(ev) => ev.visible.clone(),
                Err(_) => prev
                    .cloned()
                    .unwrap_or_else(|| vec![true; advisor.with_value(|a| a.inputs.len())]),
            })
        });
        let lang = RwSignal::new(lang);
        let doc = RwSignal::new(advisor.with_value(|a| {
            SharedState::single(a, scenario.get_untracked(), lang.get_untracked())
        }));
        let current = Memo::new(move |_| {
            let mut d = doc.get();
            let active = d.active;
            if let Some(n) = d.scenarios.get_mut(active) {
                scenario.with(|sc| n.scenario.clone_from(sc));
            }
            d.lang = lang.get();
            d
        });
        AdvisorState {
            advisor,
            scenario,
            lang,
            evaluation,
            analysis,
            visible,
            advice_heading: NodeRef::new(),
            link_report: RwSignal::new(None),
            doc,
            current,
            mode: RwSignal::new(Mode::Explore),
            scenario_status: RwSignal::new(String::new()),
            undo: RwSignal::new(None),
            saved_at: RwSignal::new(None),
            root: NodeRef::new(),
            embedded: false,
            prototype: false,
            contact_requests: RwSignal::new(0),
        }
    }

    /// State for a widget ([`AdvisorState::embedded`]), with the default answers and weights.
    pub fn new_embedded(advisor: Arc<Advisor>, lang: Lang) -> AdvisorState {
        AdvisorState {
            embedded: true,
            ..AdvisorState::new(advisor, lang)
        }
    }

    /// The element with id `id` inside this advisor's root, if it is there now.
    pub fn element(&self, id: &str) -> Option<Element> {
        let root = self.root.try_get_untracked().flatten()?;
        root.query_selector(&id_selector(id)).ok().flatten()
    }

    /// Moves the focus to element `id` (inside this advisor) once the view has caught up with
    /// the change.
    pub fn focus_later(&self, id: impl Into<String>) {
        self.later(id.into(), false);
    }

    /// As [`AdvisorState::focus_later`], and scrolls the element into view.
    pub fn reveal_later(&self, id: impl Into<String>) {
        self.later(id.into(), true);
    }

    fn later(&self, id: String, scroll: bool) {
        let state = *self;
        request_animation_frame(move || {
            if let Some(el) = state
                .element(&id)
                .and_then(|el| el.dyn_into::<HtmlElement>().ok())
            {
                let _ = el.focus();
                if scroll {
                    el.scroll_into_view();
                }
            }
        });
    }

    /// The width to size drawings for, in CSS pixels: the viewport on the standalone page, the
    /// advisor's own width in a widget (the viewport says little about a host page's column).
    pub fn drawing_width(&self) -> f64 {
        let viewport = || {
            window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(1280.0)
        };
        if !self.embedded {
            return viewport();
        }
        self.root
            .try_get_untracked()
            .flatten()
            .map(|root| f64::from(root.client_width()))
            .filter(|&w| w > 0.0)
            .unwrap_or_else(viewport)
    }

    /// Copies the shown scenario's answers into `doc` (before any change to the list).
    pub fn commit(&self) {
        let sc = self.scenario.get_untracked();
        let stale = self
            .doc
            .with_untracked(|d| d.scenarios.get(d.active).is_some_and(|n| n.scenario != sc));
        if stale {
            self.doc.update(|d| {
                let active = d.active;
                if let Some(n) = d.scenarios.get_mut(active) {
                    n.scenario = sc;
                }
            });
        }
    }

    /// Replaces the whole state (from a link or from the device).
    pub fn replace(&self, st: SharedState) {
        let active = st
            .active_scenario()
            .map(|n| n.scenario.clone())
            .unwrap_or_else(|| self.advisor.with_value(|a| a.default_scenario()));
        self.lang.set(st.lang);
        self.doc.set(st);
        self.scenario.set(active);
    }

    /// A heading with the shown scenario's name after it when there is more than one
    /// ("Ons advies: Na de verhuizing"), reactive.
    pub fn heading_for_shown(&self, key: Key) -> String {
        let lang = self.lang.get();
        let text = key.get(lang);
        self.doc.with(|d| {
            if d.scenarios.len() > 1 {
                let name = d.active_scenario().map_or("", |n| n.name.as_str());
                advies_engine::catalogue::heading_for_situation(lang, text, name)
            } else {
                text.to_string()
            }
        })
    }

    /// Index of the scenario shown (reactive).
    pub fn active(&self) -> usize {
        self.doc.with(|d| d.active)
    }

    /// Shows scenario `i`.
    pub fn switch_to(&self, i: usize) {
        if i == self.doc.with_untracked(|d| d.active) {
            return;
        }
        self.commit();
        let next = self.doc.with_untracked(|d| d.scenarios.get(i).cloned());
        if let Some(n) = next {
            self.doc.update(|d| d.active = i);
            self.scenario.set(n.scenario);
        }
    }

    /// Adds a copy of the shown scenario, right after it, and shows the copy. Returns its name.
    pub fn duplicate_active(&self, name: &str) -> Option<String> {
        self.commit();
        let mut added = None;
        self.doc.update(|d| {
            let unique = d.unique_name(name);
            let active = d.active;
            if d.duplicate(active, unique.clone()).is_some() {
                added = Some(unique);
            }
        });
        let i = self.doc.with_untracked(|d| d.active + 1);
        if added.is_some() {
            self.switch_to(i);
        }
        added
    }

    /// Adds a scenario made from the shown one by life event `e`, at the end, and shows it.
    /// Returns its name.
    pub fn add_from_event(&self, e: usize, name: &str) -> Option<String> {
        self.commit();
        let a = self.advisor();
        let scenario = self.scenario.with_untracked(|sc| a.apply_event(e, sc));
        let mut added = None;
        self.doc.update(|d| {
            let unique = d.unique_name(name);
            if let Some(i) = d.add(NamedScenario {
                name: unique.clone(),
                scenario,
            }) {
                added = Some((i, unique));
            }
        });
        added.map(|(i, name)| {
            self.switch_to(i);
            name
        })
    }

    /// Deletes scenario `i` (never the last one); the state before is kept for
    /// [`AdvisorState::undo_remove`].
    pub fn remove(&self, i: usize) -> bool {
        self.commit();
        let before = self.doc.get_untracked();
        let Some(name) = before.scenarios.get(i).map(|n| n.name.clone()) else {
            return false;
        };
        let mut done = false;
        self.doc.update(|d| done = d.remove(i));
        if done {
            self.undo.set(Some((name, before)));
            let shown = self
                .doc
                .with_untracked(|d| d.active_scenario().map(|n| n.scenario.clone()));
            if let Some(sc) = shown {
                self.scenario.set(sc);
            }
        }
        done
    }

    /// Brings back the state from before the last deletion.
    pub fn undo_remove(&self) {
        if let Some((_, before)) = self.undo.get_untracked() {
            self.undo.set(None);
            self.replace(before);
        }
    }

    /// Moves scenario `from` to place `to`.
    pub fn move_scenario(&self, from: usize, to: usize) -> bool {
        self.commit();
        let mut done = false;
        self.doc.update(|d| done = d.move_to(from, to));
        done
    }

    /// Renames scenario `i`.
    pub fn rename(&self, i: usize, name: &str) -> Result<(), NameError> {
        let mut result = Ok(());
        let same = self
            .doc
            .with_untracked(|d| d.scenarios.get(i).is_some_and(|n| n.name == name.trim()));
        if !same {
            self.doc.update(|d| result = d.rename(i, name));
        }
        result
    }

    /// The compiled advisor (a cheap `Arc` clone).
    pub fn advisor(&self) -> Arc<Advisor> {
        self.advisor.get_value()
    }

    /// An interface string in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        key.get(self.lang.get())
    }

    /// The current answer to input `i` (reactive).
    pub fn input_value(&self, i: usize) -> f64 {
        let fallback = self
            .advisor
            .with_value(|a| a.inputs.get(i).map_or(0.0, |x| x.default));
        self.scenario
            .with(|s| s.inputs.get(i).copied().unwrap_or(fallback))
    }

    /// Sets the answer to input `i`; does nothing when the value is unchanged.
    pub fn set_input(&self, i: usize, v: f64) {
        let same = self
            .scenario
            .with_untracked(|s| s.inputs.get(i).is_none_or(|&old| old == v));
        if !same {
            self.scenario.update(|s| s.inputs[i] = v);
        }
    }

    /// The current raw weight of factor `f` (reactive).
    pub fn weight_value(&self, f: usize) -> f64 {
        self.scenario
            .with(|s| s.weights.get(f).copied().unwrap_or(0.0))
    }

    /// Sets the raw weight of factor `f` (0..=[`WEIGHT_MAX`]); does nothing when unchanged.
    pub fn set_weight(&self, f: usize, v: f64) {
        let v = if v.is_finite() {
            v.clamp(0.0, WEIGHT_MAX)
        } else {
            return;
        };
        let same = self
            .scenario
            .with_untracked(|s| s.weights.get(f).is_none_or(|&old| old == v));
        if !same {
            self.scenario.update(|s| s.weights[f] = v);
        }
    }

    /// Replaces all weights (one per factor, clamped to 0..=[`WEIGHT_MAX`]); ignored when the
    /// count is wrong or nothing changes.
    pub fn set_weights(&self, weights: &[f64]) {
        let clean: Vec<f64> = weights
            .iter()
            .map(|w| {
                if w.is_finite() {
                    w.clamp(0.0, WEIGHT_MAX)
                } else {
                    0.0
                }
            })
            .collect();
        let ok = self
            .scenario
            .with_untracked(|s| s.weights.len() == clean.len() && s.weights != clean);
        if ok {
            self.scenario.update(|s| s.weights = clean);
        }
    }

    /// The advisor's default weights.
    pub fn default_weights(&self) -> Vec<f64> {
        self.advisor
            .with_value(|a| a.factors.iter().map(|f| f.weight).collect())
    }
}

/// A CSS selector for the element with id `id`, whatever characters the id has (an attribute
/// selector: `#id` would need escaping for ids that start with a digit or hold punctuation).
pub fn id_selector(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 7);
    out.push_str("[id=\"");
    for c in id.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // A line break cannot stand in a CSS string as it is: write it as an escape.
            '\n' | '\r' | '\u{c}' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str("\"]");
    out
}

#[cfg(test)]
mod tests {
    use super::id_selector;

    #[test]
    fn id_selectors_quote_the_id() {
        assert_eq!(id_selector("summary-title"), r#"[id="summary-title"]"#);
        assert_eq!(
            id_selector("rank-up-travel_days"),
            r#"[id="rank-up-travel_days"]"#
        );
        assert_eq!(id_selector("0-3"), r#"[id="0-3"]"#);
        assert_eq!(id_selector(r#"a"b\c"#), r#"[id="a\"b\\c"]"#);
        assert_eq!(id_selector("a\nb"), "[id=\"a\\a b\"]");
    }
}
