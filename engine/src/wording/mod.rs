//! What the engine says in words: numbers, amounts and dates ([`format`]), the languages and
//! bilingual texts ([`text`]), the explanation of an advice ([`explain`]) and the scenario
//! sentences ([`scenario_sentences`]). The only other place with sentences is
//! `state/messages.rs` (what a repaired link says), built on these.
//!
//! The direction is one way: these modules read the data that `analysis`, `chart` and
//! `scenarios` compute, and those never call in here (`scenarios` only re-exports its
//! sentences under their old paths). [`text`] is the exception by nature: [`text::Lang`] and
//! [`text::Text`] are used everywhere.

pub mod catalogue;
pub mod explain;
pub mod format;
pub mod scenario_sentences;
pub mod text;
