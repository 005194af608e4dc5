//! Advice-module engine: definition model, expression language, validation, evaluation and
//! test cases. No web dependencies; tested natively.
//!
//! Data flow: definition text --[`Advisor::parse`]--> [`Advisor`] (compiled)
//! --[`Advisor::evaluate`] with a [`Scenario`]--> [`Evaluation`] (per option: values,
//! eligibility, score; the ranking).

pub mod advisor;
pub mod analysis;
pub mod cases;
pub mod chart;
#[cfg(feature = "toml")]
pub mod cli;
pub mod deps;
pub mod diag;
mod domain;
pub mod eval;
pub mod expr;
pub mod generate;
pub mod model;
pub mod reflection;
pub mod scenarios;
pub mod schema;
pub mod state;
pub mod tradeoff;
pub mod weights;
mod wording;

pub use advisor::Advisor;
pub use diag::{Diagnostic, Diagnostics};
pub use eval::{Answer, Evaluation, Scenario};
pub use model::Definition;
pub use text::{Lang, Text};
pub use tradeoff::{Preference, TradeOff};
pub use wording::{explain, format, text};
