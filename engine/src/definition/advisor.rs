//! The compiled advisor: [`Advisor`] and the compiled questions, parameters, derived values,
//! factors, presets, life events, contacts and options it holds, with their slots and look-ups.
//! [`Advisor::parse`] reads and checks a definition ([`super::compile`]).
//!
//! Compile once, evaluate many times: every expression is type-checked and resolved to slot
//! indices when the definition is read, so evaluation does no name look-ups and no allocation
//! per expression.

use crate::diag::{Diagnostic, closest};
use crate::expr::Expr;
pub use crate::model::ContactKind;
use crate::model::{Definition, Direction, InputKind, Scaling, Status};
use crate::text::{Lang, Text};

pub use super::limits::{
    MAX_DEFINITION_BYTES, MAX_ERRORS, MAX_EVENT_NAME_CHARS, MAX_FACTORS, MAX_INPUTS, MAX_OPTIONS,
};
pub use super::parse::deserialize;
pub use super::spelling::{is_date, is_email, is_source_date, is_web_url};

/// A compiled question.
#[derive(Clone, Debug)]
pub struct Input {
    /// Name used in expressions.
    pub id: String,
    /// integer, number, choice, yes_no.
    pub kind: InputKind,
    /// Lowest value (choice: 0; yes/no: 0).
    pub min: f64,
    /// Highest value (choice: number of choices - 1; yes/no: 1).
    pub max: f64,
    /// Step (choice and yes/no: 1).
    pub step: f64,
    /// Default, in the slot encoding (number, choice index, 0/1).
    pub default: f64,
    /// Choice ids (kind = choice).
    pub choices: Vec<String>,
    /// Compiled `visible_if`.
    pub visible_if: Option<Expr>,
}

/// A compiled parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Name used in expressions.
    pub id: String,
    /// The value from the definition.
    pub value: f64,
    /// verified or illustrative.
    pub status: Status,
}

/// A compiled derived value.
#[derive(Clone, Debug)]
pub struct Derived {
    /// Name used in expressions.
    pub id: String,
    /// Compiled expression.
    pub expr: Expr,
}

/// A compiled factor.
#[derive(Clone, Debug)]
pub struct Factor {
    /// Id used in `values` and test cases.
    pub id: String,
    /// lower or higher is better.
    pub direction: Direction,
    /// Default weight.
    pub weight: f64,
    /// How values are scaled to 0..1.
    pub scaling: Scaling,
}

/// A compiled preset: a named set of weights the citizen can pick with one button.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Id from the definition (`[presets.<id>]`).
    pub id: String,
    /// The text on the button.
    pub label: Text,
    /// What the choice means (may be empty).
    pub description: Text,
    /// One weight per factor, in factor order, each from 0 to
    /// [`WEIGHT_MAX`](super::limits::WEIGHT_MAX); factors the preset leaves out are 0. At least
    /// one is above 0.
    pub weights: Vec<f64>,
}

/// A compiled life event: a button that makes a new scenario by changing some answers.
#[derive(Clone, Debug, PartialEq)]
pub struct LifeEvent {
    /// Id from the definition (`[events.<id>]`).
    pub id: String,
    /// The text on the button, e.g. "Ik word 65".
    pub label: Text,
    /// The default name of the new scenario (at most [`MAX_EVENT_NAME_CHARS`] characters).
    pub name: Text,
    /// One or two short sentences about what changes (may be empty).
    pub description: Text,
    /// The new answers: (input index, value as stored in
    /// [`Scenario::inputs`](crate::eval::Scenario::inputs): a number, a
    /// choice index, 1/0 for yes/no), in the order written. Every value is within the input's
    /// range and on its step.
    pub changes: Vec<(usize, f64)>,
}

/// A compiled contact option ("Liever met iemand praten?").
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// web, phone, email or visit.
    pub kind: ContactKind,
    /// What the citizen reads, e.g. "RET klantenservice".
    pub label: Text,
    /// As written: the link, the phone number, the e-mail address, or the address to visit.
    pub value: String,
    /// Where a link goes: the web address, `tel:` + the digits (a leading `+` kept),
    /// `mailto:` + the address, or for a visit the page with addresses (`url`), if any.
    pub href: Option<String>,
    /// When (opening hours), if given.
    pub hours: Option<Text>,
    /// A remark, if given.
    pub note: Option<Text>,
}

