//! Everything the engine says in words, in one place: numbers and dates ([`format`]), the
//! languages ([`text`]), the explanation of an advice ([`explain`]), the scenario sentences
//! and, beside the link format, the repair messages (`state::messages`). These modules read
//! the data the other modules compute; no data module calls into them.

pub mod explain;
pub mod format;
pub mod scenario_sentences;
pub mod text;
