//! Definition handling: the definition format ([`model`]), reading TOML or JSON text into it,
//! checking it and compiling it into an [`Advisor`](advisor::Advisor), and the diagnostics
//! that say what is wrong ([`diag`]). Nothing here evaluates a scenario.

pub mod advisor;
mod checker;
mod compile;
mod contacts;
mod data_errors;
pub mod diag;
pub(crate) mod domain;
mod events;
mod factors;
mod inputs;
pub mod limits;
mod metadata;
pub mod model;
mod options;
mod parse;
mod spelling;
mod syntax;
mod values;
mod warnings;
