//! Advice-module engine: definition model, expression language, validation, evaluation and
//! test cases. No web dependencies; tested natively.
//!
//! Data flow: definition text --[`Advisor::parse`]--> [`Advisor`] (compiled)
//! --[`Advisor::evaluate`] with a [`Scenario`]--> [`Evaluation`] (per option: values,
//! eligibility, score; the ranking).

pub mod cases;
#[cfg(feature = "toml")]
pub mod cli;
pub mod definition;
pub mod expr;
pub mod generate;
pub mod reflection;
pub mod runtime;
pub mod scenarios;
pub mod schema;
pub mod state;
mod wording;

// The modules keep their old paths (`advies_engine::advisor`, `advies_engine::eval`, ...).
pub use definition::{advisor, diag, model};
pub use runtime::{analysis, chart, deps, eval, tradeoff, weights};
pub use wording::{catalogue, explain, format, text};

pub use advisor::Advisor;
pub use diag::{Diagnostic, Diagnostics};
pub use eval::{Answer, Evaluation, Scenario};
pub use model::Definition;
pub use text::{Lang, Text};
pub use tradeoff::{Preference, TradeOff};
