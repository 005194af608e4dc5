//! What the engine says in words, every sentence over the catalogue ([`catalogue`],
//! generated from engine/catalogue/): numbers, amounts and dates ([`format`]), the languages
//! and texts in each language ([`text`]), the explanation of an advice ([`explain`]), the
//! scenario sentences ([`scenario_sentences`]) and what a repaired link says
//! (`repair_messages`: the `message` methods of the state's problems).
//!
//! The direction is one way: these modules read the data that `analysis`, `chart`,
//! `scenarios` and `state` compute, and those never call in here (`scenarios` only
//! re-exports its sentences under their old paths). [`text`] is the exception by nature:
//! [`text::Lang`] and [`text::Text`] are used everywhere.

pub mod catalogue;
pub mod explain;
pub mod format;
mod repair_messages;
pub mod scenario_sentences;
pub mod text;
