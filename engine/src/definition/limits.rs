//! The limits a definition must stay within (sizes, counts, weights), shared by the checks,
//! the analysis and the weight sliders.

/// Most problems reported for one definition; after that, expressions are no longer checked
/// (a definition with thousands of mistakes must not freeze the page).
pub const MAX_ERRORS: usize = 100;

/// Largest accepted definition text (bytes). Larger texts get a clear message, not a frozen tab.
pub const MAX_DEFINITION_BYTES: usize = 1_000_000;
/// At most this many options: a citizen cannot compare more, and the analysis of every
/// answer stays fast enough to follow each keystroke.
pub const MAX_OPTIONS: usize = 200;
/// At most this many questions.
pub const MAX_INPUTS: usize = 100;
/// At most this many factors.
pub const MAX_FACTORS: usize = 30;

/// Longest default name of the scenario a life event makes, in characters (per language).
pub const MAX_EVENT_NAME_CHARS: usize = 60;

/// The highest value a weight slider offers; definition weights and presets stay within it.
pub const WEIGHT_MAX: f64 = 10.0;