/// A compiled option.
#[derive(Clone, Debug)]
pub struct AdvOption {
    /// Id used in test cases and shared state.
    pub id: String,
    /// Compiled `eligible_if`.
    pub eligible_if: Option<Expr>,
    /// One compiled expression per factor, in factor order.
    pub values: Vec<Expr>,
}

/// A validated, compiled advisor. Build it once with [`Advisor::parse`]; evaluate it many times.
#[derive(Clone, Debug)]
pub struct Advisor {
    /// The definition as written (texts, sources, metadata).
    pub def: Definition,
    /// Questions, in order; input `i` lives in slot `i`.
    pub inputs: Vec<Input>,
    /// Parameters; parameter `j` lives in slot `inputs.len() + j`.
    pub params: Vec<Param>,
    /// Derived values; derived `k` lives in slot `inputs.len() + params.len() + k`.
    pub derived: Vec<Derived>,
    /// Evaluation order of derived values (dependencies first).
    pub derived_order: Vec<usize>,
    /// Factors, in order.
    pub factors: Vec<Factor>,
    /// Presets (named sets of weights), in the order written.
    pub presets: Vec<Preset>,
    /// Options, in order.
    pub options: Vec<AdvOption>,
    /// Life events (new scenario from changed answers), in the order written.
    pub events: Vec<LifeEvent>,
    /// Ways to reach a person, in the order written.
    pub contacts: Vec<Contact>,
    /// The factor that is an amount in euro per month (`[analysis] cost_factor`), if any.
    pub cost_factor: Option<usize>,
    /// What `check` warns about in a valid definition (same place information as errors):
    /// questions with the same unit and no `short`, an option with a question's id.
    pub warnings: Vec<Diagnostic>,
}

impl Advisor {
    /// Slot of input `i`.
    pub fn input_slot(&self, i: usize) -> usize {
        i
    }
    /// Slot of parameter `j`.
    pub fn param_slot(&self, j: usize) -> usize {
        self.inputs.len() + j
    }
    /// Slot of derived value `k`.
    pub fn derived_slot(&self, k: usize) -> usize {
        self.inputs.len() + self.params.len() + k
    }
    /// Total number of slots.
    pub fn slot_count(&self) -> usize {
        self.inputs.len() + self.params.len() + self.derived.len()
    }
    /// Index of the input called `id`.
    pub fn input_index(&self, id: &str) -> Option<usize> {
        self.inputs.iter().position(|i| i.id == id)
    }
    /// Index of the parameter called `id`.
    pub fn param_index(&self, id: &str) -> Option<usize> {
        self.params.iter().position(|p| p.id == id)
    }
    /// Index of the derived value called `id`.
    pub fn derived_index(&self, id: &str) -> Option<usize> {
        self.derived.iter().position(|d| d.id == id)
    }
    /// Index of the factor called `id`.
    pub fn factor_index(&self, id: &str) -> Option<usize> {
        self.factors.iter().position(|f| f.id == id)
    }
    /// Index of the preset called `id`.
    pub fn preset_index(&self, id: &str) -> Option<usize> {
        self.presets.iter().position(|p| p.id == id)
    }
    /// Index of the option called `id`.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
    /// Index of the life event called `id`.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }
    /// Slot of any named value (input, parameter or derived).
    pub fn slot_of(&self, name: &str) -> Option<usize> {
        self.input_index(name)
            .map(|i| self.input_slot(i))
            .or_else(|| self.param_index(name).map(|j| self.param_slot(j)))
            .or_else(|| self.derived_index(name).map(|k| self.derived_slot(k)))
    }
    /// The label of option `o` in `lang` (empty for an index out of range).
    pub fn option_label(&self, o: usize, lang: Lang) -> String {
        self.def
            .options
            .get_index(o)
            .map_or_else(String::new, |(_, d)| d.label.get(lang).to_string())
    }

    /// True if any parameter is illustrative (the page must say so).
    pub fn has_illustrative(&self) -> bool {
        self.params.iter().any(|p| p.status == Status::Illustrative)
    }
}

/// A close match for an option id (used by test cases).
pub fn closest_option<'a>(advisor: &'a Advisor, id: &str) -> Option<&'a str> {
    closest(id, advisor.options.iter().map(|o| o.id.as_str()))
}
