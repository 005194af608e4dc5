//! Definition handling: the definition format ([`model`]), reading TOML or JSON text into it,
//! checking it and compiling it into an [`Advisor`](advisor::Advisor), and the diagnostics
//! that say what is wrong ([`diag`]). Nothing here evaluates a scenario.

pub mod advisor;
pub mod diag;
pub(crate) mod domain;
pub mod limits;
pub mod model;
