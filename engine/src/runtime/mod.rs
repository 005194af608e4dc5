//! Working with a compiled advisor: evaluating and ranking a scenario ([`eval`]), the
//! analysis of how robust the advice is ([`analysis`]), weights ([`weights`], [`tradeoff`]),
//! chart data ([`chart`]) and which figures an advice rests on ([`deps`]).

pub mod analysis;
pub mod chart;
pub mod deps;
pub mod eval;
pub mod tradeoff;
pub mod weights;
